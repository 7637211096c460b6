import { describe, expect, it } from "vitest";
import {
  areaUnderCurve,
  callsToReach,
  countOutcomes,
  oracleRouter,
  pgrAtShare,
  pgrCurve,
  randomRouter,
  type Outcome,
} from "./metrics.js";
import { evaluateScores } from "./router-evaluation.js";

const outcome = (weak: boolean, strong: boolean): Outcome => ({
  weakCorrect: weak,
  strongCorrect: strong,
});

// Weak right on 2 of 4, strong on 3 of 4: the gap is one question.
const rows = [
  outcome(false, true),
  outcome(true, true),
  outcome(false, true),
  outcome(true, false),
];

describe("PGR curve, APGR and CPT", () => {
  it("routes the highest scores first (hand-computed)", () => {
    // Order by score: rows 0 (+1), 1 (0), 2 (+1), 3 (−1). Correct: 2, 3, 3, 4, 3 → PGR 0, 1, 1, 2, 1.
    const pgr = pgrCurve(rows, [0.9, 0.8, 0.3, 0.1]);
    expect(Array.from(pgr)).toEqual([0, 1, 1, 2, 1]);
    // Trapezoids of width 1/4: (0.5 + 1 + 1.5 + 1.5) / 4.
    expect(areaUnderCurve(pgr)).toBeCloseTo(1.125, 12);
    // PGR 0.5 is half-way through the first call; 0.8 at 0.8 of it; 1.5 half-way through the third.
    expect(callsToReach(pgr, 0.5)).toBeCloseTo(0.125, 12);
    expect(callsToReach(pgr, 0.8)).toBeCloseTo(0.2, 12);
    expect(callsToReach(pgr, 1.5)).toBeCloseTo(0.625, 12);
    expect(callsToReach(pgr, 2.5)).toBeNull();
    expect(pgrAtShare(pgr, 0.125)).toBeCloseTo(0.5, 12);
  });

  it("averages over tied scores, so the row order does not matter", () => {
    // Row 3 first (+1), then rows 0 (+1) and 1 (0) tied: +1 over two calls, then row 2 (−1).
    const tied = [
      outcome(false, true),
      outcome(true, true),
      outcome(true, false),
      outcome(false, true),
    ];
    const scores = [0.5, 0.5, 0.2, 0.9];
    const pgr = Array.from(pgrCurve(tied, scores));
    expect(pgr).toEqual([0, 1, 1.5, 2, 1]);
    expect(areaUnderCurve(pgr)).toBeCloseTo(1.25, 12);
    const permutation = [1, 3, 0, 2];
    const shuffled = Array.from(
      pgrCurve(
        permutation.map((index) => tied[index] as Outcome),
        permutation.map((index) => scores[index] as number),
      ),
    );
    expect(shuffled).toEqual(pgr);
  });

  it("gives a constant score exactly the random router's curve", () => {
    const many = Array.from({ length: 10 }, (_, index) =>
      outcome(index % 3 === 0, index % 2 === 0),
    );
    const counts = countOutcomes(many);
    expect(counts.strongCorrect).toBeGreaterThan(counts.weakCorrect);
    const pgr = pgrCurve(
      many,
      many.map(() => 0.5),
    );
    pgr.forEach((value, k) => {
      expect(value).toBeCloseTo(k / 10, 12);
    });
    expect(areaUnderCurve(pgr)).toBeCloseTo(0.5, 12);
    expect(callsToReach(pgr, 0.5)).toBeCloseTo(0.5, 12);
  });

  it("refuses data where the strong model is not better", () => {
    expect(() => pgrCurve([outcome(true, false), outcome(true, true)], [1, 0])).toThrow(
      /strong model must be right more often/,
    );
  });
});

describe("baselines", () => {
  it("random: PGR equals the share, APGR 0.5, CPT(x) = x", () => {
    expect(randomRouter.pgrAt(0.3)).toBe(0.3);
    expect(randomRouter.apgr).toBe(0.5);
    expect(randomRouter.callsToReach(0.8)).toBe(0.8);
  });

  it("oracle: only the strong model's wins, in closed form (hand-computed)", () => {
    // 2 strong wins, 1 weak win, 4 rows: PGR(s) = min(4s, 2) / 1.
    const oracle = oracleRouter(countOutcomes(rows));
    expect(oracle.pgrAt(0.25)).toBe(1);
    expect(oracle.pgrAt(0.5)).toBe(2);
    expect(oracle.pgrAt(1)).toBe(2);
    // Area: the ramp to 2 over [0, 0.5] (0.5) plus 2 over [0.5, 1] (1).
    expect(oracle.apgr).toBeCloseTo(1.5, 12);
    expect(oracle.callsToReach(0.5)).toBeCloseTo(0.125, 12);
    expect(oracle.callsToReach(2.5)).toBeNull();
  });
});

describe("evaluateScores", () => {
  it("reports the figures, accuracies and the curve every 10 %", () => {
    const report = evaluateScores(rows, [0.9, 0.8, 0.3, 0.1]);
    expect(report).toMatchObject({
      rows: 4,
      apgr: 1.125,
      accuracy: { weak: 0.5, strong: 0.75, oracle: 1 },
      random: { apgr: 0.5, cpt50: 0.5, cpt80: 0.8 },
      oracle: { apgr: 1.5, share: 0.5 },
    });
    expect(report.curve).toHaveLength(11);
    expect(report.curve[5]).toMatchObject({ share: 0.5, pgr: 1, accuracy: 0.75, random: 0.5 });
  });
});
