/** The shape numbers from GGUF metadata that decide how much memory a context takes. */
export interface ModelShape {
  layers: number;
  embeddingLength: number;
  headCount: number;
  /** Key/value heads: one number, or one per layer. Default `headCount` (no grouped-query attention). */
  headCountKv?: number | readonly number[] | undefined;
  /** Per-head key and value widths. Default `embeddingLength / headCount`. */
  keyLength?: number | undefined;
  valueLength?: number | undefined;
  vocabularySize: number;
}

export interface MemoryEstimate {
  /** The model file, memory-mapped and read in full during inference. */
  weightsBytes: number;
  kvCacheBytes: number;
  /** Scratch buffers for one batch: the logits plus a fixed allowance for activations. */
  computeBytes: number;
  totalBytes: number;
  contextSize: number;
  sequences: number;
}

export const memoryEstimateMethod =
  "weights = file size; KV cache = layers × KV heads × (key + value width) × 2 bytes (F16) × context size × sequences, every layer at full context (an upper bound for sliding-window models); compute = vocabulary × 4 bytes × min(512, context × sequences) for logits + 32 MiB for activations.";

const batchTokens = 512;
const activationAllowanceBytes = 32 * 1024 * 1024;
const cacheElementBytes = 2;

/** A deliberately conservative RAM estimate for running `shape` with this context (see method). */
export function estimateMemory(input: {
  fileSizeBytes: number;
  shape: ModelShape | undefined;
  contextSize: number;
  sequences: number;
}): MemoryEstimate {
  const { fileSizeBytes, shape, contextSize, sequences } = input;
  let kvCacheBytes = 0;
  let computeBytes = activationAllowanceBytes;
  if (shape !== undefined) {
    const headWidth = shape.embeddingLength / Math.max(1, shape.headCount);
    const keyLength = shape.keyLength ?? headWidth;
    const valueLength = shape.valueLength ?? headWidth;
    for (let layer = 0; layer < shape.layers; layer += 1) {
      const kvHeads =
        typeof shape.headCountKv === "number"
          ? shape.headCountKv
          : (shape.headCountKv?.[layer] ?? shape.headCount);
      kvCacheBytes +=
        kvHeads * (keyLength + valueLength) * cacheElementBytes * contextSize * sequences;
    }
    computeBytes += shape.vocabularySize * 4 * Math.min(batchTokens, contextSize * sequences);
  }
  return {
    weightsBytes: fileSizeBytes,
    kvCacheBytes,
    computeBytes,
    totalBytes: fileSizeBytes + kvCacheBytes + computeBytes,
    contextSize,
    sequences,
  };
}

export interface MemoryFit {
  /** The machine has this much RAM in total. */
  fitsInTotal: boolean;
  /** This much RAM is free right now. */
  fitsInFree: boolean;
}

export function memoryFit(
  estimate: MemoryEstimate,
  machine: { totalMemoryBytes: number; freeMemoryBytes: number },
): MemoryFit {
  return {
    fitsInTotal: estimate.totalBytes <= machine.totalMemoryBytes,
    fitsInFree: estimate.totalBytes <= machine.freeMemoryBytes,
  };
}
