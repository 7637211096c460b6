import type { Finding } from "../../core/pii-types.js";
import { foldedValue } from "./folded-value.js";
import { followsPlaceNoun, precedingWords } from "./name-context.js";
import { nameLists } from "./name-lists.js";
import { ambiguousGivenNames, commonListWords, nameParticles, stopWords } from "./name-words.js";
import type { ScanInput } from "./scan-input.js";

/**
 * Person names typed in lower case, as in a chat ("fue pedro gonzález, muy amable"): a known
 * given name that is no common word, then given names or surnames, the last a surname that is
 * no given name ("joão pedro almeida"). Words in lower case carry no other sign of a name, so
 * every word must be on the lists and none may be a common word.
 */

/**
 * A word in lower case (folded) followed by another: where a name in lower case may start. Its
 * words are read straight from the fold, not through `boundedMatches`: every word of a text is
 * one, and the scan's cost per word must stay small.
 */
const pairStart = /(?<![\p{L}\p{N}@._-])[a-z]{3,24}(?=[ \t][a-z])/gu;
/** The next word, after a particle at most: "lucas do carmo castro", "maria de la cruz". */
const nextWord = /[ \t](?:(?:de|da|do|dos|das|del)[ \t](?:la[ \t])?)?([a-z]{3,24})(?![a-z])/y;

/** At most this many words in a name in lower case. */
const longest = 4;

export function* lowercaseNames(input: ScanInput): Generator<Finding | undefined> {
  // A pair of listed words starts the name; after a cue ("me llamo", "quem recebe é"), the name
  // starts after it.
  yield* namesAt(
    input,
    pairStart,
    (match) => match.index,
    (start, match) => nameEndAt(input, start, match[0]),
    () => 0.6,
  );
  // One search for both kinds of cue: a scan of a short text pays for each search it starts.
  yield* namesAt(
    input,
    cue,
    (match) => match.index + match[0].length,
    (start, match) =>
      match[1] === undefined ? roleNameEnd(input, start) : cuedNameEnd(input, start),
    (match) => (match[1] === undefined ? 0.7 : 0.8),
  );
}

/**
 * The names `matcher`'s matches in the fold lead to, lazily: `startOf` says where a match's name
 * would start, `endAt` where it ends (undefined: no name there). A match whose name would start
 * past what the scan may read for now waits for it (`undefined`), then is read again.
 */
function* namesAt(
  input: ScanInput,
  matcher: RegExp,
  startOf: (match: RegExpExecArray) => number,
  endAt: (start: number, match: RegExpExecArray) => number | undefined,
  confidenceOf: (match: RegExpExecArray) => number,
): Generator<Finding | undefined> {
  // The matcher is shared by every scan: each search sets where it starts, so a scan paused at
  // a `yield` does not mind another one using it meanwhile.
  let from = 0;
  for (;;) {
    const { folded } = input;
    matcher.lastIndex = from;
    const match = matcher.exec(folded);
    if (match === null) return;
    const start = startOf(match);
    if (start >= input.readTo) {
      from = match.index;
      yield undefined;
      continue;
    }
    const end = endAt(start, match);
    from = end ?? match.index + match[0].length;
    if (end === undefined) continue;
    yield {
      type: "PERSON_NAME",
      country: null,
      start,
      end,
      confidence: confidenceOf(match),
      validated: false,
      normalized: foldedValue(folded.slice(start, end)),
    };
  }
}

function isCommonWord(word: string): boolean {
  return stopWords.has(word) || commonListWords.has(word);
}

function isLowerCase(text: string, start: number): boolean {
  const character = text[start] ?? "";
  return character !== character.toUpperCase();
}

function nameEndAt(input: ScanInput, start: number, first: string): number | undefined {
  const lists = nameLists();
  if (!lists.given.has(first) || isCommonWord(first) || ambiguousGivenNames.has(first)) {
    return undefined;
  }
  const { text, folded } = input;
  if (!isLowerCase(text, start)) return undefined;
  const end = listedNameEnd(input, start + first.length, false);
  // "av. augusto de lima", "blvd. miguel de cervantes saavedra": a street named after someone.
  if (end === undefined || followsPlaceNoun(precedingWords(folded, start, true))) return undefined;
  return end;
}

/**
 * "lo recibe nelly si no estoy", "quem cobre é felipe", "le escribe mayra", "seu filho arthur",
 * "la alumna nelly tito": after words that say who does something or who someone is to the
 * writer, a listed given name in lower case (no common word) is a name alone, and the listed
 * words after it are its surnames.
 */
const roleWord = /[a-z]{3,24}(?![a-z])/y;

function roleNameEnd(input: ScanInput, start: number): number | undefined {
  roleWord.lastIndex = start;
  const first = roleWord.exec(input.folded)?.[0];
  if (
    first === undefined ||
    !isLowerCase(input.text, start) ||
    !nameLists().given.has(first) ||
    isCommonWord(first) ||
    ambiguousGivenNames.has(first)
  ) {
    return undefined;
  }
  return listedNameEnd(input, start + first.length, true);
}

/**
 * Where the name whose first word ends at `at` ends: the listed words after it, a particle
 * between two ("lucas do carmo castro"), the last a surname that is no given name; past one,
 * any listed word ("brenda flores tito"). With `alone`, the first word may be the whole name.
 */
function listedNameEnd(input: ScanInput, at: number, alone: boolean): number | undefined {
  const lists = nameLists();
  const { text, folded } = input;
  let end = alone ? at : undefined;
  for (let count = 1; count < longest; count++) {
    nextWord.lastIndex = at;
    const word = nextWord.exec(folded)?.[1];
    const wordStart = nextWord.lastIndex - (word?.length ?? 0);
    if (word === undefined || !isLowerCase(text, wordStart) || isCommonWord(word)) break;
    const given = lists.given.has(word);
    if (!given && !lists.surnames.has(word)) break;
    at = nextWord.lastIndex;
    if (!given || end !== undefined) end = at;
  }
  // Glued to a digit or a letter outside a–z: no name.
  if (end !== undefined && /[\p{L}\p{N}]/u.test(text[end] ?? "")) return undefined;
  return end;
}

/**
 * "me llamo efraín pech", "oi aqui é luiz fernando da conceição": after words that say one's own
 * name follows, the words in lower case up to a comma or a common word are that name, known or
 * not, so long as one of them is on the lists. After a particle only a listed word goes on
 * ("… da conceição do apto" ends before "do"). Its first group holds those words; the other
 * words are the role cues of `roleNameEnd` — an object pronoun and a verb, but not "la", which is
 * as often the article before a noun ("la temperatura máxima", Máxima a given name).
 */
const cue =
  /(?<![a-z])(?:(me llamo|mi nombre es|meu nome e|me chamo|aqui es|aqui e|yo soy|eu sou|soy|sou)|hij[oa]|filh[oa]|niet[oa]|net[oa]|sobrinh?[oa]|espos[oa]|marido|novi[oa]|namorad[oa]|alumn[oa]|alun[oa]|oi e|ola e|hola es|quem [a-z]{3,14} e|quien [a-z]{3,14} es|(?:lo|le|me|te) [a-z]{3,14}[ae])[ \t]+(?=[a-z])/gu;
const cuedWord = /([a-z]{2,24})(?![a-z])[ \t]*/y;

function cuedNameEnd(input: ScanInput, start: number): number | undefined {
  const lists = nameLists();
  const { text, folded } = input;
  let at = start;
  let end: number | undefined;
  let words = 0;
  let listed = false;
  let afterParticle = false;
  while (words < longest) {
    cuedWord.lastIndex = at;
    const word = cuedWord.exec(folded)?.[1];
    if (word === undefined || !isLowerCase(text, at)) break;
    const wordEnd = at + word.length;
    if (/[\p{L}\p{N}]/u.test(text[wordEnd] ?? "")) break;
    if (words > 0 && nameParticles.has(word) && !afterParticle) {
      afterParticle = true;
      at = cuedWord.lastIndex;
      continue;
    }
    const known = lists.given.has(word) || lists.surnames.has(word);
    if (isCommonWord(word) || (afterParticle && !known)) break;
    afterParticle = false;
    listed ||= known;
    words++;
    end = wordEnd;
    at = cuedWord.lastIndex;
    // A comma or any other sign ends the name.
    if (at === wordEnd) break;
  }
  if (end === undefined || !listed) return undefined;
  // One word alone must be a given name: "soy alérgica" is no name.
  if (words === 1 && !lists.given.has(folded.slice(start, end))) return undefined;
  return end;
}
