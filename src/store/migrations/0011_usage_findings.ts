import type { Kysely, Migration } from "kysely";

/**
 * What the privacy guard found in each request, whatever its route (the egress audit holds only
 * requests bound for a cloud): JSON counts per data type, never values.
 */
export const usageFindings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("usage_records").addColumn("findings", "text").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("usage_records").dropColumn("findings").execute();
  },
};
