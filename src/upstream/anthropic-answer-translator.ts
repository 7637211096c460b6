import type { ChatEvent, FinishReason, ToolCall, Usage } from "../core/chat.js";
import type { AnthropicMessage, AnthropicStreamEvent } from "./anthropic-schemas.js";

/**
 * Turns an Anthropic Messages answer into ChatEvents: text deltas as they come, the tool_use
 * blocks as whole `tool_call` events at the end (their input arrives as pieces of JSON text), and
 * `done` with the stop reason and the usage the API reports (input tokens at message_start,
 * output tokens at message_delta). Until then, delta usage is an estimate (prompt characters / 4,
 * one token per delta). Anthropic sends no log-probabilities, so there is never a confidence.
 */
export class AnthropicAnswerTranslator {
  private inputTokens: number | undefined;
  private outputTokens: number | undefined;
  private deltas = 0;
  private finishReason: FinishReason | undefined;
  private ended = false;
  /** The tool_use blocks by their place among the content blocks, input as JSON text so far. */
  private readonly toolUses = new Map<number, ToolCall>();

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
      case "content_block_start": {
        const block = event.content_block;
        if (block?.type === "tool_use") {
          this.toolUses.set(event.index, {
            id: block.id ?? "",
            name: block.name ?? "",
            arguments: "",
          });
        }
        return undefined;
      }
      case "content_block_delta": {
        const { delta } = event;
        const toolUse = this.toolUses.get(event.index);
        if (delta.type === "input_json_delta" && toolUse !== undefined) {
          toolUse.arguments += delta.partial_json ?? "";
          this.deltas += 1;
          return undefined;
        }
        const text = delta.type === "text_delta" ? (delta.text ?? "") : "";
        if (text === "") return undefined;
        this.deltas += 1;
        return { type: "delta", text, logprobs: [], usage: this.runningUsage() };
      }
      case "message_delta":
        if (event.delta.stop_reason) this.finishReason = finishReason(event.delta.stop_reason);
        this.recordUsage(event.usage);
        return undefined;
      case "message_stop":
        this.ended = true;
        return undefined;
      case "content_block_stop":
      case "ping":
        return undefined;
    }
  }

  /** The answer's tool calls, whole and in the order of their blocks, then `done`. */
  finish(): ChatEvent[] {
    const calls = [...this.toolUses.entries()]
      .sort(([left], [right]) => left - right)
      .map(([, call]) => call);
    return [
      ...toolCallEvents(calls),
      {
        type: "done",
        finishReason: withCalls(this.finishReason ?? "stop", calls.length),
        usage: {
          promptTokens: this.inputTokens ?? this.promptEstimate,
          completionTokens: this.outputTokens ?? this.deltas,
        },
      },
    ];
  }

  private runningUsage(): Usage {
    return {
      promptTokens: this.inputTokens ?? this.promptEstimate,
      completionTokens: this.deltas,
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
  const calls = message.content
    .filter((block) => block.type === "tool_use")
    .map((block) => ({
      id: block.id ?? "",
      name: block.name ?? "",
      arguments: JSON.stringify(block.input ?? {}),
    }));
  const events: ChatEvent[] = [];
  if (text !== "") events.push({ type: "delta", text, logprobs: [] });
  events.push(...toolCallEvents(calls), {
    type: "done",
    finishReason: withCalls(finishReason(message.stop_reason ?? "end_turn"), calls.length),
    usage: {
      promptTokens: message.usage.input_tokens ?? promptEstimate,
      completionTokens: message.usage.output_tokens ?? Math.ceil(text.length / 4),
    },
  });
  return events;
}

/** A call whose input came in no pieces took no arguments: "{}". */
function toolCallEvents(calls: readonly ToolCall[]): ChatEvent[] {
  return calls.map((call, index) => ({
    type: "tool_call",
    index,
    call: { ...call, arguments: call.arguments === "" ? "{}" : call.arguments },
  }));
}

/** end_turn, stop_sequence, refusal… end the answer; max_tokens cuts it; tool_use ends in calls. */
function finishReason(reason: string): FinishReason {
  if (reason === "max_tokens") return "length";
  return reason === "tool_use" ? "tool_calls" : "stop";
}

/** An answer with calls that was not cut ends with "tool_calls"; one without, never. */
function withCalls(reason: FinishReason, calls: number): FinishReason {
  if (reason === "length") return reason;
  return calls > 0 ? "tool_calls" : "stop";
}
