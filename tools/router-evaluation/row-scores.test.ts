import { describe, expect, it } from "vitest";
import type { RouterDataSet } from "./router-data.js";
import { scoreEveryRow } from "./row-scores.js";

describe("scoreEveryRow", () => {
  const row = (prompt: string) => ({ prompt, weakCorrect: true, strongCorrect: true });
  const data = {
    inputRows: [
      { prompt: "a" },
      { prompt: "b", excluded: "contaminated" },
      { prompt: "c" },
      { prompt: "a ", excluded: "duplicate" },
    ],
  } as unknown as RouterDataSet;
  const result = { rows: [row("a")], scores: [0.7] };

  it("keeps the input's order: evaluated scores, a repeat's first score, and a reason for each left-out row", () => {
    expect(scoreEveryRow(data, result, () => 0.1)).toEqual([
      { prompt: "a", score: 0.7 },
      { prompt: "b", score: 0.1, excluded: "contaminated" },
      { prompt: "c", score: 0.1, excluded: "trained-on" },
      { prompt: "a ", score: 0.7, excluded: "duplicate" },
    ]);
  });

  it("without a single model to ask (cross-validation), a left-out row's score is null", () => {
    expect(scoreEveryRow(data, result, undefined)[1]).toEqual({
      prompt: "b",
      score: null,
      excluded: "contaminated",
    });
  });
});
