import type {
  ChatMessage,
  ChatRequest,
  ResponseFormat,
  SamplingOptions,
  ToolChoice,
  ToolUse,
} from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";
import type { ChatCompletionBody } from "./openai-schemas.js";

/** Translate a validated OpenAI chat body into the backend's ChatRequest. */
export function toChatRequest(
  body: ChatCompletionBody,
  messages: ChatMessage[],
  defaultMaxTokens: number,
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

  const request: ChatRequest = { messages, sampling };
  const responseFormat = toResponseFormat(body.response_format ?? undefined);
  if (responseFormat) request.responseFormat = responseFormat;
  const tools = toToolUse(body);
  if (tools !== undefined) request.tools = tools;

  if (body.top_logprobs != null && body.top_logprobs > 0 && body.logprobs !== true) {
    throw new InvalidRequestError("top_logprobs requires logprobs: true.", "top_logprobs");
  }
  if (body.logprobs === true) request.logprobs = { topLogprobs: body.top_logprobs ?? 0 };
  return request;
}

/**
 * The conversation as the backends take it. A tool message must answer a call of an earlier
 * assistant message (as OpenAI requires): the local model's template renders each result with
 * the call it answers.
 */
export function toChatMessages(messages: ChatCompletionBody["messages"]): ChatMessage[] {
  const calls = new Set<string>();
  return messages.map((message, index) => {
    for (const call of message.tool_calls ?? []) calls.add(call.id);
    if (message.role === "tool" && !calls.has(message.tool_call_id ?? "")) {
      throw new InvalidRequestError(
        `messages[${index}] is a tool message for tool_call_id "${message.tool_call_id ?? ""}", but no earlier assistant message has a tool call with that id. Send the assistant message with its tool_calls before the tool results.`,
        `messages[${index}].tool_call_id`,
      );
    }
    return toChatMessage(message);
  });
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
  const chat: ChatMessage = {
    role: message.role === "developer" ? "system" : message.role,
    content: text,
  };
  if (message.tool_calls != null && message.tool_calls.length > 0) {
    chat.toolCalls = message.tool_calls.map((call) => ({
      id: call.id,
      name: call.function.name,
      arguments: call.function.arguments,
    }));
  }
  if (message.role === "tool" && message.tool_call_id !== undefined) {
    chat.toolCallId = message.tool_call_id;
  }
  return chat;
}

/**
 * The tools the model may call, and whether it must. `tool_choice` without `tools`, or naming a
 * function that is not among them, is a 400 (as OpenAI answers it), never silently ignored.
 */
function toToolUse(body: ChatCompletionBody): ToolUse | undefined {
  const tools = body.tools ?? [];
  const choice = body.tool_choice ?? undefined;
  if (tools.length === 0) {
    if (choice !== undefined && choice !== "none" && choice !== "auto") {
      throw new InvalidRequestError(
        "tool_choice asks for a tool call, but the request declares no tools. Add them in tools, or leave tool_choice out.",
        "tool_choice",
      );
    }
    return undefined;
  }
  const names = new Set<string>();
  const definitions = tools.map(({ function: fn }, index) => {
    if (names.has(fn.name)) {
      throw new InvalidRequestError(
        `tools[${index}]: a function named "${fn.name}" is declared twice; each tool needs its own name.`,
        `tools[${index}].function.name`,
      );
    }
    names.add(fn.name);
    return {
      name: fn.name,
      ...(fn.description === undefined ? {} : { description: fn.description }),
      ...(fn.parameters === undefined ? {} : { parameters: fn.parameters }),
    };
  });
  let toolChoice: ToolChoice = "auto";
  if (typeof choice === "string") toolChoice = choice;
  else if (choice !== undefined) {
    const name = choice.function.name;
    if (!names.has(name)) {
      throw new InvalidRequestError(
        `tool_choice names the function "${name}", which is not among the request's tools (${[...names].join(", ")}).`,
        "tool_choice.function.name",
      );
    }
    toolChoice = { name };
  }
  return { definitions, choice: toolChoice, parallel: body.parallel_tool_calls !== false };
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
