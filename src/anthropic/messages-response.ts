import { z } from "zod";
import type { ChatEvent, FinishReason, ToolCall, Usage } from "../core/chat.js";

/** Anthropic's wire shapes for a message, built from the backend's events. */
export interface MessageIdentity {
  /** `msg_…`. */
  id: string;
  /** The model that answered. */
  model: string;
}

/** Why the answer ended, in Anthropic's words. */
export function stopReason(finishReason: FinishReason): "end_turn" | "max_tokens" | "tool_use" {
  switch (finishReason) {
    case "length":
      return "max_tokens";
    case "tool_calls":
      return "tool_use";
    case "stop":
      return "end_turn";
  }
}

const toolInputSchema = z.record(z.string(), z.unknown());

/**
 * A call's arguments as a tool_use block's input, a JSON object. No arguments (a function without
 * parameters) is `{}`; arguments that are not a JSON object are kept whole under `arguments`, so a
 * client sees what the model wrote instead of an empty input.
 */
export function toolInput(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { arguments: text };
  }
  const parsed = toolInputSchema.safeParse(value);
  return parsed.success ? parsed.data : { arguments: text };
}

function toolUseBlock(call: ToolCall, input: Record<string, unknown>) {
  return { type: "tool_use" as const, id: call.id, name: call.name, input };
}

/** A whole answer as Anthropic's Message: its text (if any), then its tool calls. */
export function messageObject(
  identity: MessageIdentity,
  answer: { text: string; toolCalls: readonly ToolCall[]; finishReason: FinishReason },
  usage: Usage,
) {
  const content: ({ type: "text"; text: string } | ReturnType<typeof toolUseBlock>)[] =
    answer.text === "" ? [] : [{ type: "text", text: answer.text }];
  for (const call of answer.toolCalls) content.push(toolUseBlock(call, toolInput(call.arguments)));
  return {
    id: identity.id,
    type: "message" as const,
    role: "assistant" as const,
    model: identity.model,
    content,
    stop_reason: stopReason(answer.finishReason),
    stop_sequence: null,
    usage: { input_tokens: usage.promptTokens, output_tokens: usage.completionTokens },
  };
}

/** One streamed event: its `type` names the SSE event. */
export type MessageStreamEvent = { type: string } & Record<string, unknown>;

/**
 * The backend's events as Anthropic's stream, in its order: message_start; a text block
 * (content_block_start, text_delta…, content_block_stop) when the answer has text; each tool call
 * as a tool_use block whose input comes in one input_json_delta; message_delta with the stop
 * reason and usage; message_stop.
 */
export class MessageStreamTranslator {
  readonly #identity: MessageIdentity;
  #started = false;
  /** The index of the next content block. */
  #index = 0;
  #textOpen = false;

  constructor(identity: MessageIdentity) {
    this.#identity = identity;
  }

  /** The Anthropic events for one backend event (message_start before the first). */
  translate(event: ChatEvent): MessageStreamEvent[] {
    const out: MessageStreamEvent[] = [];
    if (!this.#started) {
      this.#started = true;
      out.push(this.#messageStart(event.type === "tool_call" ? undefined : event.usage));
    }
    if (event.type === "delta") {
      if (event.text === "") return out;
      if (!this.#textOpen) {
        this.#textOpen = true;
        out.push({
          type: "content_block_start",
          index: this.#index,
          content_block: { type: "text", text: "" },
        });
      }
      out.push({
        type: "content_block_delta",
        index: this.#index,
        delta: { type: "text_delta", text: event.text },
      });
      return out;
    }
    this.#closeText(out);
    if (event.type === "tool_call") {
      const index = this.#index++;
      const { call } = event;
      const input = toolInput(call.arguments);
      out.push(
        { type: "content_block_start", index, content_block: toolUseBlock(call, {}) },
        {
          type: "content_block_delta",
          index,
          delta: { type: "input_json_delta", partial_json: JSON.stringify(input) },
        },
        { type: "content_block_stop", index },
      );
      return out;
    }
    out.push(
      {
        type: "message_delta",
        delta: { stop_reason: stopReason(event.finishReason), stop_sequence: null },
        usage: {
          input_tokens: event.usage.promptTokens,
          output_tokens: event.usage.completionTokens,
        },
      },
      { type: "message_stop" },
    );
    return out;
  }

  #messageStart(usage: Usage | undefined): MessageStreamEvent {
    return {
      type: "message_start",
      message: {
        id: this.#identity.id,
        type: "message",
        role: "assistant",
        model: this.#identity.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: usage?.promptTokens ?? 0, output_tokens: 0 },
      },
    };
  }

  #closeText(out: MessageStreamEvent[]): void {
    if (!this.#textOpen) return;
    this.#textOpen = false;
    out.push({ type: "content_block_stop", index: this.#index++ });
  }
}
