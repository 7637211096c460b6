import { describe, expect, it } from "vitest";
import { retrievalMetrics } from "./retrieval-metrics.js";

describe("retrievalMetrics", () => {
  it("scores recall@1, recall@5 and MRR over the first gold hit in the top 5", () => {
    const metrics = retrievalMetrics([
      { retrieved: ["a", "b", "c"], goldIds: ["a"] }, // rank 1
      { retrieved: ["x", "y", "b", "a"], goldIds: ["a", "b"] }, // first gold at rank 3
      { retrieved: ["x", "y", "z", "w", "v", "a"], goldIds: ["a"] }, // rank 6: beyond the top 5
      { retrieved: [], goldIds: ["a"] }, // nothing retrieved
    ]);
    expect(metrics["recall@1"]).toBe(1 / 4);
    expect(metrics["recall@5"]).toBe(2 / 4);
    expect(metrics.mrr).toBeCloseTo((1 + 1 / 3) / 4, 12);
  });

  it("is all zeros for no questions", () => {
    expect(retrievalMetrics([])).toEqual({ "recall@1": 0, "recall@5": 0, mrr: 0 });
  });
});
