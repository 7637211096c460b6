import type {
  BackendStatus,
  ChatBackend,
  ChatEvent,
  ChatRequest,
  EmbeddingResult,
  ToolCall,
} from "../../src/core/chat.js";
import { EngineBusyError } from "../../src/core/errors.js";

/**
 * A ChatBackend for the fast suite: replays scripted tokens with a delay, honours abort, and can be
 * told to report a full queue. It exercises the server's plumbing, never model behaviour.
 */
export class ScriptedBackend implements ChatBackend {
  readonly model: string;
  readonly requests: ChatRequest[] = [];
  tokens = ["Hola", ",", " ¿qué", " tal", "?"];
  /** The tokens to answer a given request with; default `tokens`. */
  tokensOf: (request: ChatRequest) => string[] = () => this.tokens;
  tokenDelayMs = 0;
  /** Every token's log-probability: how sure the "model" is (exp(-0.5) ≈ 0.61). */
  logprob = -0.5;
  /** The log-probability for a given request; default `logprob`. */
  logprobOf: (request: ChatRequest) => number = () => this.logprob;
  /** A text's "embedding"; default [length, 0.5, -1]. */
  embeddingOf: (text: string) => number[] = (text) => [text.length, 0.5, -1];
  busy = false;
  /** The tool calls to end a given request's answer with (finish "tool_calls"); default none. */
  toolCallsOf: (request: ChatRequest) => ToolCall[] = () => [];
  /** Mark the final event as a runaway loop cut short (finish "length"), as the local engine does. */
  runaway = false;
  aborted = 0;
  active = 0;

  constructor(model = "scripted-model") {
    this.model = model;
  }

  async *chat(request: ChatRequest): AsyncGenerator<ChatEvent> {
    this.requests.push(request);
    if (this.busy) throw new EngineBusyError(16, 2);
    this.active++;
    try {
      let generated = 0;
      const tokens = this.tokensOf(request);
      for (const token of tokens.slice(0, request.sampling.maxTokens ?? Infinity)) {
        if (this.tokenDelayMs > 0) await delay(this.tokenDelayMs);
        if (request.signal?.aborted === true) {
          this.aborted++;
          return;
        }
        generated++;
        const logprob = this.logprobOf(request);
        const logprobs = request.logprobs
          ? [
              {
                token,
                logprob,
                bytes: [...Buffer.from(token)],
                topLogprobs: Array.from({ length: request.logprobs.topLogprobs }, () => ({
                  token,
                  logprob,
                  bytes: [...Buffer.from(token)],
                })),
              },
            ]
          : [];
        yield {
          type: "delta",
          text: token,
          logprobs,
          usage: { promptTokens: 7, completionTokens: generated },
        };
      }
      const calls = generated < tokens.length ? [] : this.toolCallsOf(request);
      for (const [index, call] of calls.entries()) yield { type: "tool_call", index, call };
      yield {
        type: "done",
        finishReason:
          generated < tokens.length || this.runaway
            ? "length"
            : calls.length > 0
              ? "tool_calls"
              : "stop",
        usage: { promptTokens: 7, completionTokens: generated },
        confidence: {
          tokens: generated,
          meanLogprob: this.logprobOf(request),
          minLogprob: this.logprobOf(request),
        },
        ...(this.runaway ? { runaway: true } : {}),
      };
    } finally {
      this.active--;
    }
  }

  /** A token per four characters of the messages, as a stand-in tokenizer. */
  countTokens(request: ChatRequest): number {
    const characters = request.messages.reduce((sum, message) => sum + message.content.length, 0);
    return Math.ceil(characters / 4);
  }

  embed(input: string[]): Promise<EmbeddingResult> {
    return Promise.resolve({
      embeddings: input.map((text) => this.embeddingOf(text)),
      promptTokens: input.length * 3,
    });
  }

  status(): BackendStatus {
    return {
      model: this.model,
      sequencesTotal: 4,
      sequencesInUse: this.active,
      queued: 0,
      maxQueue: 16,
    };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
