/**
 * Finds a runaway repetition at the end of generated text: the same span written over and over
 * ("La capital es Buenos Aires. La capital es Buenos Aires. …", one list item again and again,
 * a single token repeated), the loop a small model falls into at low temperature. Pure: text in,
 * a finding or undefined out. The thresholds are chosen so that ordinary prose, lists of similar
 * lines and code do not match (see the tests): a span is a runaway only when the text's tail is
 * exactly periodic for at least `minimumRepeats` periods *and* `minimumSpanCharacters` characters.
 */
export interface RunawayRepetitionOptions {
  /** Times the span must occur back to back at the end of the text. Default 3. */
  minimumRepeats?: number;
  /**
   * A span at least this long (a paragraph, several sentences) needs only
   * `minimumLongSpanRepeats` occurrences: ordinary text does not write the same 100 characters
   * twice in a row, and a loop that long would otherwise run for hundreds of tokens before it
   * counts. Default 100 characters, 2 repeats.
   */
  longSpanCharacters?: number;
  minimumLongSpanRepeats?: number;
  /** Characters the repeated tail must cover (all repeats together). Default 200. */
  minimumSpanCharacters?: number;
  /** Longest span looked for, in characters. Default 600. */
  maximumPeriodCharacters?: number;
  /**
   * Also match a span that differs only in its numbers ("1. X\n2. X\n3. X\n…"), when it has at
   * least this many letters (so tables and lists of numbers do not match) and repeats at least
   * `minimumNumberedRepeats` times. Default 10 letters, 6 repeats.
   */
  minimumNumberedLetters?: number;
  minimumNumberedRepeats?: number;
}

export interface RunawayRepetition {
  /** One occurrence of the repeated span (the last one). */
  span: string;
  /** Whole periods at the end of the text (the first may be partial and is not counted). */
  repeats: number;
  /** Characters of the repeated tail. */
  characters: number;
  /** True when the occurrences differ in their numbers only. */
  numbered: boolean;
}

const defaults = {
  minimumRepeats: 3,
  longSpanCharacters: 100,
  minimumLongSpanRepeats: 2,
  minimumSpanCharacters: 200,
  maximumPeriodCharacters: 600,
  minimumNumberedLetters: 10,
  minimumNumberedRepeats: 6,
} satisfies Required<RunawayRepetitionOptions>;

/** The repetition the text ends in, or undefined when it ends in none long enough to be a runaway. */
export function findRunawayRepetition(
  text: string,
  options: RunawayRepetitionOptions = {},
): RunawayRepetition | undefined {
  const settings = { ...defaults, ...options };
  const exact = periodicTail(text, settings.minimumRepeats, settings);
  if (exact !== undefined) {
    return { ...describe(text, exact), numbered: false };
  }
  // The same span with counting numbers: compare with every run of digits as one "0".
  const normalised = text.replace(/\d+/gu, "0");
  if (normalised === text) return undefined;
  const numbered = periodicTail(normalised, settings.minimumNumberedRepeats, settings);
  if (numbered === undefined) return undefined;
  const unit = normalised.slice(normalised.length - numbered.period);
  if ((unit.match(/\p{L}/gu)?.length ?? 0) < settings.minimumNumberedLetters) return undefined;
  return { ...describe(normalised, numbered), numbered: true };
}

interface PeriodicTail {
  period: number;
  /** Characters at the end of the text that repeat with that period. */
  length: number;
}

/** The shortest period whose repetition covers enough of the text's end. */
function periodicTail(
  text: string,
  minimumRepeats: number,
  settings: Required<RunawayRepetitionOptions>,
): PeriodicTail | undefined {
  const end = text.length;
  const repeatsFor = (period: number): number =>
    period >= settings.longSpanCharacters
      ? Math.min(minimumRepeats, settings.minimumLongSpanRepeats)
      : minimumRepeats;
  const maximumPeriod = Math.min(settings.maximumPeriodCharacters, end);
  for (let period = 1; period <= maximumPeriod; period++) {
    const needed = Math.max(settings.minimumSpanCharacters, period * repeatsFor(period));
    if (needed > end) {
      if (period < settings.longSpanCharacters) continue; // longer spans may need fewer repeats
      break;
    }
    // The tail is periodic over `length` characters when each of them equals the one a period back.
    let matched = 0;
    while (
      matched < needed - period &&
      text[end - 1 - matched] === text[end - 1 - matched - period]
    ) {
      matched += 1;
    }
    if (matched + period >= needed) return { period, length: needed };
  }
  return undefined;
}

function describe(text: string, tail: PeriodicTail): Omit<RunawayRepetition, "numbered"> {
  let length = tail.length;
  const end = text.length;
  while (length < end && text[end - 1 - length] === text[end - 1 - length + tail.period]) {
    length += 1;
  }
  return {
    span: text.slice(end - tail.period),
    repeats: Math.floor(length / tail.period),
    characters: length,
  };
}

/**
 * Watches a streamed answer: `push` each piece of text as it is generated; it returns the
 * repetition once the answer has fallen into one. Looks only at the last `window` characters, so
 * each check costs the same however long the answer grows.
 */
export class RunawayRepetitionDetector {
  #tail = "";
  readonly #window: number;
  readonly #options: RunawayRepetitionOptions;

  constructor(options: RunawayRepetitionOptions = {}) {
    this.#options = options;
    const repeats = Math.max(
      options.minimumRepeats ?? defaults.minimumRepeats,
      options.minimumNumberedRepeats ?? defaults.minimumNumberedRepeats,
    );
    const period = options.maximumPeriodCharacters ?? defaults.maximumPeriodCharacters;
    this.#window = Math.max(
      period * repeats,
      options.minimumSpanCharacters ?? defaults.minimumSpanCharacters,
    );
  }

  push(text: string): RunawayRepetition | undefined {
    if (text.length === 0) return undefined;
    this.#tail = (this.#tail + text).slice(-this.#window);
    return findRunawayRepetition(this.#tail, this.#options);
  }
}
