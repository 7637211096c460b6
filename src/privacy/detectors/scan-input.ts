import {
  contextBefore,
  copulaAfter,
  copulaBefore,
  endsWithNegativeWord,
  foldForMatching,
  subjectReach,
} from "./context-words.js";
import { longestRecord, recordRow, type RecordRow } from "./personal-record.js";
import { headerOf, type TableHeader } from "./table-header.js";

/** What may stand before a value alone on its line: nothing, or a list item's marker. */
const aloneBefore = /^\s*(?:(?:\d{1,3}[.)]|[-•*])\s+)?$/u;
/** And after it: a closing stop or comma at most. */
const aloneAfter = /^[.,;]?\s*$/;

/** How far after a value a label that follows it is looked for. */
export const reachAfter = 32;

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
  private foldedTextInput: ScanInput | undefined;
  private digits: boolean | undefined;
  // Made on first use: most short texts ask none of them, and a scan makes several inputs.
  private contexts: Map<number, string> | undefined;
  private afters: Map<number, string> | undefined;
  private negatives: Map<number, boolean> | undefined;
  private headers: Map<number, TableHeader | null> | undefined;
  private rows: Map<number, RecordRow | null> | undefined;
  private subjects: Map<number, string> | undefined;
  private predicates: Map<number, string> | undefined;
  private mentioned: Map<RegExp, { readTo: number; found: boolean }> | undefined;

  constructor(text: string) {
    this.text = text;
  }

  /** Whether the text holds a digit: every identifier, phone and card needs one. */
  get hasDigits(): boolean {
    this.digits ??= /\d/.test(this.text);
    return this.digits;
  }

  /** The text folded for context words: same length, lower case, no accents. */
  get folded(): string {
    this.foldedText ??= foldForMatching(this.text);
    return this.foldedText;
  }

  /**
   * An input over `folded`, one per scan, for the rules that match the fold (`foldedMatches`);
   * they set its `readTo` before each step.
   */
  get foldedInput(): ScanInput {
    this.foldedTextInput ??= new ScanInput(this.folded);
    return this.foldedTextInput;
  }

  /**
   * The few words right after `end`, up to the end of the sentence (folded): a label may follow
   * its value ("16001599 — D.N.I. del titular", "puse "139…" como DNI").
   */
  contextAfter(end: number): string {
    this.afters ??= new Map();
    let after = this.afters.get(end);
    if (after === undefined) {
      after = this.#readAfter(end);
      this.afters.set(end, after);
    }
    return after;
  }

  /** Whether an order word ends the context before `start` (`endsWithNegativeWord`, once per place). */
  negativeBefore(start: number): boolean {
    this.negatives ??= new Map();
    let negative = this.negatives.get(start);
    if (negative === undefined) {
      negative = endsWithNegativeWord(this.contextBefore(start));
      this.negatives.set(start, negative);
    }
    return negative;
  }

  #readAfter(end: number): string {
    const window = this.folded.slice(end, end + reachAfter);
    const stop = /[!?;\n]|[\p{L}]{2}\.(?:\s|$)/u.exec(window);
    return stop === null ? window : window.slice(0, stop.index + (stop[0].length > 1 ? 2 : 0));
  }

  /**
   * The header of the column `start` is in, when its line is a row of a table (CSV, `;`, tab or
   * `|` separated) under a header line: "nombre,edad,CLABE,estado" names what the third field of
   * every row below holds. Folded; "" when there is none.
   */
  columnLabel(start: number): string {
    const lineStart = this.folded.lastIndexOf("\n", start - 1) + 1;
    const header = this.#headerOver(lineStart);
    if (header === null) return "";
    const column = this.folded.slice(lineStart, start).split(header.separator).length - 1;
    return header.labels[column] ?? "";
  }

  /**
   * Whether `[start, end)` fills a field of a row that holds a person's value recognised alone
   * (see `recordRow`): a header-less CSV or table line about one person.
   */
  inPersonalRecord(start: number, end: number): boolean {
    // Rows are short: look back no further than the longest one.
    let lineStart = start;
    while (lineStart > 0 && start - lineStart <= longestRecord && this.text[lineStart - 1] !== "\n")
      lineStart--;
    if (start - lineStart > longestRecord) return false;
    this.rows ??= new Map();
    let row = this.rows.get(lineStart);
    if (row === undefined) {
      let lineEnd = this.text.indexOf("\n", lineStart);
      if (lineEnd === -1) lineEnd = this.text.length;
      row = recordRow(this.text, lineStart, lineEnd);
      this.rows.set(lineStart, row);
    }
    return (
      row !== null &&
      row.personal &&
      row.fields.some((field) => field.start === start && field.end === end)
    );
  }

  /**
   * Whether `[start, end)` is all its line says: the whole message, an item of a list ("2) …",
   * "- …") or a field of a row of a table (tab, `;` or `|` separated) — a value sent
   * on its own, as a clerk pastes a number, with nothing around it that it could be part of.
   * Says which: "line" or "field"; undefined when neither.
   */
  standsAlone(start: number, end: number): "line" | "field" | undefined {
    let lineStart = start;
    while (lineStart > 0 && start - lineStart <= longestRecord && this.text[lineStart - 1] !== "\n")
      lineStart--;
    let lineEnd = this.text.indexOf("\n", end);
    if (lineEnd === -1) lineEnd = this.text.length;
    if (lineEnd - lineStart > longestRecord) return undefined;
    const before = this.text.slice(lineStart, start);
    const after = this.text.slice(end, lineEnd);
    if (aloneBefore.test(before) && aloneAfter.test(after)) return "line";
    if (!/[\t;|]/.test(before + after)) return undefined;
    this.rows ??= new Map();
    let row = this.rows.get(lineStart);
    if (row === undefined) {
      row = recordRow(this.text, lineStart, lineEnd);
      this.rows.set(lineStart, row);
    }
    return row !== null && row.fields.some((field) => field.start === start && field.end === end)
      ? "field"
      : undefined;
  }

  /** Whether `start` is in a row of a table with a header line (see `columnLabel`). */
  inTableRow(start: number): boolean {
    return this.#headerOver(this.folded.lastIndexOf("\n", start - 1) + 1) !== null;
  }

  #headerOver(lineStart: number): TableHeader | null {
    this.headers ??= new Map();
    let header = this.headers.get(lineStart);
    if (header === undefined) {
      header = headerOf(this.folded, lineStart, this.headers);
      this.headers.set(lineStart, header);
    }
    return header;
  }

  /** The sentence after `end`, up to `subjectReach` characters (folded): where its predicate is. */
  sentenceAfter(end: number): string {
    this.predicates ??= new Map();
    let sentence = this.predicates.get(end);
    if (sentence === undefined) {
      // Only a copula right after the value opens a predicate that may name it: "" otherwise.
      const window = copulaAfter(this.folded, end)
        ? this.folded.slice(end, end + subjectReach)
        : "";
      const stop = /[!?;\n]|\.(?:\s|$)/.exec(window);
      sentence = stop === null ? window : window.slice(0, stop.index);
      this.predicates.set(end, sentence);
    }
    return sentence;
  }

  /**
   * The sentence before `start`, read further back: where its subject may stand; "" unless a
   * copula stands right before the value ("el rif … es X").
   */
  sentenceBefore(start: number): string {
    this.subjects ??= new Map();
    let sentence = this.subjects.get(start);
    if (sentence === undefined) {
      sentence = copulaBefore(this.folded, start)
        ? contextBefore(this.folded, start, subjectReach)
        : "";
      this.subjects.set(start, sentence);
    }
    return sentence;
  }

  /** The context words' view of the text before `start` (see `contextBefore`). */
  contextBefore(start: number): string {
    this.contexts ??= new Map();
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
    this.mentioned ??= new Map();
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
