import { denseFeatureCount, denseFeatures } from "./dense-features.js";
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
 * character n-grams) is counted into buckets with a hashed sign (so collisions cancel rather than
 * pile up), log-scaled and normalised to unit length on its own, so no group drowns the others
 * and a prompt's length changes the vector's direction, not its size. The text is lower-cased,
 * runs of white space read as one space and every digit as 0 (numbers count by shape).
 *
 * Not re-entrant: one instance reuses its buffers across calls.
 */
export class Featurizer {
  readonly settings: FeatureSettings;
  readonly bucketCount: number;
  private readonly mask: number;
  private readonly counts: Float32Array;
  private readonly stamps: Uint32Array;
  private stamp = 0;
  private touched: Int32Array;
  private touchedCount = 0;
  private codeUnits: Uint16Array;
  private outputIndices: Int32Array;
  private outputValues: Float32Array;
  private outputCount = 0;

  constructor(settings: FeatureSettings) {
    this.settings = settings;
    this.bucketCount = 2 ** settings.bucketBits;
    this.mask = this.bucketCount - 1;
    this.counts = new Float32Array(this.bucketCount);
    this.stamps = new Uint32Array(this.bucketCount);
    const longest = settings.headCharacters + settings.tailCharacters + 1;
    this.codeUnits = new Uint16Array(longest);
    this.touched = new Int32Array(longest * 4);
    this.outputIndices = new Int32Array(longest * 8);
    this.outputValues = new Float32Array(longest * 8);
  }

  /** The part of a long prompt that is read: its head and tail. */
  visibleText(prompt: string): string {
    const { headCharacters, tailCharacters } = this.settings;
    if (prompt.length <= headCharacters + tailCharacters) return prompt;
    const tail = tailCharacters === 0 ? "" : prompt.slice(-tailCharacters);
    return `${prompt.slice(0, headCharacters)}\n${tail}`;
  }

  extract(prompt: string): FeatureVector {
    const text = this.visibleText(prompt);
    const length = this.normalise(text);
    this.outputCount = 0;
    const { wordNgrams, charNgramMin, charNgramMax } = this.settings;
    if (wordNgrams >= 1) {
      this.wordFeatures(length, false);
      this.flushGroup();
    }
    if (wordNgrams >= 2) {
      this.wordFeatures(length, true);
      this.flushGroup();
    }
    if (charNgramMin > 0 && charNgramMax >= charNgramMin) {
      this.characterFeatures(length, charNgramMin, charNgramMax);
      this.flushGroup();
    }
    return {
      indices: this.outputIndices.slice(0, this.outputCount),
      values: this.outputValues.slice(0, this.outputCount),
      dense: this.settings.dense
        ? denseFeatures(text, prompt.length)
        : new Float64Array(denseFeatureCount),
    };
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
    let previous = 0;
    let hasPrevious = false;
    let index = 0;
    while (index < length) {
      while (index < length && !isWordUnit(this.codeUnits[index] ?? space)) index++;
      if (index >= length) break;
      let hash = unigramSeed;
      while (index < length && isWordUnit(this.codeUnits[index] ?? space)) {
        hash = fnvStep(hash, this.codeUnits[index] ?? space);
        index++;
      }
      if (!bigrams) this.add(avalanche(hash));
      else if (hasPrevious)
        this.add(avalanche(Math.imul(previous, 0x9e3779b1) ^ hash ^ bigramSeed));
      previous = hash;
      hasPrevious = true;
    }
  }

  private characterFeatures(length: number, shortest: number, longest: number): void {
    for (let start = 0; start + shortest <= length; start++) {
      let hash = characterSeed;
      const end = Math.min(length, start + longest);
      for (let index = start; index < end; index++) {
        hash = fnvStep(hash, this.codeUnits[index] ?? space);
        if (index - start + 1 >= shortest) this.add(avalanche(hash));
      }
    }
  }

  private add(hash: number): void {
    const bucket = hash & this.mask;
    const sign = hash >>> 31 === 1 ? -1 : 1;
    if (this.stamps[bucket] !== this.stamp + 1) {
      this.stamps[bucket] = this.stamp + 1;
      this.counts[bucket] = 0;
      if (this.touchedCount === this.touched.length) this.touched = grow(this.touched);
      this.touched[this.touchedCount++] = bucket;
    }
    this.counts[bucket] = (this.counts[bucket] ?? 0) + sign;
  }

  /** Log-scale and normalise the group just counted, append it to the output, start afresh. */
  private flushGroup(): void {
    let squares = 0;
    for (let index = 0; index < this.touchedCount; index++) {
      const count = this.counts[this.touched[index] ?? 0] ?? 0;
      const value = Math.log1p(Math.abs(count));
      squares += value * value;
    }
    const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    for (let index = 0; index < this.touchedCount; index++) {
      const bucket = this.touched[index] ?? 0;
      const count = this.counts[bucket] ?? 0;
      if (count === 0) continue;
      if (this.outputCount === this.outputIndices.length) {
        this.outputIndices = grow(this.outputIndices);
        this.outputValues = growFloat(this.outputValues);
      }
      this.outputIndices[this.outputCount] = bucket;
      this.outputValues[this.outputCount++] =
        Math.sign(count) * Math.log1p(Math.abs(count)) * scale;
    }
    this.touchedCount = 0;
    this.stamp++;
    if (this.stamp === 0xfffffffe) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
  }
}

/** Letters and digits of any script; not white space, ASCII punctuation or general punctuation. */
function isWordUnit(unit: number): boolean {
  if (unit < 128) return (unit >= 97 && unit <= 122) || (unit >= 48 && unit <= 57);
  return unit >= 0xc0 && unit !== 0xd7 && unit !== 0xf7 && (unit < 0x2000 || unit > 0x2bff);
}

function grow(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

function growFloat(array: Float32Array): Float32Array {
  const larger = new Float32Array(array.length * 2);
  larger.set(array);
  return larger;
}
