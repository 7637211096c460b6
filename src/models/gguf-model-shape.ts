import type { GgufFileInfo } from "node-llama-cpp";
import type { ModelShape } from "./memory-estimate.js";

/**
 * The shape the RAM estimate needs, from a GGUF header; undefined when the header lacks layers,
 * width or heads. The vocabulary comes from `vocab_size`, else from the tokenizer's token list.
 */
export function ggufModelShape(info: GgufFileInfo): ModelShape | undefined {
  const architecture = info.architectureMetadata as ShapeMetadata;
  const attention = architecture.attention ?? {};
  const layers = architecture.block_count;
  const embeddingLength = architecture.embedding_length;
  const headCount = attention.head_count;
  if (layers === undefined || embeddingLength === undefined || headCount === undefined) {
    return undefined;
  }
  const tokenizer = info.metadata.tokenizer as TokenizerMetadata | undefined;
  return {
    layers,
    embeddingLength,
    headCount,
    headCountKv: attention.head_count_kv,
    keyLength: attention.key_length,
    valueLength: attention.value_length,
    vocabularySize: architecture.vocab_size ?? tokenizer?.ggml?.tokens?.length ?? 0,
  };
}

/**
 * The GGUF fields read here, as files may hold them: node-llama-cpp types `head_count` as one
 * number, but hybrid models give one per layer, and a reader may skip the token list.
 */
interface ShapeMetadata {
  block_count?: number;
  embedding_length?: number;
  vocab_size?: number;
  attention?: {
    head_count?: number | readonly number[];
    head_count_kv?: number | readonly number[];
    key_length?: number;
    value_length?: number;
  };
}

interface TokenizerMetadata {
  ggml?: { tokens?: readonly string[] };
}
