import type { Kysely, Migration } from "kysely";

/**
 * Users' feedback on answers: each usage record keeps the id its response was given
 * (chatcmpl-…, msg_…, resp_…, cmpl-…), and a feedback row (one per response, the latest wins)
 * holds the rating and an optional correction or comment.
 */
export const feedback: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("usage_records").addColumn("response_id", "text").execute();
    await db.schema
      .createIndex("usage_records_tenant_response")
      .on("usage_records")
      .columns(["tenant_id", "response_id"])
      .execute();
    await db.schema
      .createTable("feedback")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("response_id", "text", (column) => column.notNull())
      .addColumn("key_id", "text")
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("rating", "text", (column) => column.notNull())
      .addColumn("correction", "text")
      .addColumn("comment", "text")
      .addUniqueConstraint("feedback_tenant_response", ["tenant_id", "response_id"])
      .execute();
    await db.schema
      .createIndex("feedback_created_at")
      .on("feedback")
      .column("created_at")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("feedback").execute();
    await db.schema.dropIndex("usage_records_tenant_response").execute();
    await db.schema.alterTable("usage_records").dropColumn("response_id").execute();
  },
};
