import { InsufficientMemoryError } from "../core/errors.js";
import type { MemoryEstimate } from "../models/memory-estimate.js";

/** Refuse to load when the estimate exceeds free RAM, saying by how much and what to change. */
export function assertMemoryFits(
  estimate: MemoryEstimate,
  freeMemoryBytes: number,
  modelName: string,
): void {
  if (estimate.totalBytes <= freeMemoryBytes) return;
  throw new InsufficientMemoryError(
    `Not enough free RAM to load "${modelName}": it needs about ${mebibytes(estimate.totalBytes)} ` +
      `(model ${mebibytes(estimate.weightsBytes)} + KV cache ${mebibytes(estimate.kvCacheBytes)} for ` +
      `${estimate.sequences} sequences × ${estimate.contextSize} tokens + embedding context ` +
      `${mebibytes(estimate.embeddingContextBytes)} + compute and runtime ` +
      `${mebibytes(estimate.computeBytes)}), but only ${mebibytes(freeMemoryBytes)} is free. ` +
      `Lower engine.contextSize or engine.sequences (COLIBRI_CONTEXT_SIZE / COLIBRI_SEQUENCES), ` +
      `use a smaller model, or free some memory.`,
  );
}

function mebibytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024 / 1024)} MiB`;
}
