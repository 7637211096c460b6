import { nearest } from "../embedding/vector-bytes.js";
import { createPassageIndex, type Passage } from "./passage-index.js";
import { reciprocalRankFusion } from "./rank-fusion.js";
import { retrievalMetrics, type RetrievalMetrics } from "./retrieval-metrics.js";
import type { TermAnalyzer } from "./text-analysis.js";

/** A question with the ids of the passages that answer it. */
export interface EvaluationQuestion {
  id: string;
  question: string;
  goldIds: readonly string[];
}

/** How many passages are retrieved per question. */
export const retrievalDepth = 5;

/** Index `passages` with `term`, retrieve the top 5 for every question, and score them. */
export function evaluateRetrieval(
  passages: readonly Passage[],
  questions: readonly EvaluationQuestion[],
  term: TermAnalyzer,
): RetrievalMetrics {
  return scoreRankings(lexicalRankings(passages, questions, term, retrievalDepth), questions);
}

/** Each question's BM25 ranking of passage ids (terms by `term`), `depth` deep, best first. */
export function lexicalRankings(
  passages: readonly Passage[],
  questions: readonly EvaluationQuestion[],
  term: TermAnalyzer,
  depth: number,
): string[][] {
  const index = createPassageIndex(term);
  index.add(passages);
  return questions.map((question) => index.search(question.question, depth));
}

/**
 * Each query vector's ranking of passage ids by cosine similarity (a passage with several vectors
 * by its best), `depth` deep, best first.
 */
export function denseRankings(
  passages: readonly { id: string; vectors: readonly Float32Array[] }[],
  queries: readonly Float32Array[],
  depth: number,
): string[][] {
  return queries.map((query) => nearest(query, passages, depth).map((hit) => hit.id));
}

/** Per question, its rankings fused by reciprocal rank (k = 60), as hybrid retrieval does. */
export function fusedRankings(...rankings: readonly (readonly string[][])[]): string[][] {
  const questions = rankings[0]?.length ?? 0;
  return Array.from({ length: questions }, (_, index) =>
    reciprocalRankFusion(rankings.map((ranking) => ranking[index] ?? [])).map(({ item }) => item),
  );
}

/** recall@1, recall@5 and MRR of `rankings` (one per question, in order) against the gold ids. */
export function scoreRankings(
  rankings: readonly (readonly string[])[],
  questions: readonly EvaluationQuestion[],
): RetrievalMetrics {
  return retrievalMetrics(
    questions.map((question, index) => ({
      retrieved: (rankings[index] ?? []).slice(0, retrievalDepth),
      goldIds: question.goldIds,
    })),
  );
}
