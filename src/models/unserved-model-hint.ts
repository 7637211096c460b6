import { ModelNotFoundError } from "../core/errors.js";
import { catalog as defaultCatalog, type CatalogEntry } from "./catalog.js";
import { parseModelSource } from "./model-source.js";

/**
 * Whether `colibri pull NAME` could fetch this name: a catalog name or a source (hf:, an https://
 * URL, pypi:, a .gguf path). A cloud model's name (`gpt-4o`, `claude-…`) is not.
 */
export function isPullable(
  name: string,
  catalog: readonly CatalogEntry[] = defaultCatalog,
): boolean {
  try {
    parseModelSource(name, { catalog });
    return true;
  } catch {
    return false;
  }
}

/**
 * What to do about a model this server does not serve: pull it and restart when it is pullable;
 * otherwise it is someone's cloud model, reached by configuring a provider.
 */
export function unservedModelHint(model: string, served: string): string {
  if (isPullable(model)) {
    return `This server serves ${served}. Run \`colibri pull ${model}\` and restart with --model ${model} to serve another local model, or add a provider under "providers" in the config.`;
  }
  return `This server serves ${served}. '${model}' is not a model Colibrí can download: to reach a cloud model, add a provider that offers it under "providers" in the config (see docs/configuration.md) and restart.`;
}

/** The 404 for a model this server does not serve, with `unservedModelHint`. */
export function unservedModel(model: string, served: string): ModelNotFoundError {
  return new ModelNotFoundError(model, unservedModelHint(model, served));
}
