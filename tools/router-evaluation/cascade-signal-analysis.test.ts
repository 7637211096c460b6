import { describe, expect, it } from "vitest";
import { auroc, cascadeAt, thresholdForShare } from "./cascade-signal-analysis.js";

describe("auroc", () => {
  it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 for a constant score", () => {
    const right = [true, true, false, false];
    expect(auroc([0.9, 0.8, 0.2, 0.1], right)).toBe(1);
    expect(auroc([0.1, 0.2, 0.8, 0.9], right)).toBe(0);
    expect(auroc([0.5, 0.5, 0.5, 0.5], right)).toBe(0.5);
  });

  it("counts ties half and is undefined without both classes", () => {
    // Pairs (right, wrong): 0.9>0.5, 0.9>0.1, 0.5=0.5 (half), 0.5>0.1 → 3.5 of 4.
    expect(auroc([0.9, 0.5, 0.5, 0.1], [true, true, false, false])).toBe(0.875);
    expect(auroc([0.9, 0.1], [true, true])).toBeNull();
    expect(auroc([], [])).toBeNull();
  });
});

describe("thresholdForShare", () => {
  const confidences = [0.9, 0.1, 0.5, 0.3, 0.7];

  it("sends the least confident share to the cloud, halfway between neighbours", () => {
    expect(thresholdForShare(confidences, 0)).toBe(0);
    expect(thresholdForShare(confidences, 0.2)).toBeCloseTo(0.2, 12);
    expect(thresholdForShare(confidences, 0.4)).toBeCloseTo(0.4, 12);
    expect(thresholdForShare(confidences, 1)).toBeCloseTo(0.95, 12);
  });

  it("keeps tied confidences together", () => {
    expect(thresholdForShare([0.2, 0.2, 0.2, 0.9], 0.5)).toBe(0.2);
  });
});

describe("cascadeAt", () => {
  it("answers from the cloud below the threshold and locally at or above it", () => {
    const outcomes = [
      { localCorrect: false, cloudCorrect: true, confidences: { mean: 0.2, min: 0.2, tail: 0.2 } },
      { localCorrect: true, cloudCorrect: false, confidences: { mean: 0.5, min: 0.5, tail: 0.5 } },
    ];
    expect(cascadeAt(outcomes, "mean", 0.5)).toEqual({
      threshold: 0.5,
      cloudShare: 0.5,
      accuracy: 1,
    });
    expect(cascadeAt(outcomes, "mean", 0.6)).toEqual({
      threshold: 0.6,
      cloudShare: 1,
      accuracy: 0.5,
    });
  });
});
