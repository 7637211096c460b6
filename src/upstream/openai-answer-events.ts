import type { ChatEvent } from "../core/chat.js";
import { UpstreamProtocolError } from "../core/errors.js";
import type { UpstreamResponse } from "./http-transport.js";
import { checkPayload, parseJsonPayload, parseJsonText } from "./json-payload.js";
import { completionEvents, OpenAIAnswerTranslator } from "./openai-answer-translator.js";
import { openAIChunkSchema, openAICompletionSchema } from "./openai-schemas.js";
import type { ProviderContext } from "./provider-context.js";
import { readServerSentEvents } from "./server-sent-events.js";
import { upstreamErrorFromStreamEvent } from "./upstream-error-response.js";

/**
 * The ChatEvents of an OpenAI-compatible answer: an SSE stream of chunks up to `data: [DONE]`, or
 * a whole JSON completion when the server ignored `stream: true`. An error event in the stream
 * becomes an UpstreamError; a stream that ends before its answer does, an UpstreamProtocolError.
 */
export async function* openAIAnswerEvents(
  response: UpstreamResponse,
  promptEstimate: number,
  context: ProviderContext,
): AsyncGenerator<ChatEvent, void, undefined> {
  if (!response.contentType.includes("text/event-stream")) {
    const completion = parseJsonPayload(
      await response.text(),
      openAICompletionSchema,
      context.name,
      "The chat completion",
    );
    yield* completionEvents(completion, promptEstimate);
    return;
  }
  const translator = new OpenAIAnswerTranslator(promptEstimate);
  let sawDone = false;
  for await (const message of readServerSentEvents(response.chunks())) {
    if (message.data.trim() === "[DONE]") {
      sawDone = true;
      break;
    }
    const payload = parseJsonText(message.data);
    if (message.event === "error" || (isObject(payload) && "error" in payload)) {
      throw upstreamErrorFromStreamEvent(payload, message.data, context);
    }
    const chunk = checkPayload(
      payload,
      message.data,
      openAIChunkSchema,
      context.name,
      "A stream chunk",
    );
    const event = translator.chunk(chunk);
    if (event !== undefined) yield event;
  }
  if (!sawDone && !translator.finished) {
    throw new UpstreamProtocolError(
      context.name,
      "the stream ended before the answer did (no finish_reason, no [DONE])",
    );
  }
  yield* translator.finish();
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
