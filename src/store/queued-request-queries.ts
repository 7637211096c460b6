import { sql, type ExpressionBuilder, type Kysely, type Updateable } from "kysely";
import type { BatchRequestTable, Database } from "./database-schema.js";
import {
  openRequestStates,
  type BatchRepository,
  type QueuedRequestState,
  type RequestCounts,
  type RequestMoveFields,
} from "../core/records/batches.js";
import { fromRequestRow } from "./batch-rows.js";

const allStates: readonly QueuedRequestState[] = [
  "pending",
  "running",
  "waiting",
  "completed",
  "failed",
  "expired",
  "cancelled",
];

/** The BatchRepository methods over queued requests (batch_requests). */
export type QueuedRequestQueries = Pick<
  BatchRepository,
  | "counts"
  | "claim"
  | "renew"
  | "move"
  | "moveMany"
  | "request"
  | "requestsOf"
  | "tally"
  | "requests"
>;

/** Claims and lease renewals, moves between states, lookups and counts of queued requests. */
export function queuedRequestQueries(db: Kysely<Database>): QueuedRequestQueries {
  /** Requests a worker may take at `now`: due pending ones, and running ones whose lease lapsed. */
  const claimable = (now: number) => (eb: ExpressionBuilder<Database, "batch_requests">) =>
    eb.or([
      eb.and([eb("state", "=", "pending"), eb("not_before", "<=", now)]),
      eb.and([eb("state", "=", "running"), eb("lease_until", "<", now)]),
    ]);

  return {
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

    async claim(now, leaseUntil, limit) {
      // SQLite reads a negative LIMIT as none at all.
      if (limit <= 0) return [];
      // Two reads, each served by an index in order (running requests whose lease lapsed, then
      // due pending ones), merged oldest first. One read with an OR sorted every pending line
      // of the queue before taking a few.
      const oldestOf = (state: "running" | "pending") => {
        const query = db
          .selectFrom("batch_requests")
          .select(["id", "created_at", "line"])
          .where("state", "=", state);
        return (
          state === "running"
            ? query.where("lease_until", "<", now)
            : query.where("not_before", "<=", now)
        )
          .orderBy("created_at")
          .orderBy("line")
          .orderBy("id")
          .limit(limit)
          .execute();
      };
      const candidates = [...(await oldestOf("running")), ...(await oldestOf("pending"))]
        .sort(oldestFirst)
        .slice(0, limit);
      if (candidates.length === 0) return [];
      // One conditional update for them all (one commit, not one per line): a row another
      // caller claimed in between no longer matches, so only one caller gets each.
      const rows = await db
        .updateTable("batch_requests")
        .set({
          state: "running",
          lease_until: leaseUntil,
          attempts: sql<number>`attempts + 1`,
          updated_at: now,
        })
        .where(
          "id",
          "in",
          candidates.map(({ id }) => id),
        )
        .where(claimable(now))
        .returningAll()
        .execute();
      return rows.sort(oldestFirst).map(fromRequestRow);
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

    async requestsOf(batchId, page) {
      let query = db.selectFrom("batch_requests").selectAll().where("batch_id", "=", batchId);
      if (page !== undefined) query = query.where("line", ">", page.afterLine).limit(page.limit);
      const rows = await query.orderBy("line").orderBy("id").execute();
      return rows.map(fromRequestRow);
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

/** Queue order: by creation, then line, then id. */
function oldestFirst(
  left: { created_at: number; line: number; id: string },
  right: { created_at: number; line: number; id: string },
): number {
  return (
    left.created_at - right.created_at ||
    left.line - right.line ||
    (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)
  );
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
