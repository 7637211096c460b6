/**
 * Whether an answer loops: a span of words said again and again back to back ("La capital es X.
 * La capital es X. La capital es X."), or, in a longer answer, most of its five-word phrases said
 * before (a loop whose counter changes, "Día 1: … Día 2: …"). Small models at temperature 0 do
 * both until the token limit; token probabilities rate such loops as confident.
 */
export interface Repetition {
  /** The repeated span, as written (its words joined by spaces). */
  span: string;
  /** How many times it occurs back to back (for the phrase measure: the share repeated, 0–1). */
  repeats: number;
  kind: "loop" | "phrases";
}

/** A span of up to this many words is looked for. */
const longestSpan = 40;
/** Back-to-back repeats that count as a loop, and the fewest words they must cover. */
const loopRepeats = 3;
const loopWords = 10;
/** A span this long (in words) said twice back to back is a loop too. */
const longSpanWords = 12;
/** Phrase measure: from this many words, this share of five-word phrases seen before. */
const phraseMinimumWords = 40;
const phraseShare = 0.5;

export function findRepetition(text: string): Repetition | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return findLoop(words) ?? findRepeatedPhrases(words);
}

function findLoop(words: readonly string[]): Repetition | undefined {
  for (let period = 1; period <= Math.min(longestSpan, Math.floor(words.length / 2)); period++) {
    let run = 0;
    for (let index = 0; index + period < words.length; index++) {
      run = words[index] === words[index + period] ? run + 1 : 0;
      const covered = run + period;
      const repeats = Math.floor(covered / period);
      if (
        (repeats >= loopRepeats && covered >= loopWords) ||
        (repeats >= 2 && period >= longSpanWords)
      ) {
        const start = index + period + 1 - covered;
        return { span: words.slice(start, start + period).join(" "), repeats, kind: "loop" };
      }
    }
  }
  return undefined;
}

function findRepeatedPhrases(words: readonly string[]): Repetition | undefined {
  if (words.length < phraseMinimumWords) return undefined;
  const seen = new Set<string>();
  let repeated = 0;
  let total = 0;
  let example = "";
  for (let index = 0; index + 5 <= words.length; index++) {
    const phrase = words.slice(index, index + 5).join(" ");
    total++;
    if (seen.has(phrase)) {
      repeated++;
      if (example === "") example = phrase;
    } else seen.add(phrase);
  }
  const share = repeated / total;
  return share >= phraseShare ? { span: example, repeats: share, kind: "phrases" } : undefined;
}
