import type { EmbeddingResult } from "../core/chat.js";
import { withTaskPrompt, type EmbeddingKind } from "./task-prompts.js";

/** What embeds: the local engine (LocalEngine satisfies it), or a stand-in in tests. */
export interface EmbeddingSource {
  readonly localEmbeddingModel: { name: string; architecture: string | undefined };
  embed(input: string[], signal?: AbortSignal): Promise<EmbeddingResult>;
}

export interface EmbedTextsOptions {
  /** Queries and documents get the model's own task prompts (EmbeddingGemma: see task-prompts.ts). */
  kind: EmbeddingKind;
  signal?: AbortSignal;
}

/** The knowledge base's, the semantic cache's and the router's way to embed text. */
export interface TextEmbedder {
  /** The model the vectors come from (vectors of different models must not be compared). */
  readonly model: string;
  /** One unit-length vector per text, in order: their dot product is their cosine similarity. */
  embedTexts(texts: readonly string[], options: EmbedTextsOptions): Promise<Float32Array[]>;
}

export function createTextEmbedder(source: EmbeddingSource): TextEmbedder {
  const { name, architecture } = source.localEmbeddingModel;
  return {
    model: name,
    async embedTexts(texts, options) {
      if (texts.length === 0) return [];
      const prompted = texts.map((text) => withTaskPrompt(text, options.kind, architecture));
      const result = await source.embed(prompted, options.signal);
      return result.embeddings.map(unitVector);
    },
  };
}

/** `values` scaled to length 1 (a zero vector stays zero). */
export function unitVector(values: readonly number[]): Float32Array {
  let sum = 0;
  for (const value of values) sum += value * value;
  const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  return Float32Array.from(values, (value) => value * scale);
}
