import { readFile } from "node:fs/promises";
import { z } from "zod";

/** One pair of prompts: `same` when the second deserves the first's answer. */
export interface ScoredPair {
  similarity: number;
  same: boolean;
}

export interface ThresholdRow {
  threshold: number;
  /** Share of same-answer pairs at or above the threshold: reuses the cache would make. */
  hitRate: number;
  /** Share of different-answer pairs at or above it: wrong answers the cache would give. */
  wrongHitRate: number;
}

/** Hit and wrong-hit rates of a semantic cache at each threshold. */
export function thresholdTable(
  pairs: readonly ScoredPair[],
  thresholds: readonly number[],
): ThresholdRow[] {
  const same = pairs.filter((pair) => pair.same);
  const different = pairs.filter((pair) => !pair.same);
  const share = (group: readonly ScoredPair[], threshold: number) =>
    group.length === 0
      ? 0
      : group.filter((pair) => pair.similarity >= threshold).length / group.length;
  return thresholds.map((threshold) => ({
    threshold,
    hitRate: share(same, threshold),
    wrongHitRate: share(different, threshold),
  }));
}

/**
 * Area under the ROC curve of similarity for telling same-answer pairs from different-answer
 * ones: the chance that a random same pair scores above a random different one (ties half).
 */
export function auroc(pairs: readonly ScoredPair[]): number {
  const same = pairs.filter((pair) => pair.same).map((pair) => pair.similarity);
  const different = pairs.filter((pair) => !pair.same).map((pair) => pair.similarity);
  if (same.length === 0 || different.length === 0) return Number.NaN;
  let wins = 0;
  for (const high of same) {
    for (const low of different) wins += high > low ? 1 : high === low ? 0.5 : 0;
  }
  return wins / (same.length * different.length);
}

const pairSchema = z.object({
  a: z.string(),
  b: z.string(),
  same: z.boolean(),
  language: z.string(),
});

/** A JSONL file of `{"a", "b", "same", "language"}` pairs (test/fixtures/cache, test/support). */
export async function readTextPairs(path: string): Promise<z.infer<typeof pairSchema>[]> {
  return (await readFile(path, "utf8"))
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => pairSchema.parse(JSON.parse(line)));
}
