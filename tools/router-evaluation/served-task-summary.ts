import type { Usage } from "../../src/core/chat.js";
import { auroc } from "./cascade-signal-analysis.js";
import type { ServedTaskRecord } from "./served-model-tasks.js";

export interface LanguageSummary {
  /** A task language, or "all". */
  language: string;
  tasks: number;
  accuracy: number;
  /** Share of answers from which an answer could be read. */
  answeredShare: number;
  /** Share that ran into max_tokens or looped. */
  runawayShare: number;
  /** Share with any flaw a cascade escalates for. */
  flawedShare: number;
}

export interface ServedTaskSummary {
  byLanguage: LanguageSummary[];
  /** Completion tokens over the wall time of the requests (prompt processing included). */
  tokensPerSecond: number;
  meanMilliseconds: number;
  flaws: Record<string, number>;
  /**
   * How well each confidence separates right answers from wrong ones (0.5 is chance): the token
   * probability alone, and with the answer checks. Null without logprobs or without both outcomes.
   */
  auroc: { probability: number | null; confidence: number | null };
}

export function summariseServedTasks(records: readonly ServedTaskRecord[]): ServedTaskSummary {
  const languages = [...new Set(records.map((record) => record.language))].sort();
  const flaws: Record<string, number> = {};
  for (const record of records) {
    if (record.flaw !== undefined) flaws[record.flaw] = (flaws[record.flaw] ?? 0) + 1;
  }
  const seconds = records.reduce((sum, record) => sum + record.milliseconds, 0) / 1000;
  const tokens = records.reduce((sum, record) => sum + record.completionTokens, 0);
  const scored = records.filter((record) => record.probability !== null);
  const correct = scored.map((record) => record.correct);
  return {
    byLanguage: [
      ...languages.map((language) =>
        summariseLanguage(
          language,
          records.filter((record) => record.language === language),
        ),
      ),
      summariseLanguage("all", records),
    ],
    tokensPerSecond: seconds === 0 ? 0 : tokens / seconds,
    meanMilliseconds: records.length === 0 ? 0 : (seconds * 1000) / records.length,
    flaws,
    auroc:
      scored.length < records.length || scored.length === 0
        ? { probability: null, confidence: null }
        : {
            probability: auroc(
              scored.map((record) => record.probability ?? 0),
              correct,
            ),
            confidence: auroc(
              scored.map((record) => record.confidence ?? 0),
              correct,
            ),
          },
  };
}

function summariseLanguage(
  language: string,
  records: readonly ServedTaskRecord[],
): LanguageSummary {
  const count = Math.max(1, records.length);
  const share = (test: (record: ServedTaskRecord) => boolean) =>
    records.filter(test).length / count;
  return {
    language,
    tasks: records.length,
    accuracy: share((record) => record.correct),
    answeredShare: share((record) => record.extracted !== undefined),
    runawayShare: share((record) => record.runaway),
    flawedShare: share((record) => record.flaw !== undefined),
  };
}

export interface ReplayedStrategy {
  strategy: "local" | "cascade (probability only)" | "cascade (with checks)" | "cloud";
  accuracy: number;
  cloudShare: number;
  /** Cloud tokens priced by `price`; local tokens cost nothing here. */
  cloudCostUsd: number;
  /** Local answers that ran away yet were kept. */
  runawaysKept: number;
  /** Right local answers that were escalated anyway. */
  rightEscalated: number;
}

export interface CascadeReplay {
  threshold: number;
  tasks: number;
  strategies: ReplayedStrategy[];
}

/**
 * The cascade replayed from a local run and a cloud run of the same tasks: every task whose
 * confidence is below the threshold takes the cloud's answer. "probability only" is the cascade as
 * it was (token probabilities), "with checks" as it is now (a flawed answer always escalates).
 */
export function replayCascade(
  local: readonly ServedTaskRecord[],
  cloud: readonly ServedTaskRecord[],
  threshold: number,
  price: (usage: Usage) => number,
): CascadeReplay {
  const cloudById = new Map(cloud.map((record) => [record.id, record]));
  const pairs = local.flatMap((record) => {
    const other = cloudById.get(record.id);
    return other === undefined ? [] : [{ local: record, cloud: other }];
  });
  const count = Math.max(1, pairs.length);
  const strategy = (
    name: ReplayedStrategy["strategy"],
    escalate: (record: ServedTaskRecord) => boolean,
  ): ReplayedStrategy => {
    let correct = 0;
    let escalated = 0;
    let cost = 0;
    let runawaysKept = 0;
    let rightEscalated = 0;
    for (const pair of pairs) {
      const toCloud = escalate(pair.local);
      const answer = toCloud ? pair.cloud : pair.local;
      if (answer.correct) correct++;
      if (toCloud) {
        escalated++;
        cost += price({
          promptTokens: pair.cloud.promptTokens,
          completionTokens: pair.cloud.completionTokens,
        });
        if (pair.local.correct) rightEscalated++;
      } else if (pair.local.runaway) runawaysKept++;
    }
    return {
      strategy: name,
      accuracy: correct / count,
      cloudShare: escalated / count,
      cloudCostUsd: cost,
      runawaysKept,
      rightEscalated,
    };
  };
  return {
    threshold,
    tasks: pairs.length,
    strategies: [
      strategy("local", () => false),
      strategy("cascade (probability only)", (record) => (record.probability ?? 0) < threshold),
      strategy(
        "cascade (with checks)",
        (record) => record.flaw !== undefined || (record.probability ?? 0) < threshold,
      ),
      strategy("cloud", () => true),
    ],
  };
}
