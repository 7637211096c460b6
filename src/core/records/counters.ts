/** Limit counters in fixed UTC windows, and the reservations held against them. Records and repositories; store/ implements them. */

export type Period = "minute" | "day" | "month";

/** One fixed accounting window of one tenant or key, e.g. key k1's minute starting 12:03:00. */
export interface CounterWindow {
  scope: "tenant" | "key";
  scopeId: string;
  period: Period;
  /** Start of the window, ms since the epoch. */
  start: number;
}

/** A window and the most it may hold once an amount is added (null: no cap). */
export interface CappedWindow {
  window: CounterWindow;
  maxTokens: number | null;
  maxCostUsd: number | null;
}

/**
 * What an admitted request may still spend, added to its counter windows ahead of the work and
 * replaced by the real amount when it settles, or released once `expiresAt` has passed.
 */
export interface LimitReservation {
  id: string;
  createdAt: number;
  expiresAt: number;
  tokens: number;
  costUsd: number;
  windows: CounterWindow[];
}

export interface CounterValues {
  requests: number;
  tokens: number;
  costUsd: number;
}

export interface CounterRepository {
  /**
   * Count one request in the window, atomically, unless the window already holds `limit`
   * requests (null: no limit). Returns false, counting nothing, when the limit is reached.
   */
  takeRequest(window: CounterWindow, limit: number | null): Promise<boolean>;
  /** Atomically add the same tokens and cost to each window (created if missing); one statement. */
  add(
    windows: readonly CounterWindow[],
    amount: { tokens: number; costUsd: number },
  ): Promise<void>;
  /**
   * Add the same tokens and cost to each window unless one would then hold more than its cap.
   * Returns the index of the first window that refused, undefined when all took it. Each window
   * is one atomic statement: call it inside a transaction so a refusal rolls the others back.
   */
  addWithinCaps(
    windows: readonly CappedWindow[],
    amount: { tokens: number; costUsd: number },
  ): Promise<number | undefined>;
  /** Current values of each window, in order; zeros for windows never written. */
  read(windows: readonly CounterWindow[]): Promise<CounterValues[]>;
  /** Delete windows that started before `before` (old minutes); returns how many. */
  prune(period: Period, before: number): Promise<number>;
}

export interface ReservationRepository {
  insert(reservation: LimitReservation): Promise<void>;
  /** Remove and return a reservation; undefined when it is gone (released after its expiry). */
  take(id: string): Promise<LimitReservation | undefined>;
  /** Remove and return up to `limit` reservations whose expiry is before `now`. */
  takeExpired(now: number, limit: number): Promise<LimitReservation[]>;
  /** What the reservations that include `window` hold together (requests still in flight). */
  held(window: CounterWindow): Promise<{ tokens: number; costUsd: number }>;
}
