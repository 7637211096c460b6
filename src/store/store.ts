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
  /** Personal data the privacy guard found in the request, per type; null when none. */
  findings: Readonly<Record<string, number>> | null;
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

/** A window and the most it may hold once an amount is added (null: no cap). */
export interface CappedWindow {
  window: CounterWindow;
  maxTokens: number | null;
  maxCostUsd: number | null;
}

/**
 * What an admitted request may still spend, added to its counter windows ahead of the work and
 * replaced by the real amount when it settles, or released once `expiresAt` has passed.
 */
export interface LimitReservation {
  id: string;
  createdAt: number;
  expiresAt: number;
  tokens: number;
  costUsd: number;
  windows: CounterWindow[];
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
  /**
   * Whether the request's text was written to the provider's connection: true once it was, false
   * when no byte was (stopped by the guard, or the provider refused or could not be reached);
   * null (or absent) while the call runs, and for records from before this was kept.
   */
  delivered?: boolean | null;
}

/** How a `sent` record's call ended: written to the provider, or refused before any byte. */
export type EgressDelivery = { delivered: true } | { delivered: false; why: string };

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
  /**
   * Settle a `sent` record whose delivery is not known yet. Not delivered, it becomes `kept-local`
   * with 0 bytes sent and `why` added to its reason: nothing left the machine. False when the
   * record is not waiting for it (unknown, or settled already).
   */
  settleDelivery(id: string, delivery: EgressDelivery): Promise<boolean>;
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
  /**
   * Totals per time bucket, target, route and reason, for records created in [since, until): a
   * bucket is `bucketMs` long and starts where (time + offsetMs) is a multiple of it (offsetMs
   * puts day buckets on a local midnight).
   */
  series(query: UsageQuery & { bucketMs: number; offsetMs: number }): Promise<UsageSeriesRow[]>;
  /** When and what personal data was found, for records with findings, newest first. */
  findings(
    query: UsageQuery & { limit: number },
  ): Promise<{ createdAt: number; findings: Readonly<Record<string, number>> }[]>;
}

/** One group of `UsageRepository.series`. */
export interface UsageSeriesRow {
  /** The bucket's start, ms since the epoch (UTC). */
  start: number;
  target: Target;
  route: string | null;
  reason: string | null;
  requests: number;
  /** Requests whose outcome was not "completed". */
  unsuccessful: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  referenceCostUsd: number;
  latencyMsTotal: number;
  /** Sum of the confidences recorded (with `confident` how many had one). */
  confidenceTotal: number;
  confident: number;
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
  /**
   * Add the same tokens and cost to each window unless one would then hold more than its cap.
   * Returns the index of the first window that refused, undefined when all took it. Each window
   * is one atomic statement: call it inside a transaction so a refusal rolls the others back.
   */
  addWithinCaps(
    windows: readonly CappedWindow[],
    amount: { tokens: number; costUsd: number },
  ): Promise<number | undefined>;
  /** Current values of each window, in order; zeros for windows never written. */
  read(windows: readonly CounterWindow[]): Promise<CounterValues[]>;
  /** Delete windows that started before `before` (old minutes); returns how many. */
  prune(period: Period, before: number): Promise<number>;
}

export interface ReservationRepository {
  insert(reservation: LimitReservation): Promise<void>;
  /** Remove and return a reservation; undefined when it is gone (released after its expiry). */
  take(id: string): Promise<LimitReservation | undefined>;
  /** Remove and return up to `limit` reservations whose expiry is before `now`. */
  takeExpired(now: number, limit: number): Promise<LimitReservation[]>;
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

/**
 * Files' content is kept in chunks of about a megabyte, so no single statement (or event-loop
 * turn) handles a whole large file; an upload stores its chunks as they arrive, then `publish`es
 * the file, which is what makes it visible.
 */
export interface FileRepository {
  /** The file and its content, in chunks, in one transaction (the caller's, if in one). */
  insert(file: StoredFile, content: string): Promise<void>;
  /** One chunk of an upload's content (`position` from 0), stored before its file is published. */
  putChunk(fileId: string, position: number, content: string, now: number): Promise<void>;
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
  content(id: string, tenantId: string): Promise<string | undefined>;
  /** The content chunk by chunk, one query each (for streaming it out); undefined: no such file. */
  contentChunks(id: string, tenantId: string): Promise<AsyncIterable<string> | undefined>;
  /** Newest first, at most `limit`, optionally of one purpose. */
  list(tenantId: string, options: { purpose?: string; limit: number }): Promise<StoredFile[]>;
  /** True when the tenant's file existed and is gone (its chunks with it). */
  delete(id: string, tenantId: string): Promise<boolean>;
}

/** OpenAI's batch statuses. */
export type BatchStatus =
  | "validating"
  | "failed"
  | "in_progress"
  | "finalizing"
  | "completed"
  | "expired"
  | "cancelling"
  | "cancelled";

/** Batches whose lines may still run, or whose output is still being written. */
export const unfinishedBatchStatuses: readonly BatchStatus[] = [
  "validating",
  "in_progress",
  "finalizing",
  "cancelling",
];

/** Batches whose lines will not run again. */
export const endedBatchStatuses: readonly BatchStatus[] = [
  "completed",
  "failed",
  "expired",
  "cancelled",
];

/** A batch line's error at validation (OpenAI's `errors.data[]`). */
export interface BatchValidationError {
  code: string;
  message: string;
  param: string | null;
  line: number | null;
}

/** A batch submitted through POST /v1/batches (or made for one deferred live request). */
export interface StoredBatch {
  /** "batch_…" */
  id: string;
  tenantId: string;
  /** The key that created it, so its lines run under the same key's limits; null: none. */
  keyId: string | null;
  /** "/v1/chat/completions" */
  endpoint: string;
  inputFileId: string;
  /** "24h" */
  completionWindow: string;
  status: BatchStatus;
  createdAt: number;
  /** Lines not finished by then expire. */
  expiresAt: number;
  inProgressAt: number | null;
  finalizingAt: number | null;
  completedAt: number | null;
  failedAt: number | null;
  expiredAt: number | null;
  cancellingAt: number | null;
  cancelledAt: number | null;
  outputFileId: string | null;
  errorFileId: string | null;
  /** Why validation failed (status "failed"); null otherwise. */
  errors: BatchValidationError[] | null;
  /** The client's metadata (up to 16 string pairs); null: none. */
  metadata: Record<string, string> | null;
}

/**
 * Where one queued request stands. pending: ready to run from `notBefore`; running: a worker
 * holds it until `leaseUntil`; waiting: it needs a cloud provider that is unreachable;
 * completed / failed / expired / cancelled: final, with `result` holding its output line.
 */
export type QueuedRequestState =
  "pending" | "running" | "waiting" | "completed" | "failed" | "expired" | "cancelled";

/** The states a request can still leave. */
export const openRequestStates = ["pending", "running", "waiting"] as const;

/** One line of a batch: a request waiting, running or done, durably. */
export interface QueuedRequest {
  /** "batch_req_…"; also the idempotency key of every upstream call made for it. */
  id: string;
  batchId: string;
  tenantId: string;
  /** The line's number in the input file, from 1. */
  line: number;
  customId: string;
  /** The request body as JSON text. */
  body: string;
  state: QueuedRequestState;
  /** The provider a waiting request needs; null otherwise. */
  provider: string | null;
  /** Why it waits or failed, in words, for `colibri queue`; null when nothing to say. */
  reason: string | null;
  /** How many times a worker has taken it. */
  attempts: number;
  /** Not to be run before this time (backoff after a rate limit). */
  notBefore: number;
  /** While running: when the worker's hold lapses (a dead worker's requests are taken again). */
  leaseUntil: number | null;
  /** For a deferred live request: the cloud target it must reach, "provider/model"; else null. */
  cloudTarget: string | null;
  /** The output (or error) file line as JSON text, once final. */
  result: string | null;
  createdAt: number;
  updatedAt: number;
}

/** How many of a batch's requests are in each state. */
export type RequestCounts = Record<QueuedRequestState, number>;

export interface QueueFilter {
  states?: readonly QueuedRequestState[];
  tenantId?: string;
  batchId?: string;
  limit: number;
}

/** What a move sets besides the state: the time, and each field given (null clears it). */
export interface RequestMoveFields {
  now: number;
  provider?: string | null;
  reason?: string | null;
  notBefore?: number;
  result?: string | null;
}

export interface BatchRepository {
  /** The batch and its requests, in one statement batch; call it inside a transaction. */
  insert(batch: StoredBatch, requests: readonly QueuedRequest[]): Promise<void>;
  /** The batch, of that tenant when `tenantId` is given. */
  get(id: string, tenantId?: string): Promise<StoredBatch | undefined>;
  /** The tenant's batches, newest first; `after`: the id of the last one of the previous page. */
  list(tenantId: string, options: { after?: string; limit: number }): Promise<StoredBatch[]>;
  /** Set any of the batch's status, times and file ids; only if its status is one of `from`. */
  update(
    id: string,
    from: readonly BatchStatus[],
    changes: Partial<
      Pick<
        StoredBatch,
        | "status"
        | "inProgressAt"
        | "finalizingAt"
        | "completedAt"
        | "failedAt"
        | "expiredAt"
        | "cancellingAt"
        | "cancelledAt"
        | "outputFileId"
        | "errorFileId"
      >
    >,
  ): Promise<boolean>;
  /** Counts per state for each batch (every state present, 0 when none). */
  counts(batchIds: readonly string[]): Promise<Map<string, RequestCounts>>;
  /** Batches in one of `statuses` that have no open request left. */
  settled(statuses: readonly BatchStatus[], limit: number): Promise<StoredBatch[]>;
  /** Batches in one of `statuses` whose `expiresAt` is at or before `now`. */
  overdue(statuses: readonly BatchStatus[], now: number, limit: number): Promise<StoredBatch[]>;

  /**
   * Take up to `limit` requests to run: pending ones due by `now`, and running ones whose lease
   * lapsed before `now`, oldest first. Each is taken by one caller only (a conditional update),
   * set running with `leaseUntil` and its attempts counted.
   */
  claim(now: number, leaseUntil: number, limit: number): Promise<QueuedRequest[]>;
  /** Extend the lease of requests still running. */
  renew(ids: readonly string[], leaseUntil: number, now: number): Promise<void>;
  /**
   * Move one request from one of the states `from` to `to` with the given fields; false when it
   * was not in one of `from` (another worker, a cancel, a retry got there first).
   */
  move(
    id: string,
    from: readonly QueuedRequestState[],
    to: QueuedRequestState,
    fields: RequestMoveFields,
  ): Promise<boolean>;
  /**
   * Move every request of a batch (or all of a provider's waiting ones) in `from` to `to`,
   * at most `limit` (oldest first) when given; returns how many moved.
   */
  moveMany(
    where: { batchId?: string; provider?: string },
    from: readonly QueuedRequestState[],
    to: QueuedRequestState,
    fields: Pick<RequestMoveFields, "now" | "reason" | "notBefore">,
    limit?: number,
  ): Promise<number>;
  /** One request by id (of that tenant when given). */
  request(id: string, tenantId?: string): Promise<QueuedRequest | undefined>;
  /** A batch's requests in line order (for its output files). */
  requestsOf(batchId: string): Promise<QueuedRequest[]>;
  /** Requests matching the filter, oldest first. */
  requests(filter: QueueFilter): Promise<QueuedRequest[]>;
  /** The tenant's batches whose input, output or error file is `fileId`. */
  usingFile(fileId: string, tenantId: string): Promise<StoredBatch[]>;
  /**
   * Blank what a batch's lines hold of its requests and answers: the bodies (set to "") when
   * `bodies`, and the results of lines in `results` (set to null). Counts and states stay.
   * Returns how many bodies and results were blanked.
   */
  forget(
    batchId: string,
    what: { bodies: boolean; results: readonly QueuedRequestState[] },
  ): Promise<number>;
  /** Delete a batch and its lines; returns how many lines went (0 also when there was none). */
  delete(batchId: string): Promise<number>;
  /** How many open requests there are per state and provider (of one tenant or batch if given). */
  tally(where: {
    tenantId?: string;
    batchId?: string;
  }): Promise<{ state: QueuedRequestState; provider: string | null; count: number }[]>;
}

/** Rows removed (or blanked) per table, by the table's name. */
export type RemovedRows = Record<string, number>;

/**
 * Removal of request-derived data across tables: a tenant's whole history (a data-protection
 * request), and what is older than the retention periods.
 */
export interface RetentionRepository {
  /**
   * Delete everything stored about the tenant's requests: files, batches and their lines, cache
   * entries, usage records, egress records and their value hashes, limit counters. With `account`
   * also its API keys and the tenant itself. Call it inside a transaction.
   */
  purgeTenant(tenantId: string, options: { account: boolean }): Promise<RemovedRows>;
  /**
   * Blank the request bodies and results of the lines of batches that ended (completed, failed,
   * expired or cancelled) before `before`; their counts and states stay. Returns lines blanked.
   */
  forgetBatchBodies(before: number): Promise<number>;
  /** Files of these purposes created before `before`, not the input of an unfinished batch. */
  expiredFiles(
    purposes: readonly string[],
    before: number,
    limit: number,
  ): Promise<{ id: string; tenantId: string }[]>;
  /** Delete usage records created before `before`; returns how many. */
  deleteUsage(before: number): Promise<number>;
  /** Delete egress records (and their value hashes) created before `before`; returns records. */
  deleteEgress(before: number): Promise<number>;
  /** Delete response-cache entries created before `before`, whatever their expiry. */
  deleteCache(before: number): Promise<number>;
  /** Delete chunks of uploads never published (interrupted) stored before `before`. */
  deleteOrphanChunks(before: number): Promise<number>;
}

export interface StoreRepositories {
  tenants: TenantRepository;
  keys: ApiKeyRepository;
  usage: UsageRepository;
  counters: CounterRepository;
  reservations: ReservationRepository;
  egress: EgressRepository;
  cache: ResponseCacheRepository;
  files: FileRepository;
  batches: BatchRepository;
  retention: RetentionRepository;
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
