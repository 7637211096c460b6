import type { Kysely, Migration } from "kysely";

/**
 * The egress audit: one record per request that left for a cloud provider (or was stopped from
 * leaving), and the HMACs of the personal values found in it, never the values.
 */
export const egressAudit: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("egress_records")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("request_id", "text", (column) => column.notNull())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("provider", "text", (column) => column.notNull())
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("region", "text")
      .addColumn("bytes_sent", "bigint", (column) => column.notNull())
      .addColumn("outcome", "text", (column) => column.notNull())
      .addColumn("action", "text", (column) => column.notNull())
      .addColumn("reason", "text", (column) => column.notNull())
      .addColumn("findings", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("egress_records_created_at")
      .on("egress_records")
      .column("created_at")
      .execute();
    await db.schema
      .createIndex("egress_records_tenant_created_at")
      .on("egress_records")
      .columns(["tenant_id", "created_at"])
      .execute();

    // The primary key keeps each record's values in order and finds them by record.
    await db.schema
      .createTable("egress_values")
      .addColumn("egress_id", "text", (column) => column.notNull().references("egress_records.id"))
      .addColumn("position", "integer", (column) => column.notNull())
      .addColumn("type", "text", (column) => column.notNull())
      .addColumn("hash", "text", (column) => column.notNull())
      .addColumn("action", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("egress_values_pk", ["egress_id", "position"])
      .execute();
    await db.schema.createIndex("egress_values_hash").on("egress_values").column("hash").execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ["egress_values", "egress_records"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
