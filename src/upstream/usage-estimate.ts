import type { ChatMessage } from "../core/chat.js";

/**
 * Prompt tokens guessed from text length (characters / 4, the usual rule of thumb for English),
 * used only when a provider does not report usage.
 */
export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  const characters = messages.reduce((sum, message) => sum + message.content.length, 0);
  return Math.ceil(characters / 4);
}
