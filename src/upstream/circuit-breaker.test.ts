import { describe, expect, it } from "vitest";
import {
  CloudUnavailableError,
  UpstreamProtocolError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
  type UpstreamError,
} from "../core/errors.js";
import { CircuitBreaker, type CircuitState } from "./circuit-breaker.js";

const refused = () => new CloudUnavailableError("connection refused", { provider: "openai" });

function setup(failureThreshold = 3, openMs = 30_000) {
  const clock = { now: 1_000_000 };
  const changes: CircuitState[] = [];
  const breaker = new CircuitBreaker({
    failureThreshold,
    openMs,
    now: () => clock.now,
    onChange: (state) => changes.push(state),
  });
  /** Acquire and fail, as one failed call does. */
  const failCall = (error: unknown = refused()) => {
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure(error);
  };
  return { clock, breaker, changes, failCall };
}

describe("CircuitBreaker", () => {
  it("stays closed below the threshold and a success resets the count", () => {
    const { breaker, failCall } = setup();
    failCall();
    failCall();
    expect(breaker.snapshot()).toMatchObject({ state: "closed", consecutiveFailures: 2 });
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordSuccess();
    expect(breaker.snapshot()).toMatchObject({
      state: "closed",
      consecutiveFailures: 0,
      lastSuccessAt: 1_000_000,
      lastFailure: { class: "unavailable", status: null, at: "1970-01-01T00:16:40.000Z" },
    });
    failCall();
    failCall();
    expect(breaker.state).toBe("closed");
  });

  it("opens after failureThreshold consecutive failures and rejects calls until openMs passed", () => {
    const { clock, breaker, changes, failCall } = setup(3, 30_000);
    failCall();
    failCall();
    failCall(new UpstreamTimeoutError("openai", "firstByte", 500));
    expect(changes).toEqual(["open"]);
    expect(breaker.snapshot()).toEqual({
      state: "open",
      consecutiveFailures: 3,
      openedAt: 1_000_000,
      retryAt: 1_030_000,
      lastFailure: { class: "timeout", status: null, at: "1970-01-01T00:16:40.000Z" },
      lastSuccessAt: undefined,
    });
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.canAcquire()).toBe(false);
    clock.now += 29_999;
    expect(breaker.tryAcquire()).toBe(false);
  });

  it("after openMs lets exactly one probe through; others are rejected while it runs", () => {
    const { clock, breaker, failCall } = setup(1, 1_000);
    failCall();
    clock.now += 1_000;
    expect(breaker.canAcquire()).toBe(true);
    expect(breaker.canAcquire()).toBe(true); // asking does not take the probe
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state).toBe("half-open");
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.canAcquire()).toBe(false);
  });

  it("a successful probe closes the circuit", () => {
    const { clock, breaker, changes, failCall } = setup(1, 1_000);
    failCall();
    clock.now += 1_500;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordSuccess();
    expect(changes).toEqual(["open", "closed"]);
    expect(breaker.snapshot()).toMatchObject({
      state: "closed",
      consecutiveFailures: 0,
      openedAt: undefined,
      retryAt: undefined,
      lastSuccessAt: 1_001_500,
    });
    expect(breaker.tryAcquire()).toBe(true);
  });

  it("a failed probe opens the circuit again for another openMs", () => {
    const { clock, breaker, changes, failCall } = setup(2, 1_000);
    failCall();
    failCall();
    clock.now += 1_000;
    failCall();
    expect(changes).toEqual(["open", "open"]);
    expect(breaker.snapshot()).toMatchObject({
      state: "open",
      consecutiveFailures: 3,
      openedAt: 1_001_000,
      retryAt: 1_002_000,
    });
    expect(breaker.tryAcquire()).toBe(false);
  });

  it("a request the provider rejected counts as a success for connectivity", () => {
    const { clock, breaker, failCall } = setup(2, 1_000);
    failCall();
    failCall(
      new UpstreamRejectedError({ provider: "openai", upstreamStatus: 400, providerMessage: "no" }),
    );
    expect(breaker.snapshot()).toMatchObject({ state: "closed", consecutiveFailures: 0 });
    failCall();
    failCall();
    clock.now += 1_000;
    failCall(
      new UpstreamRejectedError({ provider: "openai", upstreamStatus: 422, providerMessage: "no" }),
    );
    expect(breaker.state).toBe("closed");
  });

  it("errors that are not upstream failures neither count nor close; a released probe frees the turn", () => {
    const { clock, breaker, failCall } = setup(1, 1_000);
    failCall(new TypeError("a bug"));
    expect(breaker.snapshot()).toMatchObject({ state: "closed", consecutiveFailures: 0 });
    failCall();
    clock.now += 1_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.release(); // the client went away before the probe told anything
    expect(breaker.state).toBe("open");
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state).toBe("half-open");
  });

  describe("a connectivity probe that answers (recordReachable)", () => {
    const linkDown = () =>
      new CloudUnavailableError("connection refused", {
        provider: "openai",
        cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      });
    const serverError = () =>
      new CloudUnavailableError("HTTP 500", { provider: "openai", upstreamStatus: 500 });

    it("closes a circuit that only link failures opened (refused, connect timeout)", () => {
      const { breaker, changes, failCall } = setup(2, 30_000);
      failCall(linkDown());
      failCall(new UpstreamTimeoutError("openai", "connect", 300));
      expect(breaker.state).toBe("open");
      breaker.recordReachable();
      expect(changes).toEqual(["open", "closed"]);
      expect(breaker.snapshot()).toMatchObject({ state: "closed", consecutiveFailures: 0 });
    });

    const providerFailures: [string, () => UpstreamError][] = [
      ["HTTP 500", serverError],
      ["a stalled answer", () => new UpstreamTimeoutError("openai", "idle", 300)],
      ["an unreadable answer", () => new UpstreamProtocolError("openai", "garbage SSE")],
    ];
    it.each(providerFailures)(
      "leaves open a circuit that %s helped open, until a trial call decides",
      (_, error) => {
        const { clock, breaker, changes, failCall } = setup(2, 30_000);
        failCall(linkDown());
        failCall(error());
        breaker.recordReachable();
        expect(breaker.snapshot()).toMatchObject({ state: "open", consecutiveFailures: 2 });
        expect(breaker.tryAcquire()).toBe(false);
        clock.now += 30_000;
        expect(breaker.tryAcquire()).toBe(true); // the half-open trial
        breaker.recordReachable();
        expect(breaker.state).toBe("half-open");
        breaker.recordSuccess();
        expect(changes).toEqual(["open", "closed"]);
        // Closed by the trial: a later circuit opened by link failures alone is the probe's again.
        failCall(linkDown());
        failCall(linkDown());
        breaker.recordReachable();
        expect(breaker.state).toBe("closed");
      },
    );

    it("does not clear the count of failures that reached the provider while closed", () => {
      const { breaker, failCall } = setup(3, 30_000);
      failCall(serverError());
      failCall(serverError());
      breaker.recordReachable();
      failCall(serverError());
      expect(breaker.state).toBe("open");
    });
  });
});
