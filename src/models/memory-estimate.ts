/** The shape numbers from GGUF metadata that decide how much memory a context takes. */
export interface ModelShape {
  layers: number;
  embeddingLength: number;
  /** Attention heads: one number, or one per layer (0 for a layer without attention). */
  headCount: number | readonly number[];
  /** Key/value heads: one number, or one per layer. Default `headCount` (no grouped-query attention). */
  headCountKv?: number | readonly number[] | undefined;
  /** Per-head key and value widths. Default `embeddingLength / heads` of the layer. */
  keyLength?: number | undefined;
  valueLength?: number | undefined;
  vocabularySize: number;
}

export interface MemoryEstimate {
  /** The model file, memory-mapped and read in full during inference. */
  weightsBytes: number;
  /** KV cache of the chat context: every sequence at full context. */
  kvCacheBytes: number;
  /**
   * The embedding context (created on the first embeddings request): its KV cache plus the logits
   * llama.cpp keeps for every input token, at the longest input it accepts.
   */
  embeddingContextBytes: number;
  /** Logits for one batch plus a fixed allowance for the runtime and its other buffers. */
  computeBytes: number;
  totalBytes: number;
  contextSize: number;
  sequences: number;
  embeddingContextSize: number;
}

export interface MemoryEstimateInput {
  fileSizeBytes: number;
  /** Undefined when the GGUF lacks the metadata: the estimate is then weights + runtime only. */
  shape: ModelShape | undefined;
  /** Tokens per sequence. */
  contextSize: number;
  sequences: number;
  /** Longest embeddings input in tokens; default min(512, contextSize). */
  embeddingContextSize?: number | undefined;
}

/**
 * Longest embeddings input by default. llama.cpp keeps logits for every token of an embeddings
 * input (vocabulary × 8 bytes per token, measured: +1,368 MiB for one 3,585-token input on
 * SmolLM2), so the embedding context is kept short unless the config raises it.
 */
export const defaultEmbeddingContextSize = 512;

/** The embedding context for a chat context of `contextSize`, unless configured. */
export function resolveEmbeddingContextSize(contextSize: number, configured?: number): number {
  return configured ?? Math.min(defaultEmbeddingContextSize, contextSize);
}

/**
 * Runtime beside weights, KV caches and logits: llama.cpp's load-time copies, vocabulary and
 * activation buffers. Measured with SmolLM2-135M (94 MiB file), 4 sequences × 4096 tokens, on
 * 2 cores: loading, creating both contexts and generating on every sequence grew RSS by ~207 MiB
 * beyond the file and the KV caches; logits (96 MiB) + this allowance = 224 MiB covers it.
 */
export const runtimeAllowanceBytes = 128 * 1024 * 1024;
/** node-llama-cpp's default batch: min(context × sequences, 512) tokens. */
const batchTokens = 512;
const logitBytes = 4; // f32
/** Measured per embeddings-input token: logits plus llama.cpp's output copy. */
const embeddingLogitBytes = 8;
const cacheElementBytes = 2; // f16, node-llama-cpp's default KV cache type

export const memoryEstimateMethod = `weights = file size; KV per token = sum over layers of KV heads × (key + value width) × 2 bytes (F16), every layer at full context (an upper bound for sliding-window models); KV cache = KV per token × context size × sequences; embedding context = (KV per token + vocabulary × 8 bytes) × embedding context size (default min(${defaultEmbeddingContextSize}, context size); created on the first embeddings request); compute = vocabulary × 4 bytes × min(${batchTokens}, context size × sequences) for logits + ${runtimeAllowanceBytes / 1024 / 1024} MiB for the runtime.`;

/** KV-cache bytes per token: for every layer, keys and values of all its KV heads, in f16. */
export function kvBytesPerToken(shape: Omit<ModelShape, "vocabularySize">): number {
  let total = 0;
  for (let layer = 0; layer < shape.layers; layer += 1) {
    const heads = perLayer(shape.headCount, layer);
    const kvHeads = perLayer(shape.headCountKv ?? shape.headCount, layer);
    if (heads === 0 || kvHeads === 0) continue; // e.g. recurrent layers keep no KV cache
    const headWidth = shape.embeddingLength / heads;
    const keyLength = shape.keyLength ?? headWidth;
    const valueLength = shape.valueLength ?? headWidth;
    total += kvHeads * (keyLength + valueLength) * cacheElementBytes;
  }
  return Math.ceil(total);
}

function perLayer(value: number | readonly number[], layer: number): number {
  return typeof value === "number" ? value : (value[layer] ?? 0);
}

/**
 * The RAM the engine takes to serve `shape` with this context (see `memoryEstimateMethod`): the
 * one estimate behind `colibri inspect`, `colibri doctor`, the engine's defaults and its
 * refusal to load.
 */
export function estimateMemory(input: MemoryEstimateInput): MemoryEstimate {
  const { fileSizeBytes, shape, contextSize, sequences } = input;
  const embeddingContextSize = resolveEmbeddingContextSize(contextSize, input.embeddingContextSize);
  const perToken = shape === undefined ? 0 : kvBytesPerToken(shape);
  const kvCacheBytes = perToken * contextSize * sequences;
  const embeddingContextBytes =
    (perToken + (shape?.vocabularySize ?? 0) * embeddingLogitBytes) * embeddingContextSize;
  const logitsBytes =
    (shape?.vocabularySize ?? 0) * logitBytes * Math.min(batchTokens, contextSize * sequences);
  const computeBytes = logitsBytes + runtimeAllowanceBytes;
  return {
    weightsBytes: fileSizeBytes,
    kvCacheBytes,
    embeddingContextBytes,
    computeBytes,
    totalBytes: fileSizeBytes + kvCacheBytes + embeddingContextBytes + computeBytes,
    contextSize,
    sequences,
    embeddingContextSize,
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
