import { stat } from "node:fs/promises";
import { readGgufFileInfo } from "node-llama-cpp";

/** What the engine needs to know about a model file before loading it (sizes, not weights). */
export interface ModelFootprint {
  /** Size of the GGUF file; the weights are memory-mapped, so roughly what loading costs. */
  fileSizeBytes: number;
  /** Context length the model was trained with; undefined when the GGUF does not say. */
  trainContextSize: number | undefined;
  /** KV-cache bytes per token of context (f16 keys and values over all layers). */
  kvBytesPerToken: number;
}

/** Attention shape, as GGUF `<architecture>.*` metadata gives it. */
export interface AttentionShape {
  blockCount: number;
  embeddingLength: number;
  headCount: number | readonly number[];
  headCountKv?: number | readonly number[] | undefined;
  keyLength?: number | undefined;
  valueLength?: number | undefined;
}

const bytesPerKvElement = 2; // f16, node-llama-cpp's default KV cache type

/** KV-cache bytes per token: for every layer, keys and values of all KV heads, in f16. */
export function kvBytesPerToken(shape: AttentionShape): number {
  let total = 0;
  for (let layer = 0; layer < shape.blockCount; layer++) {
    const heads = perLayer(shape.headCount, layer);
    const kvHeads = perLayer(shape.headCountKv ?? shape.headCount, layer);
    if (heads === 0 || kvHeads === 0) continue; // e.g. recurrent layers keep no KV cache
    const headDimension = shape.embeddingLength / heads;
    const keyLength = shape.keyLength ?? headDimension;
    const valueLength = shape.valueLength ?? headDimension;
    total += kvHeads * (keyLength + valueLength) * bytesPerKvElement;
  }
  return Math.ceil(total);
}

function perLayer(value: number | readonly number[], layer: number): number {
  return typeof value === "number" ? value : (value[layer] ?? 0);
}

/** Read the GGUF header (not the weights) and the file size. */
export async function readModelFootprint(modelPath: string): Promise<ModelFootprint> {
  const [fileStat, info] = await Promise.all([
    stat(modelPath),
    readGgufFileInfo(modelPath, {
      readTensorInfo: false,
      logWarnings: false,
      ignoreKeys: [
        "tokenizer.ggml.tokens",
        "tokenizer.ggml.merges",
        "tokenizer.ggml.token_type",
        "tokenizer.ggml.scores",
      ],
    }),
  ]);
  const metadata = info.architectureMetadata as ArchitectureMetadata;
  const attention = metadata.attention ?? {};
  const shape: AttentionShape = {
    blockCount: metadata.block_count ?? 0,
    embeddingLength: metadata.embedding_length ?? 0,
    headCount: attention.head_count ?? 0,
    headCountKv: attention.head_count_kv,
    keyLength: attention.key_length,
    valueLength: attention.value_length,
  };
  return {
    fileSizeBytes: fileStat.size,
    trainContextSize: metadata.context_length,
    kvBytesPerToken: kvBytesPerToken(shape),
  };
}

/** The subset of GGUF architecture metadata read here; every field may be missing. */
interface ArchitectureMetadata {
  context_length?: number;
  block_count?: number;
  embedding_length?: number;
  attention?: {
    head_count?: number | number[];
    head_count_kv?: number | number[];
    key_length?: number;
    value_length?: number;
  };
}
