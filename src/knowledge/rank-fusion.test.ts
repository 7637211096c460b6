import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "./rank-fusion.js";

describe("reciprocalRankFusion", () => {
  it("puts agreement lower down above one ranking's first place, with k = 60", () => {
    const fused = reciprocalRankFusion([
      ["a", "b", "c"],
      ["d", "b", "a"],
    ]);
    expect(fused.map(({ item }) => item)).toEqual(["a", "b", "d", "c"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
    expect(fused[1]?.score).toBeCloseTo(2 / 62, 12);
    expect(fused[2]?.score).toBeCloseTo(1 / 61, 12);
  });

  it("keeps a single ranking's order, and answers nothing for nothing", () => {
    expect(reciprocalRankFusion([["x", "y"], []]).map(({ item }) => item)).toEqual(["x", "y"]);
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});
