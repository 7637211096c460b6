import { InvalidRequestError } from "../core/errors.js";
import type { ChatCompletionBody } from "../openai/openai-schemas.js";
import type { MessagesBody, MessagesContentBlock, MessagesMessage } from "./messages-schema.js";

type OpenAIMessage = ChatCompletionBody["messages"][number];
type TextPart = { type: "text"; text: string };

/**
 * An Anthropic Messages body as the OpenAI chat body the chat pipeline runs, so both endpoints go
 * through the same admission, privacy guard, router and accounting: `system` becomes the first
 * message; an assistant turn's tool_use blocks become its tool_calls (the input as JSON text); a
 * user turn's tool_result blocks become tool messages paired by id, before the turn's own text.
 */
export function toChatCompletionBody(body: MessagesBody): ChatCompletionBody {
  refusePrefill(body.messages);
  const messages: OpenAIMessage[] = [];
  if (body.system !== undefined) {
    const system = textContent(body.system);
    if (system !== undefined) messages.push({ role: "system", content: system });
  }
  const calls = new Set<string>();
  body.messages.forEach((message, index) => {
    messages.push(...toOpenAIMessages(message, index, calls));
  });

  const chat: ChatCompletionBody = { model: body.model, messages, max_tokens: body.max_tokens };
  if (body.stream !== undefined) chat.stream = body.stream;
  if (body.temperature !== undefined) chat.temperature = body.temperature;
  if (body.top_p !== undefined) chat.top_p = body.top_p;
  if (body.stop_sequences !== undefined) chat.stop = body.stop_sequences;
  const user = body.metadata?.user_id;
  if (user != null) chat.user = user;
  if (body.tools !== undefined) {
    chat.tools = body.tools.map((tool) => ({
      type: "function" as const,
      function: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        parameters: tool.input_schema,
      },
    }));
  }
  const choice = body.tool_choice;
  if (choice !== undefined) {
    if (choice.type === "tool") {
      chat.tool_choice = { type: "function", function: { name: choice.name ?? "" } };
    } else chat.tool_choice = choice.type === "any" ? "required" : choice.type;
    if (choice.disable_parallel_tool_use === true) chat.parallel_tool_calls = false;
  }
  return chat;
}

/**
 * The turns of one Anthropic message. A user turn may carry tool results (one tool message each,
 * in order) and text (one user message after them); an assistant turn text and tool calls.
 */
function toOpenAIMessages(
  message: MessagesMessage,
  index: number,
  calls: Set<string>,
): OpenAIMessage[] {
  if (typeof message.content === "string") {
    return [{ role: message.role, content: message.content }];
  }
  const blocks = message.content;
  const texts: TextPart[] = [];
  const toolCalls: NonNullable<OpenAIMessage["tool_calls"]> = [];
  const results: OpenAIMessage[] = [];
  blocks.forEach((block, position) => {
    const where = `messages[${index}].content[${position}]`;
    switch (block.type) {
      case "text":
        texts.push(block);
        return;
      case "tool_use":
        if (message.role !== "assistant") throw misplaced(where, block, "an assistant");
        calls.add(block.id);
        toolCalls.push({
          id: block.id,
          type: "function",
          function: { name: block.name, arguments: JSON.stringify(block.input) },
        });
        return;
      case "tool_result":
        if (message.role !== "user") throw misplaced(where, block, "a user");
        if (!calls.has(block.tool_use_id)) {
          throw new InvalidRequestError(
            `${where}.tool_use_id: this tool_result answers "${block.tool_use_id}", but no earlier assistant message has a tool_use block with that id. Send the assistant message with its tool_use blocks before the results.`,
            `${where}.tool_use_id`,
          );
        }
        results.push({
          role: "tool",
          tool_call_id: block.tool_use_id,
          content: block.is_error === true ? `Error: ${block.content}` : block.content,
        });
    }
  });
  const content = textContent(texts);
  if (message.role === "assistant") {
    return [
      {
        role: "assistant",
        content: content ?? null,
        ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
      },
    ];
  }
  return content === undefined ? results : [...results, { role: "user", content }];
}

/** Text blocks as a message's text parts (joined by the pipeline as the OpenAI route's are). */
function textContent(content: string | readonly TextPart[]): string | TextPart[] | undefined {
  if (typeof content === "string") return content;
  if (content.length === 0) return undefined;
  return content.map((block) => ({ type: "text", text: block.text }));
}

function misplaced(where: string, block: MessagesContentBlock, role: string): InvalidRequestError {
  return new InvalidRequestError(
    `${where}: a ${block.type} block belongs in ${role} message.`,
    `${where}.type`,
  );
}

/**
 * A last assistant turn asks Anthropic to continue it (a "prefill"); the pipeline answers a
 * conversation with a new turn, so it is refused rather than answered as if it were history.
 */
function refusePrefill(messages: MessagesBody["messages"]): void {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return;
  const index = messages.length - 1;
  throw new InvalidRequestError(
    `messages[${index}]: the conversation ends with an assistant message, which would ask Colibrí to continue it (prefill); that is not served. End with a user message.`,
    `messages[${index}].role`,
  );
}
