import type { Kysely } from "kysely";
import type { Database } from "./database-schema.js";
import { executeCompiledOnce } from "./compiled-once.js";
import type {
  CounterRepository,
  CounterValues,
  CounterWindow,
  Period,
} from "../core/records/counters.js";

const primaryKey = ["scope", "scope_id", "period", "window_start"] as const;

export function counterRepository(db: Kysely<Database>): CounterRepository {
  return {
    async takeRequest(window, limit) {
      // One statement, so the check and the increment cannot be split by another writer: the row
      // comes back only when it was inserted or when the update's WHERE let it through.
      const result = await executeCompiledOnce(
        db,
        limit === null ? "counters.takeRequest" : "counters.takeRequest/limited",
        (placeholders) =>
          db
            .insertInto("limit_counters")
            .values({
              ...windowColumns(placeholders),
              requests: 1,
              tokens: 0,
              cost_usd: 0,
            })
            .onConflict((conflict) => {
              const update = conflict
                .columns(primaryKey)
                .doUpdateSet((eb) => ({ requests: eb("limit_counters.requests", "+", 1) }));
              return limit === null
                ? update
                : update.where("limit_counters.requests", "<", placeholders[4] as number);
            })
            .returning("requests"),
        [...windowValues(window), limit],
      );
      return result.rows.length > 0;
    },

    async add(windows, amount) {
      if (windows.length === 0) return;
      // Arguments: tokens, cost, then scope, id, period and start of each window.
      await executeCompiledOnce(
        db,
        `counters.add/${windows.length}`,
        ([tokens, cost, ...placeholders]) =>
          db
            .insertInto("limit_counters")
            .values(
              windows.map((_, index) => ({
                scope: placeholders[index * 4] as CounterWindow["scope"],
                scope_id: placeholders[index * 4 + 1] as string,
                period: placeholders[index * 4 + 2] as Period,
                window_start: placeholders[index * 4 + 3] as number,
                requests: 0,
                tokens: tokens as number,
                cost_usd: cost as number,
              })),
            )
            .onConflict((conflict) =>
              conflict.columns(primaryKey).doUpdateSet((eb) => ({
                tokens: eb("limit_counters.tokens", "+", eb.ref("excluded.tokens")),
                cost_usd: eb("limit_counters.cost_usd", "+", eb.ref("excluded.cost_usd")),
              })),
            ),
        [amount.tokens, amount.costUsd, ...windows.flatMap(windowValues)],
      );
    },

    async addWithinCaps(windows, amount) {
      for (const [index, { window, maxTokens, maxCostUsd }] of windows.entries()) {
        // An empty window takes the amount only when the amount alone fits.
        if (maxTokens !== null && amount.tokens > maxTokens) return index;
        if (maxCostUsd !== null && amount.costUsd > maxCostUsd) return index;
        // One statement per window: the check and the increment cannot be split by another writer
        // (PostgreSQL re-checks the WHERE on the row it locked), and the row comes back only when
        // it was inserted or the update's WHERE let it through.
        const caps = [
          ["tokens", maxTokens],
          ["cost_usd", maxCostUsd],
        ] as const;
        // Which caps apply changes the SQL, so it is part of the query's name; the values bind.
        const capped = caps.filter(([, max]) => max !== null).map(([column]) => column);
        const { rows } = await executeCompiledOnce(
          db,
          `counters.addWithinCaps/${capped.join("+")}`,
          (placeholders) => {
            const [tokens, costUsd, tokenCap, costCap] = placeholders.slice(4);
            return db
              .insertInto("limit_counters")
              .values({
                ...windowColumns(placeholders),
                requests: 0,
                tokens: tokens as number,
                cost_usd: costUsd as number,
              })
              .onConflict((conflict) =>
                capped.reduce(
                  (update, column) =>
                    update.where((eb) =>
                      eb(
                        eb(`limit_counters.${column}`, "+", eb.ref(`excluded.${column}`)),
                        "<=",
                        (column === "tokens" ? tokenCap : costCap) as number,
                      ),
                    ),
                  conflict.columns(primaryKey).doUpdateSet((eb) => ({
                    tokens: eb("limit_counters.tokens", "+", eb.ref("excluded.tokens")),
                    cost_usd: eb("limit_counters.cost_usd", "+", eb.ref("excluded.cost_usd")),
                  })),
                ),
              )
              .returning("requests");
          },
          [...windowValues(window), amount.tokens, amount.costUsd, maxTokens, maxCostUsd],
        );
        if (rows.length === 0) return index;
      }
      return undefined;
    },

    async read(windows) {
      if (windows.length === 0) return [];
      const { rows } = await executeCompiledOnce(
        db,
        `counters.read/${windows.length}`,
        (placeholders) =>
          db
            .selectFrom("limit_counters")
            .selectAll()
            .where((eb) =>
              eb.or(
                windows.map((_, index) =>
                  eb.and([
                    eb("scope", "=", placeholders[index * 4] as CounterWindow["scope"]),
                    eb("scope_id", "=", placeholders[index * 4 + 1] as string),
                    eb("period", "=", placeholders[index * 4 + 2] as Period),
                    eb("window_start", "=", placeholders[index * 4 + 3] as number),
                  ]),
                ),
              ),
            ),
        windows.flatMap(windowValues),
      );
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

/** A window's key columns, in the order the compiled queries take them. */
/** A window's key columns from its four placeholders (scope, id, period, start; see windowValues). */
function windowColumns([scope, scopeId, period, start]: readonly unknown[]) {
  return {
    scope: scope as CounterWindow["scope"],
    scope_id: scopeId as string,
    period: period as Period,
    window_start: start as number,
  };
}

function windowValues(window: CounterWindow): unknown[] {
  return [window.scope, window.scopeId, window.period, window.start];
}

function windowKey(scope: string, scopeId: string, period: string, start: number) {
  return JSON.stringify([scope, scopeId, period, start]);
}
