import { sql, type Kysely, type Selectable } from "kysely";
import { z } from "zod";
import type { Database, ResponseCacheTable } from "./database-schema.js";
import type { CachedResponse, ResponseCacheRepository } from "../core/records/response-cache.js";

const embeddingSchema = z.array(z.number());

/** SQLite accepts OFFSET only after a LIMIT: this one never cuts anything off. */
const everyRow = 2_147_483_647;

export function responseCacheRepository(db: Kysely<Database>): ResponseCacheRepository {
  return {
    async take(key, now) {
      // One round trip: count the hit and read the entry, unless it has expired.
      const row = await db
        .updateTable("response_cache")
        .set({ hits: sql<number>`hits + 1` })
        .where("key", "=", key)
        .where("expires_at", ">", now)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async put(entry) {
      const update = {
        tenant_id: entry.tenantId,
        model: entry.model,
        created_at: entry.createdAt,
        expires_at: entry.expiresAt,
        body: entry.body,
        hits: entry.hits,
        scope: entry.scope,
        embedding: entry.embedding === null ? null : JSON.stringify(entry.embedding),
      };
      await db
        .insertInto("response_cache")
        .values({ key: entry.key, ...update })
        .onConflict((conflict) => conflict.column("key").doUpdateSet(update))
        .execute();
    },

    async prune(now, maxEntries) {
      const expired = await db
        .deleteFrom("response_cache")
        .where("expires_at", "<=", now)
        .executeTakeFirst();
      // The newest maxEntries stay; everything older goes.
      const oldest = await db
        .deleteFrom("response_cache")
        .where(
          "key",
          "in",
          db
            .selectFrom("response_cache")
            .select("key")
            .orderBy("created_at", "desc")
            .orderBy("key", "desc")
            .limit(everyRow)
            .offset(maxEntries),
        )
        .executeTakeFirst();
      return Number(expired.numDeletedRows) + Number(oldest.numDeletedRows);
    },

    async inScope(scope, now, limit) {
      const rows = await db
        .selectFrom("response_cache")
        .selectAll()
        .where("scope", "=", scope)
        .where("expires_at", ">", now)
        .where("embedding", "is not", null)
        .orderBy("created_at", "desc")
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },

    async count() {
      const row = await db
        .selectFrom("response_cache")
        .select((eb) => eb.fn.countAll().as("entries"))
        .executeTakeFirstOrThrow();
      return Number(row.entries);
    },
  };
}

function fromRow(row: Selectable<ResponseCacheTable>): CachedResponse {
  return {
    key: row.key,
    tenantId: row.tenant_id,
    model: row.model,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    body: row.body,
    hits: row.hits,
    scope: row.scope,
    embedding: row.embedding === null ? null : embeddingSchema.parse(JSON.parse(row.embedding)),
  };
}
