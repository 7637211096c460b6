import type { Kysely } from "kysely";
import type { Database } from "./database-schema.js";
import { purgeTenantKnowledge } from "./knowledge-repository.js";
import { endedBatchStatuses, unfinishedBatchStatuses } from "../core/records/batches.js";
import type { RemovedRows, RetentionRepository } from "../core/records/store.js";

export function retentionRepository(db: Kysely<Database>): RetentionRepository {
  return {
    async purgeTenant(tenantId, options) {
      const removed: RemovedRows = {};
      const count = (table: string, result: { numDeletedRows: bigint }) => {
        removed[table] = Number(result.numDeletedRows);
      };
      const tenantEgress = db
        .selectFrom("egress_records")
        .select("id")
        .where("tenant_id", "=", tenantId);
      count(
        "egress_values",
        await db
          .deleteFrom("egress_values")
          .where("egress_id", "in", tenantEgress)
          .executeTakeFirst(),
      );
      count(
        "egress_records",
        await db.deleteFrom("egress_records").where("tenant_id", "=", tenantId).executeTakeFirst(),
      );
      for (const table of [
        "feedback",
        "model_trials",
        "training_pairs",
        "usage_records",
        "response_cache",
        "batch_requests",
        "batches",
      ] as const) {
        count(
          table,
          await db.deleteFrom(table).where("tenant_id", "=", tenantId).executeTakeFirst(),
        );
      }
      const tenantFiles = db.selectFrom("files").select("id").where("tenant_id", "=", tenantId);
      count(
        "file_chunks",
        await db.deleteFrom("file_chunks").where("file_id", "in", tenantFiles).executeTakeFirst(),
      );
      count(
        "files",
        await db.deleteFrom("files").where("tenant_id", "=", tenantId).executeTakeFirst(),
      );
      Object.assign(removed, await purgeTenantKnowledge(db, tenantId));
      const tenantKeys = db.selectFrom("api_keys").select("id").where("tenant_id", "=", tenantId);
      count(
        "limit_counters",
        await db
          .deleteFrom("limit_counters")
          .where((eb) =>
            eb.or([
              eb.and([eb("scope", "=", "tenant"), eb("scope_id", "=", tenantId)]),
              eb.and([eb("scope", "=", "key"), eb("scope_id", "in", tenantKeys)]),
            ]),
          )
          .executeTakeFirst(),
      );
      if (options.account) {
        count(
          "api_keys",
          await db.deleteFrom("api_keys").where("tenant_id", "=", tenantId).executeTakeFirst(),
        );
        count(
          "tenants",
          await db.deleteFrom("tenants").where("id", "=", tenantId).executeTakeFirst(),
        );
      }
      return removed;
    },

    async forgetBatchBodies(before) {
      const ended = db
        .selectFrom("batches")
        .select("id")
        .where("status", "in", endedBatchStatuses)
        .where(
          (eb) => eb.fn.coalesce("completed_at", "expired_at", "cancelled_at", "failed_at"),
          "<",
          before,
        );
      const result = await db
        .updateTable("batch_requests")
        .set({ body: "", result: null })
        .where("batch_id", "in", ended)
        .where((eb) => eb.or([eb("body", "<>", ""), eb("result", "is not", null)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async expiredFiles(purposes, before, limit) {
      if (purposes.length === 0 || limit <= 0) return [];
      const rows = await db
        .selectFrom("files")
        .select(["id", "tenant_id"])
        .where("purpose", "in", purposes)
        .where("created_at", "<", before)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("batches")
                .select("batches.id")
                .whereRef("batches.input_file_id", "=", "files.id")
                .where("batches.status", "in", unfinishedBatchStatuses),
            ),
          ),
        )
        .orderBy("created_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id }));
    },

    async deleteFeedback(before) {
      const result = await db
        .deleteFrom("feedback")
        .where("created_at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteTrainingPairs(before) {
      const result = await db
        .deleteFrom("training_pairs")
        .where("created_at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteUsage(before) {
      // A model's measured tries are part of its requests' usage: they go with the records.
      await db.deleteFrom("model_trials").where("created_at", "<", before).execute();
      const result = await db
        .deleteFrom("usage_records")
        .where("created_at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteEgress(before) {
      const old = db.selectFrom("egress_records").select("id").where("created_at", "<", before);
      await db.deleteFrom("egress_values").where("egress_id", "in", old).execute();
      const result = await db
        .deleteFrom("egress_records")
        .where("created_at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteCache(before) {
      const result = await db
        .deleteFrom("response_cache")
        .where("created_at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteOrphanChunks(before) {
      const result = await db
        .deleteFrom("file_chunks")
        .where("created_at", "<", before)
        .where("file_id", "not in", db.selectFrom("files").select("id"))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
