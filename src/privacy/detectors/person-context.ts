import { namePattern, namesInRun } from "./name-runs.js";
import type { ScanInput } from "./scan-input.js";
import { possessiveWords, someoneWords } from "./someone-words.js";

/**
 * Whether a sentence is about a particular person: the words that tie an address or a health
 * condition to someone ("tengo", "mi hijo", "minha mãe", "paciente", "Sra."), or a person's name.
 */

/** How far around a value its sentence is read, each way. */
const sentenceReach = 240;

export interface Sentence {
  start: number;
  end: number;
}

/** The sentence holding `start`–`end` in the input's fold, at most `sentenceReach` each way. */
export function sentenceAround(input: ScanInput, start: number, end: number): Sentence {
  const { folded } = input;
  // Where a sentence runs past the reach, it is cut on a multiple of `block`, so the values of
  // one long run of text share their sentence (and its memo) instead of each sliding its own.
  const lowest = Math.floor(Math.max(0, start - sentenceReach) / block) * block;
  const highest = Math.min(folded.length, Math.ceil((end + sentenceReach) / block) * block);
  const last = lastSentences.get(input);
  // A value inside the last sentence found, with the same limits, has that sentence.
  if (
    last !== undefined &&
    last.lowest === lowest &&
    last.highest === highest &&
    last.start <= start &&
    end <= last.end
  ) {
    return last;
  }
  let from = start;
  while (from > lowest && !endsSentence(folded, from - 1)) from--;
  let to = end;
  while (to < highest && !endsSentence(folded, to)) to++;
  const sentence = { start: from, end: to, lowest, highest };
  lastSentences.set(input, sentence);
  return sentence;
}

/** The last sentence found in each scan's text. */
const lastSentences = new WeakMap<ScanInput, Sentence & { lowest: number; highest: number }>();

const block = 128;

function endsSentence(folded: string, index: number): boolean {
  const character = folded[index];
  if (character === "!" || character === "?" || character === "\n") return true;
  // A full stop ends a sentence before a space, not inside "Av." or "3.5".
  return (
    character === "." &&
    /\s/.test(folded[index + 1] ?? "") &&
    /\p{L}{3}$/u.test(folded.slice(index - 3, index))
  );
}

const cue = (words: readonly string[]) =>
  new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}\\p{N}])`, "u");

const someoneCue = cue(someoneWords);

/** Besides those, the first person: "yo", "eu", "mi", "minha", "vivo", "moro". */
const personCue = cue([
  ...someoneWords,
  "yo",
  "eu",
  ...possessiveWords,
  "me",
  "tengo",
  "tenho",
  "soy",
  "sou",
  "estoy",
  "estou",
  "vivo",
  "moro",
  "nuestro",
  "nuestra",
  "nosso",
  "nossa",
]);

/** A sentence about people in general: "¿Una persona con VIH puede donar sangre?" */
const generalSubject =
  /(?:^|[^\p{L}\p{N}])(?:alguien|alguem|una persona|uma pessoa|las personas|as pessoas|la gente|a gente|quien|quem|quienes|pacientes|personas|pessoas|cualquiera|qualquer)(?![\p{L}\p{N}])/u;

/** Whether the sentence speaks of someone: the first person, kin, a title, or a person's name. */
export function mentionsPerson(input: ScanInput, sentence: Sentence): boolean {
  return remembered(input, sentence, "person", () => {
    const folded = input.folded.slice(sentence.start, sentence.end);
    return personCue.test(folded) || namesIn(input, sentence);
  });
}

/** Whether the sentence speaks of someone in particular besides the writer: kin, a title, a name. */
export function mentionsSomeone(input: ScanInput, sentence: Sentence): boolean {
  return remembered(input, sentence, "someone", () => {
    const folded = input.folded.slice(sentence.start, sentence.end);
    return someoneCue.test(folded) || namesIn(input, sentence);
  });
}

/** Whether the sentence speaks of people in general, not of someone. */
export function speaksInGeneral(input: ScanInput, sentence: Sentence): boolean {
  return remembered(input, sentence, "general", () =>
    generalSubject.test(input.folded.slice(sentence.start, sentence.end)),
  );
}

/** The last sentences' answers, per scan: the values of one sentence ask the same questions. */
const memos = new WeakMap<ScanInput, Map<string, boolean>>();

function remembered(
  input: ScanInput,
  sentence: Sentence,
  question: string,
  answer: () => boolean,
): boolean {
  let memo = memos.get(input);
  if (memo === undefined) {
    memo = new Map();
    memos.set(input, memo);
  }
  const key = `${question}:${sentence.start}:${sentence.end}`;
  let known = memo.get(key);
  if (known === undefined) {
    if (memo.size > 64) memo.clear();
    known = answer();
    memo.set(key, known);
  }
  return known;
}

function namesIn(input: ScanInput, sentence: Sentence): boolean {
  const text = input.text.slice(sentence.start, sentence.end);
  const matcher = new RegExp(namePattern.source, namePattern.flags);
  for (const match of text.matchAll(matcher)) {
    const spans = namesInRun(input.text, input.folded, sentence.start + match.index, match[0]);
    if (spans.some((span) => span.confidence >= 0.6)) return true;
  }
  return false;
}
