import type { Kysely, Migration } from "kysely";

/**
 * Training pairs (issue 25): with a tenant's consent (tenants.keep_training_pairs, off by
 * default), each request it escalated to a cloud model that answered in full is kept as it was
 * sent, i.e. masked by the privacy guard (pseudonyms, never the values), with the cloud's answer
 * as it came back (before the placeholders were restored). A correction given through the feedback
 * API replaces the answer when the pairs are exported (joined by the response id).
 */
export const trainingPairs: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("tenants")
      .addColumn("keep_training_pairs", "integer", (column) => column.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable("training_pairs")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("response_id", "text")
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("provider", "text", (column) => column.notNull())
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("messages", "text", (column) => column.notNull())
      .addColumn("answer", "text", (column) => column.notNull())
      .addColumn("finish_reason", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("training_pairs_tenant_created")
      .on("training_pairs")
      .columns(["tenant_id", "created_at"])
      .execute();
    await db.schema
      .createIndex("training_pairs_created_at")
      .on("training_pairs")
      .column("created_at")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("training_pairs").execute();
    await db.schema.alterTable("tenants").dropColumn("keep_training_pairs").execute();
  },
};
