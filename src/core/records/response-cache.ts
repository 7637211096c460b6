/** Cached answers. Records and repositories; store/ implements them. */

/** One cached answer, found again by its key (a hash of tenant, model and normalized request). */
export interface CachedResponse {
  /** sha256 hex of the cache key's parts; tenant id is one of them, so tenants never share. */
  key: string;
  tenantId: string;
  /** The model name the client asked for. */
  model: string;
  createdAt: number;
  expiresAt: number;
  /** The answer as JSON text (plain data the server replays); never the prompt. */
  body: string;
  hits: number;
  /**
   * For the semantic cache: a hash of everything but the last user message (tenant, model,
   * sampling, earlier messages), and that message's embedding. Null when not kept.
   */
  scope: string | null;
  embedding: number[] | null;
}

export interface ResponseCacheRepository {
  /** The entry with this key if it has not expired at `now`; counts the hit. */
  take(key: string, now: number): Promise<CachedResponse | undefined>;
  /** Insert or replace the entry with this key. */
  put(entry: CachedResponse): Promise<void>;
  /**
   * Delete expired entries, then the oldest beyond `maxEntries` (by creation time); returns how
   * many were deleted.
   */
  prune(now: number, maxEntries: number): Promise<number>;
  /** Entries of one semantic scope with an embedding, not expired, newest first, at most `limit`. */
  inScope(scope: string, now: number, limit: number): Promise<CachedResponse[]>;
  /** How many entries are stored (expired ones included until pruned). */
  count(): Promise<number>;
}
