import type { Kysely, Migration } from "kysely";

/** The router's confidence in the local answer, stored with each routing decision. */
export const routeConfidence: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("usage_records")
      .addColumn("confidence", "double precision")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("usage_records").dropColumn("confidence").execute();
  },
};
