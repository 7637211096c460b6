import type { Kysely, Migration } from "kysely";

/**
 * Each chat request's language among the region's (ISO 639, "other" when unclear), for the
 * dashboard's breakdown by language; null for other endpoints and older records.
 */
export const usageLanguage: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("usage_records").addColumn("language", "text").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("usage_records").dropColumn("language").execute();
  },
};
