import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createApiKey } from "../../src/tenancy/api-keys.js";
import type { Gatekeeper, Settlement } from "../../src/tenancy/gatekeeper.js";
import { parseConfig } from "../../src/config/load.js";
import type { ColibriConfig } from "../../src/config/schema.js";
import { buildGateway, type Gateway } from "../../src/gateway/build-gateway.js";
import type { ColibriServer } from "../../src/server/app.js";
import { openStore } from "../../src/store/open-store.js";
import type { Limits } from "../../src/core/records/tenancy.js";
import type { Store } from "../../src/core/records/store.js";
import { InstantBackend, instantUsage } from "./instant-backend.js";

export interface GatewayBenchmarkOptions {
  /** The store to measure; it should be fresh (see temporarySqliteDatabase, temporaryPostgresSchema). */
  databaseUrl: string;
  home: string;
  /** Requests started per second, on a fixed schedule (open loop). */
  rate: number;
  /** Measured requests per measurement. */
  requests: number;
  /** Requests run before each measurement at the same rate, not measured (but recorded). */
  warmup: number;
  now?: () => number;
}

/** Microseconds. */
export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface Measurement {
  latency: LatencySummary;
  /** Requests started per second over the measured part, as achieved (the offered load). */
  achievedRate: number;
  /**
   * Requests completed per second, from the first start to the last completion: below the rate
   * when the gateway cannot keep up, and then latencies grow with the queue.
   */
  servedRate: number;
  /** How late each request started against its schedule (timer and event-loop delay). */
  startDelay: LatencySummary;
}

export interface RecordCount {
  expected: number;
  found: number;
}

export interface GatewayBenchmarkResult {
  dialect: "sqlite" | "postgres";
  location: string;
  rate: number;
  requests: number;
  warmup: number;
  /** authenticate + admit + settle, called directly: exactly the work the platform adds. */
  platformOverhead: Measurement & {
    breakdown: { authenticate: LatencySummary; admit: LatencySummary; settle: LatencySummary };
  };
  /**
   * The same calls one after another, never overlapping and never waiting for a timer: each
   * request's own cost, without queueing behind another or waking an idle CPU.
   */
  platformBackToBack: LatencySummary;
  /** app.inject of a non-streaming chat completion with a tenant key: auth on, every limit set. */
  endToEndWithPlatform: Measurement;
  /** The same request with auth off and a tenant without limits: the fewest queries possible. */
  endToEndMinimal: Measurement;
  /** Usage records in the store afterwards, warm-up included, per tenant. */
  records: { withPlatform: RecordCount; minimal: RecordCount; matches: boolean };
}

/** The egress audit's key; nothing leaves for a cloud here, so nothing is hashed with it. */
const benchAuditKey = "bench-audit-key-0123456789abcdef0123456789";

/** Limits on the benchmark's tenant and key: all set, so every check runs, but never reached. */
const generousLimits: Limits = {
  budgetUsdDay: 1_000_000,
  budgetUsdMonth: 10_000_000,
  requestsPerMinute: 1_000_000_000,
  tokensPerMinute: 1_000_000_000_000,
};

const chatBody = {
  model: "local",
  messages: [{ role: "user", content: "Hola" }],
  max_tokens: 16,
};

/**
 * Measure what the platform (auth, limits, accounting over the store) adds to each request, at a
 * fixed request rate: request i starts at t0 + i/rate whether or not earlier ones have finished,
 * so slow requests queue up the ones behind them as they would in production. The backend answers
 * instantly, so only the platform is measured. Three measurements run one after the other:
 * the platform's calls alone, a chat completion through the server with the platform fully on,
 * and the same request with the platform doing the least it can.
 */
export async function benchmarkGateway(
  options: GatewayBenchmarkOptions,
): Promise<GatewayBenchmarkResult> {
  const suffix = randomBytes(4).toString("hex");
  const base = { home: options.home, database: options.databaseUrl };
  const fullConfig = parseConfig({
    ...base,
    server: { host: "127.0.0.1", port: 0, auth: true },
    // A local price and budgets that apply to local work: costs are computed and checked too.
    pricing: { local: { input: 0.5, output: 1.5 } },
    limits: { defaultTenant: `bench-default-${suffix}`, localWhenBudgetSpent: false },
  });
  const minimalConfig = parseConfig({
    ...base,
    server: { host: "127.0.0.1", port: 0, auth: false },
    limits: { defaultTenant: `bench-minimal-${suffix}` },
  });

  const store = await openStore({ url: options.databaseUrl, home: options.home });
  const gateways: Gateway[] = [];
  try {
    const now = options.now ?? Date.now;
    // Only the platform around an instant backend: no router, files, queue, cache or dashboard.
    const gatewayOf = async (config: ColibriConfig) => {
      const gateway = await buildGateway(config, {
        backend: new InstantBackend(),
        store,
        auditKey: benchAuditKey,
        now,
        defaultMaxTokens: 16,
        features: [],
      });
      gateways.push(gateway);
      return gateway;
    };
    const { gatekeeper: full, server: fullServer } = await gatewayOf(fullConfig);
    const { server: minimalServer } = await gatewayOf(minimalConfig);
    const tenantName = `bench-${suffix}`;
    const { key, tenantId } = await createLimitedTenant(store, tenantName, now());
    const minimalTenant = await store.tenants.ensure(minimalConfig.limits.defaultTenant, now());

    const schedule = { rate: options.rate, requests: options.requests, warmup: options.warmup };
    const overhead = await measurePlatformOverhead(full, key, schedule);
    const platformBackToBack = await measureBackToBack(options.requests, () =>
      platformCalls(full, key),
    );
    const endToEndWithPlatform = await measureAtFixedRate(schedule, () =>
      injectChat(fullServer, { authorization: `Bearer ${key}` }),
    );
    const endToEndMinimal = await measureAtFixedRate(schedule, () => injectChat(minimalServer, {}));

    const perMeasurement = options.requests + options.warmup;
    const totals = await store.usage.totals({ since: 0 });
    const countFor = (id: string) =>
      totals.filter((total) => total.tenantId === id).reduce((sum, t) => sum + t.requests, 0);
    const withPlatform = {
      expected: 2 * perMeasurement + options.requests,
      found: countFor(tenantId),
    };
    const minimalRecords = { expected: perMeasurement, found: countFor(minimalTenant.id) };
    return {
      dialect: store.dialect,
      location: store.location,
      ...schedule,
      platformOverhead: overhead,
      platformBackToBack,
      endToEndWithPlatform,
      endToEndMinimal,
      records: {
        withPlatform,
        minimal: minimalRecords,
        matches:
          withPlatform.found === withPlatform.expected &&
          minimalRecords.found === minimalRecords.expected,
      },
    };
  } finally {
    for (const gateway of gateways) await gateway.close();
    await store.close();
  }
}

async function createLimitedTenant(store: Store, name: string, now: number) {
  const tenant = await store.tenants.ensure(name, now);
  await store.tenants.updateLimits(name, generousLimits);
  const created = createApiKey({
    kind: "tenant",
    tenantId: tenant.id,
    name: "gateway benchmark",
    limits: generousLimits,
    now,
  });
  await store.keys.insert(created.record);
  return { key: created.key, tenantId: tenant.id };
}

export interface Schedule {
  rate: number;
  requests: number;
  warmup: number;
}

/** authenticate + admit + settle for one chat completion, each part timed on its own too. */
async function measurePlatformOverhead(gatekeeper: Gatekeeper, key: string, schedule: Schedule) {
  const parts = { authenticate: [] as number[], admit: [] as number[], settle: [] as number[] };
  const measurement = await measureAtFixedRate(schedule, async (measured) => {
    const started = process.hrtime.bigint();
    const principal = await gatekeeper.authenticate(key);
    const authenticated = process.hrtime.bigint();
    const admission = await gatekeeper.admit(principal);
    const admitted = process.hrtime.bigint();
    // What the request waits for: the settlement queued for group commit (decision 0022). Its
    // write happens in a later flush shared with others, outside this part's time.
    await gatekeeper.settle(admission, settlementOf(randomUUID()));
    const settled = process.hrtime.bigint();
    if (measured) {
      parts.authenticate.push(Number(authenticated - started));
      parts.admit.push(Number(admitted - authenticated));
      parts.settle.push(Number(settled - admitted));
    }
  });
  return {
    ...measurement,
    breakdown: {
      authenticate: summarize(parts.authenticate),
      admit: summarize(parts.admit),
      settle: summarize(parts.settle),
    },
  };
}

/** authenticate + admit + settle, untimed. */
async function platformCalls(gatekeeper: Gatekeeper, key: string): Promise<void> {
  const principal = await gatekeeper.authenticate(key);
  const admission = await gatekeeper.admit(principal);
  await gatekeeper.settle(admission, settlementOf(randomUUID()));
}

/** `count` calls of `work`, each started when the previous one ended; durations in µs. */
async function measureBackToBack(
  count: number,
  work: () => Promise<void>,
): Promise<LatencySummary> {
  const durations: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = process.hrtime.bigint();
    await work();
    durations.push(Number(process.hrtime.bigint() - started));
  }
  return summarize(durations);
}

/** What the chat route settles for one instant answer. */
function settlementOf(requestId: string): Settlement {
  return {
    requestId,
    endpoint: "chat.completions",
    model: "instant",
    target: "local",
    stream: false,
    usage: { ...instantUsage },
    status: 200,
    outcome: "completed",
    route: "local",
    reason: null,
    confidence: null,
    findings: null,
    language: null,
    responseId: null,
  };
}

async function injectChat(server: ColibriServer, headers: Record<string, string>): Promise<void> {
  const response = await server.app.inject({
    method: "POST",
    url: "/v1/chat/completions",
    payload: chatBody,
    headers,
  });
  if (response.statusCode !== 200) {
    throw new Error(
      `A benchmark request failed with HTTP ${response.statusCode}: ${response.body.slice(0, 300)}`,
    );
  }
}

/**
 * Run `work` open-loop: warm-up requests, then measured ones, request i started at t0 + i/rate
 * (never waiting for earlier requests to finish). Each request's wall time is measured from its
 * actual start; how late it started is reported apart (startDelay). The first failure is thrown
 * once every started request has finished.
 */
export async function measureAtFixedRate(
  schedule: Schedule,
  work: (measured: boolean) => Promise<void>,
): Promise<Measurement> {
  await runAtFixedRate(schedule.rate, schedule.warmup, () => work(false));
  const run = await runAtFixedRate(schedule.rate, schedule.requests, () => work(true));
  const startSeconds = (run.lastStart - run.firstStart) / 1e9;
  const servedSeconds = (run.lastEnd - run.firstStart) / 1e9;
  return {
    latency: summarize(run.durations),
    achievedRate: startSeconds > 0 ? (run.started - 1) / startSeconds : 0,
    servedRate: servedSeconds > 0 ? run.started / servedSeconds : 0,
    startDelay: summarize(run.delays),
  };
}

/**
 * Times are kept as plain numbers of nanoseconds since the run's origin, and finished requests
 * are let go at once, so the harness itself keeps little alive for the garbage collector to copy.
 */
async function runAtFixedRate(rate: number, count: number, work: () => Promise<void>) {
  const interval = 1e9 / rate;
  const origin = process.hrtime.bigint() + 1_000_000n;
  const elapsed = () => Number(process.hrtime.bigint() - origin);
  const run = {
    durations: [] as number[],
    delays: [] as number[],
    started: 0,
    firstStart: 0,
    lastStart: 0,
    lastEnd: 0,
  };
  const running = new Set<Promise<void>>();
  // Written by the requests' callbacks; read after each start and at the end.
  const outcome: { failure?: { error: unknown } } = {};
  for (let index = 0; index < count && outcome.failure === undefined; index++) {
    const due = index * interval;
    await waitUntil(due, elapsed);
    const started = elapsed();
    if (index === 0) run.firstStart = started;
    run.lastStart = started;
    run.started++;
    run.delays.push(started - due);
    const request: Promise<void> = work()
      .then(
        () => {
          const ended = elapsed();
          run.durations.push(ended - started);
          run.lastEnd = Math.max(run.lastEnd, ended);
        },
        (error: unknown) => {
          outcome.failure ??= { error };
        },
      )
      .then(() => {
        running.delete(request);
      });
    running.add(request);
  }
  await Promise.all(running);
  if (outcome.failure !== undefined) throw outcome.failure.error;
  return run;
}

/**
 * Sleep until `due` nanoseconds on the run's clock. Timers have about 1 ms resolution, so starts
 * can be up to ~1 ms late (reported as startDelay); busy-waiting instead would take a core from
 * the database on a small machine.
 */
async function waitUntil(due: number, elapsed: () => number): Promise<void> {
  for (let remaining = due - elapsed(); remaining > 0; remaining = due - elapsed()) {
    await sleep(Math.ceil(remaining / 1e6));
  }
}

/** p50/p90/p99/max/mean in microseconds of durations in nanoseconds (nearest rank). */
export function summarize(nanoseconds: readonly number[]): LatencySummary {
  const sorted = [...nanoseconds].sort((a, b) => a - b);
  const at = (percent: number) => {
    if (sorted.length === 0) return 0;
    const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
    return (sorted[rank - 1] ?? 0) / 1000;
  };
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: at(100),
    mean: sorted.length === 0 ? 0 : total / sorted.length / 1000,
  };
}
