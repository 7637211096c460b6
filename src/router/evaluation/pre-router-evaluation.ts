import type { PreRouter } from "../pre-router/pre-router.js";
import type { PreRouterTrainingOptions } from "../pre-router/train.js";
import { crossValidate } from "./cross-validation.js";
import type { RouterDataSet } from "./router-data.js";
import { RouterDataError } from "./router-data-error.js";
import { evaluateScores, type RouterEvaluation } from "./router-evaluation.js";
import type { RouterRow } from "./router-row.js";

/** Rows of a data set that were not evaluated, by reason. */
export interface Exclusions {
  total: number;
  /** Listed in contaminated_prompts.jsonl. */
  contaminated: number;
  /** The pre-router was trained on them. */
  trainedOn: number;
  /** Repeats of an earlier prompt. */
  duplicates: number;
  /** Rows that could not be read (see the data set's `skipped`). */
  badRows: number;
}

export interface PreRouterEvaluation {
  evaluation: RouterEvaluation;
  /** The rows evaluated, in the data's order, and their scores. */
  rows: RouterRow[];
  scores: number[];
  excluded: Exclusions;
}

/** The rows a pre-router may be evaluated on: those it was not trained on. */
export function unseenRows(
  data: RouterDataSet,
  preRouter: PreRouter,
): { rows: RouterRow[]; excluded: Exclusions } {
  const rows = data.rows.filter((row) => !preRouter.wasTrainedOn(row.prompt));
  const trainedOn = data.rows.length - rows.length;
  if (rows.length === 0) {
    throw new RouterDataError(
      `All ${data.rows.length} rows of ${data.path} were used to train the pre-router ${preRouter.info.source}, so none can test it. Evaluate on other data, or cross-validate on this data with --cv 5.`,
    );
  }
  return { rows, excluded: exclusions(data, trainedOn) };
}

/** Score the rows the pre-router has not seen and measure the result. */
export function evaluatePreRouter(data: RouterDataSet, preRouter: PreRouter): PreRouterEvaluation {
  const { rows, excluded } = unseenRows(data, preRouter);
  const scores = rows.map((row) => preRouter.score(row.prompt));
  return { evaluation: evaluateScores(rows, scores), rows, scores, excluded };
}

/** K-fold cross-validation on the data set itself (folds by prompt), pooled out-of-fold. */
export function evaluateByCrossValidation(
  data: RouterDataSet,
  folds: number,
  options: PreRouterTrainingOptions = {},
): PreRouterEvaluation {
  const result = crossValidate(data.rows, folds, options);
  return {
    evaluation: result.evaluation,
    rows: data.rows,
    scores: result.scores,
    excluded: exclusions(data, 0),
  };
}

export function exclusions(data: RouterDataSet, trainedOn: number): Exclusions {
  const badRows = data.skipped.length;
  return {
    total: data.contaminated + trainedOn + data.duplicates + badRows,
    contaminated: data.contaminated,
    trainedOn,
    duplicates: data.duplicates,
    badRows,
  };
}
