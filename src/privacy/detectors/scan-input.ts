import { contextBefore, foldForMatching } from "./context-words.js";

/**
 * The text one scan reads, with what its detectors share: the context before each candidate
 * (many rules match the same number) and whether the text mentions a rule's words at all — a
 * rule whose candidates need a context word skips every candidate when it does not.
 */
export class ScanInput {
  readonly text: string;
  private foldedText: string | undefined;
  private readonly contexts = new Map<number, string>();
  private readonly mentioned = new Map<RegExp, boolean>();

  constructor(text: string) {
    this.text = text;
  }

  /** The text folded for context words: same length, lower case, no accents. */
  get folded(): string {
    this.foldedText ??= foldForMatching(this.text);
    return this.foldedText;
  }

  /** The context words' view of the text before `start` (see `contextBefore`). */
  contextBefore(start: number): string {
    let context = this.contexts.get(start);
    if (context === undefined) {
      context = contextBefore(this.folded, start);
      this.contexts.set(start, context);
    }
    return context;
  }

  /** Whether any of `words` (a `wordsPattern`) occurs anywhere in the text. */
  mentions(words: RegExp): boolean {
    let found = this.mentioned.get(words);
    if (found === undefined) {
      found = words.test(this.folded);
      this.mentioned.set(words, found);
    }
    return found;
  }
}
