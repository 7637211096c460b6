/** Files uploaded through the Files API. Records and repositories; store/ implements them. */

/**
 * A file uploaded through the OpenAI Files API: batch input (UTF-8 JSON Lines), batch output and
 * errors, and documents for vector stores (PDF, DOCX, HTML, text, …), kept as the bytes uploaded.
 */
export interface StoredFile {
  /** "file-…" */
  id: string;
  tenantId: string;
  /** OpenAI's purposes: "batch" (input), "batch_output", "user_data", … */
  purpose: string;
  filename: string;
  /** Bytes of the content. */
  bytes: number;
  createdAt: number;
}

/**
 * Files' content is kept in chunks of about a megabyte, so no single statement (or event-loop
 * turn) handles a whole large file; an upload stores its chunks as they arrive, then `publish`es
 * the file, which is what makes it visible. A chunk is bytes (an upload, any format) or text
 * (written as text: batch results, and chunks stored before files kept bytes).
 */
export interface FileRepository {
  /** The file and its content, in chunks, in one transaction (the caller's, if in one). */
  insert(file: StoredFile, content: string): Promise<void>;
  /**
   * One chunk of an upload's content (`position` from 0), stored before its file is published:
   * bytes as they came, or text.
   */
  putChunk(
    fileId: string,
    position: number,
    content: Uint8Array | string,
    now: number,
  ): Promise<void>;
  /**
   * Make an upload whose chunks are stored visible, unless the tenant's files would then take
   * more than `quotaBytes` (null: no quota). Checked and written in one transaction that holds the
   * tenant's row, so concurrent uploads of one tenant cannot both squeeze in. `usedBytes`: what
   * the tenant's other files take.
   */
  publish(
    file: StoredFile,
    quotaBytes: number | null,
  ): Promise<{ stored: boolean; usedBytes: number }>;
  /**
   * Hold the tenant's file until the transaction around this ends (an update that changes
   * nothing), so a concurrent delete waits for it; false when there is no such file.
   */
  hold(id: string, tenantId: string): Promise<boolean>;
  /** Delete the chunks of an upload that will not be published (refused, failed, abandoned). */
  discardChunks(fileId: string): Promise<void>;
  /** Bytes taken by the tenant's files. */
  usedBytes(tenantId: string): Promise<number>;
  /** The tenant's file (undefined for another tenant's). */
  get(id: string, tenantId: string): Promise<StoredFile | undefined>;
  /** The content as UTF-8 text (batch input and results). */
  content(id: string, tenantId: string): Promise<string | undefined>;
  /** The content's bytes as stored (a document to read into a knowledge base). */
  contentBytes(id: string, tenantId: string): Promise<Buffer | undefined>;
  /**
   * The content's bytes chunk by chunk, one query each (for streaming it out); undefined: no such
   * file.
   */
  contentChunks(id: string, tenantId: string): Promise<AsyncIterable<Buffer> | undefined>;
  /** Newest first, at most `limit`, optionally of one purpose. */
  list(tenantId: string, options: { purpose?: string; limit: number }): Promise<StoredFile[]>;
  /** True when the tenant's file existed and is gone (its chunks with it). */
  delete(id: string, tenantId: string): Promise<boolean>;
}

/** UTF-16 code units per chunk (1 MiB): a few milliseconds per statement on either database. */
export const fileChunkLength = 1024 * 1024;
/** Bytes per chunk of an upload (1 MiB), for the same reason. */
export const fileChunkBytes = 1024 * 1024;
