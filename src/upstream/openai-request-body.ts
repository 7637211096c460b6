import type { ChatMessage, ChatRequest, ResponseFormat } from "../core/chat.js";

/**
 * The body of `POST /chat/completions` for a request: always streamed with a usage chunk, so that
 * the first-byte and idle timeouts apply and deltas pass on as they come. Tool messages travel as
 * user messages, since ChatMessage carries no tool call id (the local engine does the same).
 */
export function openAIChatBody(request: ChatRequest, model: string): Record<string, unknown> {
  const { sampling } = request;
  const body: Record<string, unknown> = {
    model,
    messages: request.messages.map(openAIMessage),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (sampling.temperature !== undefined) body["temperature"] = sampling.temperature;
  if (sampling.topP !== undefined) body["top_p"] = sampling.topP;
  if (sampling.maxTokens !== undefined) body["max_tokens"] = sampling.maxTokens;
  if (sampling.stop !== undefined && sampling.stop.length > 0) body["stop"] = sampling.stop;
  if (sampling.seed !== undefined) body["seed"] = sampling.seed;
  if (sampling.frequencyPenalty !== undefined) {
    body["frequency_penalty"] = sampling.frequencyPenalty;
  }
  if (sampling.presencePenalty !== undefined) body["presence_penalty"] = sampling.presencePenalty;
  const format = openAIResponseFormat(request.responseFormat);
  if (format !== undefined) body["response_format"] = format;
  if (request.logprobs !== undefined) {
    body["logprobs"] = true;
    body["top_logprobs"] = request.logprobs.topLogprobs;
  }
  return body;
}

export function openAIEmbeddingsBody(input: string[], model: string): Record<string, unknown> {
  return { model, input, encoding_format: "float" };
}

function openAIMessage(message: ChatMessage): { role: string; content: string } {
  return { role: message.role === "tool" ? "user" : message.role, content: message.content };
}

function openAIResponseFormat(format: ResponseFormat | undefined): object | undefined {
  switch (format?.type) {
    case undefined:
    case "text":
      return undefined;
    case "json_object":
      return { type: "json_object" };
    case "json_schema":
      return { type: "json_schema", json_schema: { name: format.name, schema: format.schema } };
  }
}
