import {
  resolveChatWrapper,
  SpecialTokensText,
  type ChatHistoryItem,
  type ChatModelFunctions,
  type ChatModelResponse,
  type ChatWrapper,
  type LlamaModel,
  type LlamaText,
  type Token,
} from "node-llama-cpp";
import type { ChatMessage, ToolDefinition } from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";
import { toolCallSyntax, type ToolCallSyntax } from "./tool-call-syntax.js";

/** A conversation rendered with the model's chat template, ready to evaluate. */
export interface PreparedPrompt {
  tokens: Token[];
  /** Special tokens that end the answer (besides the model's end-of-generation tokens). */
  stopTokens: ReadonlySet<number>;
  /** Template text that ends the answer when the model writes it as plain text. */
  stopStrings: string[];
}

/**
 * Renders chat messages with the chat wrapper node-llama-cpp resolves from the model's GGUF
 * (its Jinja chat template, mapped to a built-in wrapper when one is equivalent).
 */
export class ChatPromptRenderer {
  readonly wrapper: ChatWrapper;

  /** The system message the model's own template writes when a conversation has none. */
  readonly defaultSystem: string | undefined;
  /** How the template writes a tool call; undefined when no grammar can follow it. */
  readonly callSyntax: ToolCallSyntax | undefined;

  constructor(private readonly model: LlamaModel) {
    this.wrapper = resolveChatWrapper(model);
    this.defaultSystem = templateDefaultSystem(model.fileInfo.metadata.tokenizer.chat_template);
    this.callSyntax = toolCallSyntax(
      this.wrapper,
      (text) => text.tokenize(model.tokenizer),
      (token) => model.isSpecialToken(token),
    );
  }

  get wrapperName(): string {
    return this.wrapper.wrapperName;
  }

  /**
   * `tools`: the functions the model may call, described in the prompt the way its template does
   * (undefined or empty: none). Earlier tool calls and their results are rendered as the template
   * writes them whether or not tools are offered now.
   */
  render(messages: readonly ChatMessage[], tools?: readonly ToolDefinition[]): PreparedPrompt {
    if (messages.length === 0) {
      throw new InvalidRequestError("messages must contain at least one message.", "messages");
    }
    // Small models use tools and their results well only with the system message they were
    // trained with, which the template writes when there is none and node-llama-cpp's built-in
    // wrappers leave out (Qwen 2.5: without it, the answer after a result calls the tool again).
    const withTools =
      (tools !== undefined && tools.length > 0) ||
      messages.some((message) => message.toolCalls !== undefined || message.role === "tool");
    const system =
      withTools && this.defaultSystem !== undefined && messages[0]?.role !== "system"
        ? [{ role: "system" as const, content: this.defaultSystem }]
        : [];
    const history = toHistory([...system, ...messages]);
    // An open model turn at the end: the answer (or the continuation of a given assistant prefix).
    const last = history.at(-1);
    if (last?.type !== "model") history.push({ type: "model", response: [""] });
    else if (typeof last.response.at(-1) !== "string") last.response.push("");
    const state = this.wrapper.generateContextState({
      chatHistory: history,
      ...(tools === undefined || tools.length === 0
        ? {}
        : { availableFunctions: toFunctions(tools), documentFunctionParams: true }),
    });
    const stopTokens = new Set<number>();
    const stopStrings: string[] = [];
    for (const trigger of state.stopGenerationTriggers)
      this.addTrigger(trigger, stopTokens, stopStrings);
    return { tokens: state.contextText.tokenize(this.model.tokenizer), stopTokens, stopStrings };
  }

  /**
   * A legacy text completion: the messages' text as it is, to be continued, with no chat template
   * (the model's beginning-of-text token first, where it has one). Ends at an end-of-text token.
   */
  continuation(messages: readonly ChatMessage[]): PreparedPrompt {
    const text = messages.map((message) => message.content).join("\n");
    if (text === "") throw new InvalidRequestError("prompt must not be empty.", "prompt");
    const { bos, shouldPrependBosToken } = this.model.tokens;
    const tokens = this.model.tokenize(text, false);
    if (bos !== null && shouldPrependBosToken) tokens.unshift(bos);
    return { tokens, stopTokens: new Set(), stopStrings: [] };
  }

  private addTrigger(trigger: LlamaText, stopTokens: Set<number>, stopStrings: string[]): void {
    if (trigger.values.every((value) => typeof value === "string")) {
      stopStrings.push(trigger.values.join(""));
      return;
    }
    const first = trigger.tokenize(this.model.tokenizer)[0];
    if (first !== undefined && (this.model.isSpecialToken(first) || this.model.isEogToken(first))) {
      // A special token starts the end-of-turn marker: the answer ends when it is sampled.
      stopTokens.add(first);
      return;
    }
    // The "special" text is not a single special token in this vocabulary: match it as text.
    if (
      trigger.values.every(
        (value) => typeof value === "string" || value instanceof SpecialTokensText,
      )
    ) {
      stopStrings.push(
        trigger.values.map((value) => (typeof value === "string" ? value : value.value)).join(""),
      );
    }
  }
}

/**
 * The conversation as node-llama-cpp's chat history: an assistant message's tool calls become
 * function calls carrying the results the tool messages after it give (matched by call id), and
 * an assistant message that follows those results continues the same model turn, as the
 * templates render it.
 */
function toHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const results = new Map<string, string>();
  for (const message of messages) {
    if (message.role === "tool" && message.toolCallId !== undefined) {
      results.set(message.toolCallId, message.content);
    }
  }
  const history: ChatHistoryItem[] = [];
  let afterResults = false;
  for (const message of messages) {
    const last = history.at(-1);
    switch (message.role) {
      case "system":
        history.push({ type: "system", text: message.content });
        break;
      case "user":
        history.push({ type: "user", text: message.content });
        break;
      case "tool":
        // Rendered with the call it answers; a result with no call before it reads as user text.
        if (message.toolCallId === undefined) history.push({ type: "user", text: message.content });
        break;
      case "assistant": {
        const response: ChatModelResponse["response"] =
          message.content === "" ? [] : [message.content];
        (message.toolCalls ?? []).forEach((call, index) => {
          response.push({
            type: "functionCall",
            name: call.name,
            params: parsedOr(call.arguments),
            result: parsedOr(results.get(call.id) ?? ""),
            startsNewChunk: index === 0,
          });
        });
        if (afterResults && last?.type === "model") last.response.push(...response);
        else history.push({ type: "model", response });
        break;
      }
    }
    afterResults = message.role === "tool" || (afterResults && message.role === "assistant");
  }
  return history;
}

/**
 * The default system message of a ChatML-style Jinja template (`<|im_start|>system\n…<|im_end|>`
 * written as a literal), e.g. Qwen 2.5's "You are Qwen, created by Alibaba Cloud. You are a
 * helpful assistant." Undefined when the template writes none.
 */
export function templateDefaultSystem(template: string | undefined): string | undefined {
  const match = /<\|im_start\|>system(?:\\n|\n)([^<'"{}]+?)<\|im_end\|>/.exec(template ?? "");
  const text = match?.[1]?.trim();
  return text === undefined || text === "" ? undefined : text;
}

/** JSON text as its value (so the template writes it as JSON), any other text as itself. */
function parsedOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toFunctions(tools: readonly ToolDefinition[]): ChatModelFunctions {
  return Object.fromEntries(
    tools.map((tool) => [
      tool.name,
      {
        ...(tool.description === undefined ? {} : { description: tool.description }),
        ...(tool.parameters === undefined ? {} : { params: tool.parameters }),
      },
    ]),
  ) as ChatModelFunctions;
}
