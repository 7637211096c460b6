import type {
  BackendStatus,
  ChatBackend,
  ChatEvent,
  ChatRequest,
  EmbeddingResult,
} from "../../src/core/chat.js";

/** Tokens every instant answer reports using: a short prompt and a short reply. */
export const instantUsage = { promptTokens: 20, completionTokens: 8 } as const;

/**
 * The gateway benchmark's stand-in for a model: it answers every chat at once (one short delta,
 * then done with fixed usage) and embeds instantly, so only the platform around it is measured.
 * It never waits, never queues and never fails.
 */
export class InstantBackend implements ChatBackend {
  readonly model = "instant";

  // eslint-disable-next-line @typescript-eslint/require-await -- an async generator that never waits
  async *chat(_request: ChatRequest): AsyncGenerator<ChatEvent> {
    yield { type: "delta", text: "ok", logprobs: [] };
    yield {
      type: "done",
      finishReason: "stop",
      usage: { ...instantUsage },
      confidence: { tokens: instantUsage.completionTokens, meanLogprob: -0.1, minLogprob: -0.5 },
    };
  }

  embed(input: string[]): Promise<EmbeddingResult> {
    return Promise.resolve({
      embeddings: input.map((text) => [text.length, 0.5, -0.5, 0]),
      promptTokens: input.length * 4,
    });
  }

  status(): BackendStatus {
    return { model: this.model, sequencesTotal: 1, sequencesInUse: 0, queued: 0, maxQueue: 16 };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
