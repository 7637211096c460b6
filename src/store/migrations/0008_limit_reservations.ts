import type { Kysely, Migration } from "kysely";

/**
 * Reservations against the limit counters: what an admitted request may still spend, held until
 * it settles or its expiry passes (a crashed process cannot leak them).
 */
export const limitReservations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("limit_reservations")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("expires_at", "bigint", (column) => column.notNull())
      .addColumn("tokens", "bigint", (column) => column.notNull())
      .addColumn("cost_usd", "double precision", (column) => column.notNull())
      // The counter windows it was added to: JSON [[scope, scope_id, period, window_start], …].
      .addColumn("windows", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("limit_reservations_expires_at")
      .on("limit_reservations")
      .column("expires_at")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("limit_reservations").execute();
  },
};
