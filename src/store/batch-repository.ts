import { sql, type ExpressionBuilder, type Kysely, type Selectable, type Updateable } from "kysely";
import { z } from "zod";
import type { BatchRequestTable, BatchTable, Database } from "./database-schema.js";
import {
  openRequestStates,
  type BatchRepository,
  type QueuedRequest,
  type QueuedRequestState,
  type RequestCounts,
  type RequestMoveFields,
  type StoredBatch,
} from "../core/records/batches.js";

const errorsSchema = z.array(
  z.object({
    code: z.string(),
    message: z.string(),
    param: z.string().nullable(),
    line: z.number().nullable(),
  }),
);
const metadataSchema = z.record(z.string(), z.string());

/** Rows per INSERT: SQLite binds at most 32 766 parameters per statement. */
const insertChunk = 500;

const allStates: readonly QueuedRequestState[] = [
  "pending",
  "running",
  "waiting",
  "completed",
  "failed",
  "expired",
  "cancelled",
];

export function batchRepository(db: Kysely<Database>): BatchRepository {
  /** Requests a worker may take at `now`: due pending ones, and running ones whose lease lapsed. */
  const claimable = (now: number) => (eb: ExpressionBuilder<Database, "batch_requests">) =>
    eb.or([
      eb.and([eb("state", "=", "pending"), eb("not_before", "<=", now)]),
      eb.and([eb("state", "=", "running"), eb("lease_until", "<", now)]),
    ]);

  return {
    async insert(batch, requests) {
      await db.insertInto("batches").values(toBatchRow(batch)).execute();
      for (let start = 0; start < requests.length; start += insertChunk) {
        await db
          .insertInto("batch_requests")
          .values(requests.slice(start, start + insertChunk).map(toRequestRow))
          .execute();
      }
    },

    async get(id, tenantId) {
      let query = db.selectFrom("batches").selectAll().where("id", "=", id);
      if (tenantId !== undefined) query = query.where("tenant_id", "=", tenantId);
      const row = await query.executeTakeFirst();
      return row === undefined ? undefined : fromBatchRow(row);
    },

    async list(tenantId, options) {
      let query = db.selectFrom("batches").selectAll().where("tenant_id", "=", tenantId);
      const after = options.after;
      if (after !== undefined) {
        // Strictly older than the cursor by (created_at, id); none when the cursor is unknown.
        const cursor = db
          .selectFrom("batches")
          .select("created_at")
          .where("id", "=", after)
          .where("tenant_id", "=", tenantId);
        query = query.where((eb) =>
          eb.or([
            eb("created_at", "<", cursor),
            eb.and([eb("created_at", "=", cursor), eb("id", "<", after)]),
          ]),
        );
      }
      const rows = await query
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(options.limit)
        .execute();
      return rows.map(fromBatchRow);
    },

    async update(id, from, changes) {
      const set: Updateable<BatchTable> = {};
      if (changes.status !== undefined) set.status = changes.status;
      if (changes.inProgressAt !== undefined) set.in_progress_at = changes.inProgressAt;
      if (changes.finalizingAt !== undefined) set.finalizing_at = changes.finalizingAt;
      if (changes.completedAt !== undefined) set.completed_at = changes.completedAt;
      if (changes.failedAt !== undefined) set.failed_at = changes.failedAt;
      if (changes.expiredAt !== undefined) set.expired_at = changes.expiredAt;
      if (changes.cancellingAt !== undefined) set.cancelling_at = changes.cancellingAt;
      if (changes.cancelledAt !== undefined) set.cancelled_at = changes.cancelledAt;
      if (changes.outputFileId !== undefined) set.output_file_id = changes.outputFileId;
      if (changes.errorFileId !== undefined) set.error_file_id = changes.errorFileId;
      if (from.length === 0) return false;
      if (Object.keys(set).length === 0) {
        // Nothing to set: the answer is whether the batch is in one of `from`.
        const row = await db
          .selectFrom("batches")
          .select("id")
          .where("id", "=", id)
          .where("status", "in", from)
          .executeTakeFirst();
        return row !== undefined;
      }
      const result = await db
        .updateTable("batches")
        .set(set)
        .where("id", "=", id)
        .where("status", "in", from)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async counts(batchIds) {
      const counts = new Map<string, RequestCounts>();
      if (batchIds.length === 0) return counts;
      for (const id of batchIds) counts.set(id, emptyCounts());
      const rows = await db
        .selectFrom("batch_requests")
        .select(["batch_id", "state", (eb) => eb.fn.countAll().as("count")])
        .where("batch_id", "in", batchIds)
        .groupBy(["batch_id", "state"])
        .execute();
      for (const row of rows) {
        const entry = counts.get(row.batch_id);
        if (entry !== undefined) entry[row.state] = Number(row.count);
      }
      return counts;
    },

    async settled(statuses, limit) {
      if (statuses.length === 0) return [];
      const rows = await db
        .selectFrom("batches")
        .selectAll()
        .where("status", "in", statuses)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("batch_requests")
                .select("batch_requests.id")
                .whereRef("batch_requests.batch_id", "=", "batches.id")
                .where("batch_requests.state", "in", openRequestStates),
            ),
          ),
        )
        .orderBy("created_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(fromBatchRow);
    },

    async overdue(statuses, now, limit) {
      if (statuses.length === 0) return [];
      const rows = await db
        .selectFrom("batches")
        .selectAll()
        .where("status", "in", statuses)
        .where("expires_at", "<=", now)
        .orderBy("expires_at")
        .orderBy("created_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(fromBatchRow);
    },

    async claim(now, leaseUntil, limit) {
      // SQLite reads a negative LIMIT as none at all.
      if (limit <= 0) return [];
      const candidates = await db
        .selectFrom("batch_requests")
        .select("id")
        .where(claimable(now))
        .orderBy("created_at")
        .orderBy("line")
        .orderBy("id")
        .limit(limit)
        .execute();
      const claimed: QueuedRequest[] = [];
      for (const { id } of candidates) {
        // Only one caller's conditional update finds the row still claimable.
        const row = await db
          .updateTable("batch_requests")
          .set({
            state: "running",
            lease_until: leaseUntil,
            attempts: sql<number>`attempts + 1`,
            updated_at: now,
          })
          .where("id", "=", id)
          .where(claimable(now))
          .returningAll()
          .executeTakeFirst();
        if (row !== undefined) claimed.push(fromRequestRow(row));
      }
      return claimed;
    },

    async renew(ids, leaseUntil, now) {
      if (ids.length === 0) return;
      await db
        .updateTable("batch_requests")
        .set({ lease_until: leaseUntil, updated_at: now })
        .where("id", "in", ids)
        .where("state", "=", "running")
        .execute();
    },

    async move(id, from, to, fields) {
      if (from.length === 0) return false;
      const result = await db
        .updateTable("batch_requests")
        .set(movement(to, fields))
        .where("id", "=", id)
        .where("state", "in", from)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async moveMany(where, from, to, fields, limit) {
      if (from.length === 0 || (limit !== undefined && limit <= 0)) return 0;
      let selection = db.selectFrom("batch_requests").select("id").where("state", "in", from);
      if (where.batchId !== undefined) selection = selection.where("batch_id", "=", where.batchId);
      if (where.provider !== undefined)
        selection = selection.where("provider", "=", where.provider);
      if (limit !== undefined) {
        selection = selection.orderBy("created_at").orderBy("line").orderBy("id").limit(limit);
      }
      const result = await db
        .updateTable("batch_requests")
        .set(movement(to, fields))
        .where("id", "in", selection)
        // Checked again: a row may have moved between the selection and the update.
        .where("state", "in", from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async request(id, tenantId) {
      let query = db.selectFrom("batch_requests").selectAll().where("id", "=", id);
      if (tenantId !== undefined) query = query.where("tenant_id", "=", tenantId);
      const row = await query.executeTakeFirst();
      return row === undefined ? undefined : fromRequestRow(row);
    },

    async requestsOf(batchId) {
      const rows = await db
        .selectFrom("batch_requests")
        .selectAll()
        .where("batch_id", "=", batchId)
        .orderBy("line")
        .orderBy("id")
        .execute();
      return rows.map(fromRequestRow);
    },

    async usingFile(fileId, tenantId) {
      const rows = await db
        .selectFrom("batches")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where((eb) =>
          eb.or([
            eb("input_file_id", "=", fileId),
            eb("output_file_id", "=", fileId),
            eb("error_file_id", "=", fileId),
          ]),
        )
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(fromBatchRow);
    },

    async forget(batchId, what) {
      let changed = 0;
      if (what.bodies) {
        const result = await db
          .updateTable("batch_requests")
          .set({ body: "" })
          .where("batch_id", "=", batchId)
          .where("body", "<>", "")
          .executeTakeFirst();
        changed += Number(result.numUpdatedRows);
      }
      if (what.results.length > 0) {
        const result = await db
          .updateTable("batch_requests")
          .set({ result: null })
          .where("batch_id", "=", batchId)
          .where("state", "in", what.results)
          .where("result", "is not", null)
          .executeTakeFirst();
        changed += Number(result.numUpdatedRows);
      }
      return changed;
    },

    async delete(batchId) {
      const lines = await db
        .deleteFrom("batch_requests")
        .where("batch_id", "=", batchId)
        .executeTakeFirst();
      await db.deleteFrom("batches").where("id", "=", batchId).execute();
      return Number(lines.numDeletedRows);
    },

    async tally(where) {
      let query = db
        .selectFrom("batch_requests")
        .select(["state", "provider", (eb) => eb.fn.countAll().as("count")])
        .where("state", "in", openRequestStates);
      if (where.tenantId !== undefined) query = query.where("tenant_id", "=", where.tenantId);
      if (where.batchId !== undefined) query = query.where("batch_id", "=", where.batchId);
      const rows = await query.groupBy(["state", "provider"]).execute();
      return rows.map((row) => ({
        state: row.state,
        provider: row.provider,
        count: Number(row.count),
      }));
    },

    async requests(filter) {
      let query = db.selectFrom("batch_requests").selectAll();
      if (filter.states !== undefined) {
        if (filter.states.length === 0) return [];
        query = query.where("state", "in", filter.states);
      }
      if (filter.tenantId !== undefined) query = query.where("tenant_id", "=", filter.tenantId);
      if (filter.batchId !== undefined) query = query.where("batch_id", "=", filter.batchId);
      const rows = await query
        .orderBy("created_at")
        .orderBy("line")
        .orderBy("id")
        .limit(filter.limit)
        .execute();
      return rows.map(fromRequestRow);
    },
  };
}

/** The columns a move sets: the new state, the time, and each field given (null clears it). */
function movement(
  to: QueuedRequestState,
  fields: RequestMoveFields,
): Updateable<BatchRequestTable> {
  const set: Updateable<BatchRequestTable> = { state: to, updated_at: fields.now };
  if (to !== "running") set.lease_until = null;
  if (fields.provider !== undefined) set.provider = fields.provider;
  if (fields.reason !== undefined) set.reason = fields.reason;
  if (fields.notBefore !== undefined) set.not_before = fields.notBefore;
  if (fields.result !== undefined) set.result = fields.result;
  return set;
}

function emptyCounts(): RequestCounts {
  return Object.fromEntries(allStates.map((state) => [state, 0])) as RequestCounts;
}

function toBatchRow(batch: StoredBatch): BatchTable {
  return {
    id: batch.id,
    tenant_id: batch.tenantId,
    key_id: batch.keyId,
    endpoint: batch.endpoint,
    input_file_id: batch.inputFileId,
    completion_window: batch.completionWindow,
    status: batch.status,
    created_at: batch.createdAt,
    expires_at: batch.expiresAt,
    in_progress_at: batch.inProgressAt,
    finalizing_at: batch.finalizingAt,
    completed_at: batch.completedAt,
    failed_at: batch.failedAt,
    expired_at: batch.expiredAt,
    cancelling_at: batch.cancellingAt,
    cancelled_at: batch.cancelledAt,
    output_file_id: batch.outputFileId,
    error_file_id: batch.errorFileId,
    errors: batch.errors === null ? null : JSON.stringify(batch.errors),
    metadata: batch.metadata === null ? null : JSON.stringify(batch.metadata),
  };
}

function fromBatchRow(row: Selectable<BatchTable>): StoredBatch {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    keyId: row.key_id,
    endpoint: row.endpoint,
    inputFileId: row.input_file_id,
    completionWindow: row.completion_window,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    inProgressAt: row.in_progress_at,
    finalizingAt: row.finalizing_at,
    completedAt: row.completed_at,
    failedAt: row.failed_at,
    expiredAt: row.expired_at,
    cancellingAt: row.cancelling_at,
    cancelledAt: row.cancelled_at,
    outputFileId: row.output_file_id,
    errorFileId: row.error_file_id,
    errors: row.errors === null ? null : errorsSchema.parse(JSON.parse(row.errors)),
    metadata: row.metadata === null ? null : metadataSchema.parse(JSON.parse(row.metadata)),
  };
}

function toRequestRow(request: QueuedRequest): BatchRequestTable {
  return {
    id: request.id,
    batch_id: request.batchId,
    tenant_id: request.tenantId,
    line: request.line,
    custom_id: request.customId,
    body: request.body,
    state: request.state,
    provider: request.provider,
    reason: request.reason,
    attempts: request.attempts,
    not_before: request.notBefore,
    lease_until: request.leaseUntil,
    cloud_target: request.cloudTarget,
    result: request.result,
    created_at: request.createdAt,
    updated_at: request.updatedAt,
  };
}

function fromRequestRow(row: Selectable<BatchRequestTable>): QueuedRequest {
  return {
    id: row.id,
    batchId: row.batch_id,
    tenantId: row.tenant_id,
    line: row.line,
    customId: row.custom_id,
    body: row.body,
    state: row.state,
    provider: row.provider,
    reason: row.reason,
    attempts: row.attempts,
    notBefore: row.not_before,
    leaseUntil: row.lease_until,
    cloudTarget: row.cloud_target,
    result: row.result,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
