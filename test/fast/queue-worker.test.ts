import { afterEach, describe, expect, it, vi } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { CloudUnavailableError } from "../../src/core/errors.js";
import { ConnectivityMonitor, probeBackoffMs } from "../../src/queue/connectivity-monitor.js";
import { GroupedMoves } from "../../src/queue/grouped-moves.js";
import type { RunOutcome } from "../../src/queue/queued-request-runner.js";
import { QueueWorker } from "../../src/queue/queue-worker.js";
import type { ProviderDirectory, RoutableProvider } from "../../src/router/hybrid-router.js";
import { openStore } from "../../src/store/open-store.js";
import type { QueuedRequest, StoredBatch } from "../../src/core/records/batches.js";
import type { Store } from "../../src/core/records/store.js";

/** The queue worker and the connectivity monitor on their own, over a real store and a fake clock. */
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

const t0 = Date.UTC(2026, 11, 3, 12);
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function queueWith(requests: number, state: QueuedRequest["state"], provider: string | null) {
  const store = await openStore({ url: "sqlite::memory:", home: "/tmp/colibri-unused" });
  stores.push(store);
  const tenant = await store.tenants.ensure("clinica", t0);
  const batch: StoredBatch = {
    id: "batch_1",
    tenantId: tenant.id,
    keyId: null,
    endpoint: "/v1/chat/completions",
    inputFileId: "file-1",
    completionWindow: "24h",
    status: "in_progress",
    createdAt: t0,
    expiresAt: t0 + 86_400_000,
    inProgressAt: t0,
    finalizingAt: null,
    completedAt: null,
    failedAt: null,
    expiredAt: null,
    cancellingAt: null,
    cancelledAt: null,
    outputFileId: null,
    errorFileId: null,
    errors: null,
    metadata: null,
  };
  const lines = Array.from({ length: requests }, (_, index) => ({
    id: `batch_req_${index + 1}`,
    batchId: batch.id,
    tenantId: tenant.id,
    line: index + 1,
    customId: `linea-${index + 1}`,
    body: "{}",
    state,
    provider,
    reason: null,
    attempts: 0,
    notBefore: t0,
    leaseUntil: null,
    cloudTarget: null,
    result: null,
    createdAt: t0,
    updatedAt: t0,
  }));
  await store.transaction((repositories) => repositories.batches.insert(batch, lines));
  return store;
}

function provider(
  name: string,
  state: { available: boolean; reachable: boolean },
): RoutableProvider {
  return {
    name,
    models: ["gpt-4o-mini"],
    defaultModel: "gpt-4o-mini",
    region: undefined,
    chat: () => {
      throw new Error("not called");
    },
    isAvailable: () => state.available,
    health: () => ({ name, available: state.available, consecutiveFailures: 0 }),
    probe: () => (state.reachable ? Promise.resolve() : Promise.reject(refused(name))),
  };
}

/** A refused probe whose message carries text a provider could have echoed. */
function refused(name: string): CloudUnavailableError {
  const cause = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
  return new CloudUnavailableError(`Provider "${name}" echoed: Juan Pérez, VIH positivo`, {
    provider: name,
    cause,
  });
}

function directory(...providers: RoutableProvider[]): ProviderDirectory {
  return {
    list: () => providers,
    get: (name) => providers.find((entry) => entry.name === name),
    find: () => undefined,
  };
}

function worker(
  store: Store,
  options: {
    clock: { now: number };
    up?: boolean;
    queue?: Record<string, unknown>;
    run?: (request: QueuedRequest) => RunOutcome;
  },
) {
  const state = { available: options.up ?? true, reachable: options.up ?? true };
  const providers = directory(provider("nube", state));
  const config = configSchema.shape.queue.parse(options.queue ?? {});
  const monitor = new ConnectivityMonitor({ providers, probe: config.probe });
  const ran: string[] = [];
  const queueWorker = new QueueWorker({
    store,
    runner: {
      run: (request) => {
        ran.push(request.customId);
        return Promise.resolve(
          options.run?.(request) ?? {
            kind: "done",
            failed: false,
            result: `{"ok":"${request.id}"}`,
          },
        );
      },
    },
    monitor,
    providers: ["nube"],
    config,
    now: () => options.clock.now,
    log: silent,
  });
  return { queueWorker, monitor, ran, state, providers };
}

async function settle(queueWorker: QueueWorker): Promise<void> {
  while (queueWorker.active > 0) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe("the queue worker", () => {
  it("releases waiting requests to a reachable provider at the configured rate, never in a flood", async () => {
    const store = await queueWith(10, "waiting", "nube");
    const clock = { now: t0 };
    const { queueWorker, monitor, providers } = worker(store, {
      clock,
      queue: { ratePerMinute: 60, concurrency: 64 },
    });
    await monitor.probeNow(providers.list()[0] as RoutableProvider);
    const pendingOrDone = async () =>
      10 - (await store.batches.requests({ states: ["waiting"], limit: 100 })).length;

    await queueWorker.tick();
    expect(await pendingOrDone()).toBe(1); // one second's allowance at 60 a minute
    clock.now += 500;
    await queueWorker.tick();
    expect(await pendingOrDone()).toBe(1);
    clock.now += 500;
    await queueWorker.tick();
    expect(await pendingOrDone()).toBe(2);
    clock.now += 60_000; // a long quiet spell earns no burst beyond one second's worth
    await queueWorker.tick();
    expect(await pendingOrDone()).toBe(3);
    await settle(queueWorker);
  });

  it("keeps waiting requests while the provider is down, and releases them once a probe finds it up", async () => {
    const store = await queueWith(3, "waiting", "nube");
    const clock = { now: t0 };
    const { queueWorker, monitor, state, providers } = worker(store, {
      clock,
      up: false,
      queue: { ratePerMinute: 6000 },
    });
    const nube = providers.list()[0] as RoutableProvider;
    expect((await monitor.probeNow(nube)).up).toBe(false);
    await queueWorker.tick();
    expect(await store.batches.requests({ states: ["waiting"], limit: 10 })).toHaveLength(3);

    state.reachable = true;
    state.available = true;
    const up = await monitor.probeNow(nube);
    expect(up).toMatchObject({ provider: "nube", up: true, consecutiveFailures: 0 });
    // The first request after an outage goes alone; the rest follow at the rate.
    await queueWorker.tick();
    expect(await store.batches.requests({ states: ["waiting"], limit: 10 })).toHaveLength(2);
    clock.now += 1000;
    await queueWorker.tick();
    expect(await store.batches.requests({ states: ["waiting"], limit: 10 })).toHaveLength(0);
    await settle(queueWorker);
  });

  it("takes again the requests of a worker that died once their lease lapses, and finishes the batch once", async () => {
    const store = await queueWith(2, "pending", null);
    const clock = { now: t0 };
    // A worker took both and died: nothing renews its lease.
    const dead = await store.batches.claim(t0, t0 + 30_000, 10);
    expect(dead).toHaveLength(2);
    const { queueWorker, ran } = worker(store, { clock });
    await queueWorker.tick();
    await settle(queueWorker);
    expect(ran).toEqual([]);

    clock.now = t0 + 30_001;
    await queueWorker.tick();
    await settle(queueWorker);
    expect(ran).toEqual(["linea-1", "linea-2"]);
    const again = await store.batches.requestsOf("batch_1");
    expect(again.map((request) => [request.state, request.attempts])).toEqual([
      ["completed", 2],
      ["completed", 2],
    ]);
    await queueWorker.tick();
    await queueWorker.tick();
    const batch = await store.batches.get("batch_1");
    expect(batch?.status).toBe("completed");
    const output = await store.files.content(batch?.outputFileId ?? "", batch?.tenantId ?? "");
    expect(output).toBe('{"ok":"batch_req_1"}\n{"ok":"batch_req_2"}\n');
    expect(batch?.errorFileId).toBeNull();
  });

  it("puts a rate-limited request back with its backoff and a waiting one with its provider and reason", async () => {
    const store = await queueWith(2, "pending", null);
    const clock = { now: t0 };
    const { queueWorker } = worker(store, {
      clock,
      run: (request) =>
        request.line === 1
          ? { kind: "later", notBefore: t0 + 20_000, reason: "requests_per_minute reached" }
          : { kind: "wait", provider: "nube", reason: "connection refused" },
    });
    await queueWorker.tick();
    await settle(queueWorker);
    const [later, waiting] = await store.batches.requestsOf("batch_1");
    expect(later).toMatchObject({ state: "pending", notBefore: t0 + 20_000, leaseUntil: null });
    expect(waiting).toMatchObject({
      state: "waiting",
      provider: "nube",
      reason: "connection refused",
    });
  });
});

describe("the connectivity monitor", () => {
  const probe = { intervalSeconds: 30, minBackoffSeconds: 1, maxBackoffSeconds: 60 };

  it("backs off exponentially with jitter between half and all of the step, up to the maximum", () => {
    const low = [1, 2, 3, 4, 7, 10].map((failures) => probeBackoffMs(failures, probe, () => 0));
    const high = [1, 2, 3, 4, 7, 10].map((failures) =>
      probeBackoffMs(failures, probe, () => 0.999_999),
    );
    expect(low).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
    expect(high).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000]);
  });

  it("counts failed probes and remembers the last error's class, never its text; a provider whose circuit is open is not up", async () => {
    const state = { available: true, reachable: false };
    const nube = provider("nube", state);
    const monitor = new ConnectivityMonitor({
      providers: directory(nube),
      probe,
      now: () => Date.parse("2026-01-02T03:04:05Z"),
    });
    await monitor.probeNow(nube);
    const down = await monitor.probeNow(nube);
    expect(down).toMatchObject({
      up: false,
      consecutiveFailures: 2,
      lastError: { class: "connection_refused", status: null, at: "2026-01-02T03:04:05.000Z" },
    });
    expect(JSON.stringify(monitor.states())).not.toContain("Pérez");
    expect(monitor.isUp("nube")).toBe(false);
    state.reachable = true;
    await monitor.probeNow(nube);
    expect(monitor.isUp("nube")).toBe(true);
    state.available = false;
    expect(monitor.isUp("nube")).toBe(false);
    expect(monitor.isUp("otra")).toBe(false);
  });
});

describe("the queue worker under a large batch", () => {
  it("gives the event loop a turn between passes, even when every attempt ends without I/O", async () => {
    // An open circuit or a refused link parks a line without waiting on any socket: without a
    // turn between passes, the whole batch was worked through before a timer or request ran.
    const store = await queueWith(200, "pending", null);
    const providers = directory(provider("nube", { available: false, reachable: false }));
    const config = configSchema.shape.queue.parse({ concurrency: 2, pollMs: 1 });
    let ran = 0;
    const queueWorker = new QueueWorker({
      store,
      runner: {
        // The chat flow's steps before the open circuit refuses: promise callbacks, no I/O.
        async run() {
          for (let step = 0; step < 1000; step++) await Promise.resolve();
          ran++;
          return { kind: "wait", provider: "nube", reason: "the link is down" };
        },
      },
      monitor: new ConnectivityMonitor({ providers, probe: config.probe }),
      providers: ["nube"],
      config,
      now: () => t0,
      log: silent,
    });
    queueWorker.start();
    await new Promise((resolve) => setImmediate(resolve));
    const ranWithinOneTurn = ran;
    await expect
      .poll(async () => (await store.batches.tally({})).find((entry) => entry.state === "waiting"))
      .toMatchObject({ count: 200 });
    await queueWorker.stop();
    expect(ranWithinOneTurn).toBeLessThan(10);
  });

  it("writes the outcomes of attempts that end in the same turn in one transaction, not a commit each", async () => {
    // A commit per parked line rewrote the same pages into the SQLite log over and over.
    const store = await queueWith(8, "pending", null);
    const { queueWorker } = worker(store, {
      clock: { now: t0 },
      queue: { concurrency: 8 },
      run: () => ({ kind: "wait", provider: "nube", reason: "connection refused" }),
    });
    const alone = vi.spyOn(store.batches, "move");
    const transactions = vi.spyOn(store, "transaction");
    await queueWorker.tick();
    await settle(queueWorker);
    const lines = await store.batches.requestsOf("batch_1");
    expect(lines.map((line) => line.state)).toEqual(Array(8).fill("waiting"));
    expect(alone).not.toHaveBeenCalled();
    expect(transactions).toHaveBeenCalledTimes(1);
  });
});

describe("the queue's grouped moves", () => {
  it("writes a group whose transaction failed move by move, so only the bad move's caller fails", async () => {
    const written: string[] = [];
    const store = {
      transaction: () => Promise.reject(new Error("rolled back")),
      batches: {
        move: (id: string) =>
          id === "bad"
            ? Promise.reject(new Error("disk I/O error"))
            : (written.push(id), Promise.resolve(true)),
      },
    } as unknown as Store;
    const moves = new GroupedMoves(store);
    const fields = { now: t0, reason: null };
    const results = await Promise.allSettled([
      moves.move("a", ["running"], "completed", fields),
      moves.move("bad", ["running"], "completed", fields),
      moves.move("b", ["running"], "completed", fields),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(written).toEqual(["a", "b"]);
  });
});
