import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "../../src/cache/similarity.js";
import { auroc, thresholdTable } from "./semantic-cache-evaluation.js";

describe("semantic cache evaluation", () => {
  const pairs = [
    { similarity: 0.99, same: true },
    { similarity: 0.9, same: true },
    { similarity: 0.95, same: false },
    { similarity: 0.5, same: false },
  ];

  it("gives hit and wrong-hit rates at each threshold", () => {
    expect(thresholdTable(pairs, [0.9, 0.96])).toEqual([
      { threshold: 0.9, hitRate: 1, wrongHitRate: 0.5 },
      { threshold: 0.96, hitRate: 0.5, wrongHitRate: 0 },
    ]);
  });

  it("computes AUROC with ties counted half", () => {
    expect(auroc(pairs)).toBe(0.75);
    expect(
      auroc([
        { similarity: 0.5, same: true },
        { similarity: 0.5, same: false },
      ]),
    ).toBe(0.5);
  });

  it("measures cosine similarity", () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 3])).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(/dimensions/);
  });
});
