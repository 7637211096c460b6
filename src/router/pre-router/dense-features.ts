/**
 * Task-independent features of a prompt: how much there is to read and reason over, not what it
 * is about. They are the inputs of the length/structure heuristics and of the learned pre-router
 * (format 2), chosen to hold on task families the model was not trained on: topic words do not
 * carry from one family to another, the amount of reasoning a question asks for does.
 */

/** Long prompts are read at their head and tail only, so scoring stays well under a millisecond. */
const headCharacters = 4096;
const tailCharacters = 1024;

/**
 * The prompt's text: data sets written from Python (routerbench) store a prompt as the repr of a
 * list of turns, `['…']` or `["…"]`, with escaped newlines and quotes; those are unwrapped and
 * unescaped, so a question reads the same whichever way it was saved. Anything else is as given.
 */
export function promptText(prompt: string): string {
  const trimmed = prompt.trim();
  const match = /^\[\s*(['"])([\s\S]*)\1\s*\]$/.exec(trimmed);
  if (match === null) return prompt;
  const turns = (match[2] ?? "").split(/(?<!\\)['"]\s*,\s*['"]/);
  return turns.map(unescapePython).join("\n");
}

function unescapePython(text: string): string {
  return text.replace(/\\(["'\\nrt])/g, (_, character: string) =>
    character === "n" ? "\n" : character === "t" ? "\t" : character === "r" ? "" : character,
  );
}

/** A multiple-choice option line: "A. …", "(b) …", "C) …", "D: …". */
const optionLine = /^\s*\(?([A-Ja-j1-9])[.):]\s+(\S.*)$/;
/** A closing cue such as "Answer:" or "A:" on its own line: boilerplate, not part of the question. */
const answerCue = /^\s*(answer|a|solution|output)\s*:?\s*$/i;

export interface PromptParts {
  /** The question without its options and answer cue. */
  stem: string;
  options: string[];
}

/** Split a prompt into its question and, for multiple choice, its options. */
export function promptParts(text: string): PromptParts {
  const stem: string[] = [];
  const options: string[] = [];
  for (const line of text.split("\n")) {
    const option = optionLine.exec(line);
    if (option !== null) {
      options.push(option[2] ?? "");
    } else if (options.length === 0 && !answerCue.test(line)) {
      stem.push(line);
    } else if (options.length > 0 && !answerCue.test(line) && line.trim() !== "") {
      // A wrapped option continues the last one.
      options[options.length - 1] = `${options[options.length - 1] ?? ""} ${line.trim()}`;
    }
  }
  // Fewer than two options is not multiple choice: "1. first, …" inside a question, say.
  if (options.length < 2) return { stem: text, options: [] };
  return { stem: stem.join("\n"), options };
}

/** The most frequent English function words: their share is low in dense, technical text. */
const functionWords = new Set(
  (
    "a an the of to in on at by for with from into onto over under about as and or but nor so if " +
    "then than that this these those there here is are was were be been being am do does did " +
    "have has had will would shall should can could may might must it its he she they them their " +
    "his her we us our you your i me my not no yes what which who whom whose when where why how " +
    "all any each every some many much more most other such only also just very too up down out " +
    "off again once both few own same"
  ).split(" "),
);

const negation = /\b(not|except|false|incorrect|least|never|cannot|untrue|neither|nor)\b/gi;
const clauseMarker =
  /[,;:]|\b(and|but|if|then|when|while|because|which|that|who|whose|where|after|before|until|unless|although)\b/gi;
const word = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const numberToken = /\d+(?:[.,]\d+)*/g;
const mathsSymbol = /[+\-*/=^<>%√π∑∏∫≤≥≠≈±×÷∞∂∆∇]/g;
const codeSymbol = /[{}[\];_#$\\`@&~]/g;
const sentenceEnd = /[.!?]+(?=\s|$)/g;

/** The features, in the order of their values; the artifact names them to match at load time. */
export const denseFeatureNames = [
  "log-characters",
  "log-stem-words",
  "log-option-words",
  "option-count",
  "log-numbers",
  "log-stem-numbers",
  "digit-share",
  "maths-share",
  "code-share",
  "log-sentences",
  "clauses-per-sentence",
  "long-word-share",
  "function-word-share",
  "mean-word-length",
  "question-mark",
  "negations",
  "non-ascii-share",
  "log-lines",
  "distinct-word-share",
  "capitalised-share",
] as const;

export const denseFeatureCount = denseFeatureNames.length;

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text) !== null) found++;
  return found;
}

/** The text that is read: the prompt unwrapped, then its head and tail if it is long. */
export function visiblePromptText(prompt: string): { text: string; fullLength: number } {
  const text = promptText(prompt);
  if (text.length <= headCharacters + tailCharacters) return { text, fullLength: text.length };
  return {
    text: `${text.slice(0, headCharacters)}\n${text.slice(-tailCharacters)}`,
    fullLength: text.length,
  };
}

/** The shape features of a prompt, raw (the model standardises them). */
export function denseFeatures(prompt: string): Float64Array {
  const { text, fullLength } = visiblePromptText(prompt);
  const { stem, options } = promptParts(text);
  const stemWords = stem.match(word) ?? [];
  const optionWords = options.reduce((sum, option) => sum + (option.match(word)?.length ?? 0), 0);
  let letters = 0;
  let longWords = 0;
  let functional = 0;
  let capitalised = 0;
  const distinct = new Set<string>();
  let previousEndsSentence = true;
  for (const token of stemWords) {
    const lower = token.toLowerCase();
    letters += token.length;
    if (token.length >= 9) longWords++;
    if (functionWords.has(lower)) functional++;
    distinct.add(lower);
    const first = token.charAt(0);
    if (!previousEndsSentence && first !== first.toLowerCase()) capitalised++;
    previousEndsSentence = false;
  }
  const visible = text.replace(/\s+/g, "").length;
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const sentences = Math.max(1, count(stem, sentenceEnd));
  let nonAscii = 0;
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 127) nonAscii++;
  return Float64Array.from([
    Math.log1p(fullLength),
    Math.log1p(stemWords.length),
    Math.log1p(share(optionWords, options.length)),
    Math.min(options.length, 10),
    Math.log1p(count(text, numberToken)),
    Math.log1p(count(stem, numberToken)),
    share(count(text, /\d/g), visible),
    share(count(text, mathsSymbol), visible),
    share(count(text, codeSymbol), visible),
    Math.log1p(sentences),
    Math.min(count(stem, clauseMarker) / sentences, 20),
    share(longWords, stemWords.length),
    share(functional, stemWords.length),
    share(letters, stemWords.length),
    text.includes("?") ? 1 : 0,
    Math.min(count(stem, negation), 5),
    share(nonAscii, text.length),
    Math.log1p(text.split("\n").length),
    share(distinct.size, stemWords.length),
    share(capitalised, stemWords.length),
  ]);
}

/**
 * The length heuristic: the longer the prompt, the more likely the local model fails it. The
 * baseline every learned router must beat on task families it was not trained on.
 */
export function lengthScore(prompt: string): number {
  return Math.log1p(promptText(prompt).length);
}

/**
 * The structure heuristic: length, plus the options' length for multiple choice (long options
 * are explanations to weigh, not words to recognise). Reported beside the length heuristic.
 */
export function structureScore(prompt: string): number {
  const text = promptText(prompt);
  const { options } = promptParts(text);
  const optionWords =
    options.length === 0
      ? 0
      : options.reduce((sum, option) => sum + (option.match(word)?.length ?? 0), 0) /
        options.length;
  return Math.log1p(text.length) + 0.5 * Math.log1p(optionWords);
}
