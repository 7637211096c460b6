import { catalog } from "../models/catalog.js";
import type { InstalledModel } from "../models/model-store.js";
import type { RegisteredModel } from "../core/records/model-registry.js";

/**
 * The registry's entries for the installed models and adapters (their manifests, the catalog's
 * licence).
 */
export function registryEntries(installed: readonly InstalledModel[]): RegisteredModel[] {
  return installed
    .filter((model) => model.present)
    .map((model) => ({
      name: model.name,
      kind: model.adapter === undefined ? ("model" as const) : ("adapter" as const),
      // An adapter's source names its base: `adapter of <base>: <file it was added from>`.
      source:
        model.adapter === undefined
          ? model.source
          : `adapter of ${model.adapter.base}: ${model.source}`,
      sha256: model.sha256,
      sizeBytes: model.sizeBytes,
      licence: catalog.find((entry) => entry.name === model.name)?.licence ?? null,
      installedAt: Date.parse(model.installedAt),
      evaluation: null,
    }));
}
