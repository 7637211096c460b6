import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Principal } from "../tenancy/gatekeeper.js";
import { ColibriError, InvalidRequestError } from "../core/errors.js";
import { DataRemoval } from "../retention/data-removal.js";
import type { CloudTarget } from "../router/decide-route.js";
import type {
  BatchStatus,
  QueuedRequest,
  RequestCounts,
  StoredBatch,
} from "../core/records/batches.js";
import type { Store } from "../core/records/store.js";
import type { StoredFile } from "../core/records/files.js";
import type { Deferral } from "../chat/deferral.js";
import { batchEndpoints, parseBatchInput, type ParsedLine } from "./batch-lines.js";
import { moveInChunks } from "./move-in-chunks.js";

export const createBatchSchema = z
  .object({
    input_file_id: z.string().min(1),
    endpoint: z.string().min(1),
    /** OpenAI takes "24h"; Colibrí also takes longer windows ("72h", "7d") for long outages. */
    completion_window: z
      .string()
      .regex(/^\d{1,4}[hd]$/, 'completion_window is a duration such as "24h" or "7d"')
      .default("24h"),
    metadata: z
      .record(z.string().max(64), z.string().max(512))
      .refine((value) => Object.keys(value).length <= 16, "metadata holds at most 16 pairs")
      .nullable()
      .optional(),
  })
  .strict();

export type CreateBatchInput = z.infer<typeof createBatchSchema>;

export interface BatchServiceOptions {
  store: Store;
  now: () => number;
  /** Told when new work is queued, so the worker need not wait for its next poll. */
  wake: () => void;
}

/** The longest completion window taken. */
const maxWindowMs = 30 * 86_400_000;

/**
 * The OpenAI Batch API over the store: a batch and its lines are written in one transaction, so
 * a batch is either fully queued or not at all; the queue worker runs the lines.
 */
export class BatchService implements Deferral {
  readonly #options: BatchServiceOptions;
  readonly #removal: DataRemoval;

  constructor(options: BatchServiceOptions) {
    this.#options = options;
    this.#removal = new DataRemoval({ store: options.store });
  }

  async create(principal: Principal, input: CreateBatchInput): Promise<BatchObject> {
    const { store, now } = this.#options;
    if (!(batchEndpoints as readonly string[]).includes(input.endpoint)) {
      throw new InvalidRequestError(
        `Batches can call ${batchEndpoints.join(", ")}; got "${input.endpoint}".`,
        "endpoint",
      );
    }
    const windowMs = windowMilliseconds(input.completion_window);
    const tenantId = principal.tenant.id;
    const file = await store.files.get(input.input_file_id, tenantId);
    const content = file === undefined ? undefined : await store.files.content(file.id, tenantId);
    if (file === undefined || content === undefined) throw inputFileNotFound(input.input_file_id);
    if (file.purpose !== "batch") {
      throw new InvalidRequestError(
        `File "${file.id}" has purpose "${file.purpose}"; a batch's input needs purpose "batch".`,
        "input_file_id",
      );
    }
    const { lines, errors } = await parseBatchInput(content, input.endpoint);
    const created = now();
    const batch: StoredBatch = {
      ...emptyBatch,
      id: `batch_${randomBytes(12).toString("hex")}`,
      tenantId,
      keyId: principal.key?.id ?? null,
      endpoint: input.endpoint,
      inputFileId: file.id,
      completionWindow: input.completion_window,
      createdAt: created,
      expiresAt: created + windowMs,
      metadata: input.metadata ?? null,
      ...(errors.length > 0
        ? { status: "failed", failedAt: created, errors }
        : { status: "in_progress", inProgressAt: created }),
    };
    const ids = requestIds(errors.length > 0 ? 0 : lines.length);
    const requests =
      errors.length > 0
        ? []
        : lines.map((line, index) => queued(batch, line, null, ids[index] ?? newRequestId()));
    await store.transaction(async (repositories) => {
      // Holding the file makes a DELETE of it wait for this batch (and then refuse, 409), or
      // this find it gone: the lines never keep the prompts of a file deleted meanwhile.
      if (!(await repositories.files.hold(file.id, tenantId))) {
        throw inputFileNotFound(input.input_file_id);
      }
      await repositories.batches.insert(batch, requests);
    });
    if (requests.length > 0) this.#options.wake();
    return (await this.objects([batch]))[0] as BatchObject;
  }

  async defer(
    principal: Principal,
    body: Record<string, unknown>,
    target: CloudTarget,
    requestId: string,
  ): Promise<StoredBatch> {
    const { store, now } = this.#options;
    const created = now();
    const endpoint = "/v1/chat/completions";
    const line: ParsedLine = { line: 1, customId: requestId, body: JSON.stringify(body) };
    const content = `${JSON.stringify({ custom_id: requestId, method: "POST", url: endpoint, body })}\n`;
    const file: StoredFile = {
      id: `file-${randomBytes(12).toString("hex")}`,
      tenantId: principal.tenant.id,
      purpose: "batch",
      filename: `deferred-${requestId}.jsonl`,
      bytes: Buffer.byteLength(content),
      createdAt: created,
    };
    const batch: StoredBatch = {
      ...emptyBatch,
      id: `batch_${randomBytes(12).toString("hex")}`,
      tenantId: principal.tenant.id,
      keyId: principal.key?.id ?? null,
      endpoint,
      inputFileId: file.id,
      completionWindow: "24h",
      status: "in_progress",
      createdAt: created,
      inProgressAt: created,
      expiresAt: created + 86_400_000,
      metadata: { colibri_deferred: requestId },
    };
    const request = queued(batch, line, `${target.provider}/${target.model}`, newRequestId());
    await store.transaction(async (repositories) => {
      await repositories.files.insert(file, content);
      await repositories.batches.insert(batch, [request]);
    });
    this.#options.wake();
    return batch;
  }

  async get(id: string, tenantId: string): Promise<BatchObject> {
    const batch = await this.#options.store.batches.get(id, tenantId);
    if (batch === undefined) throw batchNotFound(id);
    return (await this.objects([batch]))[0] as BatchObject;
  }

  async list(tenantId: string, options: { after?: string | undefined; limit: number }) {
    const page = await this.#options.store.batches.list(tenantId, {
      limit: options.limit + 1,
      ...(options.after === undefined ? {} : { after: options.after }),
    });
    const data = await this.objects(page.slice(0, options.limit));
    return {
      object: "list" as const,
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: page.length > options.limit,
    };
  }

  /**
   * Stop a batch: waiting lines are cancelled at once, running ones finish, and the worker then
   * writes the output of what was done. A batch already over cannot be cancelled.
   */
  async cancel(id: string, tenantId?: string): Promise<BatchObject> {
    const { store, now } = this.#options;
    const batch = await store.batches.get(id, tenantId);
    if (batch === undefined) throw batchNotFound(id);
    if (batch.status !== "cancelling") {
      const moved = await store.batches.update(id, cancellable, {
        status: "cancelling",
        cancellingAt: now(),
      });
      if (!moved) {
        throw new ColibriError(
          `Batch "${id}" is ${batch.status} and cannot be cancelled any more.`,
          { code: "batch_not_cancellable", status: 409, param: "batch_id" },
        );
      }
    }
    await moveInChunks(store, { batchId: id }, ["pending", "waiting"], "cancelled", {
      now: now(),
      reason: "cancelled",
    });
    this.#options.wake();
    return (await this.objects([(await store.batches.get(id)) ?? batch]))[0] as BatchObject;
  }

  /**
   * Delete a batch that has ended, with its lines (prompts and answers) and its files (the input
   * too, unless another batch was made from it). An unfinished batch is refused (409).
   */
  async delete(
    id: string,
    tenantId: string,
  ): Promise<{ id: string; object: "batch"; deleted: true }> {
    if (!(await this.#removal.deleteBatch(id, tenantId))) throw batchNotFound(id);
    return { id, object: "batch", deleted: true };
  }

  /** Batches as the API shows them, with their lines counted. */
  async objects(batches: readonly StoredBatch[]): Promise<BatchObject[]> {
    const counts = await this.#options.store.batches.counts(batches.map((batch) => batch.id));
    return batches.map((batch) => batchObject(batch, counts.get(batch.id)));
  }
}

const cancellable: readonly BatchStatus[] = ["validating", "in_progress"];

const emptyBatch = {
  inProgressAt: null,
  finalizingAt: null,
  completedAt: null,
  failedAt: null,
  expiredAt: null,
  cancellingAt: null,
  cancelledAt: null,
  outputFileId: null,
  errorFileId: null,
  errors: null,
} satisfies Partial<StoredBatch>;

/**
 * `count` new request ids, from one draw of random bytes: one draw per line took ~300 ms of
 * event loop for 50,000 lines.
 */
function requestIds(count: number): string[] {
  const bytes = randomBytes(12 * count);
  return Array.from(
    { length: count },
    (_, index) => `batch_req_${bytes.toString("hex", 12 * index, 12 * index + 12)}`,
  );
}

function newRequestId(): string {
  return `batch_req_${randomBytes(12).toString("hex")}`;
}

function queued(
  batch: StoredBatch,
  line: ParsedLine,
  cloudTarget: string | null,
  id: string,
): QueuedRequest {
  return {
    id,
    batchId: batch.id,
    tenantId: batch.tenantId,
    line: line.line,
    customId: line.customId,
    body: line.body,
    state: "pending",
    provider: null,
    reason: null,
    attempts: 0,
    notBefore: batch.createdAt,
    leaseUntil: null,
    cloudTarget,
    result: null,
    createdAt: batch.createdAt,
    updatedAt: batch.createdAt,
  };
}

function windowMilliseconds(window: string): number {
  const amount = Number(window.slice(0, -1));
  const ms = amount * (window.endsWith("d") ? 86_400_000 : 3_600_000);
  if (amount < 1 || ms > maxWindowMs) {
    throw new InvalidRequestError(
      `completion_window "${window}" is out of range: from 1h to 30d.`,
      "completion_window",
    );
  }
  return ms;
}

function inputFileNotFound(id: string): ColibriError {
  return new ColibriError(
    `No file "${id}" for this tenant. Upload the input first: POST /v1/files with purpose=batch.`,
    { code: "file_not_found", status: 404, type: "not_found_error", param: "input_file_id" },
  );
}

function batchNotFound(id: string): ColibriError {
  return new ColibriError(
    `No batch "${id}" for this tenant. List your batches with GET /v1/batches.`,
    {
      code: "batch_not_found",
      status: 404,
      type: "not_found_error",
      param: "batch_id",
    },
  );
}

export type BatchObject = ReturnType<typeof batchObject>;

const seconds = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));

/** OpenAI's batch object. `failed` counts lines that failed or expired. */
function batchObject(batch: StoredBatch, counts: RequestCounts | undefined) {
  const count = (state: keyof RequestCounts) => counts?.[state] ?? 0;
  const total = Object.values(counts ?? {}).reduce((sum, value) => sum + value, 0);
  return {
    id: batch.id,
    object: "batch" as const,
    endpoint: batch.endpoint,
    errors: batch.errors === null ? null : { object: "list" as const, data: batch.errors },
    input_file_id: batch.inputFileId,
    completion_window: batch.completionWindow,
    status: batch.status,
    output_file_id: batch.outputFileId,
    error_file_id: batch.errorFileId,
    created_at: seconds(batch.createdAt) as number,
    in_progress_at: seconds(batch.inProgressAt),
    expires_at: seconds(batch.expiresAt),
    finalizing_at: seconds(batch.finalizingAt),
    completed_at: seconds(batch.completedAt),
    failed_at: seconds(batch.failedAt),
    expired_at: seconds(batch.expiredAt),
    cancelling_at: seconds(batch.cancellingAt),
    cancelled_at: seconds(batch.cancelledAt),
    request_counts: {
      total,
      completed: count("completed"),
      failed: count("failed") + count("expired"),
    },
    metadata: batch.metadata,
  };
}
