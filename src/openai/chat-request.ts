import type { ChatMessage, ChatRequest, ResponseFormat, SamplingOptions } from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";
import type { ChatCompletionBody } from "./openai-schemas.js";

/** Translate a validated OpenAI chat body into the backend's ChatRequest. */
export function toChatRequest(
  body: ChatCompletionBody,
  messages: ChatMessage[],
  defaultMaxTokens: number,
  signal: AbortSignal,
): ChatRequest {
  const sampling: SamplingOptions = {
    maxTokens: body.max_completion_tokens ?? body.max_tokens ?? defaultMaxTokens,
  };
  if (body.temperature != null) sampling.temperature = body.temperature;
  if (body.top_p != null) sampling.topP = body.top_p;
  if (body.seed != null) sampling.seed = body.seed;
  if (body.frequency_penalty != null) sampling.frequencyPenalty = body.frequency_penalty;
  if (body.presence_penalty != null) sampling.presencePenalty = body.presence_penalty;
  if (body.stop != null) {
    const stop = (typeof body.stop === "string" ? [body.stop] : body.stop).filter((s) => s !== "");
    if (stop.length > 0) sampling.stop = stop;
  }

  const request: ChatRequest = { messages, sampling, signal };
  const responseFormat = toResponseFormat(body.response_format ?? undefined);
  if (responseFormat) request.responseFormat = responseFormat;

  if (body.top_logprobs != null && body.top_logprobs > 0 && body.logprobs !== true) {
    throw new InvalidRequestError("top_logprobs requires logprobs: true.", "top_logprobs");
  }
  if (body.logprobs === true) request.logprobs = { topLogprobs: body.top_logprobs ?? 0 };
  return request;
}

export function toChatMessages(messages: ChatCompletionBody["messages"]): ChatMessage[] {
  return messages.map(toChatMessage);
}

/**
 * One message as the backends take it. Text parts are joined with a line break, never glued: a
 * value written across two parts, or right after the previous part's last word, is then read
 * whole by the privacy guard. The message's `name` is not carried: it never leaves the gateway.
 */
function toChatMessage(message: ChatCompletionBody["messages"][number]): ChatMessage {
  const content = message.content ?? "";
  const text =
    typeof content === "string"
      ? content
      : content.map((part) => part.text).join(contentPartSeparator);
  return { role: message.role === "developer" ? "system" : message.role, content: text };
}

/** Between two text parts of one message's content. */
export const contentPartSeparator = "\n";

function toResponseFormat(
  format: ChatCompletionBody["response_format"] | undefined,
): ResponseFormat | undefined {
  if (!format || format.type === "text") return undefined;
  if (format.type === "json_object") return format;
  if (!format.json_schema.schema) {
    throw new InvalidRequestError(
      "response_format.json_schema.schema is required.",
      "response_format.json_schema.schema",
    );
  }
  return { type: "json_schema", name: format.json_schema.name, schema: format.json_schema.schema };
}
