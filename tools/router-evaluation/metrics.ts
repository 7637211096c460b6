import { RouterDataError } from "./router-data-error.js";

/**
 * Router metrics after RouteLLM (Ong et al., 2024; routellm/evals/evaluate.py), for a weak and a
 * strong model whose per-question correctness is known:
 * - PGR (performance gap recovered) at a share s of strong-model calls =
 *   (router accuracy − weak accuracy) / (strong accuracy − weak accuracy);
 * - APGR = area under PGR over s ∈ [0, 1] (a random router scores 0.5);
 * - CPT(x) = the smallest share of strong calls at which PGR reaches x.
 * A router here is a score per question (higher = more in need of the strong model); routing the k
 * highest scores to the strong model, for k = 0…N, traces the curve. RouteLLM samples 10 points of
 * it (score deciles); here every k counts, so the area is exact for the scores given.
 *
 * Ties: questions with equal scores cannot be told apart by the router, so within a tied group the
 * curve takes the expected value over the order of the group (it moves linearly from the group's
 * start to its end). The result does not depend on the order of rows, and a constant score gives
 * exactly the random router's curve. CPT interpolates linearly between consecutive k (the share
 * between two counts is reachable by randomising the last call), as RouteLLM's np.interp does.
 */
export interface Outcome {
  weakCorrect: boolean;
  strongCorrect: boolean;
}

export interface OutcomeCounts {
  rows: number;
  weakCorrect: number;
  strongCorrect: number;
  /** Weak wrong and strong right: where calling the strong model pays. */
  strongWins: number;
  /** Weak right and strong wrong: where calling it costs a right answer. */
  weakWins: number;
}

export function countOutcomes(rows: readonly Outcome[]): OutcomeCounts {
  const counts = {
    rows: rows.length,
    weakCorrect: 0,
    strongCorrect: 0,
    strongWins: 0,
    weakWins: 0,
  };
  for (const row of rows) {
    if (row.weakCorrect) counts.weakCorrect++;
    if (row.strongCorrect) counts.strongCorrect++;
    if (!row.weakCorrect && row.strongCorrect) counts.strongWins++;
    if (row.weakCorrect && !row.strongCorrect) counts.weakWins++;
  }
  return counts;
}

/** The gap PGR divides by, in questions; an error when the strong model is not better. */
export function performanceGap(counts: OutcomeCounts): number {
  const gap = counts.strongCorrect - counts.weakCorrect;
  if (counts.rows === 0 || gap <= 0) {
    throw new RouterDataError(
      `PGR is undefined on this data: the strong model is right on ${counts.strongCorrect} of ${counts.rows} questions and the weak one on ${counts.weakCorrect}; the strong model must be right more often.`,
    );
  }
  return gap;
}

/** PGR after routing the k highest scores to the strong model, for k = 0…N (N + 1 values). */
export function pgrCurve(rows: readonly Outcome[], scores: readonly number[]): Float64Array {
  if (scores.length !== rows.length) {
    throw new RangeError(`${scores.length} scores for ${rows.length} rows`);
  }
  const counts = countOutcomes(rows);
  const gap = performanceGap(counts);
  const order = rows.map((_, index) => index);
  for (const score of scores) {
    if (Number.isNaN(score)) throw new RangeError("a score is NaN");
  }
  order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const correct = new Float64Array(rows.length + 1);
  correct[0] = counts.weakCorrect;
  let start = 0;
  while (start < order.length) {
    const score = scores[order[start] ?? 0];
    let end = start;
    let gain = 0;
    while (end < order.length && scores[order[end] ?? 0] === score) {
      const row = rows[order[end] ?? 0];
      gain += Number(row?.strongCorrect) - Number(row?.weakCorrect);
      end++;
    }
    const before = correct[start] ?? 0;
    for (let k = start + 1; k <= end; k++) {
      correct[k] = before + (gain * (k - start)) / (end - start);
    }
    start = end;
  }
  return correct.map((value) => (value - counts.weakCorrect) / gap);
}

/** Area under a PGR curve sampled at shares k/N, k = 0…N (trapezoids, exact for the curve). */
export function areaUnderCurve(pgr: ArrayLike<number>): number {
  const steps = pgr.length - 1;
  if (steps <= 0) return 0;
  let area = 0;
  for (let k = 0; k < steps; k++) area += ((pgr[k] ?? 0) + (pgr[k + 1] ?? 0)) / 2;
  return area / steps;
}

/** CPT: the smallest share of strong calls at which the curve reaches `target`; null if never. */
export function callsToReach(pgr: ArrayLike<number>, target: number): number | null {
  const steps = pgr.length - 1;
  const tolerance = 1e-12;
  if ((pgr[0] ?? 0) >= target - tolerance) return 0;
  for (let k = 1; k <= steps; k++) {
    const value = pgr[k] ?? 0;
    if (value >= target - tolerance) {
      const previous = pgr[k - 1] ?? 0;
      const fraction = Math.min(1, Math.max(0, (target - previous) / (value - previous)));
      return (k - 1 + fraction) / steps;
    }
  }
  return null;
}

/** The curve at any share in [0, 1], interpolated between its points. */
export function pgrAtShare(pgr: ArrayLike<number>, share: number): number {
  const steps = pgr.length - 1;
  const position = Math.min(1, Math.max(0, share)) * steps;
  const below = Math.floor(position);
  const low = pgr[below] ?? 0;
  const high = pgr[Math.min(steps, below + 1)] ?? low;
  return low + (high - low) * (position - below);
}

/** A baseline router, in closed form. */
export interface BaselineRouter {
  pgrAt(share: number): number;
  apgr: number;
  callsToReach(target: number): number | null;
}

/** Routes a random share s of questions: expected accuracy weak + s·(strong − weak), so PGR = s. */
export const randomRouter: BaselineRouter = {
  pgrAt: (share) => Math.min(1, Math.max(0, share)),
  apgr: 0.5,
  callsToReach: (target) => (target <= 0 ? 0 : target <= 1 ? target : null),
};

/**
 * Knows the outcomes: calls the strong model only where the weak is wrong and the strong right,
 * so PGR(s) = min(s·N, wins) / gap; it can exceed 1, since it never loses the weak model's wins.
 */
export function oracleRouter(counts: OutcomeCounts): BaselineRouter {
  const gap = performanceGap(counts);
  const winShare = counts.strongWins / counts.rows;
  const scale = counts.rows / gap;
  return {
    pgrAt: (share) => Math.min(Math.max(0, share), winShare) * scale,
    apgr: (winShare - (winShare * winShare) / 2) * scale,
    callsToReach: (target) => {
      if (target <= 0) return 0;
      const share = target / scale;
      return share <= winShare + 1e-12 ? share : null;
    },
  };
}
