import type { MachineInfo } from "../config/machine.js";
import type { RepetitionSettings } from "./chat-generation.js";
import type { EngineLogger } from "./llama-runtime.js";

export interface LocalEngineOptions {
  /** Path of the GGUF file. */
  modelPath: string;
  /** The name requests use for this model. */
  modelName: string;
  /** Cores and RAM, read once at start-up; the defaults come from it. */
  machine: MachineInfo;
  /** CPU threads; default: one core left free (`defaultThreads`). */
  threads?: number | undefined;
  /** Parallel sequences in the one context; default from cores and RAM (see resolveEngineSettings). */
  sequences?: number | undefined;
  /** Tokens of context per sequence; default min(model's trained context, 4096). */
  contextSize?: number | undefined;
  /** Longest embeddings input in tokens; default min(512, contextSize). */
  embeddingContextSize?: number | undefined;
  /**
   * A separate sentence-embedding model (GGUF) for `embed()`; without it, embeddings come from the
   * chat model's own vectors, which separate paraphrases poorly.
   */
  embeddingModel?: { path: string; name: string } | undefined;
  /**
   * A LoRA adapter (llama.cpp's GGUF adapter format) applied to the model in this engine's
   * context: `modelName` then names the adapted model. `scale` multiplies its effect (default 1).
   */
  adapter?: { path: string; scale?: number | undefined } | undefined;
  /** Requests that may wait for a free sequence; beyond it, EngineBusyError (HTTP 429). Default 16. */
  maxQueue?: number | undefined;
  /** Tokens generated when a request sets no max_tokens. Default 512. */
  defaultMaxTokens?: number | undefined;
  /** Repeat penalty and runaway stop; each one left out takes `defaultRepetition`'s value. */
  repetition?: Partial<RepetitionSettings> | undefined;
  /** Where llama.cpp warnings and engine errors go; default: stderr. */
  logger?: EngineLogger | undefined;
}

export const defaultMaxQueue = 16;
/**
 * node-llama-cpp's own chat default (penalty 1.1 over the last 64 tokens, newlines spared), and
 * loops stopped: at temperature 0 a small model otherwise repeats one sentence until max_tokens.
 */
export const defaultRepetition: RepetitionSettings = {
  repeatPenalty: 1.1,
  lastTokens: 64,
  stopRunaway: true,
};
export const defaultMaxTokens = 512;
