import { basename } from "node:path";
import { fnv1a } from "../../src/router/pre-router/hash.js";
import type { PreRouter } from "../../src/router/pre-router/pre-router.js";
import type { PreRouterTrainingOptions } from "../pre-router-training/train.js";
import { crossValidate } from "./cross-validation.js";
import type { RouterDataSet } from "./router-data.js";
import { RouterDataError } from "./router-data-error.js";
import { evaluateScores, type RouterEvaluation, type RouterFigures } from "./router-evaluation.js";
import type { RouterRow } from "./router-row.js";
import { lengthScore, structureScore } from "../../src/router/pre-router/dense-features.js";
import type { PreRouterScores } from "../../src/router/pre-router/pre-router.js";
import { combineDataSets } from "./router-data.js";
import { validateByGroup } from "./group-validation.js";

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
  /** Other scorers on the same rows, side by side with the router (random and oracle aside). */
  comparison: ScorerFigures[];
}

export interface ScorerFigures extends RouterFigures {
  name: string;
}

/** APGR and CPTs of each named list of scores over the same rows. */
export function compareScorers(
  rows: readonly RouterRow[],
  scorers: readonly { name: string; scores: readonly number[] }[],
): ScorerFigures[] {
  return scorers.map(({ name, scores }) => {
    const { apgr, cpt50, cpt80 } = evaluateScores(rows, scores);
    return { name, apgr, cpt50, cpt80 };
  });
}

/** The heuristics every router is compared with: they need no training. */
function heuristicScorers(rows: readonly RouterRow[]): { name: string; scores: number[] }[] {
  return [
    { name: "length heuristic", scores: rows.map((row) => lengthScore(row.prompt)) },
    { name: "structure heuristic", scores: rows.map((row) => structureScore(row.prompt)) },
  ];
}

/** The learned model's (position) scores beside the router's, then the heuristics. */
function artifactComparison(
  rows: readonly RouterRow[],
  scores: readonly PreRouterScores[],
): ScorerFigures[] {
  return compareScorers(rows, [
    { name: "learned model", scores: scores.map((score) => score.learned) },
    ...heuristicScorers(rows),
  ]);
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
  const all = rows.map((row) => preRouter.scores(row.prompt));
  const scores = all.map((score) => score.router);
  return {
    evaluation: evaluateScores(rows, scores),
    rows,
    scores,
    excluded,
    comparison: artifactComparison(rows, all),
  };
}

/**
 * Whole data sets held out: for each, a pre-router trained on all the others (intercepts by file)
 * scores it, as `router train` would ship it: learned with the length fallback out of range.
 * Data sets where the strong model is not better than the weak are left out.
 */
export function evaluateHeldOutSets(
  sets: readonly RouterDataSet[],
  options: PreRouterTrainingOptions = {},
): { data: RouterDataSet; result: PreRouterEvaluation }[] {
  if (sets.length < 2) {
    throw new RouterDataError(
      "--cv-by data holds out whole data sets: give two or more, --data A --data B.",
    );
  }
  const combined = combineDataSets(sets);
  const validation = validateByGroup(
    {
      rows: combined.rows,
      groups: combined.rowSets,
      names: sets.map((set) => set.name),
      by: "data",
      strata: combined.rowFiles,
    },
    { ...options, scorer: "learned" },
  );
  return sets.flatMap((data, setIndex) => {
    const indices = combined.rowSets.flatMap((set, index) => (set === setIndex ? [index] : []));
    const rows = indices.map((index) => combined.rows[index] as RouterRow);
    const all = indices.map((index) => validation.scores[index]);
    if (rows.length === 0 || all.some((score) => score === undefined)) return [];
    const defined = all as PreRouterScores[];
    const scores = defined.map((score) => score.router);
    const repeats = data.rows.length - rows.length;
    const excluded = exclusions(data, 0);
    return [
      {
        data,
        result: {
          evaluation: evaluateScores(rows, scores),
          rows,
          scores,
          excluded: {
            ...excluded,
            duplicates: excluded.duplicates + repeats,
            total: excluded.total + repeats,
          },
          comparison: artifactComparison(rows, defined),
        },
      },
    ];
  });
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
    comparison: compareScorers(data.rows, heuristicScorers(data.rows)),
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
