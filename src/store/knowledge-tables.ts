/** The knowledge-base tables of migration 0014, as Kysely sees them (see database-schema.ts). */
import type { Generated } from "kysely";
import type { KnowledgeDocumentStatus } from "../core/records/knowledge.js";

export interface KnowledgeBaseTable {
  id: string;
  tenant_id: string;
  name: string;
  created_at: number;
  /** "es", "pt" or "plain"; null until the first document. */
  language: string | null;
  /** JSON object of strings; null when none. */
  metadata: string | null;
  /** The sentence-embedding model its vectors come from (migration 0019); null before any. */
  embedding_model: string | null;
  /** Their length; null before any (or for a base marked "(unrecorded)"). */
  embedding_dimensions: number | null;
}

export interface KnowledgeDocumentTable {
  id: string;
  knowledge_base_id: string;
  tenant_id: string;
  name: string;
  sha256: string;
  bytes: number;
  status: KnowledgeDocumentStatus;
  error: string | null;
  chunk_count: number;
  created_at: number;
  updated_at: number;
}

export interface KnowledgeChunkTable {
  /** Generated (SQLite rowid, PostgreSQL bigserial). */
  id: Generated<number>;
  tenant_id: string;
  knowledge_base_id: string;
  document_id: string;
  ordinal: number;
  /** JSON array of headings, outermost first. */
  heading_path: string;
  page: number | null;
  text: string;
  /** Analysed terms, space-separated: what full-text search indexes. */
  terms: string;
  /**
   * The chunk's sentence vectors (float32, little-endian, one after another: the chunk's, then its
   * sentences') when an embedding model computed them; null otherwise.
   */
  embedding: Uint8Array | null;
}

/** The knowledge tables, for Database. */
export interface KnowledgeTables {
  knowledge_bases: KnowledgeBaseTable;
  knowledge_documents: KnowledgeDocumentTable;
  knowledge_chunks: KnowledgeChunkTable;
}
