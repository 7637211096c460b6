import type { ChatEvent, FinishReason, Usage } from "../core/chat.js";
import type { AnthropicMessage, AnthropicStreamEvent } from "./anthropic-schemas.js";

/**
 * Turns an Anthropic Messages answer into ChatEvents: text deltas as they come, and `done` with
 * the stop reason and the usage the API reports (input tokens at message_start, output tokens at
 * message_delta). Until then, delta usage is an estimate (prompt characters / 4, one token per
 * text delta). Anthropic sends no log-probabilities, so there is never a confidence.
 */
export class AnthropicAnswerTranslator {
  private inputTokens: number | undefined;
  private outputTokens: number | undefined;
  private textDeltas = 0;
  private finishReason: FinishReason | undefined;
  private ended = false;

  constructor(private readonly promptEstimate: number) {}

  /** Whether message_stop has arrived. */
  get stopped(): boolean {
    return this.ended;
  }

  event(event: AnthropicStreamEvent): ChatEvent | undefined {
    switch (event.type) {
      case "message_start":
        this.recordUsage(event.message.usage);
        return undefined;
      case "content_block_delta": {
        const text = event.delta.type === "text_delta" ? (event.delta.text ?? "") : "";
        if (text === "") return undefined;
        this.textDeltas += 1;
        return { type: "delta", text, logprobs: [], usage: this.runningUsage() };
      }
      case "message_delta":
        if (event.delta.stop_reason) this.finishReason = finishReason(event.delta.stop_reason);
        this.recordUsage(event.usage);
        return undefined;
      case "message_stop":
        this.ended = true;
        return undefined;
      case "content_block_start":
      case "content_block_stop":
      case "ping":
        return undefined;
    }
  }

  done(): ChatEvent {
    return {
      type: "done",
      finishReason: this.finishReason ?? "stop",
      usage: {
        promptTokens: this.inputTokens ?? this.promptEstimate,
        completionTokens: this.outputTokens ?? this.textDeltas,
      },
    };
  }

  private runningUsage(): Usage {
    return {
      promptTokens: this.inputTokens ?? this.promptEstimate,
      completionTokens: this.textDeltas,
    };
  }

  private recordUsage(
    usage:
      | { input_tokens?: number | null | undefined; output_tokens?: number | null | undefined }
      | null
      | undefined,
  ): void {
    if (usage?.input_tokens != null) this.inputTokens = usage.input_tokens;
    if (usage?.output_tokens != null) this.outputTokens = usage.output_tokens;
  }
}

/** The events for a whole message body. */
export function messageEvents(message: AnthropicMessage, promptEstimate: number): ChatEvent[] {
  const text = message.content
    .map((block) => (block.type === "text" ? (block.text ?? "") : ""))
    .join("");
  const events: ChatEvent[] = [];
  if (text !== "") events.push({ type: "delta", text, logprobs: [] });
  events.push({
    type: "done",
    finishReason: finishReason(message.stop_reason ?? "end_turn"),
    usage: {
      promptTokens: message.usage.input_tokens ?? promptEstimate,
      completionTokens: message.usage.output_tokens ?? Math.ceil(text.length / 4),
    },
  });
  return events;
}

/** end_turn, stop_sequence, tool_use, refusal… end the answer; max_tokens cuts it. */
function finishReason(reason: string): FinishReason {
  return reason === "max_tokens" ? "length" : "stop";
}
