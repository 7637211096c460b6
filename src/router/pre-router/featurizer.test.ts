import { describe, expect, it } from "vitest";
import { denseFeatureNames, denseFeatures } from "./dense-features.js";
import { defaultFeatureSettings, type FeatureSettings } from "./feature-settings.js";
import { Featurizer } from "./featurizer.js";
import { fnv1a, promptHash48, promptKey } from "./hash.js";

const question = "Which of the following is NOT a prime number?\nA. 2\nB. 3\nC. 9\nD. 11\nAnswer:";

describe("hashes", () => {
  it("computes FNV-1a to its published test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  it("identifies a prompt up to white space, in 48 bits", () => {
    expect(promptKey("  two\n\twords  ")).toBe("two words");
    expect(promptHash48("two\nwords")).toBe(promptHash48(" two  words "));
    expect(promptHash48("two words")).not.toBe(promptHash48("two words."));
    const hash = promptHash48(question);
    expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 48).toBe(true);
    // Pinned: the hashes inside shipped artifacts depend on this value never changing.
    expect(hash).toBe(79011266632337);
  });
});

describe("Featurizer", () => {
  const featurizer = new Featurizer(defaultFeatureSettings);

  it("gives the same vector every time and from every instance", () => {
    const first = featurizer.extract(question);
    const again = new Featurizer(defaultFeatureSettings).extract(question);
    expect(Array.from(again.indices)).toEqual(Array.from(first.indices));
    expect(Array.from(again.values)).toEqual(Array.from(first.values));
    expect(Array.from(again.dense)).toEqual(Array.from(first.dense));
    expect(first.indices.every((index) => index >= 0 && index < 2 ** 16)).toBe(true);
  });

  it("pins the hashed features, on which every trained artifact depends", () => {
    const vector = featurizer.extract("Abc");
    // Character 3-grams of "abc": one feature; its bucket and sign are fixed by the hash.
    expect(Array.from(vector.indices)).toEqual([featurizer.extract("ABC").indices[0]]);
    expect(vector.indices).toHaveLength(1);
    expect(vector.indices[0]).toBe(46874);
    expect(vector.values[0]).toBe(-1);
  });

  it("normalises each group of hashed features to unit length", () => {
    const settings: FeatureSettings = { ...defaultFeatureSettings, wordNgrams: 2 };
    const vector = new Featurizer(settings).extract(question);
    const squares = Array.from(vector.values).reduce((sum, value) => sum + value * value, 0);
    expect(squares).toBeCloseTo(3, 4); // unigrams, bigrams, character n-grams
  });

  it("ignores case, white space runs and the value of digits", () => {
    const one = featurizer.extract("Solve  for X:\n12 + 7");
    const other = featurizer.extract("solve for x: 45 + 3");
    expect(Array.from(one.indices)).toEqual(Array.from(other.indices));
    expect(Array.from(one.values)).toEqual(Array.from(other.values));
  });

  it("reads only the head and tail of a very long prompt", () => {
    const long = `${"start ".repeat(2000)}${"middle ".repeat(100_000)}${"end ".repeat(1000)}`;
    const { headCharacters, tailCharacters } = defaultFeatureSettings;
    const visible = featurizer.visibleText(long);
    expect(visible.length).toBe(headCharacters + tailCharacters + 1);
    expect(visible.includes("middle")).toBe(false);
    const vector = featurizer.extract(long);
    expect(Array.from(vector.indices)).toEqual(Array.from(featurizer.extract(visible).indices));
    expect(vector.dense[0]).toBeCloseTo(Math.log1p(long.length), 9); // the full length still counts
  });
});

describe("dense features", () => {
  it("describes the prompt's shape", () => {
    const features = denseFeatures(question, question.length);
    const byName = Object.fromEntries(
      denseFeatureNames.map((name, index) => [name, features[index]]),
    );
    expect(byName).toMatchObject({
      "option-count": 4,
      "numeric-option-share": 1,
      "question-mark": 1,
      "question-word-start": 1,
      "negation-count": 1,
      "computation-word": 0,
    });
    expect(byName["digit-share"]).toBeGreaterThan(0);
  });
});
