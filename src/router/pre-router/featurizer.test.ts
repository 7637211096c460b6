import { describe, expect, it } from "vitest";
import { ngramFeatureSettings, type FeatureSettings } from "./feature-settings.js";
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
  const featurizer = new Featurizer(ngramFeatureSettings);

  it("gives the same vector every time and from every instance", () => {
    const first = featurizer.extract(question);
    const again = new Featurizer(ngramFeatureSettings).extract(question);
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

  it("weighs each occurrence 1/√n, so every group counts the same whatever the length", () => {
    // "abcdefg": five 3-grams, four 4-grams, three 5-grams, all different: 12 occurrences.
    const once = featurizer.extract("abcdefg");
    expect(once.indices).toHaveLength(12);
    for (const value of once.values) expect(Math.abs(value)).toBeCloseTo(1 / Math.sqrt(12), 6);
    const settings: FeatureSettings = { ...ngramFeatureSettings, wordNgrams: 2, charNgramMin: 0 };
    const words = new Featurizer(settings).extract("one two one two");
    // Unigrams "one" and "two" twice each of 4; bigrams one-two twice, two-one once, of 3.
    const magnitudes = Array.from(words.values, (value) => Math.abs(value)).sort();
    expect(magnitudes[0]).toBeCloseTo(1 / Math.sqrt(3), 6);
    expect(magnitudes.slice(1, 3).map((value) => value.toFixed(6))).toEqual([
      "1.000000",
      "1.000000",
    ]);
    expect(magnitudes[3]).toBeCloseTo(2 / Math.sqrt(3), 6);
  });

  it("scores exactly as the dot product of the vector it extracts", () => {
    const weights = Float32Array.from({ length: 2 ** 16 }, (_, index) => Math.sin(index));
    for (const settings of [ngramFeatureSettings, { ...ngramFeatureSettings, wordNgrams: 2 }]) {
      const extractor = new Featurizer(settings);
      for (const prompt of [question, "Abc", "", "x ".repeat(10_000)]) {
        const vector = extractor.extract(prompt);
        let expected = 0;
        vector.indices.forEach((index, entry) => {
          expected += (weights[index] ?? 0) * (vector.values[entry] ?? 0);
        });
        const text = extractor.visibleText(prompt);
        expect(extractor.hashedDot(text, weights)).toBeCloseTo(expected, 5);
      }
    }
  });

  it("ignores case, white space runs and the value of digits", () => {
    const one = featurizer.extract("Solve  for X:\n12 + 7");
    const other = featurizer.extract("solve for x: 45 + 3");
    expect(Array.from(one.indices)).toEqual(Array.from(other.indices));
    expect(Array.from(one.values)).toEqual(Array.from(other.values));
  });

  it("reads a prompt saved as a Python list of turns as its text", () => {
    const wrapped = featurizer.extract("['Solve for x:\\n12 + 7']");
    const plain = featurizer.extract("Solve for x:\n12 + 7");
    expect(Array.from(wrapped.indices)).toEqual(Array.from(plain.indices));
    expect(Array.from(wrapped.dense)).toEqual(Array.from(plain.dense));
  });

  it("reads only the head and tail of a very long prompt", () => {
    const long = `${"start ".repeat(2000)}${"middle ".repeat(100_000)}${"end ".repeat(1000)}`;
    const { headCharacters, tailCharacters } = ngramFeatureSettings;
    const visible = featurizer.visibleText(long);
    expect(visible.length).toBe(headCharacters + tailCharacters + 1);
    expect(visible.includes("middle")).toBe(false);
    const vector = featurizer.extract(long);
    expect(Array.from(vector.indices)).toEqual(Array.from(featurizer.extract(visible).indices));
    expect(vector.dense[0]).toBeCloseTo(Math.log1p(long.length), 9); // the full length still counts
  });
});
