import { createPassageIndex, type Passage } from "./passage-index.js";
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
  const index = createPassageIndex(term);
  index.add(passages);
  return retrievalMetrics(
    questions.map((question) => ({
      retrieved: index.search(question.question, retrievalDepth),
      goldIds: question.goldIds,
    })),
  );
}
