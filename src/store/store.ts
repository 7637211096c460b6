/**
 * The storage contract: small async repositories over plain records. Two implementations share
 * one Kysely code path (SQLite by default, PostgreSQL for fleets); see open-store.ts.
 * Times are milliseconds since the epoch (UTC); money is USD as a floating-point number.
 */

/** Limits shared by tenants and keys; null means "no limit at this level". */
export interface Limits {
  budgetUsdDay: number | null;
  budgetUsdMonth: number | null;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
}

export interface Tenant extends Limits {
  id: string;
  name: string;
  createdAt: number;
}

export type ApiKeyKind = "tenant" | "admin";

export interface ApiKeyRecord extends Limits {
  id: string;
  /** Null for admin keys. */
  tenantId: string | null;
  kind: ApiKeyKind;
  /** Optional label given at creation ("mobile app", "nightly batch"). */
  name: string | null;
  /** The first characters of the key, safe to show ("sk-col-3fA9…"); the key itself is never stored. */
  prefix: string;
  /** sha256 of the whole key, hex. */
  hash: string;
  createdAt: number;
  revokedAt: number | null;
}

/** Where a request ran: "local" or the name of a cloud provider. */
export type Target = string;

export type UsageOutcome = "completed" | "abandoned" | "failed" | "rejected";

/** One row per request that reached a route with a known tenant. Never holds prompt text. */
export interface UsageRecord {
  id: string;
  createdAt: number;
  requestId: string;
  tenantId: string;
  keyId: string | null;
  /** "chat.completions", "embeddings", later "batch". */
  endpoint: string;
  model: string;
  target: Target;
  stream: boolean;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** What the same tokens would have cost on the configured reference cloud model. */
  referenceCostUsd: number;
  latencyMs: number;
  /** HTTP status sent (499 when the client went away). */
  status: number;
  outcome: UsageOutcome;
  /** The routing decision (x-colibri-route / x-colibri-reason), when one was made. */
  route: string | null;
  reason: string | null;
  /** The local answer's confidence (0–1) when the router measured it (cascades). */
  confidence: number | null;
}

export interface UsageQuery {
  since: number;
  until?: number;
  tenantId?: string;
}

/** Totals for one tenant and one target over a time range. */
export interface UsageTotals {
  tenantId: string;
  tenantName: string;
  target: Target;
  requests: number;
  /** Requests whose outcome was not "completed". */
  unsuccessful: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  referenceCostUsd: number;
}

export type Period = "minute" | "day" | "month";

/** One fixed accounting window of one tenant or key, e.g. key k1's minute starting 12:03:00. */
export interface CounterWindow {
  scope: "tenant" | "key";
  scopeId: string;
  period: Period;
  /** Start of the window, ms since the epoch. */
  start: number;
}

export interface CounterValues {
  requests: number;
  tokens: number;
  costUsd: number;
}

/** What became of a request whose route would have sent data to a cloud provider. */
export type EgressOutcome = "sent" | "blocked" | "kept-local";

/** One value the privacy guard found in a request that (would have) left; never the value. */
export interface EgressValue {
  /** A data type, e.g. "BR_CPF". */
  type: string;
  /** HMAC-SHA256 (hex) of the value's normalized form, keyed with a secret outside the database. */
  hash: string;
  /** What was done with it: allow (sent in clear), redact, pseudonymize, block, local-only. */
  action: string;
}

/** One row of the egress audit: a request that left the machine (or was stopped from leaving). */
export interface EgressRecord {
  id: string;
  createdAt: number;
  requestId: string;
  tenantId: string;
  provider: string;
  /** The client-facing cloud model name. */
  model: string;
  /** The provider's configured region, when it has one. */
  region: string | null;
  /** UTF-8 bytes of message text sent (0 when nothing was sent). */
  bytesSent: number;
  outcome: EgressOutcome;
  /** The strongest action applied: block > local-only > pseudonymize > redact > allow. */
  action: string;
  /** Why the request went (or would have gone) to the cloud, and what the guard decided. */
  reason: string;
  /** Findings per data type, e.g. { BR_CPF: 1, EMAIL: 2 }. */
  findings: Record<string, number>;
  values: EgressValue[];
}

export interface EgressQuery {
  since: number;
  until?: number;
  tenantId?: string;
  limit: number;
}

/** A stored value whose hash matched, and the request it was in. */
export interface EgressMatch {
  record: Omit<EgressRecord, "values">;
  type: string;
  action: string;
}

export interface EgressRepository {
  insert(record: EgressRecord): Promise<void>;
  /** Newest first, at most `limit`, each with its values. */
  list(query: EgressQuery): Promise<EgressRecord[]>;
  /** Every stored value with one of these hashes (newest first), optionally for one tenant. */
  findByHashes(hashes: readonly string[], options?: { tenantId?: string }): Promise<EgressMatch[]>;
}

export interface TenantRepository {
  /** The tenant with this name, created (without limits) if it does not exist yet. */
  ensure(name: string, now: number): Promise<Tenant>;
  findByName(name: string): Promise<Tenant | undefined>;
  findById(id: string): Promise<Tenant | undefined>;
  list(): Promise<Tenant[]>;
  /** Change some limits (undefined fields stay as they are); undefined when no such tenant. */
  updateLimits(name: string, limits: Partial<Limits>): Promise<Tenant | undefined>;
}

export interface ApiKeyRepository {
  insert(record: ApiKeyRecord): Promise<void>;
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  /** The key with this hash and its tenant (undefined for admin keys), in one query. */
  findByHashWithTenant(
    hash: string,
  ): Promise<{ key: ApiKeyRecord; tenant: Tenant | undefined } | undefined>;
  /** Keys, newest first; revoked ones only when asked. */
  list(options?: { tenantId?: string; includeRevoked?: boolean }): Promise<ApiKeyRecord[]>;
  /** Revoke by id or by unique prefix; returns the revoked key, undefined when none matched. */
  revoke(idOrPrefix: string, now: number): Promise<ApiKeyRecord | undefined>;
  /** Whether any admin key that is not revoked exists. */
  hasActiveAdmin(): Promise<boolean>;
}

export interface UsageRepository {
  insert(record: UsageRecord): Promise<void>;
  /** Totals per tenant and target, for records created in [since, until). */
  totals(query: UsageQuery): Promise<UsageTotals[]>;
  /** The newest records first, at most `limit`. */
  list(query: UsageQuery & { limit: number }): Promise<UsageRecord[]>;
}

export interface CounterRepository {
  /**
   * Count one request in the window, atomically, unless the window already holds `limit`
   * requests (null: no limit). Returns false, counting nothing, when the limit is reached.
   */
  takeRequest(window: CounterWindow, limit: number | null): Promise<boolean>;
  /** Atomically add the same tokens and cost to each window (created if missing); one statement. */
  add(
    windows: readonly CounterWindow[],
    amount: { tokens: number; costUsd: number },
  ): Promise<void>;
  /** Current values of each window, in order; zeros for windows never written. */
  read(windows: readonly CounterWindow[]): Promise<CounterValues[]>;
  /** Delete windows that started before `before` (old minutes); returns how many. */
  prune(period: Period, before: number): Promise<number>;
}

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

/** A file uploaded through the OpenAI Files API (batch input, batch output and errors). */
export interface StoredFile {
  /** "file-…" */
  id: string;
  tenantId: string;
  /** OpenAI's purposes: "batch" (input), "batch_output", "user_data", … */
  purpose: string;
  filename: string;
  /** UTF-8 bytes of the content. */
  bytes: number;
  createdAt: number;
}

export interface FileRepository {
  insert(file: StoredFile, content: string): Promise<void>;
  /** The tenant's file (undefined for another tenant's). */
  get(id: string, tenantId: string): Promise<StoredFile | undefined>;
  content(id: string, tenantId: string): Promise<string | undefined>;
  /** Newest first, at most `limit`, optionally of one purpose. */
  list(tenantId: string, options: { purpose?: string; limit: number }): Promise<StoredFile[]>;
  /** True when the tenant's file existed and is gone. */
  delete(id: string, tenantId: string): Promise<boolean>;
}

export interface StoreRepositories {
  tenants: TenantRepository;
  keys: ApiKeyRepository;
  usage: UsageRepository;
  counters: CounterRepository;
  egress: EgressRepository;
  cache: ResponseCacheRepository;
  files: FileRepository;
}

export interface Store extends StoreRepositories, AsyncDisposable {
  readonly dialect: "sqlite" | "postgres";
  /** A description safe to print (no password), e.g. "sqlite:/home/u/.colibri/colibri.db". */
  readonly location: string;
  /** Run `work` in one transaction: all of its writes land, or none. */
  transaction<T>(work: (repositories: StoreRepositories) => Promise<T>): Promise<T>;
  /** Close connections; using the store afterwards throws. */
  close(): Promise<void>;
}
