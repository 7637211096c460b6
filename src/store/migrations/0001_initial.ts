import type { CreateTableBuilder, Kysely, Migration } from "kysely";

function withLimitColumns(table: CreateTableBuilder<string, string>) {
  return table
    .addColumn("budget_usd_day", "double precision")
    .addColumn("budget_usd_month", "double precision")
    .addColumn("requests_per_minute", "integer")
    .addColumn("tokens_per_minute", "bigint");
}

export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("tenants")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("name", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .$call(withLimitColumns)
      .execute();
    await db.schema
      .createIndex("tenants_name_unique")
      .on("tenants")
      .column("name")
      .unique()
      .execute();

    await db.schema
      .createTable("api_keys")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.references("tenants.id"))
      .addColumn("kind", "text", (column) => column.notNull())
      .addColumn("name", "text")
      .addColumn("prefix", "text", (column) => column.notNull())
      .addColumn("hash", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("revoked_at", "bigint")
      .$call(withLimitColumns)
      .execute();
    await db.schema
      .createIndex("api_keys_hash_unique")
      .on("api_keys")
      .column("hash")
      .unique()
      .execute();
    await db.schema.createIndex("api_keys_prefix").on("api_keys").column("prefix").execute();

    await db.schema
      .createTable("usage_records")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("request_id", "text", (column) => column.notNull())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("key_id", "text")
      .addColumn("endpoint", "text", (column) => column.notNull())
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("target", "text", (column) => column.notNull())
      .addColumn("stream", "integer", (column) => column.notNull())
      .addColumn("prompt_tokens", "bigint", (column) => column.notNull())
      .addColumn("completion_tokens", "bigint", (column) => column.notNull())
      .addColumn("cost_usd", "double precision", (column) => column.notNull())
      .addColumn("reference_cost_usd", "double precision", (column) => column.notNull())
      .addColumn("latency_ms", "bigint", (column) => column.notNull())
      .addColumn("status", "integer", (column) => column.notNull())
      .addColumn("outcome", "text", (column) => column.notNull())
      .addColumn("route", "text")
      .addColumn("reason", "text")
      .execute();
    await db.schema
      .createIndex("usage_records_created_at")
      .on("usage_records")
      .column("created_at")
      .execute();
    await db.schema
      .createIndex("usage_records_tenant_created_at")
      .on("usage_records")
      .columns(["tenant_id", "created_at"])
      .execute();

    await db.schema
      .createTable("limit_counters")
      .addColumn("scope", "text", (column) => column.notNull())
      .addColumn("scope_id", "text", (column) => column.notNull())
      .addColumn("period", "text", (column) => column.notNull())
      .addColumn("window_start", "bigint", (column) => column.notNull())
      .addColumn("requests", "bigint", (column) => column.notNull())
      .addColumn("tokens", "bigint", (column) => column.notNull())
      .addColumn("cost_usd", "double precision", (column) => column.notNull())
      .addPrimaryKeyConstraint("limit_counters_pk", ["scope", "scope_id", "period", "window_start"])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ["limit_counters", "usage_records", "api_keys", "tenants"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
