import { confidenceSignals } from "../../src/config/schema.js";
import type { ConfidenceSignal } from "../../src/router/confidence.js";

/** One task as the offline cascade sees it: who was right, and the local answer's confidences. */
export interface SignalOutcome {
  localCorrect: boolean;
  cloudCorrect: boolean;
  confidences: Readonly<Record<ConfidenceSignal, number>>;
}

/** The cascade at one threshold: answers below it go to the cloud. */
export interface CascadePoint {
  threshold: number;
  cloudShare: number;
  accuracy: number;
}

export interface SignalReport {
  signal: ConfidenceSignal;
  /**
   * How well the confidence separates right local answers from wrong ones: the chance that a right
   * one scores above a wrong one (ties count half). 0.5 is chance; null when all are right or all wrong.
   */
  auroc: number | null;
  /** Accuracy against cloud share as the threshold rises past each distinct confidence. */
  curve: CascadePoint[];
  /** The thresholds that send about the given shares to the cloud, and what they give. */
  atShares: (CascadePoint & { targetShare: number })[];
}

export interface SignalAnalysis {
  signals: SignalReport[];
  /** Highest AUROC (ties: the order of `confidenceSignals`); undefined when none is defined. */
  best: ConfidenceSignal | undefined;
  /** What sending a random share s to the cloud gives: local + s·(cloud − local). */
  randomAt: (CascadePoint & { targetShare: number })[];
  /** Right when either model is: what a perfect signal could reach. */
  oracleAccuracy: number;
}

export const defaultShares = [0.2, 0.5] as const;

/** Replay the cascade offline for every signal and threshold from one local and one cloud run. */
export function analyseSignals(
  outcomes: readonly SignalOutcome[],
  shares: readonly number[] = defaultShares,
): SignalAnalysis {
  const count = Math.max(1, outcomes.length);
  const localAccuracy = outcomes.filter((outcome) => outcome.localCorrect).length / count;
  const cloudAccuracy = outcomes.filter((outcome) => outcome.cloudCorrect).length / count;
  const signals = confidenceSignals.map((signal): SignalReport => {
    const scores = outcomes.map((outcome) => outcome.confidences[signal]);
    return {
      signal,
      auroc: auroc(
        scores,
        outcomes.map((outcome) => outcome.localCorrect),
      ),
      curve: cascadeCurve(outcomes, signal),
      atShares: shares.map((targetShare) => ({
        targetShare,
        ...cascadeAt(outcomes, signal, thresholdForShare(scores, targetShare)),
      })),
    };
  });
  let best: SignalReport | undefined;
  for (const report of signals) {
    if (report.auroc !== null && report.auroc > (best?.auroc ?? Number.NEGATIVE_INFINITY)) {
      best = report;
    }
  }
  return {
    signals,
    best: best?.signal,
    randomAt: shares.map((targetShare) => ({
      targetShare,
      threshold: Number.NaN,
      cloudShare: targetShare,
      accuracy: localAccuracy + targetShare * (cloudAccuracy - localAccuracy),
    })),
    oracleAccuracy:
      outcomes.filter((outcome) => outcome.localCorrect || outcome.cloudCorrect).length / count,
  };
}

/** Mann–Whitney AUROC from midranks: O(n log n), ties count half. */
export function auroc(scores: readonly number[], positives: readonly boolean[]): number | null {
  const positiveCount = positives.filter(Boolean).length;
  const negativeCount = positives.length - positiveCount;
  if (positiveCount === 0 || negativeCount === 0) return null;
  const order = scores.map((score, index) => ({ score, positive: positives[index] === true }));
  order.sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end < order.length && order[end]?.score === order[start]?.score) end++;
    const midrank = (start + 1 + end) / 2;
    for (let index = start; index < end; index++) if (order[index]?.positive) rankSum += midrank;
    start = end;
  }
  return (rankSum - (positiveCount * (positiveCount + 1)) / 2) / (positiveCount * negativeCount);
}

/** The cascade with a given threshold: confidences below it go to the cloud. */
export function cascadeAt(
  outcomes: readonly SignalOutcome[],
  signal: ConfidenceSignal,
  threshold: number,
): CascadePoint {
  let escalated = 0;
  let correct = 0;
  for (const outcome of outcomes) {
    const toCloud = outcome.confidences[signal] < threshold;
    if (toCloud) escalated++;
    if (toCloud ? outcome.cloudCorrect : outcome.localCorrect) correct++;
  }
  const count = Math.max(1, outcomes.length);
  return { threshold, cloudShare: escalated / count, accuracy: correct / count };
}

/**
 * A threshold that sends about `share` of these confidences to the cloud: halfway between the
 * k-th and (k+1)-th lowest, so a slightly different confidence does not flip a task; tied
 * confidences go together, so the share reached may be lower.
 */
export function thresholdForShare(confidences: readonly number[], share: number): number {
  const sorted = [...confidences].sort((a, b) => a - b);
  const k = Math.round(Math.min(1, Math.max(0, share)) * sorted.length);
  if (k === 0 || sorted.length === 0) return 0;
  const below = sorted[k - 1] ?? 0;
  const above = sorted[k];
  if (above === undefined) return below < 1 ? (below + 1) / 2 : 1;
  return above > below ? (below + above) / 2 : above;
}

/** One point per distinct confidence: local everywhere, then the least confident escalated first. */
function cascadeCurve(
  outcomes: readonly SignalOutcome[],
  signal: ConfidenceSignal,
): CascadePoint[] {
  const distinct = [...new Set(outcomes.map((outcome) => outcome.confidences[signal]))].sort(
    (a, b) => a - b,
  );
  const thresholds = [0];
  distinct.forEach((value, index) => {
    const next = distinct[index + 1];
    thresholds.push(next === undefined ? (value < 1 ? (value + 1) / 2 : 1) : (value + next) / 2);
  });
  return thresholds.map((threshold) => cascadeAt(outcomes, signal, threshold));
}
