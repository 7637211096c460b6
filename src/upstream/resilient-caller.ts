import { setTimeout as delay } from "node:timers/promises";
import { CloudUnavailableError, UpstreamTimeoutError } from "../core/errors.js";
import { linkAbortSignals } from "../core/linked-abort.js";
import type { CircuitBreaker } from "./circuit-breaker.js";
import type { ProviderContext } from "./provider-context.js";
import type { RetryPolicy } from "./retry-policy.js";
import { failureLabel, upstreamFailure } from "../core/upstream-failure.js";
import type { UpstreamLogger } from "./upstream-logger.js";

export type Sleep = (milliseconds: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (milliseconds, signal) =>
  delay(milliseconds, undefined, { signal });

export interface ResilientCallerOptions {
  context: ProviderContext;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
  sleep: Sleep;
  /** Milliseconds since the epoch, for the circuit's "retry at" (the total timeout runs on real time). */
  now: () => number;
  /** Aborted when the provider closes: running calls stop. */
  closing: AbortSignal;
  /** The error for calls made (or cut) after close. */
  closedError: () => Error;
  logger: UpstreamLogger;
}

/**
 * Runs every call to one provider under its circuit breaker, its retry policy and its total
 * timeout. An attempt is a function of an abort signal that streams items; it is retried only
 * while it has yielded nothing, so a caller never sees an answer start twice. Aborting the caller's
 * signal (or closing the iteration) aborts the attempt at once and rethrows the signal's reason.
 */
export class ResilientCaller {
  constructor(private readonly options: ResilientCallerOptions) {}

  async *stream<T>(
    callerSignal: AbortSignal | undefined,
    attempt: (signal: AbortSignal) => AsyncIterable<T>,
  ): AsyncGenerator<T, void, undefined> {
    const { breaker, closing, context } = this.options;
    if (this.options.closing.aborted) throw this.options.closedError();
    callerSignal?.throwIfAborted();
    if (!breaker.tryAcquire()) throw this.circuitOpenError();
    const totalMs = context.timeouts.totalMs;
    const deadline = performance.now() + totalMs;
    const total = AbortSignal.timeout(totalMs);
    const finished = new AbortController();
    const link = linkAbortSignals([callerSignal, total, closing, finished.signal]);
    let yielded = 0;
    let settled = false;
    try {
      for (let retries = 0, wait = 0; ; retries++) {
        try {
          if (wait > 0) await this.options.sleep(wait, link.signal);
          for await (const item of attempt(link.signal)) {
            yielded++;
            yield item;
          }
          settled = true;
          breaker.recordSuccess();
          return;
        } catch (thrown) {
          if (callerSignal?.aborted === true) throw callerSignal.reason;
          if (closing.aborted) throw this.options.closedError();
          const error = total.aborted
            ? new UpstreamTimeoutError(context.name, "total", totalMs, thrown)
            : thrown;
          const next =
            yielded > 0 || total.aborted
              ? undefined
              : this.options.retry.delayBeforeRetry(error, retries, deadline - performance.now());
          if (next === undefined) {
            settled = true;
            breaker.recordFailure(error);
            throw error;
          }
          wait = next;
          // The class and status only: the provider's text may echo the prompt.
          const failure = failureLabel(upstreamFailure(error, this.options.now()));
          this.options.logger(
            "warn",
            `Provider "${context.name}": call failed (${failure}). Retry ${retries + 1} in ${Math.round(next)} ms.`,
          );
        }
      }
    } finally {
      if (!settled) {
        // The caller went away: an answer that had started proves the provider reachable.
        if (yielded > 0) breaker.recordSuccess();
        else breaker.release();
      }
      finished.abort();
      link.dispose();
    }
  }

  /** One result instead of a stream, under the same breaker, retries and timeout. */
  async call<T>(
    callerSignal: AbortSignal | undefined,
    attempt: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const single = async function* (signal: AbortSignal): AsyncGenerator<T, void, undefined> {
      yield await attempt(signal);
    };
    for await (const result of this.stream(callerSignal, single)) return result;
    throw new Error("unreachable: a single-result call ended without its result");
  }

  private circuitOpenError(): CloudUnavailableError {
    const { breaker, context, now } = this.options;
    const snapshot = breaker.snapshot();
    const retryAt = snapshot.retryAt ?? now();
    const waitMs = Math.max(0, retryAt - now());
    const last =
      snapshot.lastFailure === undefined ? "unknown" : failureLabel(snapshot.lastFailure);
    const when =
      snapshot.state === "half-open"
        ? "A probe call is checking whether it is back."
        : `The next call goes through at ${new Date(retryAt).toISOString()} (in ${Math.ceil(waitMs / 1000)} s).`;
    return new CloudUnavailableError(
      `Provider "${context.name}" is not being called: its circuit breaker is open after ${snapshot.consecutiveFailures} consecutive failures (last: ${last}). ${when}`,
      { provider: context.name, retryAfterMs: Math.max(1000, waitMs) },
    );
  }
}
