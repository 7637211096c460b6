import { describe, expect, it } from "vitest";
import { calibrateForQuality, calibrateForShare } from "./calibration.js";
import type { Outcome } from "./metrics.js";

const outcome = (weak: boolean, strong: boolean): Outcome => ({
  weakCorrect: weak,
  strongCorrect: strong,
});
// Gains in score order: +1, 0, +1, −1 (weak 2/4 right, strong 3/4).
const rows = [
  outcome(false, true),
  outcome(true, true),
  outcome(false, true),
  outcome(true, false),
];
const scores = [0.9, 0.8, 0.3, 0.1];

describe("calibration", () => {
  it("finds the threshold for a cloud share", () => {
    expect(calibrateForShare(rows, scores, 0.5)).toEqual({
      threshold: 0.8,
      cloudShare: 0.5,
      pgr: 1,
      accuracy: 0.75,
      weakAccuracy: 0.5,
      strongAccuracy: 0.75,
      rows: 4,
    });
    expect(calibrateForShare(rows, scores, 0)).toMatchObject({
      threshold: 1,
      cloudShare: 0,
      pgr: 0,
    });
    expect(calibrateForShare(rows, scores, 1)).toMatchObject({ threshold: 0.1, cloudShare: 1 });
  });

  it("finds the cheapest threshold reaching a quality", () => {
    expect(calibrateForQuality(rows, scores, 1)).toMatchObject({
      threshold: 0.9,
      cloudShare: 0.25,
    });
    expect(calibrateForQuality(rows, scores, 1.5)).toMatchObject({
      threshold: 0.3,
      cloudShare: 0.75,
      pgr: 2,
      accuracy: 1,
    });
    expect(() => calibrateForQuality(rows, scores, 2.5)).toThrow(/best is 2\.000 with 75\.0%/);
  });

  it("keeps tied scores together", () => {
    expect(calibrateForShare(rows, [0.5, 0.5, 0.5, 0.1], 0.25)).toMatchObject({
      threshold: 1,
      cloudShare: 0,
    });
    expect(calibrateForShare(rows, [0.5, 0.5, 0.5, 0.1], 0.6)).toMatchObject({
      threshold: 0.5,
      cloudShare: 0.75,
    });
  });
});
