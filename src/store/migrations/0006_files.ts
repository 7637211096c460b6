import type { Kysely, Migration } from "kysely";

/** Files of the OpenAI Files API (batch input and results), as UTF-8 text. */
export const files: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("files")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("purpose", "text", (column) => column.notNull())
      .addColumn("filename", "text", (column) => column.notNull())
      .addColumn("bytes", "bigint", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("content", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("files_tenant_created_at")
      .on("files")
      .columns(["tenant_id", "created_at"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("files").execute();
  },
};
