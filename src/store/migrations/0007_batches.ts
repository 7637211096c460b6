import type { Kysely, Migration } from "kysely";

export const batches: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("batches")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("key_id", "text")
      .addColumn("endpoint", "text", (column) => column.notNull())
      .addColumn("input_file_id", "text", (column) => column.notNull())
      .addColumn("completion_window", "text", (column) => column.notNull())
      .addColumn("status", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("expires_at", "bigint", (column) => column.notNull())
      .addColumn("in_progress_at", "bigint")
      .addColumn("finalizing_at", "bigint")
      .addColumn("completed_at", "bigint")
      .addColumn("failed_at", "bigint")
      .addColumn("expired_at", "bigint")
      .addColumn("cancelling_at", "bigint")
      .addColumn("cancelled_at", "bigint")
      .addColumn("output_file_id", "text")
      .addColumn("error_file_id", "text")
      .addColumn("errors", "text")
      .addColumn("metadata", "text")
      .execute();
    await db.schema
      .createIndex("batches_tenant_created_at")
      .on("batches")
      .columns(["tenant_id", "created_at"])
      .execute();
    await db.schema.createIndex("batches_status").on("batches").column("status").execute();

    await db.schema
      .createTable("batch_requests")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("batch_id", "text", (column) => column.notNull().references("batches.id"))
      .addColumn("tenant_id", "text", (column) => column.notNull())
      .addColumn("line", "integer", (column) => column.notNull())
      .addColumn("custom_id", "text", (column) => column.notNull())
      .addColumn("body", "text", (column) => column.notNull())
      .addColumn("state", "text", (column) => column.notNull())
      .addColumn("provider", "text")
      .addColumn("reason", "text")
      .addColumn("attempts", "integer", (column) => column.notNull())
      .addColumn("not_before", "bigint", (column) => column.notNull())
      .addColumn("lease_until", "bigint")
      .addColumn("cloud_target", "text")
      .addColumn("result", "text")
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("updated_at", "bigint", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("batch_requests_state_not_before")
      .on("batch_requests")
      .columns(["state", "not_before"])
      .execute();
    await db.schema
      .createIndex("batch_requests_batch_state")
      .on("batch_requests")
      .columns(["batch_id", "state"])
      .execute();
    await db.schema
      .createIndex("batch_requests_batch_line")
      .on("batch_requests")
      .columns(["batch_id", "line"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("batch_requests").execute();
    await db.schema.dropTable("batches").execute();
  },
};
