import { unservedModel } from "../models/unserved-model-hint.js";

/** Names that mean "the local model" for embeddings, which are always computed locally. */
export const localAliases = ["local", "auto"] as const;

/** Check that `requested` names the loaded local model or one of its aliases. */
export function assertServesModel(requested: string, loadedModel: string): void {
  if (requested === loadedModel || (localAliases as readonly string[]).includes(requested)) return;
  throw unservedModel(requested, `'${loadedModel}' (also reachable as 'local' and 'auto')`);
}
