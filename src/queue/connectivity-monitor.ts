import { setTimeout as delay } from "node:timers/promises";
import type { ColibriConfig } from "../config/schema.js";
import type { ProviderDirectory, RoutableProvider } from "../router/hybrid-router.js";
import { upstreamFailure, type UpstreamFailure } from "../core/upstream-failure.js";

/** What the monitor knows of one provider's link, JSON-friendly (for /admin and `colibri queue`). */
export interface LinkState {
  provider: string;
  /** null until the first probe has answered. */
  up: boolean | null;
  /** ISO time of the last probe. */
  checkedAt: string | null;
  /** ISO time since when the link has been as it is now. */
  since: string | null;
  consecutiveFailures: number;
  /** The last failed probe: class, status and time; never the provider's text. */
  lastError: UpstreamFailure | null;
  /** ISO time of the next probe. */
  nextProbeAt: string | null;
}

export interface ConnectivityMonitorOptions {
  providers: ProviderDirectory;
  probe: ColibriConfig["queue"]["probe"];
  now?: () => number;
  /** Jitter in [0, 1) for the backoff; default Math.random. */
  random?: () => number;
  /** Told when a provider's link goes up or down. */
  onChange?: (state: LinkState) => void;
}

/**
 * The wait before the next probe after `failures` failed ones in a row: doubling from the
 * minimum up to the maximum, with "equal jitter" (half fixed, half random) so many gateways that
 * lost the same link do not all come back at the same instant.
 */
export function probeBackoffMs(
  failures: number,
  probe: ColibriConfig["queue"]["probe"],
  random: () => number,
): number {
  const base = Math.min(
    probe.maxBackoffSeconds,
    probe.minBackoffSeconds * 2 ** Math.max(0, failures - 1),
  );
  return Math.round(base * 1000 * (0.5 + random() / 2));
}

/** While a link is up, how often the monitor looks whether live traffic has opened its circuit. */
const circuitCheckMs = 250;

/**
 * Probes each cloud provider's link (GET /models, which sends no work) in its own loop: every
 * `intervalSeconds` while it answers, with exponential backoff while it does not. The queue
 * releases waiting work to a provider only while it is up here and its circuit lets calls
 * through; a circuit that live traffic opens brings the next probe forward (which closes it
 * only when link failures opened it).
 */
export class ConnectivityMonitor {
  readonly #options: ConnectivityMonitorOptions;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #states = new Map<string, LinkState>();
  #stopping: AbortController | undefined;
  #loops: Promise<void>[] = [];

  constructor(options: ConnectivityMonitorOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    for (const provider of options.providers.list()) {
      this.#states.set(provider.name, {
        provider: provider.name,
        up: null,
        checkedAt: null,
        since: null,
        consecutiveFailures: 0,
        lastError: null,
        nextProbeAt: null,
      });
    }
  }

  /** Start probing every provider (again after `stop`). */
  start(): void {
    if (this.#stopping !== undefined) return;
    const stopping = new AbortController();
    this.#stopping = stopping;
    this.#loops = this.#options.providers
      .list()
      .map((provider) => this.#loop(provider, stopping.signal));
  }

  async stop(): Promise<void> {
    this.#stopping?.abort();
    this.#stopping = undefined;
    await Promise.all(this.#loops);
    this.#loops = [];
  }

  /** Whether work can be sent to the provider now: its link answered and its circuit is closed. */
  isUp(name: string): boolean {
    const provider = this.#options.providers.get(name);
    if (provider === undefined || !provider.isAvailable()) return false;
    return provider.probe === undefined || this.#states.get(name)?.up === true;
  }

  states(): LinkState[] {
    return [...this.#states.values()].map((state) => ({ ...state }));
  }

  /** Probe once now and record the result. */
  async probeNow(provider: RoutableProvider, signal?: AbortSignal): Promise<LinkState> {
    const state = this.#states.get(provider.name);
    if (state === undefined) throw new Error(`Unknown provider "${provider.name}".`);
    let error: UpstreamFailure | null = null;
    try {
      if (provider.probe !== undefined) await provider.probe(signal);
      else if (!provider.isAvailable()) {
        error = { class: "circuit_open", status: null, at: new Date(this.#now()).toISOString() };
      }
    } catch (thrown) {
      if (signal?.aborted === true) return { ...state };
      error = upstreamFailure(thrown, this.#now());
    }
    const now = new Date(this.#now()).toISOString();
    const up = error === null;
    const changed = state.up !== up;
    state.checkedAt = now;
    if (changed) state.since = now;
    state.up = up;
    state.lastError = error ?? state.lastError;
    state.consecutiveFailures = up ? 0 : state.consecutiveFailures + 1;
    if (changed) this.#options.onChange?.({ ...state });
    return { ...state };
  }

  async #loop(provider: RoutableProvider, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const state = await this.probeNow(provider, signal);
      const waitMs = state.up
        ? this.#options.probe.intervalSeconds * 1000
        : probeBackoffMs(state.consecutiveFailures, this.#options.probe, this.#random);
      const stored = this.#states.get(provider.name);
      if (stored !== undefined) stored.nextProbeAt = new Date(this.#now() + waitMs).toISOString();
      // Probe early when live traffic opens the circuit during the wait (it let calls through,
      // then stopped): a circuit opened by link failures closes again once a probe answers. One
      // that was already shut when the wait began is not probed in a loop: a probe cannot close
      // a circuit that calls reaching the provider opened (see CircuitBreaker.recordReachable).
      let letCallsThrough = false;
      await this.#wait(waitMs, signal, () => {
        if (provider.isAvailable()) letCallsThrough = true;
        else if (letCallsThrough) return state.up === true;
        return false;
      });
    }
  }

  /** Sleep `ms`, or less when `early()` turns true or the monitor stops. */
  async #wait(ms: number, signal: AbortSignal, early: () => boolean): Promise<void> {
    const until = performance.now() + ms;
    try {
      while (!signal.aborted && performance.now() < until && !early()) {
        await delay(Math.min(circuitCheckMs, until - performance.now()), undefined, {
          signal,
          ref: false,
        });
      }
    } catch {
      // Stopped.
    }
  }
}
