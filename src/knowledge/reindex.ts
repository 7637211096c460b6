import type { KnowledgeBase, KnowledgeChunk, TenantKnowledge } from "../core/records/knowledge.js";
import type { TextEmbedder } from "../embedding/text-embedder.js";
import { embedChunks, embeddingTexts } from "./knowledge-base.js";

/** What `reindexBase` did. */
export interface ReindexOutcome {
  documents: number;
  chunks: number;
  /** Texts embedded: each chunk, and each sentence of a chunk with more than one. */
  texts: number;
}

/**
 * Rebuild every vector of a base with `embedder` (after the configured embedding model changed):
 * each document's stored chunks are embedded again as ingestion embeds them and their vectors
 * replaced (one transaction per document), then the base records the new model. Until that last
 * step the base is still searched by full text only, so a search never compares two models'
 * vectors, and an interrupted reindex is simply run again. `onProgress` counts texts embedded.
 */
export async function reindexBase(
  knowledge: TenantKnowledge,
  base: KnowledgeBase,
  embedder: TextEmbedder,
  onProgress?: (done: number, total: number) => void,
): Promise<ReindexOutcome> {
  const language = base.language ?? "plain";
  const documents = [];
  for (const document of await knowledge.listDocuments(base.id)) {
    const chunks: KnowledgeChunk[] = (await knowledge.documentChunks(base.id, document.id)).map(
      (chunk) => ({ ...chunk, terms: "" }),
    );
    if (chunks.length > 0) documents.push({ id: document.id, chunks });
  }
  const total = documents
    .flatMap((document) => document.chunks)
    .reduce(
      (sum, chunk) => sum + embeddingTexts(chunk.headingPath, chunk.text, language).length,
      0,
    );
  let done = 0;
  let dimensions: number | null = null;
  for (const document of documents) {
    const before = done;
    await embedChunks(embedder, document.chunks, language, (embedded) => {
      done = before + embedded;
      onProgress?.(done, total);
    });
    await knowledge.replaceVectors(
      base.id,
      document.id,
      document.chunks.map((chunk) => ({ ordinal: chunk.ordinal, vectors: chunk.vectors ?? [] })),
    );
    dimensions ??= document.chunks[0]?.vectors?.[0]?.length ?? null;
  }
  await knowledge.recordEmbeddingModel(base.id, { name: embedder.model, dimensions });
  return {
    documents: documents.length,
    chunks: documents.reduce((sum, document) => sum + document.chunks.length, 0),
    texts: total,
  };
}
