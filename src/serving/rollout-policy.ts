import type { RolloutSettings } from "../config/rollout-schema.js";
import type { CandidateMode, RatedTrial } from "../core/records/model-registry.js";

/** One model's measured answers, summarised. */
export interface TrialSummary {
  requests: number;
  /** Shares of its answers, 0–1. */
  escalation: number;
  runaway: number;
  errors: number;
  /** Share of its answers rated 👎; null where nobody saw them (a shadow candidate). */
  badFeedback: number | null;
  latencyP50Ms: number;
  /** Mean agreement with the current model's answer to the same request (shadow only). */
  agreement: number | null;
}

export type RolloutDecision =
  { action: "wait"; reason: string } | { action: "promote" | "rollback"; reason: string };

/** Summarise one model's answers (already of one scope and window). */
export function summarise(trials: readonly RatedTrial[], feedbackSeen: boolean): TrialSummary {
  const requests = trials.length;
  const share = (count: number) => (requests === 0 ? 0 : count / requests);
  const escalation = share(trials.filter((trial) => trial.escalated).length);
  const runaway = share(trials.filter((trial) => trial.runaway).length);
  const errors = share(trials.filter((trial) => trial.failed).length);
  const badFeedback = feedbackSeen
    ? share(trials.filter((trial) => trial.rating === "bad").length)
    : null;
  const agreements = trials.flatMap((trial) => (trial.agreement === null ? [] : [trial.agreement]));
  return {
    requests,
    escalation,
    runaway,
    errors,
    badFeedback,
    latencyP50Ms: median(trials.filter((trial) => !trial.failed).map((trial) => trial.latencyMs)),
    agreement:
      agreements.length === 0
        ? null
        : agreements.reduce((sum, value) => sum + value, 0) / agreements.length,
  };
}

/**
 * 1 less the mean of the shares of flawed answers (escalated, runaway, failed, and rated 👎 when
 * both models' answers were seen): what promotion compares, over the same signals for both.
 */
export function qualityOf(summary: TrialSummary, withFeedback: boolean): number {
  const shares = [summary.escalation, summary.runaway, summary.errors];
  if (withFeedback) shares.push(summary.badFeedback ?? 0);
  return 1 - shares.reduce((sum, value) => sum + value, 0) / shares.length;
}

/**
 * Whether to roll the candidate back, promote it, or keep measuring: rolled back when, over at
 * least `minRequests` of its answers, one signal is worse than the current model's by more than
 * its margin (the first such signal is the reason); promoted after `promoteAfter` answers when
 * none is and its quality is at least the current's. The current model must have answered too.
 */
export function decideRollout(
  current: TrialSummary,
  candidate: TrialSummary,
  mode: CandidateMode,
  settings: RolloutSettings,
): RolloutDecision {
  const { minRequests, promoteAfter, margins } = settings;
  if (candidate.requests < minRequests || current.requests === 0) {
    return {
      action: "wait",
      reason: `${candidate.requests} of ${minRequests} candidate answers measured (current ${current.requests})`,
    };
  }
  const over = `over ${candidate.requests} answers (current ${current.requests})`;
  // Most telling first: a runaway or a failure also counts as an escalation.
  const rates: [string, number, number, number][] = [
    ["runaway", candidate.runaway, current.runaway, margins.runaway],
    ["errors", candidate.errors, current.errors, margins.errors],
  ];
  const withFeedback =
    mode === "canary" && candidate.badFeedback !== null && current.badFeedback !== null;
  if (withFeedback) {
    rates.push([
      "bad feedback",
      candidate.badFeedback ?? 0,
      current.badFeedback ?? 0,
      margins.badFeedback,
    ]);
  }
  rates.push(["escalation", candidate.escalation, current.escalation, margins.escalation]);
  for (const [name, mine, theirs, margin] of rates) {
    if (mine > theirs + margin) {
      return {
        action: "rollback",
        reason: `${name} ${percent(mine)} against the current model's ${percent(theirs)} (margin ${percent(margin)}) ${over}`,
      };
    }
  }
  // Shadow answers run when the engine is idle, so their latency is not the user's: not judged.
  if (mode === "canary" && current.latencyP50Ms > 0) {
    const limit = current.latencyP50Ms * (1 + margins.latency);
    if (candidate.latencyP50Ms > limit) {
      return {
        action: "rollback",
        reason: `median latency ${Math.round(candidate.latencyP50Ms)} ms against the current model's ${Math.round(current.latencyP50Ms)} ms (margin ${percent(margins.latency)}) ${over}`,
      };
    }
  }
  if (promoteAfter !== null && candidate.requests >= promoteAfter) {
    const mine = qualityOf(candidate, withFeedback).toFixed(3);
    const theirs = qualityOf(current, withFeedback).toFixed(3);
    if (Number(mine) >= Number(theirs)) {
      return {
        action: "promote",
        reason: `quality ${mine} at least the current model's ${theirs} ${over}`,
      };
    }
    return {
      action: "wait",
      reason: `quality ${mine} below the current model's ${theirs} ${over}`,
    };
  }
  return { action: "wait", reason: `within every margin ${over}` };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
