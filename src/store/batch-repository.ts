import { setImmediate as turn } from "node:timers/promises";
import type { Kysely, Updateable } from "kysely";
import type { BatchTable, Database } from "./database-schema.js";
import { openRequestStates, type BatchRepository } from "../core/records/batches.js";
import { fromBatchRow, toBatchRow, toRequestRow } from "./batch-rows.js";
import { queuedRequestQueries } from "./queued-request-queries.js";

/**
 * Rows per INSERT. SQLite binds at most 32 766 parameters per statement, but the bound that
 * matters is the event loop's: a chunk is compiled, and on PostgreSQL written out as one bind
 * message, in one step. 500 rows (8,000 parameters) held the loop ~125 ms on PostgreSQL in
 * bench:health (node-postgres growing and filling its write buffer); 100 rows is a fifth.
 */
const insertChunk = 100;

export function batchRepository(db: Kysely<Database>): BatchRepository {
  return {
    async insert(batch, requests) {
      await db.insertInto("batches").values(toBatchRow(batch)).execute();
      for (let start = 0; start < requests.length; start += insertChunk) {
        // A turn of the event loop between chunks: 50,000 lines are a second of inserts, which
        // other requests (and /health) must not wait behind. The transaction stays open, so the
        // batch is still queued whole or not at all; other queries wait for it, not the loop.
        if (start > 0) await turn();
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

    ...queuedRequestQueries(db),
  };
}
