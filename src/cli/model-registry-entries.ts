import { catalog } from "../models/catalog.js";
import type { InstalledModel } from "../models/model-store.js";
import type { RegisteredModel } from "../core/records/model-registry.js";

/** The registry's entries for the installed models (their manifests, the catalog's licence). */
export function registryEntries(installed: readonly InstalledModel[]): RegisteredModel[] {
  return installed
    .filter((model) => model.present)
    .map((model) => ({
      name: model.name,
      kind: "model",
      source: model.source,
      sha256: model.sha256,
      sizeBytes: model.sizeBytes,
      licence: catalog.find((entry) => entry.name === model.name)?.licence ?? null,
      installedAt: Date.parse(model.installedAt),
      evaluation: null,
    }));
}
