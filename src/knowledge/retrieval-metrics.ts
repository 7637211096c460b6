/** One question's outcome: the ids retrieved, best first, and the ids that answer it. */
export interface RetrievalOutcome {
  retrieved: readonly string[];
  goldIds: readonly string[];
}

export interface RetrievalMetrics {
  "recall@1": number;
  "recall@5": number;
  /** Mean reciprocal rank of the first gold passage within the top 5; 0 when none is there. */
  mrr: number;
}

/** How deep MRR looks: a first gold hit below this rank counts 0. */
export const mrrDepth = 5;

/**
 * recall@k: the share of questions with a gold passage among the first k retrieved.
 * MRR: the mean of 1/rank of the first gold passage within the top 5 (0 when there is none).
 */
export function retrievalMetrics(outcomes: readonly RetrievalOutcome[]): RetrievalMetrics {
  if (outcomes.length === 0) return { "recall@1": 0, "recall@5": 0, mrr: 0 };
  const ranks = outcomes.map(firstGoldRank);
  const share = (hits: number) => hits / outcomes.length;
  return {
    "recall@1": share(ranks.filter((rank) => rank !== null && rank <= 1).length),
    "recall@5": share(ranks.filter((rank) => rank !== null && rank <= 5).length),
    mrr: share(
      ranks.reduce<number>(
        (sum, rank) => sum + (rank === null || rank > mrrDepth ? 0 : 1 / rank),
        0,
      ),
    ),
  };
}

/** The 1-based rank of the first retrieved gold id, or null when none was retrieved. */
function firstGoldRank({ retrieved, goldIds }: RetrievalOutcome): number | null {
  const gold = new Set(goldIds);
  const index = retrieved.findIndex((id) => gold.has(id));
  return index === -1 ? null : index + 1;
}
