/** Batches and their queued requests. Records and repositories; store/ implements them. */

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
  /**
   * A batch's requests in line order (for its output files); with `page`, at most `limit` of
   * them after line `afterLine`, so a large batch can be read a page at a time.
   */
  requestsOf(
    batchId: string,
    page?: { afterLine: number; limit: number },
  ): Promise<QueuedRequest[]>;
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
