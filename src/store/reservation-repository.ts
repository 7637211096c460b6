import { sql, type Kysely, type Selectable } from "kysely";
import { z } from "zod";
import { executeCompiledOnce } from "./compiled-once.js";
import type { Database, LimitReservationTable } from "./database-schema.js";
import type {
  CounterWindow,
  LimitReservation,
  ReservationRepository,
} from "../core/records/counters.js";

const windowsSchema = z.array(
  z.tuple([z.enum(["tenant", "key"]), z.string(), z.enum(["minute", "day", "month"]), z.number()]),
);

export function reservationRepository(db: Kysely<Database>): ReservationRepository {
  return {
    async insert(reservation) {
      // On every limited request: built once (compiled-once.ts), like the counters' statements.
      await executeCompiledOnce(
        db,
        "reservations.insert",
        ([id, createdAt, expiresAt, tokens, costUsd, windows]) =>
          db.insertInto("limit_reservations").values({
            id: id as string,
            created_at: createdAt as number,
            expires_at: expiresAt as number,
            tokens: tokens as number,
            cost_usd: costUsd as number,
            windows: windows as string,
          }),
        [
          reservation.id,
          reservation.createdAt,
          reservation.expiresAt,
          reservation.tokens,
          reservation.costUsd,
          JSON.stringify(reservation.windows.map(windowTuple)),
        ],
      );
    },

    async take(id) {
      // DELETE … RETURNING: of two takers (settlement and the expiry sweep), only one gets the row.
      const { rows } = await executeCompiledOnce(
        db,
        "reservations.take",
        ([placeholder]) =>
          db
            .deleteFrom("limit_reservations")
            .where("id", "=", placeholder as string)
            .returningAll(),
        [id],
      );
      const row = rows[0];
      return row === undefined ? undefined : fromRow(row);
    },

    async takeExpired(now, limit) {
      const expired = db
        .selectFrom("limit_reservations")
        .select("id")
        .where("expires_at", "<", now)
        .orderBy("expires_at")
        .limit(limit);
      const rows = await db
        .deleteFrom("limit_reservations")
        .where("id", "in", expired)
        .where("expires_at", "<", now)
        .returningAll()
        .execute();
      return rows.map(fromRow);
    },

    async held(window) {
      // Only on a refusal: the windows column is JSON text, so the window is found as a substring.
      // PostgreSQL sums bigint as numeric, which its driver gives as a string.
      const pattern = `%${escapeLike(JSON.stringify(windowTuple(window)))}%`;
      const row = await db
        .selectFrom("limit_reservations")
        .select((eb) => [
          eb.fn.coalesce(eb.fn.sum<string | number>("tokens"), eb.lit(0)).as("tokens"),
          eb.fn.coalesce(eb.fn.sum<string | number>("cost_usd"), eb.lit(0)).as("cost_usd"),
        ])
        .where(sql<boolean>`windows like ${pattern} escape '!'`)
        .executeTakeFirst();
      return { tokens: Number(row?.tokens ?? 0), costUsd: Number(row?.cost_usd ?? 0) };
    },
  };
}

function windowTuple(window: CounterWindow): [string, string, string, number] {
  return [window.scope, window.scopeId, window.period, window.start];
}

/** `text` matched literally by LIKE … ESCAPE '!'. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (character) => `!${character}`);
}

function fromRow(row: Selectable<LimitReservationTable>): LimitReservation {
  const windows: CounterWindow[] = windowsSchema
    .parse(JSON.parse(row.windows))
    .map(([scope, scopeId, period, start]) => ({ scope, scopeId, period, start }));
  return {
    id: row.id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    tokens: row.tokens,
    costUsd: row.cost_usd,
    windows,
  };
}
