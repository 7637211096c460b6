import { kindOf } from "./name-lists.js";
import { givenNamesAlsoCommonWords, placePrefixes, stopWords } from "./name-words.js";

/**
 * Names written surnames first, as in a class list or a roll: "1. Carvalho, Lívia",
 * "2. Caballero Guzmán, Marco Antonio", "3. do Carmo, Simone". The line holds only the name:
 * surnames (after a list's marker and a particle at most), a comma, given names.
 */

export interface InvertedName {
  start: number;
  end: number;
  confidence: number;
}

/** Before the surnames: the line's start, a list's marker, a particle in lower case. */
const lineStart =
  /(?:^|\n)[ \t]*((?:[-*•]|\d{1,3}[.)º°]?)[ \t]+)?((?:(?:de|da|do|dos|das|del)[ \t]+(?:la[ \t]+|los[ \t]+)?)?)$/;
/** After them: a comma and up to three capitalised words, then the line's end or a note. */
const givenAfter =
  /,[ \t]*(\p{Lu}[\p{L}\p{M}'\u2019]{1,24}(?:[ \t]\p{Lu}[\p{L}\p{M}'\u2019]{1,24}){0,2})(?=[ \t]*(?:$|\r?\n|\(|[;|]|[ \t][-\u2013\u2014][ \t]))/uy;

/**
 * The name whose surnames are the run `start`–`end` of `text` (`folded` is its fold), with the
 * given names after its comma; undefined when the line is no such name. Every word must be on
 * the lists (a surname after a list's marker need not), and the first after the comma a given
 * name.
 */
export function invertedName(
  text: string,
  folded: string,
  start: number,
  end: number,
): InvertedName | undefined {
  if (text[end] !== ",") return undefined;
  const before = lineStart.exec(text.slice(Math.max(0, start - 24), start));
  if (before === null) return undefined;
  // After a list's marker, a surname the lists lack will do: "1. Bezerra, Priscila".
  const marked = before[1] !== undefined;
  const surnames = folded.slice(start, end).split(/[ \t]+/);
  const surnameWord = marked ? isNoCommonWord : isNameWord;
  if (surnames.length > 3 || !surnames.every(surnameWord)) return undefined;
  givenAfter.lastIndex = end;
  const given = givenAfter.exec(text)?.[1];
  if (given === undefined) return undefined;
  const givenEnd = givenAfter.lastIndex;
  const givenNames = folded.slice(givenEnd - given.length, givenEnd).split(/[ \t]/);
  const first = givenNames[0] ?? "";
  const opensWithGiven = kindOf(first) === "given" || givenNamesAlsoCommonWords.has(first);
  if (!opensWithGiven || !givenNames.every((word) => isNameWord(word) || word === first)) {
    return undefined;
  }
  return {
    start: start - (before[2]?.length ?? 0),
    end: givenEnd,
    confidence: 0.8,
  };
}

/** A listed word that is no common word, or a surname that is one too ("Dias"). */
function isNameWord(foldedWord: string): boolean {
  return kindOf(foldedWord) !== "unknown" && isNoCommonWord(foldedWord);
}

/** No common word nor a place's first word, unless a surname ("Dias"). */
function isNoCommonWord(foldedWord: string): boolean {
  return (
    (kindOf(foldedWord) === "surname" || !stopWords.has(foldedWord)) &&
    !placePrefixes.has(foldedWord)
  );
}
