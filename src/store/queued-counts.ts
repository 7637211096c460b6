import type { CounterRepository, CounterWindow } from "../core/records/counters.js";
import type { QueuedCount } from "../core/records/store.js";

/**
 * The tokens and cost that settlements queued for group commit will add to each counter window,
 * kept in memory until their write ends, so a limit decision counts them without waiting for the
 * write: reads add them, and a cap is checked as `stored + queued + amount <= cap`.
 */
export class QueuedCounts {
  readonly #byWindow = new Map<string, { tokens: number; costUsd: number }>();

  /** Count `count` until the returned function is called (when its write commits or fails). */
  hold(count: QueuedCount): () => void {
    this.#apply(count, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#apply(count, -1);
    };
  }

  /** The repository with the queued amounts counted in its reads and its caps. */
  counting(counters: CounterRepository): CounterRepository {
    return {
      ...counters,
      read: async (windows) => {
        const values = await counters.read(windows);
        if (this.#byWindow.size === 0) return values;
        return values.map((value, index) => {
          const queued = this.#queued(windows[index]);
          if (queued === undefined) return value;
          return {
            ...value,
            tokens: value.tokens + queued.tokens,
            costUsd: value.costUsd + queued.costUsd,
          };
        });
      },
      addWithinCaps: (windows, amount) => {
        if (this.#byWindow.size === 0) return counters.addWithinCaps(windows, amount);
        // stored + queued + amount <= cap  ⇔  stored + amount <= cap − queued.
        const adjusted = windows.map((entry) => {
          const queued = this.#queued(entry.window);
          if (queued === undefined) return entry;
          return {
            window: entry.window,
            maxTokens: entry.maxTokens === null ? null : entry.maxTokens - queued.tokens,
            maxCostUsd: entry.maxCostUsd === null ? null : entry.maxCostUsd - queued.costUsd,
          };
        });
        return counters.addWithinCaps(adjusted, amount);
      },
    };
  }

  #queued(window: CounterWindow | undefined) {
    return window === undefined ? undefined : this.#byWindow.get(windowKey(window));
  }

  #apply({ windows, amount }: QueuedCount, sign: 1 | -1): void {
    if (amount.tokens === 0 && amount.costUsd === 0) return;
    for (const window of windows) {
      const key = windowKey(window);
      const current = this.#byWindow.get(key) ?? { tokens: 0, costUsd: 0 };
      const tokens = current.tokens + sign * amount.tokens;
      const costUsd = current.costUsd + sign * amount.costUsd;
      // Sums of floats do not come back to exactly 0; a window with nothing queued goes.
      if (tokens === 0 && Math.abs(costUsd) < 1e-12) this.#byWindow.delete(key);
      else this.#byWindow.set(key, { tokens, costUsd });
    }
  }
}

function windowKey(window: CounterWindow): string {
  return `${window.scope}\u0000${window.scopeId}\u0000${window.period}\u0000${String(window.start)}`;
}
