import type { Kysely, Migration } from "kysely";

/**
 * The model registry (issue 25): installed models and adapters, each scope's current model and
 * candidate (with its mode and share), the measured tries of both while a candidate is tried, and
 * every change of model as an audited event.
 */
export const modelRegistry: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("registered_models")
      .addColumn("name", "text", (column) => column.primaryKey())
      .addColumn("kind", "text", (column) => column.notNull())
      .addColumn("source", "text", (column) => column.notNull())
      .addColumn("sha256", "text", (column) => column.notNull())
      .addColumn("size_bytes", "bigint", (column) => column.notNull())
      .addColumn("licence", "text")
      .addColumn("installed_at", "bigint", (column) => column.notNull())
      .addColumn("evaluation", "text")
      .execute();
    await db.schema
      .createTable("model_assignments")
      .addColumn("scope", "text", (column) => column.notNull())
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("role", "text", (column) => column.notNull())
      .addColumn("mode", "text")
      .addColumn("share", "double precision")
      .addColumn("updated_at", "bigint", (column) => column.notNull())
      .addPrimaryKeyConstraint("model_assignments_pk", ["scope", "model"])
      .execute();
    await db.schema
      .createTable("model_trials")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("scope", "text", (column) => column.notNull())
      .addColumn("tenant_id", "text")
      .addColumn("response_id", "text")
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("role", "text", (column) => column.notNull())
      .addColumn("mode", "text", (column) => column.notNull())
      .addColumn("escalated", "integer", (column) => column.notNull())
      .addColumn("runaway", "integer", (column) => column.notNull())
      .addColumn("language_mismatch", "integer", (column) => column.notNull())
      .addColumn("failed", "integer", (column) => column.notNull())
      .addColumn("finish_reason", "text")
      .addColumn("latency_ms", "double precision", (column) => column.notNull())
      .addColumn("confidence", "double precision")
      .addColumn("agreement", "double precision")
      .execute();
    await db.schema
      .createIndex("model_trials_scope_model_created")
      .on("model_trials")
      .columns(["scope", "model", "created_at"])
      .execute();
    await db.schema
      .createIndex("model_trials_created_at")
      .on("model_trials")
      .column("created_at")
      .execute();
    await db.schema
      .createTable("model_events")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("scope", "text", (column) => column.notNull())
      .addColumn("kind", "text", (column) => column.notNull())
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("previous", "text")
      .addColumn("reason", "text", (column) => column.notNull())
      .addColumn("actor", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("model_events_created_at")
      .on("model_events")
      .column("created_at")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("model_events").execute();
    await db.schema.dropTable("model_trials").execute();
    await db.schema.dropTable("model_assignments").execute();
    await db.schema.dropTable("registered_models").execute();
  },
};
