import MiniSearch from "minisearch";
import { words, type TermAnalyzer } from "./text-analysis.js";

/** A passage of a document: what is indexed and retrieved. */
export interface Passage {
  id: string;
  title: string;
  text: string;
}

/** A full-text index of passages, ranked by BM25 over the title and text together. */
export interface PassageIndex {
  add(passages: readonly Passage[]): void;
  /** The ids of the `limit` best passages for `query`, best first. */
  search(query: string, limit: number): string[];
}

/** Okapi BM25's usual parameters; δ = 0 turns MiniSearch's BM25+ into plain BM25. */
const bm25 = { k: 1.2, b: 0.75, d: 0 };

export function createPassageIndex(term: TermAnalyzer): PassageIndex {
  const index = new MiniSearch<{ id: string; content: string }>({
    fields: ["content"],
    tokenize: words,
    processTerm: term,
    searchOptions: { bm25, combineWith: "OR" },
  });
  return {
    add(passages) {
      index.addAll(
        passages.map((passage) => ({
          id: passage.id,
          content: `${passage.title}\n${passage.text}`,
        })),
      );
    },
    search(query, limit) {
      return index
        .search(query)
        .slice(0, limit)
        .map((result) => String(result.id));
    },
  };
}
