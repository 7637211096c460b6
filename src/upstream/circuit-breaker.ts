import { UpstreamError, UpstreamTimeoutError } from "../core/errors.js";
import {
  networkErrorCode,
  upstreamFailure,
  type UpstreamFailure,
} from "../core/upstream-failure.js";

export type CircuitState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe call is let through. */
  openMs: number;
  /** Milliseconds since the epoch; injected so tests control time. */
  now?: () => number;
  /** Told when the circuit opens or closes again. */
  onChange?: (state: CircuitState, snapshot: CircuitSnapshot) => void;
}

export interface CircuitSnapshot {
  state: CircuitState;
  consecutiveFailures: number;
  /** When the circuit last opened (ms since the epoch); undefined while closed. */
  openedAt: number | undefined;
  /** When a probe call will be let through; undefined while closed. */
  retryAt: number | undefined;
  /** The last failure that counted: its class, status and time, never the provider's text. */
  lastFailure: UpstreamFailure | undefined;
  lastSuccessAt: number | undefined;
}

/**
 * A per-provider circuit breaker. Closed, calls go through; after `failureThreshold` consecutive
 * failures it opens and calls fail fast; once `openMs` has passed, one probe call goes through
 * (half-open, every other call still fails fast); the probe's success closes the circuit, its
 * failure opens it again. Only failures that mean "the cloud cannot answer"
 * (`UpstreamError.unavailable`) count: a request the provider rejected proves it is reachable.
 *
 * A connectivity probe (GET /models) reports with `recordReachable`, and may close the circuit
 * only when every failure that counted was a link failure, one where the call never reached the
 * provider (refused, DNS, unreachable network, connect timeout): the probe answering then proves
 * exactly what those failures doubted. Once a failure came from a provider that was reached (a
 * 5xx, a 429, a reset or stalled answer, a response it sent that cannot be read), an answering
 * `/models` proves nothing about chat calls: the circuit stays open for `openMs` and one
 * half-open trial call decides.
 */
export class CircuitBreaker {
  private current: CircuitState = "closed";
  private failures = 0;
  private openedAt: number | undefined;
  private lastFailure: UpstreamFailure | undefined;
  private lastSuccessAt: number | undefined;
  /** Whether a failure counted since the last success reached the provider (see the class doc). */
  private providerFailed = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    return this.current;
  }

  /** When the next probe may go through, while the circuit is not closed. */
  get retryAt(): number | undefined {
    return this.openedAt === undefined ? undefined : this.openedAt + this.options.openMs;
  }

  /** Whether `tryAcquire()` would let a call through now; consumes nothing. */
  canAcquire(): boolean {
    switch (this.current) {
      case "closed":
        return true;
      case "half-open":
        return false;
      case "open":
        return this.now() >= (this.retryAt ?? 0);
    }
  }

  /**
   * Ask to make a call. True: go ahead, then report how it ended with `recordSuccess`,
   * `recordFailure` or `release`. False: the circuit is open (or its one probe is running).
   */
  tryAcquire(): boolean {
    if (!this.canAcquire()) return false;
    if (this.current === "open") this.current = "half-open";
    return true;
  }

  recordSuccess(): void {
    const wasClosed = this.current === "closed";
    this.current = "closed";
    this.failures = 0;
    this.openedAt = undefined;
    this.providerFailed = false;
    this.lastSuccessAt = this.now();
    if (!wasClosed) this.options.onChange?.("closed", this.snapshot());
  }

  /**
   * A connectivity probe found the provider answering. That closes the circuit (and clears the
   * count) only when every counted failure was a link failure; otherwise it changes nothing.
   */
  recordReachable(): void {
    if (!this.providerFailed) this.recordSuccess();
  }

  /**
   * Report a failed call. Only an `unavailable` UpstreamError counts against the provider; one it
   * rejected proves it reachable (a success), and any other error tells nothing (a `release`).
   */
  recordFailure(error: unknown): void {
    if (!(error instanceof UpstreamError)) {
      this.release();
      return;
    }
    if (!error.unavailable) {
      this.recordSuccess();
      return;
    }
    this.failures += 1;
    if (!isLinkFailure(error)) this.providerFailed = true;
    this.lastFailure = upstreamFailure(error, this.now());
    const reopen = this.current === "half-open";
    const trip = this.current === "closed" && this.failures >= this.options.failureThreshold;
    if (reopen || trip) {
      this.current = "open";
      this.openedAt = this.now();
      this.options.onChange?.("open", this.snapshot());
    }
  }

  /**
   * The call ended without telling anything about the provider (the client went away first).
   * A probe hands its turn back, so the next call may probe instead.
   */
  release(): void {
    if (this.current === "half-open") this.current = "open";
  }

  snapshot(): CircuitSnapshot {
    return {
      state: this.current,
      consecutiveFailures: this.failures,
      openedAt: this.openedAt,
      retryAt: this.retryAt,
      lastFailure: this.lastFailure,
      lastSuccessAt: this.lastSuccessAt,
    };
  }
}

/** Network codes of a call that never reached the provider: no connection was made. */
const linkFailureCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "ETIMEDOUT",
  "EADDRNOTAVAIL",
  "EMFILE",
  "ENFILE",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * Whether the call failed before reaching the provider. Anything else (an HTTP status, a reset
 * or stalled answer, an unreadable response, an unknown cause) counts as the provider failing.
 */
function isLinkFailure(error: UpstreamError): boolean {
  if (error instanceof UpstreamTimeoutError) return error.timeout === "connect";
  if (error.upstreamStatus !== undefined) return false;
  const code = networkErrorCode(error.cause);
  return code !== undefined && linkFailureCodes.has(code);
}
