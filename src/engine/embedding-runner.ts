import type { LlamaEmbeddingContext, LlamaModel } from "node-llama-cpp";
import type { EmbeddingResult } from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";
import { unitVector } from "../embedding/text-embedder.js";
import { ResourcePool, type PoolStatus } from "./resource-pool.js";

export interface EmbeddingRunnerOptions {
  threads: number;
  /** Longest input, in tokens. */
  contextSize: number;
  /** Embedding requests that may wait while one runs; beyond it, EngineBusyError. */
  maxQueue: number;
}

/**
 * Embeddings through a separate embedding context, created on first use, one request at a time
 * (the rest wait in a bounded FIFO queue) so embedding work never runs unbounded beside chat.
 */
export class EmbeddingRunner {
  private context: Promise<LlamaEmbeddingContext> | undefined;
  private readonly slot: ResourcePool<"slot">;

  constructor(
    private readonly model: LlamaModel,
    private readonly options: EmbeddingRunnerOptions,
  ) {
    this.slot = new ResourcePool({ resources: ["slot"], maxQueue: options.maxQueue });
  }

  async embed(input: readonly string[], signal: AbortSignal): Promise<EmbeddingResult> {
    if (input.length === 0) throw new InvalidRequestError("input must not be empty.", "input");
    const tokenized = input.map((text, index) => {
      const tokens = this.model.tokenize(text);
      // llama.cpp needs one position of the context beyond the input: a text of exactly
      // contextSize tokens is refused by node-llama-cpp too, as a plain Error (a 500).
      if (tokens.length >= this.options.contextSize) {
        throw new InvalidRequestError(
          `input[${index}] has ${tokens.length} tokens; the embedding context of ${this.options.contextSize} holds at most ${this.options.contextSize - 1}. Split the text or raise engine.embeddingContextSize.`,
          "input",
        );
      }
      return tokens;
    });
    const slot = await this.slot.acquire(signal);
    try {
      const context = await this.getContext();
      const embeddings: number[][] = [];
      let promptTokens = 0;
      for (const tokens of tokenized) {
        signal.throwIfAborted();
        promptTokens += tokens.length;
        // An empty text has no tokens; embed it as the empty string so every input gets a vector.
        const embedding = await context.getEmbeddingFor(tokens.length > 0 ? tokens : "");
        // Unit length, as OpenAI's embeddings and sentence-transformers' Normalize give them:
        // llama.cpp returns the pooled vector unscaled (EmbeddingGemma's run in the hundreds).
        embeddings.push([...unitVector(embedding.vector)]);
      }
      return { embeddings, promptTokens };
    } finally {
      this.slot.release(slot);
    }
  }

  status(): PoolStatus {
    return this.slot.status();
  }

  async close(error: Error): Promise<void> {
    this.slot.close(error);
    const context = this.context;
    this.context = undefined;
    if (context !== undefined) await (await context.catch(() => undefined))?.dispose();
  }

  private getContext(): Promise<LlamaEmbeddingContext> {
    this.context ??= this.model
      .createEmbeddingContext({
        contextSize: this.options.contextSize,
        batchSize: this.options.contextSize,
        threads: this.options.threads,
      })
      .catch((error: unknown) => {
        this.context = undefined;
        throw error;
      });
    return this.context;
  }
}
