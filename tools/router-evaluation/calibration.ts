import { countOutcomes, performanceGap, type Outcome, type OutcomeCounts } from "./metrics.js";
import { RouterDataError } from "./router-data-error.js";

/** A cloud threshold and what it does on the data it was chosen on. */
export interface Calibration {
  /** Scores at or above it go to the cloud. */
  threshold: number;
  /** Share of the rows at or above the threshold. */
  cloudShare: number;
  pgr: number;
  accuracy: number;
  weakAccuracy: number;
  strongAccuracy: number;
  rows: number;
}

interface Cut {
  threshold: number;
  calls: number;
  correct: number;
}

/**
 * Every threshold that changes the routing, from sending nothing (threshold 1, or just above the
 * top score if that is 1) to sending everything, with the real outcome of each (ties go together).
 */
function cuts(rows: readonly Outcome[], scores: readonly number[]): Cut[] {
  const order = rows.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const counts = countOutcomes(rows);
  const top = scores[order[0] ?? 0] ?? 0;
  const result: Cut[] = [
    { threshold: top < 1 ? 1 : top + 1e-9, calls: 0, correct: counts.weakCorrect },
  ];
  let correct = counts.weakCorrect;
  order.forEach((index, position) => {
    const row = rows[index];
    correct += Number(row?.strongCorrect) - Number(row?.weakCorrect);
    const score = scores[index] ?? 0;
    if (scores[order[position + 1] ?? -1] === score) return;
    result.push({ threshold: score, calls: position + 1, correct });
  });
  return result;
}

function describe(counts: OutcomeCounts, cut: Cut): Calibration {
  const gap = performanceGap(counts);
  return {
    threshold: cut.threshold,
    cloudShare: cut.calls / counts.rows,
    pgr: (cut.correct - counts.weakCorrect) / gap,
    accuracy: cut.correct / counts.rows,
    weakAccuracy: counts.weakCorrect / counts.rows,
    strongAccuracy: counts.strongCorrect / counts.rows,
    rows: counts.rows,
  };
}

/** The threshold whose cloud share on these rows is closest to `share` (0–1). */
export function calibrateForShare(
  rows: readonly Outcome[],
  scores: readonly number[],
  share: number,
): Calibration {
  const wanted = share * rows.length;
  let best: Cut | undefined;
  for (const cut of cuts(rows, scores)) {
    if (best === undefined || Math.abs(cut.calls - wanted) < Math.abs(best.calls - wanted)) {
      best = cut;
    }
  }
  if (best === undefined) throw new RouterDataError("No rows to calibrate on.");
  return describe(countOutcomes(rows), best);
}

/**
 * The cheapest threshold (lowest cloud share) whose PGR on these rows reaches `quality`: the
 * fraction of the weak-to-strong accuracy gap recovered (0.95 = 95 % of the gain of all-cloud).
 */
export function calibrateForQuality(
  rows: readonly Outcome[],
  scores: readonly number[],
  quality: number,
): Calibration {
  const counts = countOutcomes(rows);
  const all = cuts(rows, scores).map((cut) => describe(counts, cut));
  const cheapest = all.find((calibration) => calibration.pgr >= quality - 1e-12);
  if (cheapest !== undefined) return cheapest;
  const best = [...all].sort((a, b) => b.pgr - a.pgr)[0];
  throw new RouterDataError(
    `No threshold reaches PGR ${quality} on this data; the best is ${best?.pgr.toFixed(3) ?? "?"} with ${((best?.cloudShare ?? 0) * 100).toFixed(1)}% sent to the cloud.`,
  );
}
