import type { ModelShape } from "./memory-estimate.js";

/** Qwen2.5 (and Qwen2.5-Coder) 0.5B and 1.5B, as their GGUF headers give them. */
export const qwen05bShape: ModelShape = {
  layers: 24,
  embeddingLength: 896,
  headCount: 14,
  headCountKv: 2,
  vocabularySize: 151_936,
};
export const qwen15bShape: ModelShape = {
  layers: 28,
  embeddingLength: 1536,
  headCount: 12,
  headCountKv: 2,
  vocabularySize: 151_936,
};
