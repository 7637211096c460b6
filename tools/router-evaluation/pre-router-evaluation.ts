import { basename } from "node:path";
import { fnv1a } from "../../src/router/pre-router/hash.js";
import type { PreRouter } from "../../src/router/pre-router/pre-router.js";
import type { PreRouterTrainingOptions } from "../pre-router-training/train.js";
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

/** What keeps cross-validation folds apart: the prompt, or the whole file (e.g. a subject). */
export type FoldGrouping = "prompt" | "file";

/**
 * K-fold cross-validation on the data set itself, pooled out-of-fold. Folds by prompt hash; or by
 * file, so no file has rows on both sides (files in the order of their names' hashes, dealt to the
 * folds in turn) — for a data set with one subject per file, a test on unseen subjects.
 */
export function evaluateByCrossValidation(
  data: RouterDataSet,
  folds: number,
  options: PreRouterTrainingOptions = {},
  grouping: FoldGrouping = "prompt",
): PreRouterEvaluation {
  if (grouping === "file" && data.files.length < folds) {
    throw new RouterDataError(
      `Cannot keep files apart in ${folds} folds: ${data.path} has ${data.files.length} CSV file(s). Use fewer folds or folds by prompt.`,
    );
  }
  const fileFold = fileFolds(data.files, folds);
  const result =
    grouping === "prompt"
      ? crossValidate(data.rows, folds, options)
      : crossValidate(
          data.rows,
          folds,
          options,
          (_, index) => fileFold[data.rowFiles[index] ?? 0] ?? 0,
        );
  return {
    evaluation: result.evaluation,
    rows: data.rows,
    scores: result.scores,
    excluded: exclusions(data, 0),
  };
}

function fileFolds(files: readonly string[], folds: number): number[] {
  const order = files
    .map((file, index) => ({ index, hash: fnv1a(basename(file)) }))
    .sort((a, b) => a.hash - b.hash || a.index - b.index);
  const fold = new Array<number>(files.length).fill(0);
  order.forEach(({ index }, position) => (fold[index] = position % folds));
  return fold;
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
