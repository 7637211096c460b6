/**
 * A few dense, subject-independent features of a prompt's shape: how long it is, how much of it is
 * digits, maths or code, whether it is multiple choice and what its options look like, and whether
 * it asks a negated or computational question. Values are raw; the model standardises them with
 * the training set's mean and spread.
 */
export const denseFeatureNames = [
  "log-characters",
  "log-words",
  "digit-share",
  "maths-share",
  "code-share",
  "upper-case-share",
  "non-ascii-share",
  "log-lines",
  "option-count",
  "numeric-option-share",
  "log-option-length",
  "log-stem-length",
  "question-mark",
  "question-word-start",
  "negation-count",
  "computation-word",
  "log-number-count",
  "mean-word-length",
] as const;

export const denseFeatureCount = denseFeatureNames.length;

const maths = 1;
const code = 2;
/** Character classes by UTF-16 code unit: maths symbols and code punctuation. */
const characterClass = new Uint8Array(65536);
for (const character of "+-*/=^<>%|√π∑∏∫≤≥≠≈±×÷∞∂∆∇θλμσαβγδεφω") {
  characterClass[character.charCodeAt(0)] = maths;
}
for (const character of "{}[];_#$\\`@&~") characterClass[character.charCodeAt(0)] = code;

const optionLine = /^\s*\(?([A-Ja-j])[.):]\s+(.*)$/;
const questionWordStart = /^\W*(what|which|who|whom|whose|when|where|why|how)\b/i;
const negation = /\b(not|except|false|incorrect|least|never|cannot|untrue)\b/gi;
const computation = /\b(calculate|compute|find|solve|evaluate|determine|simplify|prove|derive)\b/i;

/** The dense features of `text` (already cut to its head and tail); `fullLength` before cutting. */
export function denseFeatures(text: string, fullLength: number): Float64Array {
  const features = new Float64Array(denseFeatureCount);
  const counts = countCharacters(text);
  const lines = text.split("\n");
  const options: string[] = [];
  let stemLength = 0;
  for (const line of lines) {
    const match = optionLine.exec(line);
    if (match === null) {
      if (options.length === 0) stemLength += line.length + 1;
    } else {
      options.push(match[2] ?? "");
    }
  }
  const numericOptions = options.filter(isNumeric).length;
  const optionLength = options.reduce((sum, option) => sum + option.length, 0);
  const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
  features.set([
    Math.log1p(fullLength),
    Math.log1p(counts.words),
    share(counts.digits, counts.visible),
    share(counts.maths, counts.visible),
    share(counts.code, counts.visible),
    share(counts.upper, counts.letters),
    share(counts.nonAscii, text.length),
    Math.log1p(lines.length),
    Math.min(options.length, 10),
    share(numericOptions, options.length),
    Math.log1p(share(optionLength, options.length)),
    Math.log1p(stemLength),
    text.includes("?") ? 1 : 0,
    questionWordStart.test(text) ? 1 : 0,
    Math.min(text.match(negation)?.length ?? 0, 5),
    computation.test(text) ? 1 : 0,
    Math.log1p(counts.numbers),
    share(counts.wordCharacters, counts.words),
  ]);
  return features;
}

interface CharacterCounts {
  visible: number;
  digits: number;
  maths: number;
  code: number;
  letters: number;
  upper: number;
  nonAscii: number;
  words: number;
  wordCharacters: number;
  numbers: number;
}

/** One pass over the code units; ASCII is classified by range, the rest by case mapping. */
function countCharacters(text: string): CharacterCounts {
  const counts: CharacterCounts = {
    visible: 0,
    digits: 0,
    maths: 0,
    code: 0,
    letters: 0,
    upper: 0,
    nonAscii: 0,
    words: 0,
    wordCharacters: 0,
    numbers: 0,
  };
  let inWord = false;
  let inNumber = false;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const isDigit = unit >= 48 && unit <= 57;
    let isLetter = false;
    if (unit < 128) {
      if (unit > 32) counts.visible++;
      if (unit >= 65 && unit <= 90) {
        isLetter = true;
        counts.upper++;
      } else if (unit >= 97 && unit <= 122) {
        isLetter = true;
      }
    } else {
      counts.nonAscii++;
      const character = text.charAt(index);
      if (unit !== 0xa0 && unit !== 0x2028 && unit !== 0x3000) counts.visible++;
      const lower = character.toLowerCase();
      if (lower !== character.toUpperCase()) {
        isLetter = true;
        if (character !== lower) counts.upper++;
      }
    }
    const kind = characterClass[unit];
    if (kind === maths) counts.maths++;
    else if (kind === code) counts.code++;
    if (isDigit) counts.digits++;
    if (isLetter) counts.letters++;
    const isWord = isLetter || isDigit;
    if (isWord) counts.wordCharacters++;
    if (isWord && !inWord) counts.words++;
    if (isDigit && !inNumber) counts.numbers++;
    inWord = isWord;
    inNumber = isDigit;
  }
  return counts;
}

/** An option that is mostly digits and maths: a numeric answer. */
function isNumeric(option: string): boolean {
  let counted = 0;
  let visible = 0;
  for (let index = 0; index < option.length; index++) {
    const unit = option.charCodeAt(index);
    if (unit <= 32) continue;
    visible++;
    if ((unit >= 48 && unit <= 57) || characterClass[unit] === maths) counted++;
  }
  return visible > 0 && counted * 2 >= visible;
}
