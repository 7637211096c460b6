import { describe, expect, it } from "vitest";
import {
  CloudUnavailableError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
} from "../core/errors.js";
import { parseRetryAfter, RetryPolicy } from "./retry-policy.js";

const options = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
const serverError = new CloudUnavailableError("500", { provider: "p", upstreamStatus: 500 });

describe("RetryPolicy", () => {
  it("backs off exponentially with full jitter, capped by maxDelayMs", () => {
    const highest = new RetryPolicy(options, () => 0.999999);
    expect([0, 1, 2].map((retry) => highest.delayBeforeRetry(serverError, retry, 60_000))).toEqual([
      99, 199, 399,
    ]);
    const uncapped = new RetryPolicy({ ...options, maxRetries: 10 }, () => 0.999999);
    expect(uncapped.delayBeforeRetry(serverError, 6, 60_000)).toBe(999);
    const lowest = new RetryPolicy(options, () => 0);
    expect(lowest.delayBeforeRetry(serverError, 2, 60_000)).toBe(0);
    const half = new RetryPolicy(options, () => 0.5);
    expect(half.delayBeforeRetry(serverError, 1, 60_000)).toBe(100);
  });

  it("stops after maxRetries", () => {
    const policy = new RetryPolicy(options, () => 0.5);
    expect(policy.delayBeforeRetry(serverError, 2, 60_000)).toBeDefined();
    expect(policy.delayBeforeRetry(serverError, 3, 60_000)).toBeUndefined();
  });

  it("retries only failures another attempt may fix", () => {
    const policy = new RetryPolicy(options, () => 0.5);
    const rejected = new UpstreamRejectedError({
      provider: "p",
      upstreamStatus: 400,
      providerMessage: "bad",
    });
    const unknownHost = new CloudUnavailableError("ENOTFOUND", {
      provider: "p",
      isRetryable: false,
    });
    expect(policy.delayBeforeRetry(rejected, 0, 60_000)).toBeUndefined();
    expect(policy.delayBeforeRetry(unknownHost, 0, 60_000)).toBeUndefined();
    expect(policy.delayBeforeRetry(new Error("bug"), 0, 60_000)).toBeUndefined();
    expect(
      policy.delayBeforeRetry(new UpstreamTimeoutError("p", "firstByte", 100), 0, 60_000),
    ).toBe(50);
  });

  it("honours Retry-After, and gives up at once when it exceeds maxDelayMs or the time left", () => {
    const policy = new RetryPolicy(options, () => 0.5);
    const limited = (ms: number) =>
      new CloudUnavailableError("429", { provider: "p", upstreamStatus: 429, retryAfterMs: ms });
    expect(policy.delayBeforeRetry(limited(800), 0, 60_000)).toBe(800);
    expect(policy.delayBeforeRetry(limited(1_001), 0, 60_000)).toBeUndefined();
    expect(policy.delayBeforeRetry(limited(800), 0, 700)).toBeUndefined();
  });

  it("does not start a backoff wait that would outlast the total timeout", () => {
    const policy = new RetryPolicy(options, () => 0.999999);
    expect(policy.delayBeforeRetry(serverError, 2, 300)).toBeUndefined();
    expect(policy.delayBeforeRetry(serverError, 2, 400)).toBe(399);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  it("reads delay-seconds and HTTP-dates", () => {
    expect(parseRetryAfter("1", now)).toBe(1_000);
    expect(parseRetryAfter(" 2.5 ", now)).toBe(2_500);
    expect(parseRetryAfter("Sun, 01 Jun 2025 12:00:03 GMT", now)).toBe(3_000);
    expect(parseRetryAfter("Sun, 01 Jun 2025 11:59:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
  });
});
