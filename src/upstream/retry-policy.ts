import { CloudUnavailableError, UpstreamError } from "../core/errors.js";

export interface RetryOptions {
  /** Further attempts after the first. */
  maxRetries: number;
  baseDelayMs: number;
  /** No wait is longer: a Retry-After beyond it means giving up at once. */
  maxDelayMs: number;
}

/**
 * When to try a failed upstream call again, and after how long: exponential backoff with full
 * jitter (a random wait between 0 and min(maxDelayMs, baseDelayMs·2^retry)), only for failures
 * another attempt may fix (429, 5xx, resets, refused connections, timeouts). A Retry-After the
 * provider sent is honoured as is; when it is longer than `maxDelayMs` or than the time left to
 * the call, there is no point waiting, so the policy gives up at once (and the router can answer
 * locally meanwhile).
 *
 * The policy only decides; the caller retries only before it has passed anything on (once a
 * stream has yielded a delta, a failure is final).
 */
export class RetryPolicy {
  constructor(
    private readonly options: RetryOptions,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * Milliseconds to wait before the next attempt, or undefined to give up and throw `error`.
   * `retriesSoFar` is 0 before the first retry; `remainingMs` is what is left of the call's total.
   */
  delayBeforeRetry(error: unknown, retriesSoFar: number, remainingMs: number): number | undefined {
    if (retriesSoFar >= this.options.maxRetries) return undefined;
    if (!(error instanceof UpstreamError) || !error.unavailable || !error.isRetryable) {
      return undefined;
    }
    const retryAfter = error instanceof CloudUnavailableError ? error.retryAfterMs : undefined;
    if (retryAfter !== undefined) {
      return retryAfter > this.options.maxDelayMs || retryAfter >= remainingMs
        ? undefined
        : retryAfter;
    }
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** retriesSoFar);
    const delay = Math.floor(this.random() * ceiling);
    return delay >= remainingMs ? undefined : delay;
  }
}

/**
 * A Retry-After header in milliseconds: delay-seconds ("1", "0.5") or an HTTP-date, which is
 * measured from `nowMs`. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP-date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT").
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
