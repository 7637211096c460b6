/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each ranking gives an item
 * 1 / (k + rank), the sums decide the order. k = 60 is the paper's constant, not tuned here; it
 * keeps one ranking's first place from outvoting agreement lower down. Only ranks are used, so
 * BM25 scores and cosine similarities need no common scale.
 */
export const rrfK = 60;

/** The items of `rankings` (each best first) by fused score, best first; ties keep first-seen order. */
export function reciprocalRankFusion<T>(
  rankings: readonly (readonly T[])[],
  k: number = rrfK,
): { item: T; score: number }[] {
  const scores = new Map<T, number>();
  for (const ranking of rankings) {
    ranking.forEach((item, index) => {
      scores.set(item, (scores.get(item) ?? 0) + 1 / (k + index + 1));
    });
  }
  return [...scores].map(([item, score]) => ({ item, score })).sort((x, y) => y.score - x.score);
}
