import { denseFeatureCount, denseFeatures, promptText } from "./dense-features.js";
import type { FeatureSettings } from "./feature-settings.js";
import { avalanche, fnvStep, namespaceSeed } from "./hash.js";

/** A prompt's features: hashed buckets with their values, and the raw dense features. */
export interface FeatureVector {
  indices: Int32Array;
  values: Float32Array;
  dense: Float64Array;
}

const unigramSeed = namespaceSeed(1);
const bigramSeed = namespaceSeed(2);
const characterSeed = namespaceSeed(3);
const space = 32;
const zero = 48;

/**
 * Turns prompts into feature vectors. Each group of hashed features (word unigrams, word bigrams,
 * character n-grams) adds, for every occurrence of a feature, ±1/√n to its bucket (n = the
 * group's number of occurrences; the sign is hashed too, so collisions cancel rather than pile
 * up): every group weighs the same whatever the prompt's length. The text is lower-cased, runs of
 * white space read as one space and every digit as 0 (numbers count by shape).
 *
 * `extract` builds the vector (training); `hashedDot` sums weight × value as it goes, with no
 * table or allocation (scoring). Not re-entrant: an instance reuses its buffers across calls.
 */
export class Featurizer {
  readonly settings: FeatureSettings;
  readonly bucketCount: number;
  private readonly mask: number;
  private readonly counts: Float32Array;
  private readonly stamps: Uint32Array;
  private stamp = 1;
  private touched: Int32Array;
  private touchedCount = 0;
  private occurrences = 0;
  /** Set while scoring: occurrences add their weight here instead of being counted. */
  private scoring: Float32Array | undefined;
  private dot = 0;
  private readonly codeUnits: Uint16Array;
  private output: { indices: number[]; values: number[] } = { indices: [], values: [] };

  constructor(settings: FeatureSettings) {
    this.settings = settings;
    this.bucketCount = 2 ** settings.bucketBits;
    this.mask = this.bucketCount - 1;
    this.counts = new Float32Array(this.bucketCount);
    this.stamps = new Uint32Array(this.bucketCount);
    this.codeUnits = new Uint16Array(settings.headCharacters + settings.tailCharacters + 1);
    this.touched = new Int32Array(1024);
  }

  /** Whether any hashed group (word or character n-grams) is enabled. */
  get hasHashedFeatures(): boolean {
    const { wordNgrams, charNgramMin, charNgramMax } = this.settings;
    return wordNgrams >= 1 || (charNgramMin > 0 && charNgramMax >= charNgramMin);
  }

  /** The part of a long prompt that is read (unwrapped, see promptText): its head and tail. */
  visibleText(raw: string): string {
    const prompt = promptText(raw);
    const { headCharacters, tailCharacters } = this.settings;
    if (prompt.length <= headCharacters + tailCharacters) return prompt;
    const tail = tailCharacters === 0 ? "" : prompt.slice(-tailCharacters);
    return `${prompt.slice(0, headCharacters)}\n${tail}`;
  }

  extract(prompt: string): FeatureVector {
    const text = this.visibleText(prompt);
    this.scoring = undefined;
    this.output = { indices: [], values: [] };
    this.forEachGroup(text, () => {
      this.flushGroup();
      return 0;
    });
    return {
      indices: Int32Array.from(this.output.indices),
      values: Float32Array.from(this.output.values),
      dense: this.settings.dense ? denseFeatures(prompt) : new Float64Array(denseFeatureCount),
    };
  }

  /** The hashed part of the dot product of `visibleText(prompt)`'s vector with `weights`. */
  hashedDot(text: string, weights: Float32Array): number {
    this.scoring = weights;
    return this.forEachGroup(text, () => {
      const sum = this.occurrences > 0 ? this.dot / Math.sqrt(this.occurrences) : 0;
      this.dot = 0;
      this.occurrences = 0;
      return sum;
    });
  }

  /** Run each enabled group over the text, calling `finish` after each; sums what it returns. */
  private forEachGroup(text: string, finish: () => number): number {
    const length = this.normalise(text);
    const { wordNgrams, charNgramMin, charNgramMax } = this.settings;
    let sum = 0;
    if (wordNgrams >= 1) {
      this.wordFeatures(length, false);
      sum += finish();
    }
    if (wordNgrams >= 2) {
      this.wordFeatures(length, true);
      sum += finish();
    }
    if (charNgramMin > 0 && charNgramMax >= charNgramMin) {
      this.characterFeatures(length, charNgramMin, charNgramMax);
      sum += finish();
    }
    return sum;
  }

  /** Lower-case, one space for any white space, 0 for any digit; returns the length written. */
  private normalise(text: string): number {
    const lower = text.toLowerCase();
    let length = 0;
    let previousSpace = true;
    for (let index = 0; index < lower.length && length < this.codeUnits.length; index++) {
      let unit = lower.charCodeAt(index);
      if (unit <= space || unit === 0xa0 || unit === 0x3000 || unit === 0x2028) {
        if (previousSpace) continue;
        unit = space;
        previousSpace = true;
      } else {
        previousSpace = false;
        if (unit > zero && unit <= zero + 9) unit = zero;
      }
      this.codeUnits[length++] = unit;
    }
    return length;
  }

  private wordFeatures(length: number, bigrams: boolean): void {
    const codeUnits = this.codeUnits;
    let previous = 0;
    let hasPrevious = false;
    let index = 0;
    while (index < length) {
      while (index < length && !isWordUnit(codeUnits[index] as number)) index++;
      if (index >= length) break;
      let hash = unigramSeed;
      while (index < length && isWordUnit(codeUnits[index] as number)) {
        hash = fnvStep(hash, codeUnits[index] as number);
        index++;
      }
      if (!bigrams) this.add(avalanche(hash));
      else if (hasPrevious)
        this.add(avalanche(Math.imul(previous, 0x9e3779b1) ^ hash ^ bigramSeed));
      previous = hash;
      hasPrevious = true;
    }
  }

  /** The hot loop: it runs for every character of every prompt. */
  private characterFeatures(length: number, shortest: number, longest: number): void {
    const codeUnits = this.codeUnits;
    for (let start = 0; start + shortest <= length; start++) {
      let hash = characterSeed;
      const end = Math.min(length, start + longest);
      for (let index = start; index < end; index++) {
        hash = fnvStep(hash, codeUnits[index] as number);
        if (index - start + 1 >= shortest) this.add(avalanche(hash));
      }
    }
  }

  private add(hash: number): void {
    this.occurrences++;
    const bucket = hash & this.mask;
    const sign = hash >>> 31 === 1 ? -1 : 1;
    const scoring = this.scoring;
    if (scoring !== undefined) {
      this.dot += sign * (scoring[bucket] as number);
      return;
    }
    if (this.stamps[bucket] !== this.stamp) {
      this.stamps[bucket] = this.stamp;
      this.counts[bucket] = 0;
      if (this.touchedCount === this.touched.length) {
        const larger = new Int32Array(this.touched.length * 2);
        larger.set(this.touched);
        this.touched = larger;
      }
      this.touched[this.touchedCount++] = bucket;
    }
    this.counts[bucket] = (this.counts[bucket] as number) + sign;
  }

  /** Append the group just counted, each bucket's count over √occurrences, and start afresh. */
  private flushGroup(): void {
    const scale = this.occurrences > 0 ? 1 / Math.sqrt(this.occurrences) : 0;
    for (let index = 0; index < this.touchedCount; index++) {
      const bucket = this.touched[index] as number;
      const count = this.counts[bucket] as number;
      if (count === 0) continue;
      this.output.indices.push(bucket);
      this.output.values.push(count * scale);
    }
    this.touchedCount = 0;
    this.occurrences = 0;
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.stamps.fill(0);
  }
}

/** Letters and digits of any script; not white space, ASCII punctuation or general punctuation. */
function isWordUnit(unit: number): boolean {
  if (unit < 128) return (unit >= 97 && unit <= 122) || (unit >= 48 && unit <= 57);
  return unit >= 0xc0 && unit !== 0xd7 && unit !== 0xf7 && (unit < 0x2000 || unit > 0x2bff);
}
