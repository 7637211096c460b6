import type { KnowledgeHit } from "../core/records/knowledge.js";

/**
 * Answers from an organisation's documents: the passages retrieval found, numbered, go to the
 * model with the instruction to answer from them alone, cite them as [n], and say so when they
 * do not hold the answer; the [n] in the answer are then read back as citations.
 */

/** Where a passage came from, for the instruction and for citations. */
export function passageSource(hit: KnowledgeHit): string {
  const where = [
    hit.documentName,
    ...(hit.headingPath.length === 0 ? [] : [hit.headingPath.join(" > ")]),
    ...(hit.page === null ? [] : [`p. ${hit.page}`]),
  ];
  return where.join(", ");
}

/**
 * The system message that grounds an answer in `hits` (best first). Written in English, which the
 * small models follow best; they answer in the question's language as told.
 */
export function groundingMessage(hits: readonly KnowledgeHit[]): string {
  if (hits.length === 0) {
    return [
      "You answer questions from the organisation's documents. A search of the documents found nothing for this question.",
      "Say, in the language of the question, that the documents do not contain the answer. Do not answer from your own knowledge.",
    ].join("\n");
  }
  const sources = hits
    .map((hit, index) => `[${index + 1}] (${passageSource(hit)})\n${hit.text.trim()}`)
    .join("\n\n");
  return [
    "You answer questions from the organisation's documents. Use only the sources below.",
    "After each statement taken from a source, cite it with its number in brackets, for example: La farmacia abre a las nueve [1].",
    "If the sources do not contain the answer, say that the documents do not contain it, and do not answer from your own knowledge.",
    "Answer in the language of the question.",
    "",
    "Sources:",
    "",
    sources,
  ].join("\n");
}

/** A citation in an answer: the character where its marker starts, and the passage it names. */
export interface Citation {
  index: number;
  hit: KnowledgeHit;
}

/**
 * The citations of an answer, in order: its [n] markers (also [1, 2] and [1][2]) that name one of
 * the `hits`. A small model often answers from a passage without writing the marker: then each
 * sentence most of whose words come from one passage cites it, at the sentence's end.
 */
export function citationsIn(text: string, hits: readonly KnowledgeHit[]): Citation[] {
  const citations: Citation[] = [];
  for (const match of text.matchAll(/\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/gu)) {
    for (const number of match[1]?.split(",") ?? []) {
      const hit = hits[Number(number.trim()) - 1];
      if (hit !== undefined) citations.push({ index: match.index, hit });
    }
  }
  return citations.length > 0 ? citations : sentenceSources(text, hits);
}

/** Sentences of at least this many content words are matched to a passage. */
const minimumSentenceWords = 3;
/** The share of a sentence's content words that must occur in one passage. */
const minimumOverlap = 0.6;

function sentenceSources(text: string, hits: readonly KnowledgeHit[]): Citation[] {
  if (hits.length === 0) return [];
  const passages = hits.map((hit) => new Set(contentWords(hit.text)));
  const citations: Citation[] = [];
  for (const sentence of text.matchAll(/[^.!?\n]+[.!?]*/gu)) {
    const words = [...new Set(contentWords(sentence[0]))];
    if (words.length < minimumSentenceWords) continue;
    let best = -1;
    let bestShare = 0;
    for (const [index, passage] of passages.entries()) {
      const share = words.filter((word) => passage.has(word)).length / words.length;
      if (share > bestShare) [best, bestShare] = [index, share];
    }
    const hit = hits[best];
    if (hit !== undefined && bestShare >= minimumOverlap) {
      citations.push({ index: sentence.index + sentence[0].trimEnd().length, hit });
    }
  }
  return citations;
}

/** Lower-case words of three letters or more, accents kept, and numbers. */
function contentWords(text: string): string[] {
  return text.toLowerCase().match(/\p{L}{3,}|\p{N}+/gu) ?? [];
}
