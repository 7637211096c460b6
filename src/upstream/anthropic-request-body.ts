import type {
  ChatMessage,
  ChatRequest,
  ResponseFormat,
  ToolCall,
  ToolChoice,
  ToolUse,
} from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";
import { parseJsonText } from "./json-payload.js";

/** Anthropic requires max_tokens; this is used when the request gives none. */
export const defaultAnthropicMaxTokens = 1024;

/**
 * The body of `POST /messages` for a request: system messages become the top-level `system`,
 * consecutive messages of one role are merged (the API wants user and assistant turns to
 * alternate). An assistant's tool calls become `tool_use` blocks, and tool results `tool_result`
 * blocks of the user turn after them; a tool message without a call id travels as user text.
 * Anthropic has no JSON mode or log-probabilities: a JSON response format becomes an instruction
 * in `system`, and logprobs are not asked for. Nor has it a seed or OpenAI's frequency and
 * presence penalties: those are left out, as OpenAI's own clients expect of a provider without
 * them (no error; the answer is just not penalised).
 */
export function anthropicMessagesBody(
  request: ChatRequest,
  model: string,
): Record<string, unknown> {
  const { sampling } = request;
  const system = request.messages
    .filter((message) => message.role === "system")
    .map((message) => message.content);
  const instruction = jsonInstruction(request.responseFormat);
  if (instruction !== undefined) system.push(instruction);
  const body: Record<string, unknown> = {
    model,
    max_tokens: sampling.maxTokens ?? defaultAnthropicMaxTokens,
    messages: alternatingTurns(request.messages),
    stream: true,
  };
  if (system.length > 0) body["system"] = system.join("\n\n");
  if (sampling.temperature !== undefined) body["temperature"] = sampling.temperature;
  if (sampling.topP !== undefined) body["top_p"] = sampling.topP;
  if (sampling.stop !== undefined && sampling.stop.length > 0)
    body["stop_sequences"] = sampling.stop;
  if (request.tools !== undefined && request.tools.definitions.length > 0) {
    Object.assign(body, anthropicTools(request.tools));
  }
  return body;
}

type ContentBlock = Record<string, unknown> & { type: string };

interface AnthropicTurn {
  role: "user" | "assistant";
  /** Text alone while the turn holds only text; blocks once it holds a tool call or result. */
  content: string | ContentBlock[];
}

function alternatingTurns(messages: readonly ChatMessage[]): AnthropicTurn[] {
  const turns: AnthropicTurn[] = [];
  for (const [position, message] of messages.entries()) {
    if (message.role === "system") continue;
    const role = message.role === "assistant" ? "assistant" : "user";
    const content = turnContent(message, position);
    const last = turns.at(-1);
    if (last?.role !== role) turns.push({ role, content });
    else if (typeof last.content === "string" && typeof content === "string") {
      last.content = `${last.content}\n\n${content}`;
    } else last.content = [...blocksOf(last.content), ...blocksOf(content)];
  }
  return turns;
}

function turnContent(message: ChatMessage, position: number): string | ContentBlock[] {
  if (message.role === "tool" && message.toolCallId !== undefined) {
    return [
      { type: "tool_result", tool_use_id: toolUseId(message.toolCallId), content: message.content },
    ];
  }
  const calls = message.role === "assistant" ? (message.toolCalls ?? []) : [];
  if (calls.length === 0) return message.content;
  return [
    ...blocksOf(message.content),
    ...calls.map((call, index) => toolUseBlock(call, position, index)),
  ];
}

/** Text as blocks: none for empty text, which the API refuses as a block. */
function blocksOf(content: string | ContentBlock[]): ContentBlock[] {
  if (typeof content !== "string") return content;
  return content === "" ? [] : [{ type: "text", text: content }];
}

function toolUseBlock(call: ToolCall, position: number, index: number): ContentBlock {
  return {
    type: "tool_use",
    id: toolUseId(call.id),
    name: call.name,
    input: toolInput(call, position, index),
  };
}

/**
 * A call's arguments as the object Anthropic takes for its input ("" is no arguments). Arguments
 * that are not a JSON object are refused: sending `{}` instead would tell the model it called the
 * tool with nothing.
 */
function toolInput(call: ToolCall, position: number, index: number): Record<string, unknown> {
  if (call.arguments.trim() === "") return {};
  const input = parseJsonText(call.arguments);
  if (typeof input === "object" && input !== null && !Array.isArray(input)) {
    return input as Record<string, unknown>;
  }
  const param = `messages[${position}].tool_calls[${index}].function.arguments`;
  throw new InvalidRequestError(
    `The arguments of tool call ${index} of message ${position} (function "${call.name}") are ${input === undefined ? "not JSON" : "JSON but not an object"}, and Anthropic's API takes a call's input as a JSON object. Send ${param} as the JSON text of an object, e.g. "{}".`,
    param,
  );
}

/**
 * Anthropic accepts only letters, digits, `_` and `-` in a tool use id; any other character (a
 * masked id's `<` and `>`) becomes `_`, alike on the call and on its result, so they stay paired.
 */
function toolUseId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, "_");
}

function anthropicTools(tools: ToolUse): Record<string, unknown> {
  return {
    tools: tools.definitions.map(({ name, description, parameters }) => ({
      name,
      ...(description === undefined ? {} : { description }),
      input_schema: parameters ?? { type: "object", properties: {} },
    })),
    tool_choice: anthropicToolChoice(tools.choice, tools.parallel),
  };
}

function anthropicToolChoice(choice: ToolChoice, parallel: boolean): Record<string, unknown> {
  if (choice === "none") return { type: "none" };
  const chosen =
    choice === "auto"
      ? { type: "auto" }
      : choice === "required"
        ? { type: "any" }
        : { type: "tool", name: choice.name };
  return parallel ? chosen : { ...chosen, disable_parallel_tool_use: true };
}

function jsonInstruction(format: ResponseFormat | undefined): string | undefined {
  switch (format?.type) {
    case undefined:
    case "text":
      return undefined;
    case "json_object":
      return "Answer with a single JSON object and nothing else: no prose, no code fences.";
    case "json_schema":
      return `Answer with a single JSON object and nothing else (no prose, no code fences) that validates against this JSON Schema ("${format.name}"): ${JSON.stringify(format.schema)}`;
  }
}
