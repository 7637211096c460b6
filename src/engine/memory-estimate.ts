import { InsufficientMemoryError } from "../core/errors.js";
import { runtimeOverheadBytes, type EngineSettings } from "./engine-settings.js";
import type { ModelFootprint } from "./model-footprint.js";

export interface MemoryEstimate {
  modelBytes: number;
  kvCacheBytes: number;
  /** The embedding context (created on the first embeddings request): one more context's KV. */
  embeddingBytes: number;
  overheadBytes: number;
  totalBytes: number;
}

/**
 * RAM the engine will take: weights + KV cache (per token × context × sequences) + the embedding
 * context + runtime.
 */
export function estimateEngineMemory(
  model: ModelFootprint,
  settings: Pick<EngineSettings, "sequences" | "contextSize">,
): MemoryEstimate {
  const kvCacheBytes = model.kvBytesPerToken * settings.contextSize * settings.sequences;
  const embeddingBytes = model.kvBytesPerToken * settings.contextSize;
  const totalBytes = model.fileSizeBytes + kvCacheBytes + embeddingBytes + runtimeOverheadBytes;
  return {
    modelBytes: model.fileSizeBytes,
    kvCacheBytes,
    embeddingBytes,
    overheadBytes: runtimeOverheadBytes,
    totalBytes,
  };
}

/** Refuse to load when the estimate exceeds free RAM, saying by how much and what to change. */
export function assertMemoryFits(
  estimate: MemoryEstimate,
  settings: Pick<EngineSettings, "sequences" | "contextSize">,
  freeMemoryBytes: number,
  modelName: string,
): void {
  if (estimate.totalBytes <= freeMemoryBytes) return;
  throw new InsufficientMemoryError(
    `Not enough free RAM to load "${modelName}": it needs about ${mebibytes(estimate.totalBytes)} ` +
      `(model ${mebibytes(estimate.modelBytes)} + KV cache ${mebibytes(estimate.kvCacheBytes)} for ` +
      `${settings.sequences} sequences × ${settings.contextSize} tokens + embedding context ` +
      `${mebibytes(estimate.embeddingBytes)} + runtime ${mebibytes(estimate.overheadBytes)}), ` +
      `but only ${mebibytes(freeMemoryBytes)} is free. Lower engine.contextSize or engine.sequences ` +
      `(COLIBRI_CONTEXT_SIZE / COLIBRI_SEQUENCES), use a smaller model, or free some memory.`,
  );
}

function mebibytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024 / 1024)} MiB`;
}
