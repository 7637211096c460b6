import type { ScanInput } from "./scan-input.js";

/**
 * Candidates: the places in a text where a pattern matched a whole token — not a piece of a word,
 * a longer number ("1.234.567,89"), an e-mail address or a percentage.
 */

const nonAsciiWordCharacter = /[\p{L}\p{N}]/u;

/** A letter, digit, `_` or `@`: what glues a token to its neighbours. ASCII is tested inline. */
function isWordCharacter(character: string | undefined): boolean {
  if (character === undefined) return false;
  const code = character.charCodeAt(0);
  if (code < 128) {
    return (
      (code >= 48 && code <= 57) ||
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      code === 95 ||
      code === 64
    );
  }
  return nonAsciiWordCharacter.test(character);
}

function isDigit(character: string | undefined): boolean {
  if (character === undefined) return false;
  const code = character.charCodeAt(0);
  return code >= 48 && code <= 57;
}
/** Separators inside numbers: a candidate next to one that touches another digit is a fragment. */
const numberSeparators = new Set([".", ",", "-", "/"]);
/** Separators inside codes ("NF-12345678909", "ABC/2024"): next to a letter, still a fragment. */
const codeSeparators = new Set(["-", "/"]);

export interface Candidate {
  start: number;
  end: number;
  /** The matched text, `text.slice(start, end)`. */
  value: string;
  /** The pattern's capture groups (undefined where a group did not take part). */
  groups: readonly (string | undefined)[];
}

/** Whether `text.slice(start, end)` stands alone: no letter, digit or number separator glues it. */
export function isBounded(
  text: string,
  start: number,
  end: number,
  commaSeparatesFields: () => boolean = () => false,
): boolean {
  const before = text[start - 1];
  if (before !== undefined) {
    if (isWordCharacter(before)) return false;
    if (numberSeparators.has(before) && isDigit(text[start - 2])) {
      if (before !== ",") return false;
      if (continuesNumber(text.slice(start, end), "start") && !commaSeparatesFields()) {
        return false;
      }
    }
    if (codeSeparators.has(before) && isWordCharacter(text[start - 2])) return false;
  }
  const after = text[end];
  if (after !== undefined) {
    if (isWordCharacter(after) || after === "%") return false;
    if (numberSeparators.has(after) && isDigit(text[end + 1])) {
      if (after !== ",") return false;
      if (continuesNumber(text.slice(start, end), "end") && !commaSeparatesFields()) return false;
    }
    if (codeSeparators.has(after) && isWordCharacter(text[end + 1])) return false;
  }
  return true;
}

/**
 * Whether a comma beside `value` can be part of one number with it ("1.234.567,89", "3,14"):
 * only digits and dots, at most three digits next to the comma. A comma beside anything else
 * separates fields, as in a CSV row: `Juan,35,390.533.447-05,ativo`.
 */
function continuesNumber(value: string, side: "start" | "end"): boolean {
  if (!/^[\d.]+$/.test(value)) return false;
  const touching = side === "start" ? /^\d*/.exec(value) : /\d*$/.exec(value);
  return (touching?.[0].length ?? 0) <= 3;
}

const matchers = new WeakMap<RegExp, RegExp>();

/**
 * One matcher per pattern for every scan: building a RegExp costs more than a short text's whole
 * scan. Its `lastIndex` is set before each use, and restored after each pause.
 */
function matcherFor(pattern: RegExp): RegExp {
  let matcher = matchers.get(pattern);
  if (matcher === undefined) {
    matcher = new RegExp(pattern.source, pattern.flags);
    matchers.set(pattern, matcher);
  }
  return matcher;
}

/**
 * The first offset in `[from, end]` where a token can start: after a character that is no letter
 * or digit, and never between the two halves of a character outside the BMP (a unicode regex
 * set to start there starts at the character instead, and would find the same match forever).
 */
function nextTokenStart(text: string, from: number, end: number): number {
  let next = from;
  while (next < end && (isWordCharacter(text[next - 1]) || insidePair(text, next))) next++;
  return next;
}

/** Whether `offset` falls between a high and a low surrogate. */
function insidePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

/**
 * Characters a match may reach past where the scan has read to. Every detector's pattern must
 * be bounded in length (no `+`, `*` or `{n,}`) and free of anchors and lookarounds: it is then
 * matched in a window of the text with exactly the results it has on the whole text.
 */
const windowMargin = 128;

/**
 * How much text every detector reads before a scan may stop or pause (UTF-16 units): a text
 * this short is read in one piece, and every rule reads it in one window.
 */
export const scanPieceLength = 4_096;

/**
 * Whether `boundedMatches(input, pattern)` may yield a candidate: false only for a text read in
 * one piece (see `scanPieceLength`) where `pattern` matches nowhere. Its one window is then the
 * whole text, so it would find nothing either; one test is cheaper than setting up a rule that
 * reads nothing, and on a one-line message most rules read nothing. A longer text is never
 * read whole here: it is read a piece at a time.
 */
export function mayMatch(input: ScanInput, pattern: RegExp): boolean {
  const { text } = input;
  if (text.length > scanPieceLength) return true;
  const matcher = matcherFor(pattern);
  matcher.lastIndex = 0;
  const found = matcher.test(text);
  matcher.lastIndex = 0;
  return found;
}

/**
 * Every bounded match of `pattern` (which must have the `g` flag) in the input's text, in order
 * of start, as `matchAll` finds them on the whole text. It reads only up to `input.readTo`
 * (plus the length of a match that starts before it), and yields `undefined` when it gets there:
 * it goes on once the scan moves `readTo` further, so no call reads the whole of a long text.
 */
export function* boundedMatches(
  input: ScanInput,
  pattern: RegExp,
): Generator<Candidate | undefined> {
  const { text } = input;
  const matcher = matcherFor(pattern);
  let from = 0;
  while (from < text.length) {
    const limit = input.readTo;
    if (from >= limit) {
      yield undefined;
      continue;
    }
    const window = text.slice(from, Math.min(text.length, limit + windowMargin));
    matcher.lastIndex = 0;
    let resumeAt = limit;
    for (let match = matcher.exec(window); match !== null; match = matcher.exec(window)) {
      const start = from + match.index;
      if (start >= limit) break;
      const end = start + match[0].length;
      if (match[0] === "") matcher.lastIndex += 1;
      // In a table's row under a header, a comma separates fields, never a number's parts.
      if (!isBounded(text, start, end, () => input.inTableRow(start))) {
        // The match may have swallowed the start of a bounded one ("PJ 7946…" in "CNPJ 7946…"):
        // look again from the next place a token can start.
        const next = nextTokenStart(text, start + 1, end);
        matcher.lastIndex = next - from;
        resumeAt = Math.max(limit, next);
        continue;
      }
      resumeAt = Math.max(limit, end);
      // The matcher is shared: another scan may use it while this one is paused.
      const next = matcher.lastIndex;
      yield { start, end, value: match[0], groups: match.length > 1 ? match.slice(1) : [] };
      matcher.lastIndex = next;
    }
    from = resumeAt;
  }
}
