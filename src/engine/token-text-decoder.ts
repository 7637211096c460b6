/** Detokenize `tokens` as they read after `context` (earlier tokens, for spacing rules). */
export type Detokenize = (tokens: readonly number[], context: readonly number[]) => string;

export interface DecodedText {
  text: string;
  /** The tokens that together make up `text` (more than one when a character spans tokens). */
  tokens: number[];
}

const replacementCharacter = "\uFFFD";
/** A UTF-8 character has at most 4 bytes, so at most 4 byte-tokens. */
const defaultMaxPendingTokens = 4;
const contextTokensKept = 16;

/**
 * Turns generated tokens into text incrementally without ever emitting a broken character:
 * while the decoded text ends in an incomplete UTF-8 sequence (U+FFFD), tokens are held until
 * the character completes (or 4 tokens pass, when the bytes are truly invalid).
 */
export class TokenTextDecoder {
  private readonly detokenize: Detokenize;
  private readonly maxPendingTokens: number;
  private context: number[];
  private pending: number[] = [];

  constructor(
    detokenize: Detokenize,
    contextTokens: readonly number[] = [],
    maxPendingTokens = defaultMaxPendingTokens,
  ) {
    this.detokenize = detokenize;
    this.context = contextTokens.slice(-contextTokensKept);
    this.maxPendingTokens = maxPendingTokens;
  }

  /** Add a token; returns the text it completes, or undefined while a character is incomplete. */
  push(token: number): DecodedText | undefined {
    this.pending.push(token);
    const text = this.detokenize(this.pending, this.context);
    if (text.endsWith(replacementCharacter) && this.pending.length < this.maxPendingTokens) {
      return undefined;
    }
    return this.commit(text);
  }

  /** Whatever is still held (at the end of generation), even if incomplete. */
  flush(): DecodedText | undefined {
    if (this.pending.length === 0) return undefined;
    return this.commit(this.detokenize(this.pending, this.context));
  }

  private commit(text: string): DecodedText {
    const tokens = this.pending;
    this.pending = [];
    this.context = [...this.context, ...tokens].slice(-contextTokensKept);
    return { text, tokens };
  }
}
