/**
 * Reading the answer out of what a model wrote, for tasks with a verifiable answer: the letter of
 * a multiple-choice option, or a number. Small models rarely obey "the letter only", so this
 * accepts the usual shapes ("C", "C)", "(C)", "Letra C", "A resposta correta é C", the option's
 * own text) without mistaking the Portuguese article "A" or the conjunction "E" for a choice.
 */
export const choiceLetters = ["A", "B", "C", "D", "E"] as const;
export type ChoiceLetter = (typeof choiceLetters)[number];

/** What a task's right answer is. */
export type TaskAnswer =
  { kind: "choice"; letter: ChoiceLetter } | { kind: "number"; value: number };

export interface AnswerHints {
  /** The options' texts, in letter order (also bounds the letters that count). */
  options?: readonly string[];
  /**
   * A free (chat) answer restates the question's numbers before its result: read the last
   * number instead of the first when no answer is marked. Default "first".
   */
  number?: "first" | "last";
  /** "pt"/"es" read "1.234" as 1234 and "1,5" as 1.5; otherwise "1,234" is 1234. */
  language?: string;
}

export interface AnswerCheck {
  correct: boolean;
  /** What was read from the answer ("C", "1234.5"), undefined when nothing was found. */
  extracted: string | undefined;
}

export function checkAnswer(
  expected: TaskAnswer,
  text: string,
  hints: AnswerHints = {},
): AnswerCheck {
  if (expected.kind === "choice") {
    const letter = extractChoice(text, hints.options);
    return { correct: letter === expected.letter, extracted: letter };
  }
  const number = extractNumber(text, hints.language, hints.number);
  if (number === undefined) return { correct: false, extracted: undefined };
  const candidates = number.percent ? [number.value, number.value / 100] : [number.value];
  return {
    correct: candidates.some((value) => sameNumber(value, expected.value)),
    extracted: `${number.value}${number.percent ? "%" : ""}`,
  };
}

const markerWords = String.raw`letra|alternativa|op[çc][ãa]o|opci[óo]n|option|choice|gabarito`;
/** "letra C", "alternativa (d)", "option B": the marker makes even a lower-case letter explicit. */
const markerPattern = new RegExp(
  String.raw`(?<![\p{L}])(?:${markerWords})\s*[:\-]?\s*[(\[]?([A-Ea-e])(?![\p{L}\p{N}])`,
  "giu",
);
/** "A resposta correta é C", "Respuesta: b)", "The answer is (E)". */
const answerPattern = new RegExp(
  String.raw`(?<![\p{L}])(?:resposta|respuesta|answer)(?:\s+(?:correta|certa|correcta|correct|final))?\s*(?:é|es|is|será|:|=)\s*(?:(?:a|la|the)\s+)?(?:(?:${markerWords})\s+)?([(\[]?)([A-Ea-e])(?![\p{L}\p{N}])([)\].,;:!]?)`,
  "giu",
);
/** The answer starts with the letter: "C", "C)", "(C)", "c.", "C: …", "C - …". */
const leadingPattern = /^[([]?([A-Ea-e])(?:[)\].:-]|\s*$)/u;
const bracketedPattern = /[([]([A-Ea-e])[)\]]/gu;
const standalonePattern = /(?<![\p{L}\p{N}])([A-E])(?![\p{L}\p{N}'’])/gu;

/** The option letter an answer chooses, or undefined when it names none (or none of the options). */
export function extractChoice(text: string, options?: readonly string[]): ChoiceLetter | undefined {
  const allowed = choiceLetters.slice(0, options?.length ?? choiceLetters.length);
  const clean = text.replace(/[*_`"“”]/gu, "").trim();
  const accept = (letter: string | undefined): ChoiceLetter | undefined => {
    const upper = letter?.toUpperCase();
    return allowed.find((candidate) => candidate === upper);
  };

  for (const match of clean.matchAll(markerPattern)) {
    const found = accept(match[1]);
    if (found !== undefined) return found;
  }
  for (const match of clean.matchAll(answerPattern)) {
    const [, open = "", letter = "", close = ""] = match;
    const after = clean.slice(match.index + match[0].length);
    // A lower-case letter here is usually the article ("… é a melhor"), unless it stands alone.
    const alone = open !== "" || close !== "" || after.trim() === "";
    if (letter === letter.toUpperCase() || alone) {
      const found = accept(letter);
      if (found !== undefined) return found;
    }
  }
  const found = accept(leadingPattern.exec(clean)?.[1]);
  if (found !== undefined) return found;
  for (const match of clean.matchAll(bracketedPattern)) {
    const bracketed = accept(match[1]);
    if (bracketed !== undefined) return bracketed;
  }
  const byText = options === undefined ? undefined : matchOptionText(clean, options);
  if (byText !== undefined) return byText;
  for (const match of clean.matchAll(standalonePattern)) {
    const letter = match[1];
    const next = clean.slice(match.index + 1);
    // "A conquista…", "E também…": an article or a conjunction, not a choice.
    if ((letter === "A" || letter === "E") && /^\s+\p{Ll}/u.test(next)) continue;
    const standalone = accept(letter);
    if (standalone !== undefined) return standalone;
  }
  return undefined;
}

/** The one option whose text the answer repeats (its first 40 characters, ignoring case and accents). */
function matchOptionText(text: string, options: readonly string[]): ChoiceLetter | undefined {
  const answer = normalise(text);
  const hits = options
    .map((option, index) => ({ key: normalise(option).slice(0, 40), index }))
    .filter(({ key }) => key.length >= 8 && answer.includes(key));
  return hits.length === 1 ? choiceLetters[hits[0]?.index ?? -1] : undefined;
}

function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface ExtractedNumber {
  value: number;
  /** Written with a percent sign: 25% matches an expected 25 or 0.25. */
  percent: boolean;
}

const numberSource = String.raw`(?<![\p{L}\p{N}.,])([-−–]?)(\d[\d.,]*\d|\d)(\s?%)?`;
const boxedPattern = new RegExp(String.raw`\\boxed\{\s*${numberSource}`, "u");
const numberAnswerPattern = new RegExp(
  String.raw`(?:####|(?:resposta|respuesta|answer|resultado|result)(?:\s+(?:correta|final|correcta|correct))?\s*(?:é|es|is|:|=))\s*${numberSource}`,
  "giu",
);
const anyNumberPattern = new RegExp(numberSource, "u");
const everyNumberPattern = new RegExp(numberSource, "gu");

/**
 * The number an answer gives: after "\boxed{", "####" or "the answer is"/"a resposta é" if present
 * (the last such), else the first number. Reads "1.234,5" and "1,234.5" alike, a leading minus
 * (also "−"), and a trailing "%".
 */
export function extractNumber(
  text: string,
  language?: string,
  position: "first" | "last" = "first",
): ExtractedNumber | undefined {
  const marked = [...text.matchAll(numberAnswerPattern)].at(-1);
  const plain =
    position === "last"
      ? [...text.matchAll(everyNumberPattern)].at(-1)
      : anyNumberPattern.exec(text);
  const match = boxedPattern.exec(text) ?? marked ?? plain ?? null;
  if (match === null) return undefined;
  const [, sign = "", digits = "", percent] = match;
  const magnitude = parseDigits(digits, language === "pt" || language === "es");
  if (magnitude === undefined) return undefined;
  return { value: sign === "" ? magnitude : -magnitude, percent: percent !== undefined };
}

/** Digits with "." and "," as thousands or decimal separators; undefined for "1.2.3"-like text. */
function parseDigits(digits: string, decimalComma: boolean): number | undefined {
  const lastDot = digits.lastIndexOf(".");
  const lastComma = digits.lastIndexOf(",");
  let decimal: "." | "," | undefined;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? "." : ",";
  else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? "." : ",";
    const [head = "", ...tail] = digits.split(separator);
    const grouped = head.length <= 3 && tail.every((group) => group.length === 3);
    if (tail.length > 1 && !grouped) return undefined;
    // One separator before exactly three digits is ambiguous: the language decides.
    const thousands =
      tail.length > 1 || (grouped && (separator === "." ? decimalComma : !decimalComma));
    decimal = thousands ? undefined : separator;
  }
  const plain =
    decimal === undefined
      ? digits.replace(/[.,]/gu, "")
      : digits.replaceAll(decimal === "." ? "," : ".", "").replace(",", ".");
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

function sameNumber(got: number, expected: number): boolean {
  return Math.abs(got - expected) <= Math.max(1e-9, 1e-6 * Math.abs(expected));
}
