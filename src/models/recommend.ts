import type { MachineInfo } from "../config/machine.js";
import { catalogSizeBytes, type CatalogEntry } from "./catalog-entry.js";
import { estimateMemory } from "./memory-estimate.js";

/** Context the recommendation plans for: one sequence of 4096 tokens (the engine's default ceiling). */
export const recommendationContextSize = 4096;
/** Share of free RAM a model may plan to use (the engine's own default budget). */
const memoryShare = 0.75;
/** On this many cores or fewer, models over `smallMachineMaxParameters` are passed over as too slow. */
const smallMachineCores = 2;
const smallMachineMaxParameters = 2e9;

export interface ModelFitReport {
  entry: CatalogEntry;
  /** Estimated RAM with one sequence of `recommendationContextSize` tokens. */
  ramBytes: number;
  /** Whether the KV cache is in the estimate (the catalog knows the model's shape). */
  ramIncludesKvCache: boolean;
  fitsInFree: boolean;
  /**
   * Generation speed relative to `reference` (1 = as fast): decoding on a CPU reads every weight
   * once per token, so speed goes as the inverse of the file size.
   */
  relativeSpeed: number;
  recommended: boolean;
}

/**
 * Which catalog chat models fit this machine: RAM from the one memory estimate (file + KV cache +
 * runtime, one 4096-token sequence) against 75 % of free RAM; speed relative to `reference` (the
 * default model). The recommendation is the largest instruction-tuned model, strong in Spanish and
 * Portuguese, that fits — on 2 cores or fewer, none over 2 B parameters (they read over twice the
 * default's weights per token); when none fits, the smallest instruction-tuned model that does.
 */
export function recommendModels(
  entries: readonly CatalogEntry[],
  machine: MachineInfo,
  reference: CatalogEntry | undefined,
): ModelFitReport[] {
  const budget = machine.freeMemoryBytes * memoryShare;
  const referenceSize = reference === undefined ? undefined : catalogSizeBytes(reference);
  // Chat models only: an embedding model serves beside one, and the estimate's context terms
  // (KV cache, logits per token) do not describe a pooled embedding model.
  const chatEntries = entries.filter((entry) => entry.task !== "embedding");
  const reports = chatEntries.map((entry): ModelFitReport => {
    const sizeBytes = catalogSizeBytes(entry);
    const estimate = estimateMemory({
      fileSizeBytes: sizeBytes,
      shape: entry.shape,
      contextSize: Math.min(entry.contextLength, recommendationContextSize),
      sequences: 1,
    });
    return {
      entry,
      ramBytes: estimate.totalBytes,
      ramIncludesKvCache: entry.shape !== undefined,
      fitsInFree: estimate.totalBytes <= budget,
      relativeSpeed: referenceSize === undefined ? 1 : referenceSize / sizeBytes,
      recommended: false,
    };
  });
  const usable = reports.filter(
    (report) =>
      report.fitsInFree &&
      report.entry.instructionTuned &&
      (machine.cores > smallMachineCores ||
        report.entry.parameterCount <= smallMachineMaxParameters),
  );
  const everyday = usable.filter((report) =>
    ["es", "pt"].every((language) => report.entry.languages.strong.includes(language)),
  );
  const choice =
    largest(everyday) ??
    [...usable].sort((a, b) => a.entry.parameterCount - b.entry.parameterCount)[0];
  if (choice !== undefined) choice.recommended = true;
  return reports;
}

/** The largest by parameters; pinned entries win ties (they need no network beyond the package index). */
function largest(reports: ModelFitReport[]): ModelFitReport | undefined {
  return [...reports].sort(
    (a, b) =>
      b.entry.parameterCount - a.entry.parameterCount ||
      Number(b.entry.checksum === "pinned") - Number(a.entry.checksum === "pinned"),
  )[0];
}
