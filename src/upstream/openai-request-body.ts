import type {
  ChatMessage,
  ChatRequest,
  ResponseFormat,
  ToolChoice,
  ToolDefinition,
  ToolUse,
} from "../core/chat.js";

/**
 * The body of `POST /chat/completions` for a request: always streamed with a usage chunk, so that
 * the first-byte and idle timeouts apply and deltas pass on as they come. A tool message travels
 * as `role: "tool"` with its `tool_call_id`; one without a call id (which the API would refuse)
 * as a user message, as the local engine reads it.
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
  if (request.tools !== undefined && request.tools.definitions.length > 0) {
    Object.assign(body, openAITools(request.tools));
  }
  if (request.logprobs !== undefined) {
    body["logprobs"] = true;
    body["top_logprobs"] = request.logprobs.topLogprobs;
  }
  return body;
}

export function openAIEmbeddingsBody(input: string[], model: string): Record<string, unknown> {
  return { model, input, encoding_format: "float" };
}

function openAIMessage(message: ChatMessage): Record<string, unknown> {
  if (message.role === "tool") {
    return message.toolCallId === undefined
      ? { role: "user", content: message.content }
      : { role: "tool", tool_call_id: message.toolCallId, content: message.content };
  }
  const calls = message.toolCalls ?? [];
  if (message.role !== "assistant" || calls.length === 0) {
    return { role: message.role, content: message.content };
  }
  return {
    role: "assistant",
    content: message.content === "" ? null : message.content,
    tool_calls: calls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    })),
  };
}

/**
 * `tools`, `tool_choice`, and `parallel_tool_calls` only when it is false: true is the API's
 * default, and some models and OpenAI-compatible servers refuse the parameter altogether.
 */
function openAITools(tools: ToolUse): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    tools: tools.definitions.map(openAIFunction),
    tool_choice: openAIToolChoice(tools.choice),
  };
  if (!tools.parallel) fields["parallel_tool_calls"] = false;
  return fields;
}

function openAIFunction({ name, description, parameters }: ToolDefinition): object {
  const declared: Record<string, unknown> = { name };
  if (description !== undefined) declared["description"] = description;
  if (parameters !== undefined) declared["parameters"] = parameters;
  return { type: "function", function: declared };
}

function openAIToolChoice(choice: ToolChoice): string | object {
  return typeof choice === "string"
    ? choice
    : { type: "function", function: { name: choice.name } };
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
