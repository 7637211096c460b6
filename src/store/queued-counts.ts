import type { CounterRepository, CounterWindow } from "../core/records/counters.js";
import type { QueuedCount } from "../core/records/store.js";

/**
 * The tokens and cost that settlements queued for group commit will add to each counter window,
 * kept in memory until their write ends, so a limit decision counts them without waiting for the
 * write: reads add them, and a cap is checked as `stored + added + amount <= cap`.
 *
 * A cap counts only what the queued settlements add, never what they give back (a settlement
 * that used less than its reservation moves the counter down). The cap is worked out here, before
 * its statement runs; if the settlement commits in between, the store already holds it, and a
 * give-back counted again would let a request past its budget. What is added, counted twice, only
 * refuses early; what is given back counts once it is committed.
 */
export class QueuedCounts {
  readonly #byWindow = new Map<string, Queued>();

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
            tokens: value.tokens + queued.net.tokens,
            costUsd: value.costUsd + queued.net.costUsd,
          };
        });
      },
      addWithinCaps: (windows, amount) => {
        if (this.#byWindow.size === 0) return counters.addWithinCaps(windows, amount);
        // stored + added + amount <= cap  ⇔  stored + amount <= cap − added.
        const adjusted = windows.map((entry) => {
          const queued = this.#queued(entry.window);
          if (queued === undefined) return entry;
          return {
            window: entry.window,
            maxTokens: entry.maxTokens === null ? null : entry.maxTokens - queued.added.tokens,
            maxCostUsd: entry.maxCostUsd === null ? null : entry.maxCostUsd - queued.added.costUsd,
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
      const current = this.#byWindow.get(key) ?? {
        net: { tokens: 0, costUsd: 0 },
        added: { tokens: 0, costUsd: 0 },
      };
      const next: Queued = {
        net: {
          tokens: current.net.tokens + sign * amount.tokens,
          costUsd: current.net.costUsd + sign * amount.costUsd,
        },
        added: {
          tokens: current.added.tokens + sign * Math.max(0, amount.tokens),
          costUsd: current.added.costUsd + sign * Math.max(0, amount.costUsd),
        },
      };
      // Sums of floats do not come back to exactly 0; a window with nothing queued goes.
      const empty =
        next.net.tokens === 0 &&
        next.added.tokens === 0 &&
        Math.abs(next.net.costUsd) < 1e-12 &&
        Math.abs(next.added.costUsd) < 1e-12;
      if (empty) this.#byWindow.delete(key);
      else this.#byWindow.set(key, next);
    }
  }
}

/** What a window's queued settlements move: in all (reads), and only what they add (caps). */
interface Queued {
  net: { tokens: number; costUsd: number };
  added: { tokens: number; costUsd: number };
}

function windowKey(window: CounterWindow): string {
  return `${window.scope}\u0000${window.scopeId}\u0000${window.period}\u0000${String(window.start)}`;
}
