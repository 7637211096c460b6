import { promptKey } from "../../src/router/pre-router/hash.js";
import type { PreRouterEvaluation } from "./pre-router-evaluation.js";
import type { RouterDataSet } from "./router-data.js";

/** One line of `eval router --scores-out`. */
export interface RowScore {
  prompt: string;
  /** Higher = more in need of the strong model; null when nothing could score it (see below). */
  score: number | null;
  /** Present on rows the evaluation left out, and why. */
  excluded?: "contaminated" | "duplicate" | "trained-on";
}

/**
 * A score for every row of the input, in its order, so the lines can be zipped with the data:
 * evaluated rows carry the score the evaluation used; a repeated prompt carries its first
 * occurrence's; rows the evaluation left out are scored by `scoreUnseen` when there is a single
 * model to ask (not under cross-validation, where a contaminated row gets null) and say why.
 */
export function scoreEveryRow(
  data: RouterDataSet,
  result: Pick<PreRouterEvaluation, "rows" | "scores">,
  scoreUnseen: ((prompt: string) => number) | undefined,
): RowScore[] {
  const evaluated = new Map<string, number>();
  for (const [index, row] of result.rows.entries()) {
    const score = result.scores[index];
    if (score !== undefined) evaluated.set(promptKey(row.prompt), score);
  }
  return data.inputRows.map(({ prompt, excluded }) => {
    const score = evaluated.get(promptKey(prompt));
    if (score !== undefined)
      return excluded === undefined ? { prompt, score } : { prompt, score, excluded };
    return {
      prompt,
      score: scoreUnseen?.(prompt) ?? null,
      excluded: excluded ?? "trained-on",
    };
  });
}
