import type { Kysely } from "kysely";
import type { Database } from "./database-schema.js";
import type { CounterRepository, CounterValues, CounterWindow } from "./store.js";

const primaryKey = ["scope", "scope_id", "period", "window_start"] as const;

export function counterRepository(db: Kysely<Database>): CounterRepository {
  return {
    async takeRequest(window, limit) {
      // One statement, so the check and the increment cannot be split by another writer: the row
      // comes back only when it was inserted or when the update's WHERE let it through.
      const row = await db
        .insertInto("limit_counters")
        .values({ ...windowColumns(window), requests: 1, tokens: 0, cost_usd: 0 })
        .onConflict((conflict) => {
          const update = conflict
            .columns(primaryKey)
            .doUpdateSet((eb) => ({ requests: eb("limit_counters.requests", "+", 1) }));
          return limit === null ? update : update.where("limit_counters.requests", "<", limit);
        })
        .returning("requests")
        .executeTakeFirst();
      return row !== undefined;
    },

    async add(window, amount) {
      await db
        .insertInto("limit_counters")
        .values({
          ...windowColumns(window),
          requests: 0,
          tokens: amount.tokens,
          cost_usd: amount.costUsd,
        })
        .onConflict((conflict) =>
          conflict.columns(primaryKey).doUpdateSet((eb) => ({
            tokens: eb("limit_counters.tokens", "+", eb.ref("excluded.tokens")),
            cost_usd: eb("limit_counters.cost_usd", "+", eb.ref("excluded.cost_usd")),
          })),
        )
        .execute();
    },

    async read(windows) {
      if (windows.length === 0) return [];
      const rows = await db
        .selectFrom("limit_counters")
        .selectAll()
        .where((eb) =>
          eb.or(
            windows.map((window) =>
              eb.and([
                eb("scope", "=", window.scope),
                eb("scope_id", "=", window.scopeId),
                eb("period", "=", window.period),
                eb("window_start", "=", window.start),
              ]),
            ),
          ),
        )
        .execute();
      const byKey = new Map<string, CounterValues>();
      for (const row of rows) {
        const key = windowKey(row.scope, row.scope_id, row.period, row.window_start);
        byKey.set(key, { requests: row.requests, tokens: row.tokens, costUsd: row.cost_usd });
      }
      return windows.map(
        (window) =>
          byKey.get(windowKey(window.scope, window.scopeId, window.period, window.start)) ?? {
            requests: 0,
            tokens: 0,
            costUsd: 0,
          },
      );
    },

    async prune(period, before) {
      const result = await db
        .deleteFrom("limit_counters")
        .where("period", "=", period)
        .where("window_start", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function windowColumns(window: CounterWindow) {
  return {
    scope: window.scope,
    scope_id: window.scopeId,
    period: window.period,
    window_start: window.start,
  };
}

function windowKey(scope: string, scopeId: string, period: string, start: number) {
  return JSON.stringify([scope, scopeId, period, start]);
}
