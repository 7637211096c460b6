import { contextBefore, foldForMatching } from "./context-words.js";

/** Longer than any context word, with the characters around it that `wordsPattern` looks at. */
const longestContextWord = 64;

/**
 * The text one scan reads, with what its detectors share: the context before each candidate
 * (many rules match the same number) and whether the text mentions a rule's words at all — a
 * rule whose candidates need a context word skips every candidate when it does not.
 */
export class ScanInput {
  readonly text: string;
  /**
   * How far the detectors may read for now: a scan read a piece at a time moves it on; matches
   * that start before it are found whole. Default: the whole text.
   */
  readTo = Number.POSITIVE_INFINITY;
  private foldedText: string | undefined;
  private readonly contexts = new Map<number, string>();
  private readonly mentioned = new Map<RegExp, { readTo: number; found: boolean }>();

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

  /**
   * Whether any of `words` (a `wordsPattern`) occurs in the text before `end`, the only place a
   * candidate's context can hold them. Read on from where the last call stopped, so the text is
   * read once however many candidates ask; it may answer true for a word cut where it stopped
   * reading (the context decides then), never false for a word that is there.
   */
  mentionsBefore(words: RegExp, end: number): boolean {
    let state = this.mentioned.get(words);
    if (state === undefined) {
      state = { readTo: 0, found: false };
      this.mentioned.set(words, state);
    }
    if (state.found || end <= state.readTo) return state.found;
    // Read again the last characters before `readTo`: a word may have been cut there.
    const from = Math.max(0, state.readTo - longestContextWord);
    state.found = words.test(this.folded.slice(from, end));
    state.readTo = end;
    return state.found;
  }
}
