import type { Kysely, Migration } from "kysely";

/**
 * Whether an egress record's body was written to the provider: a call refused or unreachable
 * before any byte is not egress. Records from before stay null (not known).
 */
export const egressDelivery: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("egress_records").addColumn("delivered", "integer").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("egress_records").dropColumn("delivered").execute();
  },
};
