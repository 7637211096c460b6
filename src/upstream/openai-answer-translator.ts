import type { ChatEvent, FinishReason, TokenLogprob, TopLogprob, Usage } from "../core/chat.js";
import { ConfidenceTracker } from "../core/confidence-tracker.js";
import type { OpenAIChunk, OpenAICompletion, OpenAITokenLogprob } from "./openai-schemas.js";
import { OpenAIToolCalls } from "./openai-tool-calls.js";

/**
 * Turns an OpenAI-compatible answer, chunk by chunk, into ChatEvents. Usage is the provider's when
 * it sends it; otherwise it is estimated: prompt characters / 4, and one completion token per
 * content chunk (servers stream about a token per chunk), or characters / 4 for a whole JSON body.
 * Confidence is reported only when the provider sent log-probabilities. Tool calls come in pieces
 * and are passed on whole, at the end (`finish`), before `done`.
 */
export class OpenAIAnswerTranslator {
  private finishReason: FinishReason | undefined;
  private reportedUsage: Usage | undefined;
  private contentChunks = 0;
  private contentCharacters = 0;
  private readonly confidence = new ConfidenceTracker();
  private sawLogprobs = false;
  private readonly toolCalls = new OpenAIToolCalls();

  constructor(
    private readonly promptEstimate: number,
    private readonly estimateCompletionBy: "chunks" | "characters" = "chunks",
  ) {}

  /** Whether a choice has ended (the usage chunk may still follow). */
  get finished(): boolean {
    return this.finishReason !== undefined;
  }

  /**
   * The delta event for a chunk, or undefined when it carries no text (role, usage, finish, a
   * piece of a tool call).
   */
  chunk(chunk: OpenAIChunk): ChatEvent | undefined {
    if (chunk.usage) {
      this.reportedUsage = {
        promptTokens: chunk.usage.prompt_tokens,
        completionTokens: chunk.usage.completion_tokens,
      };
    }
    const choice = chunk.choices[0];
    if (choice === undefined) return undefined;
    if (choice.finish_reason) this.finishReason = finishReason(choice.finish_reason);
    const text = choice.delta?.content ?? "";
    const fragments = choice.delta?.tool_calls ?? [];
    for (const fragment of fragments) this.toolCalls.add(fragment);
    if (fragments.length > 0) {
      this.contentChunks += 1;
      this.contentCharacters += fragments.reduce(
        (sum, fragment) => sum + (fragment.function?.arguments?.length ?? 0),
        0,
      );
    }
    const logprobs = (choice.logprobs?.content ?? []).map(tokenLogprob);
    for (const token of logprobs) this.confidence.record(token.logprob);
    if (logprobs.length > 0) this.sawLogprobs = true;
    if (text === "" && logprobs.length === 0) return undefined;
    if (text !== "") {
      this.contentChunks += 1;
      this.contentCharacters += text.length;
    }
    return { type: "delta", text, logprobs, usage: this.usage() };
  }

  /** The answer's tool calls, whole and in order, then `done`. */
  finish(): ChatEvent[] {
    return [...this.toolCalls.events(), this.done()];
  }

  /**
   * `done` alone. An answer with calls that was not cut ends with "tool_calls", whatever the
   * server said (some OpenAI-compatible servers say "stop").
   */
  done(): ChatEvent {
    const reason = this.finishReason ?? "stop";
    return {
      type: "done",
      finishReason: reason === "length" || this.toolCalls.size === 0 ? reason : "tool_calls",
      usage: this.usage(),
      ...(this.sawLogprobs ? { confidence: this.confidence.summary() } : {}),
    };
  }

  private usage(): Usage {
    if (this.reportedUsage !== undefined) return this.reportedUsage;
    const completionTokens =
      this.estimateCompletionBy === "chunks"
        ? this.contentChunks
        : Math.ceil(this.contentCharacters / 4);
    return { promptTokens: this.promptEstimate, completionTokens };
  }
}

/** The events for a whole `chat.completion` body. */
export function completionEvents(
  completion: OpenAICompletion,
  promptEstimate: number,
): ChatEvent[] {
  const translator = new OpenAIAnswerTranslator(promptEstimate, "characters");
  const events: ChatEvent[] = [];
  for (const choice of completion.choices.slice(0, 1)) {
    const delta = translator.chunk({
      choices: [
        {
          delta: {
            content: choice.message.content,
            tool_calls: choice.message.tool_calls?.map((call, index) => ({ index, ...call })),
          },
          finish_reason: choice.finish_reason,
          logprobs: choice.logprobs,
        },
      ],
      usage: completion.usage,
    });
    if (delta !== undefined) events.push(delta);
  }
  events.push(...translator.finish());
  return events;
}

/**
 * OpenAI ends with "stop", "length", "content_filter", "tool_calls"…; only "length" is a cut.
 * Whether the answer ends with calls is told by the calls themselves (see `done`).
 */
function finishReason(reason: string): FinishReason {
  return reason === "length" ? "length" : "stop";
}

function tokenLogprob(token: OpenAITokenLogprob): TokenLogprob {
  return { ...topLogprob(token), topLogprobs: (token.top_logprobs ?? []).map(topLogprob) };
}

function topLogprob(token: {
  token: string;
  logprob: number;
  bytes?: number[] | null | undefined;
}): TopLogprob {
  return {
    token: token.token,
    logprob: token.logprob,
    bytes: token.bytes ?? [...Buffer.from(token.token, "utf8")],
  };
}
