import type { GroupValidationSummary } from "../../src/router/pre-router/artifact.js";
import { createPreRouter, type PreRouterScores } from "../../src/router/pre-router/pre-router.js";
import { trainPreRouter, type PreRouterTrainingOptions } from "../pre-router-training/train.js";
import { countOutcomes } from "./metrics.js";
import { RouterDataError } from "./router-data-error.js";
import { evaluateScores } from "./router-evaluation.js";
import type { RouterRow } from "./router-row.js";

/** Rows in groups: task families (one data set each) or files (subjects). */
export interface GroupedRows {
  rows: readonly RouterRow[];
  /** The group of each row, an index into `names`. */
  groups: readonly number[];
  names: readonly string[];
  by: GroupValidationSummary["by"];
  /** Finer groups for the intercepts while training (e.g. files within data sets); default `groups`. */
  strata?: readonly number[];
}

export interface GroupValidation {
  summary: GroupValidationSummary;
  /** For every row of a validated group: the scores of the model trained without its group. */
  scores: (PreRouterScores | undefined)[];
}

/** How much better than the length heuristic the learned model must do to be used. */
export const requiredMeanGain = 0.02;

/**
 * Leave-one-group-out: for each group, train on the others (each with its own intercept) and
 * score the group, as a task family the model has never seen. A group where the strong model is
 * not better than the weak one has no PGR and is skipped.
 */
export function validateByGroup(
  data: GroupedRows,
  options: PreRouterTrainingOptions = {},
): GroupValidation {
  const { onProgress, ...training } = options;
  const scores = new Array<PreRouterScores | undefined>(data.rows.length);
  const groups: GroupValidationSummary["groups"] = [];
  data.names.forEach((name, group) => {
    const inside = indicesWhere(data.groups, (value) => value === group);
    const outside = indicesWhere(data.groups, (value) => value !== group);
    const tested = inside.map((index) => data.rows[index] as RouterRow);
    const counts = countOutcomes(tested);
    if (tested.length === 0 || counts.strongCorrect <= counts.weakCorrect || outside.length === 0)
      return;
    const artifact = trainPreRouter(
      outside.map((index) => data.rows[index] as RouterRow),
      {
        ...training,
        groups: outside.map((index) => (data.strata ?? data.groups)[index] ?? 0),
        ...(onProgress === undefined
          ? {}
          : {
              onProgress: (fraction: number) => {
                onProgress((group + fraction) / data.names.length);
              },
            }),
      },
    );
    const preRouter = createPreRouter(artifact);
    const groupScores = tested.map((row) => preRouter.scores(row.prompt));
    inside.forEach((index, position) => (scores[index] = groupScores[position]));
    groups.push({
      name,
      rows: tested.length,
      learned: round(
        evaluateScores(
          tested,
          groupScores.map((score) => score.learned),
        ).apgr,
      ),
      length: round(
        evaluateScores(
          tested,
          groupScores.map((score) => score.length),
        ).apgr,
      ),
    });
  });
  if (groups.length < 2) {
    throw new RouterDataError(
      `Cannot validate on held-out groups: only ${groups.length} of the ${data.names.length} group(s) by ${data.by} has rows where the strong model beats the weak one. Give several data sets (--data A --data B) or a folder of several CSV files.`,
    );
  }
  const gains = groups.map((group) => group.learned - group.length);
  return {
    summary: {
      by: data.by,
      groups,
      meanGain: round(gains.reduce((sum, gain) => sum + gain, 0) / gains.length),
      minimumGain: round(Math.min(...gains)),
    },
    scores,
  };
}

/** The learned model is used only if it beat the length heuristic on held-out groups. */
export function learnedWins(summary: GroupValidationSummary): boolean {
  return summary.meanGain >= requiredMeanGain && summary.minimumGain >= 0;
}

function indicesWhere(values: readonly number[], test: (value: number) => boolean): number[] {
  return values.flatMap((value, index) => (test(value) ? [index] : []));
}

function round(value: number): number {
  return Number(value.toFixed(4));
}
