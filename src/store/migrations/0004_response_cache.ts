import type { Kysely, Migration } from "kysely";

/** The exact-match response cache, shared by replicas on PostgreSQL. */
export const responseCache: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("response_cache")
      .addColumn("key", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("expires_at", "bigint", (column) => column.notNull())
      .addColumn("body", "text", (column) => column.notNull())
      .addColumn("hits", "bigint", (column) => column.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex("response_cache_expires_at")
      .on("response_cache")
      .column("expires_at")
      .execute();
    await db.schema
      .createIndex("response_cache_created_at")
      .on("response_cache")
      .column("created_at")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("response_cache").execute();
  },
};
