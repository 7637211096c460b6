import { unservedModel } from "../models/unserved-model-hint.js";

/** Names that mean "the local model" for embeddings, which are always computed locally. */
export const localAliases = ["local", "auto"] as const;

/**
 * Check that `requested` names the loaded local model, "local", "auto" or one of `aliases`
 * (server.embeddingModelAliases for embeddings).
 */
export function assertServesModel(
  requested: string,
  loadedModel: string,
  aliases: readonly string[] = [],
): void {
  const names: readonly string[] = [...localAliases, ...aliases];
  if (requested === loadedModel || names.includes(requested)) return;
  throw unservedModel(
    requested,
    `'${loadedModel}' (also reachable as ${names.map((name) => `'${name}'`).join(", ")})`,
  );
}
