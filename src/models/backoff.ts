import { setTimeout as delay } from "node:timers/promises";

export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  baseMs?: number;
  maxMs?: number;
  /** Returns a number in [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * Exponential backoff with jitter for retry number `retry` (1 = first retry):
 * `min(maxMs, baseMs × 2^(retry−1))`, then a random half of it is shaved off ("equal jitter"),
 * so concurrent clients do not retry in lockstep.
 */
export function backoffDelayMs(retry: number, options: BackoffOptions = {}): number {
  const { baseMs = 500, maxMs = 30_000, random = Math.random } = options;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export type Sleep = (milliseconds: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = async (milliseconds, signal) => {
  await delay(milliseconds, undefined, signal === undefined ? {} : { signal });
};
