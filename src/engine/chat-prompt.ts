import {
  resolveChatWrapper,
  SpecialTokensText,
  type ChatHistoryItem,
  type ChatWrapper,
  type LlamaModel,
  type LlamaText,
  type Token,
} from "node-llama-cpp";
import type { ChatMessage } from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";

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

  constructor(private readonly model: LlamaModel) {
    this.wrapper = resolveChatWrapper(model);
  }

  get wrapperName(): string {
    return this.wrapper.wrapperName;
  }

  render(messages: readonly ChatMessage[]): PreparedPrompt {
    if (messages.length === 0) {
      throw new InvalidRequestError("messages must contain at least one message.", "messages");
    }
    const history = messages.map(toHistoryItem);
    // An open model turn at the end: the answer (or the continuation of a given assistant prefix).
    if (history.at(-1)?.type !== "model") history.push({ type: "model", response: [""] });
    const state = this.wrapper.generateContextState({ chatHistory: history });
    const stopTokens = new Set<number>();
    const stopStrings: string[] = [];
    for (const trigger of state.stopGenerationTriggers)
      this.addTrigger(trigger, stopTokens, stopStrings);
    return { tokens: state.contextText.tokenize(this.model.tokenizer), stopTokens, stopStrings };
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

function toHistoryItem(message: ChatMessage): ChatHistoryItem {
  switch (message.role) {
    case "system":
      return { type: "system", text: message.content };
    case "assistant":
      return { type: "model", response: [message.content] };
    case "user":
    case "tool":
      return { type: "user", text: message.content };
  }
}
