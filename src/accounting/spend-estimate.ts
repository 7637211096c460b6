import type { ChatMessage } from "../core/chat.js";
import type { Usage } from "../core/chat.js";

/** What a request may use at most, and where: what a reservation holds against its limits. */
export interface SpendEstimate {
  target: string;
  model: string;
  /** Prompt tokens (estimated) and the most completion tokens it may generate. */
  usage: Usage;
  kind: "chat" | "embeddings";
}

/** Characters per token assumed when holding a budget: fewer than the usual 4, to err high. */
const charactersPerToken = 3;
/** Tokens each message's role and framing take in a chat template. */
const tokensPerMessage = 4;

/**
 * The prompt's tokens, counted generously from its text: what a reservation holds for a prompt
 * before any tokenizer has seen it. Spanish and Portuguese run ~3.5–4 characters a token, digits
 * (IDs, amounts) fewer, so this is an upper guess for the text people send.
 */
export function reservedPromptTokens(texts: readonly string[]): number {
  const characters = texts.reduce((sum, text) => sum + text.length, 0);
  return Math.ceil(characters / charactersPerToken) + tokensPerMessage * texts.length;
}

/** The most a chat request may use: its prompt, counted generously, plus its max_tokens. */
export function chatSpendEstimate(
  where: { target: string; model: string },
  messages: readonly ChatMessage[],
  maxTokens: number,
): SpendEstimate {
  return {
    ...where,
    kind: "chat",
    usage: {
      promptTokens: reservedPromptTokens(messages.map((message) => message.content)),
      completionTokens: maxTokens,
    },
  };
}
