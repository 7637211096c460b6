import type { TokenLogprob, TopLogprob } from "../core/chat.js";

/** The floor OpenAI uses for "practically impossible"; JSON cannot carry -Infinity. */
export const minimumLogprob = -9999;

/** One sampled token with its log-probability and, when asked, the likeliest alternatives. */
export interface SampledToken {
  token: number;
  logprob: number;
  topLogprobs: TopLogprob[];
}

export function toLogprob(probability: number | undefined): number {
  if (probability === undefined || !(probability > 0)) return minimumLogprob;
  return Math.max(minimumLogprob, Math.log(Math.min(1, probability)));
}

/** The `count` likeliest tokens of a probability map sorted from likeliest (node-llama-cpp's order). */
export function topAlternatives(
  probabilities: ReadonlyMap<number, number>,
  count: number,
  describe: (token: number) => string,
): TopLogprob[] {
  const alternatives: TopLogprob[] = [];
  if (count <= 0) return alternatives;
  for (const [token, probability] of probabilities) {
    const text = describe(token);
    alternatives.push({ token: text, logprob: toLogprob(probability), bytes: utf8Bytes(text) });
    if (alternatives.length >= count) break;
  }
  return alternatives;
}

/**
 * Logprobs for the tokens that together decoded to `text`. When a character spans several tokens
 * (UTF-8 bytes split across tokens), the first token carries the whole text and its bytes and the
 * others carry "" and no bytes, so that joining tokens (or bytes) always gives the output exactly.
 */
export function logprobsForText(text: string, sampled: readonly SampledToken[]): TokenLogprob[] {
  return sampled.map((item, index) => {
    const tokenText = index === 0 ? text : "";
    return {
      token: tokenText,
      logprob: item.logprob,
      bytes: utf8Bytes(tokenText),
      topLogprobs: item.topLogprobs,
    };
  });
}

function utf8Bytes(text: string): number[] {
  return [...Buffer.from(text, "utf8")];
}
