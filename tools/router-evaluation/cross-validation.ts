import { LinearScorer } from "../../src/router/pre-router/linear-scorer.js";
import {
  featurizeRows,
  fitPreRouter,
  resolveTrainingOptions,
  type PreRouterTrainingOptions,
} from "../pre-router-training/train.js";
import { foldOf } from "./prompt-split.js";
import { RouterDataError } from "./router-data-error.js";
import { evaluateScores, type RouterEvaluation } from "./router-evaluation.js";
import type { RouterRow } from "./router-row.js";

export interface CrossValidationResult {
  folds: number;
  /** Out-of-fold scores, in the rows' order: each from the model that did not see its prompt. */
  scores: number[];
  /** Metrics of the pooled out-of-fold scores. */
  evaluation: RouterEvaluation;
}

/**
 * K-fold cross-validation with folds by prompt hash: trains K pre-routers, each scoring the fold
 * it was not trained on (the prompts are featurised once and shared by all folds).
 */
export function crossValidate(
  rows: readonly RouterRow[],
  folds: number,
  options: PreRouterTrainingOptions = {},
  /** Which fold a row is in (default: by prompt hash); e.g. group rows by subject instead. */
  assignFold: (row: RouterRow, index: number) => number = (row) => foldOf(row.prompt, folds),
): CrossValidationResult {
  if (!Number.isInteger(folds) || folds < 2 || folds > rows.length) {
    throw new RouterDataError(
      `Cannot cross-validate ${rows.length} rows in ${folds} folds: use a whole number of folds from 2 to the number of rows (e.g. --cv 5).`,
    );
  }
  const resolved = resolveTrainingOptions(options);
  const progress = options.onProgress;
  const vectors = featurizeRows(rows, resolved.features, progress);
  const foldOfRow = rows.map(assignFold);
  const scores = new Array<number>(rows.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const training = foldOfRow.flatMap((value, index) => (value === fold ? [] : [index]));
    const artifact = fitPreRouter(
      training.map((index) => rows[index] as RouterRow),
      training.map((index) => vectors[index] as (typeof vectors)[number]),
      {
        ...options,
        ...resolved,
        ...(progress === undefined
          ? {}
          : {
              onProgress: (fraction) => {
                progress(0.1 + (0.9 * (fold + fraction)) / folds);
              },
            }),
      },
    );
    const scorer = new LinearScorer(artifact);
    foldOfRow.forEach((value, index) => {
      const vector = vectors[index];
      if (value === fold && vector !== undefined) scores[index] = scorer.score(vector);
    });
  }
  return { folds, scores, evaluation: evaluateScores(rows, scores) };
}
