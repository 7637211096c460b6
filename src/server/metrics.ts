import type { ChatMetrics } from "../chat/chat-metrics.js";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { BackendStatus } from "../core/chat.js";

/** What the provider gauges read from a provider's health. */
export interface ProviderGaugeSource {
  name: string;
  available: boolean;
  consecutiveFailures: number;
}

export interface RequestObservation {
  route: string;
  model: string;
  target: string;
  status: number;
  seconds: number;
}

/**
 * The gateway's Prometheus metrics, in a registry of its own (several servers in one process,
 * as in tests, never share counters). Labels hold routes, models and targets — never tenants or
 * keys, whose number is unbounded.
 */
export class GatewayMetrics implements ChatMetrics {
  readonly registry = new Registry();
  readonly #requests = new Counter({
    name: "colibri_requests_total",
    help: "HTTP requests answered, by route, model, target (local or cloud provider) and status.",
    labelNames: ["route", "model", "target", "status"] as const,
    registers: [this.registry],
  });
  readonly #duration = new Histogram({
    name: "colibri_request_duration_seconds",
    help: "Time from request to the end of the response (the whole stream for streaming).",
    labelNames: ["route", "target"] as const,
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly #tokens = new Counter({
    name: "colibri_tokens_total",
    help: "Tokens processed, by model, target and kind (prompt or completion).",
    labelNames: ["model", "target", "kind"] as const,
    registers: [this.registry],
  });
  readonly #cost = new Counter({
    name: "colibri_cost_usd_total",
    help: "Cost in USD from the pricing table, by model and target.",
    labelNames: ["model", "target"] as const,
    registers: [this.registry],
  });
  readonly #rejections = new Counter({
    name: "colibri_limit_rejections_total",
    help: "Requests refused with 429 by a budget or rate limit, by limit (e.g. budget_usd_month).",
    labelNames: ["limit"] as const,
    registers: [this.registry],
  });
  readonly #usageWriteFailures = new Counter({
    name: "colibri_usage_write_failures_total",
    help: "Usage records that could not be written to the store (see the error log).",
    registers: [this.registry],
  });

  readonly #decisions = new Counter({
    name: "colibri_route_decisions_total",
    help: "Chat requests by the route that answered (local, cloud, cascade-local, cascade-cloud) and the reason code.",
    labelNames: ["route", "reason"] as const,
    registers: [this.registry],
  });

  readonly #cacheLookups = new Counter({
    name: "colibri_cache_lookups_total",
    help: "Chat requests the exact-match cache could answer, by result (hit or miss).",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });
  readonly #findings = new Counter({
    name: "colibri_pii_findings_total",
    help: "Personal data found by the privacy guard in chat requests, by data type.",
    labelNames: ["type"] as const,
    registers: [this.registry],
  });
  readonly #egress = new Counter({
    name: "colibri_egress_decisions_total",
    help: "Chat requests whose plan could reach a cloud provider, by the guard's verdict (send, local-only, block) and the strongest action.",
    labelNames: ["provider", "verdict", "action"] as const,
    registers: [this.registry],
  });

  /**
   * @param providerHealth each cloud provider's circuit, exported as colibri_provider_up (1 when
   *   a call would be let through) and colibri_provider_consecutive_failures.
   */
  constructor(
    backendStatus: () => BackendStatus,
    providerHealth: () => readonly ProviderGaugeSource[] = () => [],
  ) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: "colibri_queue_depth",
      help: "Requests waiting for a free sequence of the local engine.",
      registers: [this.registry],
      collect() {
        this.set(backendStatus().queued);
      },
    });
    new Gauge({
      name: "colibri_active_sequences",
      help: "Local engine sequences generating right now.",
      registers: [this.registry],
      collect() {
        this.set(backendStatus().sequencesInUse);
      },
    });
    new Gauge({
      name: "colibri_provider_up",
      help: "1 when the cloud provider's circuit lets calls through, 0 while it is open.",
      labelNames: ["provider"] as const,
      registers: [this.registry],
      collect() {
        for (const health of providerHealth()) {
          this.set({ provider: health.name }, health.available ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: "colibri_provider_consecutive_failures",
      help: "Failed calls in a row to the cloud provider (its circuit opens at the configured threshold).",
      labelNames: ["provider"] as const,
      registers: [this.registry],
      collect() {
        for (const health of providerHealth()) {
          this.set({ provider: health.name }, health.consecutiveFailures);
        }
      },
    });
  }

  /**
   * Export the store-and-forward queue as colibri_batch_requests{state} (open requests, read
   * from the store at each scrape, so every replica reports the shared queue).
   */
  watchQueue(tally: () => Promise<readonly { state: string; count: number }[]>): void {
    new Gauge({
      name: "colibri_batch_requests",
      help: "Queued batch (and deferred) requests not finished yet, by state: pending, running, waiting.",
      labelNames: ["state"] as const,
      registers: [this.registry],
      async collect() {
        const counts = new Map<string, number>([
          ["pending", 0],
          ["running", 0],
          ["waiting", 0],
        ]);
        for (const row of await tally())
          counts.set(row.state, (counts.get(row.state) ?? 0) + row.count);
        for (const [state, count] of counts) this.set({ state }, count);
      },
    });
  }

  observeCacheLookup(hit: boolean): void {
    this.#cacheLookups.inc({ result: hit ? "hit" : "miss" });
  }

  /** The data types found in one request (each finding counts). */
  observeFindings(types: readonly string[]): void {
    for (const type of types) this.#findings.inc({ type });
  }

  observeEgress(provider: string, verdict: string, action: string): void {
    this.#egress.inc({ provider, verdict, action });
  }

  observeDecision(route: string, reason: string): void {
    this.#decisions.inc({ route, reason });
  }

  observeRequest(observation: RequestObservation): void {
    const { route, model, target, status, seconds } = observation;
    this.#requests.inc({ route, model, target, status: String(status) });
    this.#duration.observe({ route, target }, seconds);
  }

  observeUsage(
    model: string,
    target: string,
    usage: { promptTokens: number; completionTokens: number; costUsd: number },
  ): void {
    if (usage.promptTokens > 0) {
      this.#tokens.inc({ model, target, kind: "prompt" }, usage.promptTokens);
    }
    if (usage.completionTokens > 0) {
      this.#tokens.inc({ model, target, kind: "completion" }, usage.completionTokens);
    }
    if (usage.costUsd > 0) this.#cost.inc({ model, target }, usage.costUsd);
  }

  observeRejection(limit: string): void {
    this.#rejections.inc({ limit });
  }

  observeUsageWriteFailure(): void {
    this.#usageWriteFailures.inc();
  }
}
