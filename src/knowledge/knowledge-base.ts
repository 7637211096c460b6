import { createHash, randomBytes } from "node:crypto";
import type {
  KnowledgeBase,
  KnowledgeChunk,
  KnowledgeDocument,
  KnowledgeHit,
  KnowledgeLanguage,
  TenantKnowledge,
} from "../core/records/knowledge.js";
import type { TextEmbedder } from "../embedding/text-embedder.js";
import { detectRegionLanguage } from "../router/region-language.js";
import { chunkBlocks } from "./chunking.js";
import { embeddingMismatchMessage, embeddingModelMismatch } from "./embedding-model-check.js";
import { DocumentReadError, parseDocument } from "./document-parsers.js";
import { reciprocalRankFusion, rrfK } from "./rank-fusion.js";
import {
  analysisLanguages,
  languageTerm,
  plainTerm,
  words,
  type TermAnalyzer,
} from "./text-analysis.js";

/** "vs_…", as OpenAI names vector stores (a knowledge base is one). */
export function newKnowledgeBaseId(): string {
  return `vs_${randomBytes(12).toString("hex")}`;
}

/** A file to add to a knowledge base. */
export interface DocumentInput {
  /** The document's id in the base (a Files API id, or "doc-…" for the CLI). */
  id: string;
  name: string;
  bytes: Uint8Array;
}

/**
 * How far ingestion is: pages of a PDF read ("reading"), then texts embedded ("embedding", when
 * there is a sentence-embedding model), each `done` of `total`.
 */
export interface IngestProgress {
  stage: "reading" | "embedding";
  done: number;
  total: number;
}

export type IngestOutcome =
  | { status: "unchanged"; document: KnowledgeDocument }
  | {
      status: "completed";
      chunks: number;
      pages: number | null;
      /** Set when the chunks were stored without vectors: the base's came from another model. */
      warning?: string;
    }
  | { status: "failed"; error: string };

/**
 * Read a document into a knowledge base: parse it, cut it into chunks under their headings and
 * pages, analyse each chunk's terms the way `colibri kb eval` measured (es/pt stems and stop
 * words, accents folded), embed each chunk with `embedder` (its document prompt) when there is one,
 * and replace the document's chunks and vectors in one transaction. The same bytes again are a
 * no-op; a file that cannot be read marks the document failed with the reason, and whatever
 * version was there before stays searchable. `onProgress` hears how far it is (for a progress bar).
 */
export async function ingestDocument(
  knowledge: TenantKnowledge,
  base: KnowledgeBase,
  input: DocumentInput,
  now: () => number,
  embedder?: TextEmbedder,
  onProgress?: (progress: IngestProgress) => void,
): Promise<IngestOutcome> {
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const known = await knowledge.getDocument(base.id, input.id);
  if (known?.sha256 === sha256 && known.status === "completed") {
    return { status: "unchanged", document: known };
  }
  await knowledge.beginDocument({
    id: input.id,
    baseId: base.id,
    name: input.name,
    bytes: input.bytes.length,
    now: now(),
  });
  try {
    const blocks = await parseDocument(input.name, input.bytes, (done, total) =>
      onProgress?.({ stage: "reading", done, total }),
    );
    const language =
      base.language ??
      (await knowledge.settleLanguage(
        base.id,
        languageOf(blocks.map((block) => block.text).join("\n")),
      ));
    const chunks: KnowledgeChunk[] = chunkBlocks(
      blocks,
      undefined,
      language === "plain" ? "en" : language,
    ).map((chunk) => ({ ...chunk, terms: chunkTerms(chunk.headingPath, chunk.text, language) }));
    const warning =
      embedder === undefined
        ? undefined
        : await embedForBase(knowledge, base, embedder, chunks, language, (done, total) =>
            onProgress?.({ stage: "embedding", done, total }),
          );
    await knowledge.replaceChunks(
      base.id,
      input.id,
      { sha256, bytes: input.bytes.length, now: now() },
      chunks,
    );
    const pages = blocks.reduce<number | null>(
      (most, block) => (block.page === null ? most : Math.max(most ?? 0, block.page)),
      null,
    );
    return {
      status: "completed",
      chunks: chunks.length,
      pages,
      ...(warning === undefined ? {} : { warning }),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof DocumentReadError)) {
      await knowledge.failDocument(base.id, input.id, message, now()).catch(() => undefined);
      throw error;
    }
    await knowledge.failDocument(base.id, input.id, message, now());
    return { status: "failed", error: message };
  }
}

/** How retrieval ranks: BM25 alone, or BM25 and sentence vectors fused (see searchKnowledge). */
export type RetrievalMode = "bm25" | "hybrid";

/**
 * How deep each ranking goes before fusion: its 50 best. Deeper lists add only 1/(60 + rank)
 * crumbs; shallower ones would drop a passage that one ranking puts at 20 and the other at 3.
 */
export const fusionDepth = 50;

/**
 * The `limit` best passages of these bases for a question. With a sentence-embedding model
 * (`embedder`), hybrid retrieval: the BM25 ranking (terms analysed as the bases were) and the
 * nearest vectors (the question embedded with the model's query prompt), each `fusionDepth` deep,
 * fused by reciprocal rank (k = 60), the score scaled to (0, 1]. Without one, BM25 alone. Both
 * rankings come from the store under the tenant's own rows. A base whose vectors another model
 * made is searched by BM25 alone (see embeddingModelMismatch; callers say so).
 */
export async function searchKnowledge(
  knowledge: TenantKnowledge,
  bases: readonly KnowledgeBase[],
  question: string,
  limit: number,
  embedder?: TextEmbedder,
  signal?: AbortSignal,
): Promise<KnowledgeHit[]> {
  const languages = new Set(bases.map((base) => base.language ?? "plain"));
  const terms = [...languages].flatMap((language) => analyse(question, termAnalyzer(language)));
  const baseIds = bases.map((base) => base.id);
  // Vectors of a base another model embedded are not compared with this model's question vector.
  const comparable =
    embedder === undefined
      ? []
      : bases.filter((base) => embeddingModelMismatch(base, embedder.model) === undefined);
  if (embedder === undefined || comparable.length === 0) {
    return knowledge.search(baseIds, terms, limit);
  }
  // A question with no terms (blank, or only stop words) finds nothing, as BM25 alone does.
  if (terms.length === 0 || limit <= 0) return [];
  const depth = Math.max(limit, fusionDepth);
  const [vector] = await embedder.embedTexts([question], {
    kind: "query",
    ...(signal === undefined ? {} : { signal }),
  });
  const [lexical, dense] = await Promise.all([
    knowledge.search(baseIds, terms, depth),
    vector === undefined
      ? Promise.resolve([])
      : knowledge.searchSimilar(
          comparable.map((base) => base.id),
          vector,
          depth,
        ),
  ]);
  return fuseHits(lexical, dense).slice(0, limit);
}

/** BM25 hits and nearest-vector hits fused by reciprocal rank, with each one's own score. */
export function fuseHits(
  lexical: readonly KnowledgeHit[],
  dense: readonly KnowledgeHit[],
): KnowledgeHit[] {
  const key = (hit: KnowledgeHit) =>
    `${hit.knowledgeBaseId}\u0000${hit.documentId}\u0000${hit.ordinal}`;
  const bm25 = new Map(lexical.map((hit) => [key(hit), hit] as const));
  const similar = new Map(dense.map((hit) => [key(hit), hit] as const));
  const best = 2 / (rrfK + 1);
  return reciprocalRankFusion([[...bm25.keys()], [...similar.keys()]]).flatMap(
    ({ item, score }) => {
      const hit = bm25.get(item) ?? similar.get(item);
      if (hit === undefined) return [];
      return [
        {
          ...hit,
          score: score / best,
          signals: {
            bm25: bm25.get(item)?.score ?? null,
            similarity: similar.get(item)?.score ?? null,
          },
        },
      ];
    },
  );
}

/**
 * Embed a document's chunks for a base, unless the base's vectors came from another model:
 * then the chunks keep no vectors (BM25 finds them; `colibri kb reindex` embeds them with the
 * rest) and the warning says so. The first vectors of a base record the model that made them.
 */
async function embedForBase(
  knowledge: TenantKnowledge,
  base: KnowledgeBase,
  embedder: TextEmbedder,
  chunks: KnowledgeChunk[],
  language: KnowledgeLanguage,
  onEmbedded: (done: number, total: number) => void,
): Promise<string | undefined> {
  const before = embeddingModelMismatch(base, embedder.model);
  if (before !== undefined) return embeddingMismatchMessage(before);
  await embedChunks(embedder, chunks, language, onEmbedded);
  const dimensions = chunks.find((chunk) => (chunk.vectors?.length ?? 0) > 0)?.vectors?.[0]?.length;
  if (dimensions === undefined) return undefined;
  const recorded = await knowledge.settleEmbeddingModel(base.id, {
    name: embedder.model,
    dimensions,
  });
  const after = embeddingModelMismatch(
    { ...base, embeddingModel: recorded },
    embedder.model,
    dimensions,
  );
  if (after === undefined) return undefined;
  for (const chunk of chunks) delete chunk.vectors;
  return embeddingMismatchMessage(after);
}

/** Texts per embedding call at ingestion (see embedChunks). */
const embeddingBatch = 16;

/**
 * Give each chunk its vectors: the whole chunk's, then each sentence's when it has more than one
 * (each under the chunk's headings), all with the model's document prompt. Search scores a chunk
 * by its best vector (MaxP): on the Portuguese dev set an answer is often one sentence of a
 * passage about several things, whose single vector it barely moves (docs/benchmarks.md).
 */
export async function embedChunks(
  embedder: TextEmbedder,
  chunks: KnowledgeChunk[],
  language: KnowledgeLanguage,
  onEmbedded?: (done: number, total: number) => void,
): Promise<void> {
  const texts = chunks.map((chunk) => embeddingTexts(chunk.headingPath, chunk.text, language));
  const flat = texts.flat();
  const vectors: Float32Array[] = [];
  // A few texts per call: the engine embeds one call at a time, so a long document does not hold
  // it for minutes while other tenants' embedding requests and searches wait behind it.
  for (let start = 0; start < flat.length; start += embeddingBatch) {
    vectors.push(
      ...(await embedder.embedTexts(flat.slice(start, start + embeddingBatch), {
        kind: "document",
      })),
    );
    onEmbedded?.(vectors.length, flat.length);
  }
  let next = 0;
  chunks.forEach((chunk, index) => {
    const count = texts[index]?.length ?? 0;
    chunk.vectors = vectors.slice(next, next + count);
    next += count;
  });
}

/**
 * What a passage's vectors are computed from, in order: the passage (headings, then text), then
 * each of its sentences under the same headings when it has more than one.
 */
export function embeddingTexts(
  headingPath: readonly string[],
  text: string,
  language: KnowledgeLanguage,
): string[] {
  const segmenter = new Intl.Segmenter(language === "plain" ? "en" : language, {
    granularity: "sentence",
  });
  const sentences = [...segmenter.segment(text)]
    .map(({ segment }) => segment.trim())
    .filter((sentence) => sentence !== "");
  const whole = passageText(headingPath, text);
  return sentences.length <= 1
    ? [whole]
    : [whole, ...sentences.map((sentence) => passageText(headingPath, sentence))];
}

/** What a chunk's sentence vector is computed from: its headings, then its text. */
export function passageText(headingPath: readonly string[], text: string): string {
  return headingPath.length === 0 ? text : `${headingPath.join("\n")}\n${text}`;
}

/** What a chunk is indexed by: its headings' and text's analysed terms, space-separated. */
export function chunkTerms(
  headingPath: readonly string[],
  text: string,
  language: KnowledgeLanguage,
): string {
  return analyse(`${headingPath.join("\n")}\n${text}`, termAnalyzer(language)).join(" ");
}

function termAnalyzer(language: KnowledgeLanguage): TermAnalyzer {
  return language === "plain" ? plainTerm : languageTerm(language);
}

function analyse(text: string, term: TermAnalyzer): string[] {
  return words(text).flatMap((word) => term(word) ?? []);
}

/** Spanish or Portuguese analysis when the text reads as one of them, else plain words. */
function languageOf(text: string): KnowledgeLanguage {
  const { language } = detectRegionLanguage(text);
  return analysisLanguages.find((code) => code === language) ?? "plain";
}
