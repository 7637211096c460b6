import { beforeHouseNumber, inAddressTail } from "./address-tail.js";
import {
  followsBrandWord,
  followsIdentifier,
  followsNameContext,
  followsPlaceNoun,
  followsRoleLabel,
  greetedByName,
  invokesOurLady,
  namesAuthorOfWork,
  precedingWords,
} from "./name-context.js";
import { namesCompany } from "./company-name.js";
import {
  inTableHeader,
  introducesSelf,
  isLineLabel,
  isListItem,
  startsSentence,
} from "./run-position.js";
import { invertedName } from "./inverted-name.js";
import { kindOf, type Kind } from "./name-lists.js";
import { namesPublicFigure } from "./public-figure.js";
import {
  ambiguousGivenNames,
  buildingAndProgrammeWords,
  givenNamesAlsoCommonWords,
  nameParticles,
  nameSuffixes,
  placeNouns,
  placePrefixes,
  stopWords,
  titleWords,
} from "./name-words.js";

/**
 * Person names in a run of capitalised words: which parts of the run are a name, and how sure.
 * Plain functions over the text and its fold (`foldForMatching`, same offsets).
 */

// A hyphen joins a second part in either case: "Jean-Pierre", and Korean "Dong-hyun", "Soo-ah".
const word =
  "(?:\\p{Lu}[\\p{L}\\p{M}'\u2019]{0,24}(?:-\\p{L}[\\p{L}\\p{M}'\u2019]{0,24})?|\\p{Lu}\\.)";
const particle = "(?:de|da|do|dos|das|del|la|las|los|di|van|von|der|den)";

/** Capitalised words, with particles between them: "María Fernanda Quispe", "João da Silva". */
export const namePattern = new RegExp(
  `${word}(?:[ \\t]{1,3}(?:${particle}[ \\t]{1,3}){0,2}${word}){0,7}`,
  "gu",
);

/** One capitalised word: where a run may start (short enough for `boundedMatches`' window). */
export const capitalisedWord = new RegExp(word, "gu");

const runFrom = new RegExp(namePattern.source, "uy");
const glued = /[\p{L}\p{N}]/u;

/**
 * The run of capitalised words that starts at `start` (where `capitalisedWord` matched), read
 * on the whole text so it does not depend on how far the scan has read; undefined when it is
 * glued to a letter or digit after it. A last word glued to digits is a code, not the run's:
 * "Joaquín Villalba Chávez\tV14124947" is read up to "Chávez".
 */
export function runAt(text: string, start: number): string | undefined {
  runFrom.lastIndex = start;
  const run = runFrom.exec(text)?.[0];
  if (run === undefined || !glued.test(text[start + run.length] ?? "")) return run;
  const lastSpace = Math.max(run.lastIndexOf(" "), run.lastIndexOf("\t"));
  if (lastSpace <= 0) return undefined;
  // Read again within the words before the code, so that a particle does not end the run.
  runFrom.lastIndex = start;
  const shorter = runFrom.exec(text.slice(0, start + lastSpace))?.[0];
  return shorter === undefined || shorter.length === 0 ? undefined : shorter;
}

export interface NameSpan {
  start: number;
  end: number;
  confidence: number;
}

interface Token {
  start: number;
  end: number;
  folded: string;
  particle: boolean;
}

interface Segment {
  words: Token[];
  titled: boolean;
}

/** The names in the run `value` found at `start` of `text` (`folded` is its fold). */
export function namesInRun(
  text: string,
  folded: string,
  start: number,
  value: string,
  previousNameEnd = -1,
): NameSpan[] {
  const sameLine = precedingWords(folded, start, true);
  if (
    followsPlaceNoun(sameLine) ||
    followsBrandWord(sameLine) ||
    invokesOurLady(folded.slice(start, start + value.length), sameLine) ||
    namesAuthorOfWork(sameLine, text.slice(Math.max(0, start - 8), start))
  ) {
    return [];
  }
  const end = start + value.length;
  if (inTableHeader(text, start, end) || inAddressTail(text, folded, start, end)) return [];
  const inverted = invertedName(text, folded, start, end);
  if (inverted !== undefined) return [inverted];
  const tokens = tokensOf(folded, start, value);
  if (namesCompany(text, start, end, tokens) || namesPublicFigure(folded, start, end)) return [];
  const segments = segmentsOf(tokens);
  // The next of a list of names: "Presentes: Edvaldo Cavalcanti, Caio Magalhães e Edvaldo Souza",
  // when a word of it is on the lists; after a name, a bank or a company may follow its comma
  // ("no nome de Davi Correia, Nubank").
  const first = segments[0];
  if (first !== undefined && previousNameEnd >= 0 && first.words[0]?.start === start) {
    first.titled ||=
      listSeparator.test(text.slice(previousNameEnd, start)) &&
      first.words.some((token) => kindOf(token.folded) !== "unknown");
  }
  const spans: NameSpan[] = [];
  for (const segment of segments) {
    if (
      segment === segments[segments.length - 1] &&
      isStreetBeforeNumber(text, folded, segment, end)
    ) {
      continue;
    }
    const span = judge(text, folded, segment);
    if (span !== undefined) spans.push(span);
  }
  return spans;
}

/**
 * "pasa por Juan Paullier 1564 bis": the run's last words before a house number name a street,
 * unless a title or a context word says they are a person ("paciente Ana Ruiz 302").
 */
function isStreetBeforeNumber(
  text: string,
  folded: string,
  segment: Segment,
  end: number,
): boolean {
  const first = segment.words[0];
  const last = segment.words[segment.words.length - 1];
  if (first === undefined || last === undefined || last.end !== end || segment.titled) return false;
  return beforeHouseNumber(text, end) && !followsNameContext(precedingWords(folded, first.start));
}

/** An unknown word in a verb's form ("Encaminhar", "Llamé", "Chamou") opens no name. */
const verbLike = /(?:ar|er|ir|ou|ei|eu|iu|amos|emos|imos|aron|ieron|aste|iste)$/;

const listSeparator = /^(?:[ \t]*[,;/][ \t]*|[ \t]{1,2}(?:y|e|and)[ \t]{1,2})$/;

function tokensOf(folded: string, start: number, value: string): Token[] {
  const tokens: Token[] = [];
  const allCaps = !/\p{Ll}/u.test(value) && /\p{Lu}[^ \t]*[ \t]+\p{Lu}/u.test(value);
  for (const match of value.matchAll(/[^ \t]+/g)) {
    const tokenStart = start + match.index;
    const tokenEnd = tokenStart + match[0].length;
    const foldedWord = folded.slice(tokenStart, tokenEnd).replace(/\.$/, "");
    // In a run in capitals the particles are too: "MARIA APARECIDA DE JESUS".
    const isLower = match[0] === match[0].toLowerCase() || allCaps;
    tokens.push({
      start: tokenStart,
      end: tokenEnd,
      folded: foldedWord,
      particle: isLower && nameParticles.has(foldedWord),
    });
  }
  return tokens;
}

/** Splits the run at words that are no name; a title marks the segment after it. */
function segmentsOf(tokens: readonly Token[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { words: [], titled: false };
  const close = (titled: boolean) => {
    if (current.words.length > 0) segments.push(current);
    current = { words: [], titled };
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined || token.particle) continue;
    const foldedWord = token.folded;
    const inName = current.words.length > 0;
    const previous = tokens[index - 1];
    // "Luis Alberto Del Castillo": a particle in capitals between two words of a name.
    if (inName && index + 1 < tokens.length && capitalParticles.has(foldedWord)) continue;
    // "Vinícius de Moraes Filho": a suffix ends the name it follows.
    if (inName && nameSuffixes.has(foldedWord)) {
      current.words.push(token);
      close(false);
      continue;
    }
    if (placeNouns.has(foldedWord) || buildingAndProgrammeWords.has(foldedWord)) {
      close(false);
      return segments;
    }
    // "del Valle" inside a name is a surname; at a run's start "Valle" opens a place.
    if (placePrefixes.has(foldedWord) && (current.words.length === 0 || saints.has(foldedWord))) {
      close(false);
      // The next word is the place's: "São Paulo", "Puerto Montt", "Cerro San Cristóbal".
      do {
        while (index + 1 < tokens.length && tokens[index + 1]?.particle === true) index++;
        index++;
      } while (placePrefixes.has(tokens[index]?.folded ?? ""));
      continue;
    }
    if (titleWords.has(foldedWord)) {
      close(true);
      continue;
    }
    // After a particle a common word that is also a name is a surname: "Maria de Jesus".
    const afterParticle =
      inName && (previous?.particle === true || capitalParticles.has(previous?.folded ?? ""));
    if (
      stopWords.has(foldedWord) &&
      !(afterParticle && kindOf(foldedWord) !== "unknown") &&
      !(inName && continuesName(tokens, index))
    ) {
      close(false);
      if (!opensName(tokens, index)) continue;
    }
    current.words.push(token);
  }
  close(false);
  return segments;
}

/**
 * A surname that is a common word ("Dias", "Calle", "Carrera"), or a given name that is a month
 * ("Julio"), right after a listed word of a name: "Reginaldo Dias", "Carlos Julio Arosemena".
 */
function continuesName(tokens: readonly Token[], index: number): boolean {
  const foldedWord = tokens[index]?.folded ?? "";
  const previous = tokens[index - 1];
  return (
    previous !== undefined &&
    !previous.particle &&
    kindOf(previous.folded) !== "unknown" &&
    (kindOf(foldedWord) === "surname" || givenNamesAlsoCommonWords.has(foldedWord))
  );
}

/**
 * A given name that is a month, a day or a holy name ("Julio", "Abril", "Marco", "Domingo")
 * right before a listed given name or surname: "Julio César Rojas", "Abril Vargas".
 */
function opensName(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1];
  if (!givenNamesAlsoCommonWords.has(tokens[index]?.folded ?? "") || next === undefined) {
    return false;
  }
  const nextKind = kindOf(next.folded);
  return (
    !next.particle &&
    !stopWords.has(next.folded) &&
    (nextKind === "surname" || (nextKind === "given" && !ambiguousGivenNames.has(next.folded)))
  );
}

/** Particles that may be written in capitals inside a name: "Del Castillo", "De Souza". */
const capitalParticles: ReadonlySet<string> = new Set([
  "de",
  "del",
  "da",
  "do",
  "dos",
  "das",
  "la",
  "di",
  "van",
  "von",
  "der",
]);

/** "de Santa Cruz", "do São Francisco": a saint's name after a particle is still a place. */
const saints: ReadonlySet<string> = new Set(["san", "santa", "santo", "sao", "sant"]);

function judge(text: string, folded: string, segment: Segment): NameSpan | undefined {
  let words = segment.words;
  const first = words[0];
  if (first === undefined) return undefined;
  const lastOfSegment = words[words.length - 1];
  const after = text.slice(lastOfSegment?.end ?? 0, (lastOfSegment?.end ?? 0) + 4);
  // A line's label ("Seguro: Fonasa") takes no context from the line before ("Parentesco: madre").
  const before = precedingWords(folded, first.start, isLineLabel(text, first.start, after));
  // A role's label may name a team or a company too ("Remitente: Amazon México"), and so may an
  // identifier's owner ("el RUC de Comercial Andina"): they count when a word of the run is on
  // the lists.
  const context =
    segment.titled ||
    followsNameContext(before) ||
    greetedByName(before, after) ||
    introducesSelf(text.slice(lastOfSegment?.end ?? 0, (lastOfSegment?.end ?? 0) + 20)) ||
    ((followsRoleLabel(folded, first.start) || followsIdentifier(folded, first.start)) &&
      words.some((token) => kindOf(token.folded) !== "unknown"));
  const lastWord = words[words.length - 1];
  if (
    !context &&
    lastWord !== undefined &&
    words.length >= 2 &&
    isListItem(text, first.start, lastWord.end)
  ) {
    // A line that holds only the run, as in a list of people: "- Cícero do Carmo Moreira".
    const lastKind = kindOf(lastWord.folded);
    if (lastKind !== "unknown" || kindOf(first.folded) === "given") {
      return { start: first.start, end: lastWord.end, confidence: 0.75 };
    }
  }
  if (!context && startsSentence(text, first.start)) {
    // A capitalised word that only opens the sentence: "Chamei Maria Souza". Before surnames
    // alone it is the given name the lists lack: "Rosângela Nascimento Pinheiro".
    const rest = words.slice(1).map((token) => kindOf(token.folded));
    const givenBeforeSurnames =
      rest.length > 0 && !rest.includes("given") && rest.includes("surname");
    if (
      givenBeforeSurnames &&
      verbLike.test(first.folded) &&
      kindOf(first.folded) !== "given" &&
      words.length > 2
    ) {
      words = words.slice(1);
    } else if (!givenBeforeSurnames) {
      while (words.length > 1 && kindOf(words[0]?.folded ?? "") === "unknown") {
        words = words.slice(1);
      }
    }
  }
  const head = words[0];
  const last = words[words.length - 1];
  if (head === undefined || last === undefined) return undefined;
  const kinds = words.map((token) => kindOf(token.folded));
  const known = kinds.filter((kind) => kind !== "unknown").length;
  const hasGiven = kinds.includes("given");
  const confidence = context
    ? confidenceWithContext(text, words, known)
    : confidenceAlone(text, words, kinds, known, hasGiven);
  if (confidence === 0) return undefined;
  return { start: head.start, end: last.end, confidence };
}

function confidenceWithContext(text: string, words: readonly Token[], known: number): number {
  const only = words.length === 1 ? words[0] : undefined;
  // A lone word in capitals after "paciente" or "alumno" ("paciente VIH", "alumno,CLABE") is no
  // name; nor is a short one on the lists ("sou MEI", a kind of company).
  const onlyWord = only === undefined ? "" : text.slice(only.start, only.end);
  if (only !== undefined && !/\p{Ll}/u.test(onlyWord) && (known === 0 || onlyWord.length <= 3)) {
    return 0;
  }
  return known > 0 ? 0.95 : 0.85;
}

function confidenceAlone(
  text: string,
  words: readonly Token[],
  kinds: readonly Kind[],
  known: number,
  hasGiven: boolean,
): number {
  if (words.length >= 2) {
    const joined = words.some(
      (token, index) => index > 0 && hasParticleBefore(token, words[index - 1]),
    );
    // A name starts with a given name; one elsewhere is in a title ("Magazine Luiza").
    if (hasGiven && known >= 2) return 0.85;
    // Unless that given name is a common word too: "Bela Vista", "Rosa Náutica".
    if (kinds[0] === "given" && !ambiguousGivenNames.has(words[0]?.folded ?? "")) return 0.7;
    // An unknown given name and a surname, inside a sentence: "Cleiton Ferreira".
    const lastKind = kinds[kinds.length - 1];
    if (
      known === 1 &&
      lastKind === "surname" &&
      !joined &&
      (!startsSentence(text, words[0]?.start ?? 0) || subjectOfSentence(text, words))
    ) {
      return 0.55;
    }
    // An unknown given name before two surnames, joined or not: "Jailson Ferreira da Silva".
    if (kinds[0] === "unknown" && known >= 2 && known === kinds.length - 1) return 0.55;
    // Surnames alone: "Quispe Mamani", but not "Cercado de Lima", a place.
    return known >= 2 && !joined ? 0.55 : 0;
  }
  const only = words[0];
  if (only === undefined || kinds[0] !== "given" || ambiguousGivenNames.has(only.folded)) return 0;
  // A word in capitals alone is an acronym ("IVA", "DIAN") more often than a name.
  if (!/\p{Ll}/u.test(text.slice(only.start, only.end))) return 0;
  if (!startsSentence(text, only.start)) return 0.6;
  // "Maria, ¿me ayudas?": a name said to someone.
  return text[only.end] === "," ? 0.55 : 0;
}

/**
 * A sentence's subject, an unknown word and a surname before its verb: "Jeferson Ramos ligou
 * ontem". The first word is no verb ("Llamé Gómez") and the next word is in lower case.
 */
function subjectOfSentence(text: string, words: readonly Token[]): boolean {
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined || verbLike.test(first.folded)) return false;
  const firstWord = text.slice(first.start, first.end);
  // In capitals it is a heading; with a stressed last vowel a verb's past ("Llamé", "Pagó").
  if (!/\p{Ll}/u.test(firstWord) || /[áéíóú]$/u.test(firstWord)) return false;
  return /^[ \t]{1,2}\p{Ll}/u.test(text.slice(last.end, last.end + 3));
}

function hasParticleBefore(token: Token, previous: Token | undefined): boolean {
  return previous !== undefined && token.start - previous.end > 3;
}
