/**
 * Knowledge bases: a tenant's documents, cut into passages that full-text search retrieves.
 * Records and repositories; store/ implements them.
 */

/** A document's ingestion: still being read, in the index, or refused (with an error). */
export type KnowledgeDocumentStatus = "in_progress" | "completed" | "failed";

/** How a knowledge base's passages are analysed: es/pt stems and stop words, or plain words. */
export type KnowledgeLanguage = "es" | "pt" | "plain";

export interface KnowledgeBase {
  /** "vs_…" */
  id: string;
  tenantId: string;
  /** Unique within the tenant. */
  name: string;
  createdAt: number;
  /** Set by the first document ingested (null until then); queries are analysed the same way. */
  language: KnowledgeLanguage | null;
  /** OpenAI's metadata: up to 16 string pairs; null when none. */
  metadata: Record<string, string> | null;
  /**
   * The sentence-embedding model its vectors come from, recorded by the first document embedded
   * (null until then): vectors of another model are never compared with them.
   */
  embeddingModel: EmbeddingModelRecord | null;
}

/** Which model made a base's vectors: its name (as configured) and the vectors' length. */
export interface EmbeddingModelRecord {
  name: string;
  /** null for a base embedded before the model was recorded (see unrecordedEmbeddingModel). */
  dimensions: number | null;
}

/** The name a base embedded before models were recorded (migration 0019) carries. */
export const unrecordedEmbeddingModel = "(unrecorded)";

/** A chunk as stored, without its terms and vectors (what reindexing embeds again). */
export type StoredChunk = Omit<KnowledgeChunk, "terms" | "vectors">;

export interface KnowledgeDocument {
  /** A Files API id when attached through /v1/vector_stores; "doc-…" when added by the CLI. */
  id: string;
  knowledgeBaseId: string;
  /** File name, shown in citations; unique within the knowledge base for CLI documents. */
  name: string;
  /** sha256 of the bytes ingested, hex; "" while the first version is still being read. */
  sha256: string;
  bytes: number;
  status: KnowledgeDocumentStatus;
  /** Why ingestion failed; null otherwise. */
  error: string | null;
  chunkCount: number;
  createdAt: number;
  updatedAt: number;
}

/** One passage of a document, ready for the index. */
export interface KnowledgeChunk {
  /** Its place in the document, from 0. */
  ordinal: number;
  /** The headings above it, outermost first ([] when none). */
  headingPath: string[];
  text: string;
  /** 1-based page of a PDF; null when the format has no pages. */
  page: number | null;
  /** The analysed terms of the heading path and text, separated by spaces (what is indexed). */
  terms: string;
  /**
   * Its sentence vectors (unit length) when an embedding model is configured, else absent: the
   * whole chunk's first, then each of its sentences' when it has more than one. Search scores a
   * chunk by its vector nearest the question.
   */
  vectors?: Float32Array[];
}

/** A passage found by search, with what a citation needs. */
export interface KnowledgeHit {
  knowledgeBaseId: string;
  documentId: string;
  documentName: string;
  ordinal: number;
  headingPath: string[];
  text: string;
  page: number | null;
  /**
   * Higher is better. From `search`: Okapi BM25 (the bases' own statistics). From
   * `searchSimilar`: cosine similarity. From hybrid retrieval: the reciprocal-rank-fusion score
   * scaled to (0, 1] (1: first in both rankings), with each ranking's own figure in `signals`.
   */
  score: number;
  /** Hybrid retrieval only: the passage's BM25 score and cosine similarity (null: not ranked there). */
  signals?: { bm25: number | null; similarity: number | null };
}

/**
 * Knowledge bases of one tenant. Every query it runs names the tenant; on PostgreSQL it also
 * runs under row-level security keyed on the tenant (see migration 0014), so a query that forgot
 * the tenant would still see no other tenant's rows.
 */
export interface TenantKnowledge {
  /** Throws a 409 ColibriError when the tenant already has a knowledge base of that name. */
  createBase(base: {
    id: string;
    name: string;
    createdAt: number;
    metadata: Record<string, string> | null;
  }): Promise<KnowledgeBase>;
  getBase(id: string): Promise<KnowledgeBase | undefined>;
  findBase(name: string): Promise<KnowledgeBase | undefined>;
  /** By creation time (`order`), at most `limit`, after the base with id `after` if given. */
  listBases(options: {
    limit: number;
    order: "asc" | "desc";
    after?: string;
  }): Promise<KnowledgeBase[]>;
  /** Rename or change metadata; undefined when there is no such base. */
  updateBase(
    id: string,
    change: { name?: string; metadata?: Record<string, string> | null },
  ): Promise<KnowledgeBase | undefined>;
  /** Set the analysis language, only if none is set yet; returns the one in force. */
  settleLanguage(id: string, language: KnowledgeLanguage): Promise<KnowledgeLanguage>;
  /**
   * Record the embedding model of the base's vectors, only if none is recorded yet; returns the
   * one recorded.
   */
  settleEmbeddingModel(id: string, model: EmbeddingModelRecord): Promise<EmbeddingModelRecord>;
  /** Record the embedding model whatever was recorded (its vectors were all rebuilt with it). */
  recordEmbeddingModel(id: string, model: EmbeddingModelRecord): Promise<void>;
  /** The base with its documents and chunks; false when there was none. */
  deleteBase(id: string): Promise<boolean>;

  listDocuments(baseId: string): Promise<KnowledgeDocument[]>;
  getDocument(baseId: string, documentId: string): Promise<KnowledgeDocument | undefined>;
  findDocument(baseId: string, name: string): Promise<KnowledgeDocument | undefined>;
  /**
   * Record a document being ingested (new: status in_progress, no chunks; known: its status
   * becomes in_progress and its chunks stay searchable until `replaceChunks`).
   */
  beginDocument(document: {
    id: string;
    baseId: string;
    name: string;
    bytes: number;
    now: number;
  }): Promise<KnowledgeDocument>;
  /** In one transaction: the document's chunks become `chunks`, and it is completed. */
  replaceChunks(
    baseId: string,
    documentId: string,
    version: { sha256: string; bytes: number; now: number },
    chunks: readonly KnowledgeChunk[],
  ): Promise<void>;
  /** The document failed: keeps the chunks of the version before, if any. */
  failDocument(baseId: string, documentId: string, error: string, now: number): Promise<void>;
  /**
   * Documents of every base of the tenant still in_progress since before `before` (ms): left so by
   * a process that stopped mid-ingestion.
   */
  interruptedDocuments(before: number): Promise<KnowledgeDocument[]>;
  /** The document and its chunks; false when there was none. */
  deleteDocument(baseId: string, documentId: string): Promise<boolean>;
  /** Bytes of the documents of a base (OpenAI's usage_bytes). */
  usageBytes(baseId: string): Promise<number>;

  /** The `limit` best chunks of these bases for analysed `terms` (any of them), best first. */
  search(
    baseIds: readonly string[],
    terms: readonly string[],
    limit: number,
  ): Promise<KnowledgeHit[]>;
  /**
   * The `limit` chunks of these bases with a sentence vector nearest `vector` (cosine, exact scan,
   * each chunk scored by its best vector), best first; chunks without vectors, or with vectors of
   * another length, are not candidates.
   */
  searchSimilar(
    baseIds: readonly string[],
    vector: Float32Array,
    limit: number,
  ): Promise<KnowledgeHit[]>;
  /** How many chunks of the base have a sentence vector (out of all its chunks). */
  embeddedChunks(baseId: string): Promise<{ chunks: number; embedded: number }>;
  /** A document's chunks in order, as stored (headings, text, page). */
  documentChunks(baseId: string, documentId: string): Promise<StoredChunk[]>;
  /** In one transaction: each of these chunks of the document gets these vectors instead. */
  replaceVectors(
    baseId: string,
    documentId: string,
    vectors: readonly { ordinal: number; vectors: readonly Float32Array[] }[],
  ): Promise<void>;
}

export interface KnowledgeRepository {
  /** The knowledge bases of one tenant (by id); everything about them goes through this. */
  forTenant(tenantId: string): TenantKnowledge;
}
