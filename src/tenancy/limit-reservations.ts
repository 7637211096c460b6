import { randomUUID } from "node:crypto";
import type { SpendEstimate } from "../accounting/spend-estimate.js";
import type { CappedWindow, CounterWindow, LimitReservation } from "../core/records/counters.js";
import type { Store } from "../core/records/store.js";
import {
  checkedPeriods,
  limitError,
  windowEnd,
  windowOf,
  type LimitedScope,
  type LimitName,
} from "./limits.js";
import type { Pricing } from "../accounting/pricing.js";

export interface LimitReservationsOptions {
  store: Store;
  pricing: Pricing;
  /** Local answers are not held against USD budgets when they stay allowed once one is spent. */
  localWhenBudgetSpent: boolean;
  /** How long a reservation is held before it is released as abandoned. */
  ttlMs: number;
  now: () => number;
}

/** Expired reservations released per transaction. */
const releaseBatch = 200;

/** A window would pass its cap: `index` is its position in the capped windows. */
class ReservationRefused extends Error {
  constructor(readonly index: number) {
    super("reservation refused");
  }
}

/**
 * What admitted requests may still spend, held in the store against their token limits and
 * budgets (decision 0011): added to every capped counter window atomically, replaced by the
 * real amount when the request settles, and released once its expiry has passed.
 */
export class LimitReservations {
  readonly #options: LimitReservationsOptions;

  constructor(options: LimitReservationsOptions) {
    this.#options = options;
  }

  /**
   * Hold `estimate` — the prompt's tokens, counted generously, plus its `max_tokens`, at the
   * target's price — in the windows of `scopes` that `startedAt` falls in, across replicas.
   * Refused, with nothing held, by the limit's 429 when a limit would be passed. Returns the
   * reservation, or undefined when no limit applies (nothing is held then).
   */
  async reserve(
    scopes: readonly LimitedScope[],
    startedAt: number,
    estimate: SpendEstimate,
  ): Promise<LimitReservation | undefined> {
    const { store, pricing, localWhenBudgetSpent, ttlMs } = this.#options;
    const now = this.#options.now();
    // Cached answers cost nothing, and local ones ~nothing when the config says so.
    const budgets = !(
      estimate.target === "cache" ||
      (estimate.target === "local" && localWhenBudgetSpent)
    );
    const capped: CappedWindow[] = scopes.flatMap((scope) => {
      const { tokensPerMinute, budgetUsdDay, budgetUsdMonth } = scope.limits;
      const [minute, day, month] = checkedPeriods.map((period) =>
        windowOf(scope, period, startedAt),
      ) as [CounterWindow, CounterWindow, CounterWindow];
      return [
        { window: minute, maxTokens: tokensPerMinute, maxCostUsd: null },
        { window: day, maxTokens: null, maxCostUsd: budgets ? budgetUsdDay : null },
        { window: month, maxTokens: null, maxCostUsd: budgets ? budgetUsdMonth : null },
      ];
    });
    if (capped.every((entry) => entry.maxTokens === null && entry.maxCostUsd === null)) {
      return undefined;
    }

    const { usage } = estimate;
    const amount = {
      tokens: usage.promptTokens + usage.completionTokens,
      costUsd: pricing.cost(estimate.target, estimate.model, usage, estimate.kind).costUsd,
    };
    const reservation: LimitReservation = {
      id: randomUUID(),
      createdAt: now,
      expiresAt: now + ttlMs,
      ...amount,
      windows: capped.map(({ window }) => window),
    };
    // The store's counters count the settlements still queued: no need to wait for them.
    const hold = () =>
      store.transaction(
        async (repositories) => {
          const refused = await repositories.counters.addWithinCaps(capped, amount);
          if (refused !== undefined) throw new ReservationRefused(refused);
          await repositories.reservations.insert(reservation);
        },
        { waitForQueued: false },
      );
    try {
      try {
        await hold();
      } catch (error) {
        // Reservations a crashed process left behind may be what fills the window: free them.
        if (!(error instanceof ReservationRefused) || (await this.releaseExpired()) === 0) {
          throw error;
        }
        await hold();
      }
    } catch (error) {
      if (!(error instanceof ReservationRefused)) throw error;
      const entry = capped[error.index];
      const scope = scopes[Math.floor(error.index / checkedPeriods.length)];
      if (entry === undefined || scope === undefined) throw error;
      const [[values], held] = await Promise.all([
        store.counters.read([entry.window]),
        store.reservations.held(entry.window),
      ]);
      const tokens = entry.maxTokens !== null;
      const limit: LimitName = tokens
        ? "tokens_per_minute"
        : entry.window.period === "day"
          ? "budget_usd_day"
          : "budget_usd_month";
      throw limitError(
        {
          limit,
          scope,
          used: tokens ? (values?.tokens ?? 0) : (values?.costUsd ?? 0),
          heldInFlight: tokens ? held.tokens : held.costUsd,
          allowed: (tokens ? entry.maxTokens : entry.maxCostUsd) ?? 0,
          resetsAt: windowEnd(entry.window.period, entry.window.start),
          requested: {
            amount: tokens ? amount.tokens : amount.costUsd,
            promptTokens: usage.promptTokens,
            maxTokens: usage.completionTokens,
          },
        },
        now,
      );
    }
    return reservation;
  }

  /**
   * Give back what expired reservations hold (their requests' processes died before settling).
   * Returns how many were released; each is released once, even with several replicas sweeping.
   */
  async releaseExpired(): Promise<number> {
    const now = this.#options.now();
    let released = 0;
    for (;;) {
      const batch = await this.#options.store.transaction(async (repositories) => {
        const expired = await repositories.reservations.takeExpired(now, releaseBatch);
        for (const reservation of expired) {
          await repositories.counters.add(reservation.windows, {
            tokens: -reservation.tokens,
            costUsd: -reservation.costUsd,
          });
        }
        return expired.length;
      });
      released += batch;
      if (batch < releaseBatch) return released;
    }
  }
}
