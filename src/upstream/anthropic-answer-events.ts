import type { ChatEvent } from "../core/chat.js";
import { UpstreamProtocolError } from "../core/errors.js";
import { AnthropicAnswerTranslator, messageEvents } from "./anthropic-answer-translator.js";
import {
  anthropicMessageSchema,
  anthropicStreamEventSchema,
  knownAnthropicEventTypes,
} from "./anthropic-schemas.js";
import type { UpstreamResponse } from "./http-transport.js";
import { checkPayload, parseJsonPayload, parseJsonText } from "./json-payload.js";
import type { ProviderContext } from "./provider-context.js";
import { readServerSentEvents } from "./server-sent-events.js";
import { upstreamErrorFromStreamEvent } from "./upstream-error-response.js";

/**
 * The ChatEvents of an Anthropic Messages answer: the SSE stream up to message_stop (pings and
 * event types this reader does not know are skipped), or a whole JSON message. An `error` event
 * becomes an UpstreamError; a stream that ends before message_stop, an UpstreamProtocolError.
 */
export async function* anthropicAnswerEvents(
  response: UpstreamResponse,
  promptEstimate: number,
  context: ProviderContext,
): AsyncGenerator<ChatEvent, void, undefined> {
  if (!response.contentType.includes("text/event-stream")) {
    const message = parseJsonPayload(
      await response.text(),
      anthropicMessageSchema,
      context.name,
      "The message",
    );
    yield* messageEvents(message, promptEstimate);
    return;
  }
  const translator = new AnthropicAnswerTranslator(promptEstimate);
  for await (const message of readServerSentEvents(response.chunks())) {
    const payload = parseJsonText(message.data);
    const type = eventType(payload) ?? message.event;
    if (type === "error") throw upstreamErrorFromStreamEvent(payload, message.data, context);
    if (type === undefined || !knownAnthropicEventTypes.has(type)) continue;
    const event = checkPayload(
      payload,
      message.data,
      anthropicStreamEventSchema,
      context.name,
      `A ${type} event`,
    );
    const chatEvent = translator.event(event);
    if (chatEvent !== undefined) yield chatEvent;
    if (translator.stopped) break;
  }
  if (!translator.stopped) {
    throw new UpstreamProtocolError(context.name, "the stream ended before message_stop");
  }
  yield* translator.finish();
}

function eventType(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null || !("type" in payload)) return undefined;
  return typeof payload.type === "string" ? payload.type : undefined;
}
