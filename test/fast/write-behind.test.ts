import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  temporaryPostgresSchema,
  temporarySqliteDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from "../../tools/bench/temporary-database.js";
import { openStore, type CounterWindow, type Store } from "../../src/store/index.js";
import type { CounterRepository } from "../../src/core/records/counters.js";
import { QueuedCounts } from "../../src/store/queued-counts.js";
import { usageRecord } from "../support/usage-record.js";

/*
 * Usage records, the counters they settle and audit rows are written by group commit
 * (store.writeBehind). What must hold on both databases: this process never reads around its own
 * queued writes, a limit decision sees what was spent, one bad write loses only itself, and
 * close() (what SIGTERM runs) writes everything queued.
 */

const t0 = Date.UTC(2026, 11, 7, 12, 0, 0);

const databases = [
  { name: "sqlite", create: () => temporarySqliteDatabase() },
  { name: "postgres", create: () => temporaryPostgresSchema(testPostgresUrl(), "colibri_wb") },
];

describe.each(databases)("writes behind the request on $name", ({ create }) => {
  let database: TemporaryDatabase;
  const opened: Store[] = [];
  const open = async () => {
    const store = await openStore({ url: database.url, home: database.home });
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await database.remove();
  });

  async function withTenant() {
    database = await create();
    const store = await open();
    const tenant = await store.tenants.ensure("acme", t0);
    const window: CounterWindow = { scope: "tenant", scopeId: tenant.id, period: "day", start: t0 };
    return { store, tenant, window };
  }

  it("reads of this store wait for its queued writes; another store sees them once written", async () => {
    const { store, tenant, window } = await withTenant();
    const records = Array.from({ length: 30 }, () => usageRecord(tenant.id));
    const queued = await Promise.all(
      records.map((record) =>
        store.writeBehind(async ({ usage, counters }) => {
          await usage.insert(record);
          await counters.add([window], { tokens: 15, costUsd: 0.001 });
        }),
      ),
    );
    // Not awaited: the reads themselves wait for the queue.
    expect(await store.usage.list({ since: 0, limit: 100 })).toHaveLength(30);
    const [counted] = await store.counters.read([window]);
    expect(counted?.tokens).toBe(450);
    await Promise.all(queued.map((write) => write.committed));

    const other = await open();
    expect(await other.usage.list({ since: 0, limit: 100 })).toHaveLength(30);
  });

  it("a reservation's transaction decides on what was settled, not on what was before", async () => {
    const { store, window } = await withTenant();
    await store.writeBehind(({ counters }) => counters.add([window], { tokens: 90, costUsd: 0 }));
    const refusedAt = await store.transaction(({ counters }) =>
      counters.addWithinCaps([{ window, maxTokens: 100, maxCostUsd: null }], {
        tokens: 20,
        costUsd: 0,
      }),
    );
    expect(refusedAt).toBe(0);
  });

  it("a limit decision counts queued settlements without waiting for them, and only once", async () => {
    const { store, window } = await withTenant();
    const settled = { tokens: 90, costUsd: 0.5 };
    const queued = await store.writeBehind(({ counters }) => counters.add([window], settled), {
      counts: { windows: [window], amount: settled },
    });
    const reserve = (tokens: number) =>
      store.transaction(
        ({ counters }) =>
          counters.addWithinCaps([{ window, maxTokens: 100, maxCostUsd: 1 }], {
            tokens,
            costUsd: 0,
          }),
        { waitForQueued: false },
      );
    expect(await reserve(20)).toBe(0);
    expect(await store.counters.read([window])).toEqual([
      { requests: 0, tokens: 90, costUsd: 0.5 },
    ]);
    await queued.committed;
    // Written: the stored row holds it, and the memory no longer adds it again.
    expect(await store.counters.read([window])).toEqual([
      { requests: 0, tokens: 90, costUsd: 0.5 },
    ]);
    expect(await reserve(10)).toBeUndefined();
    expect(await reserve(1)).toBe(0);
  });

  it("one write that fails loses only itself", async () => {
    const { store, tenant } = await withTenant();
    const twice = usageRecord(tenant.id);
    const first = await store.writeBehind(({ usage }) => usage.insert(twice));
    const again = await store.writeBehind(({ usage }) => usage.insert(twice));
    const other = await store.writeBehind(({ usage }) => usage.insert(usageRecord(tenant.id)));
    await store.flush();
    await expect(first.committed).resolves.toBeUndefined();
    await expect(again.committed).rejects.toThrow();
    await expect(other.committed).resolves.toBeUndefined();
    expect(await store.usage.list({ since: 0, limit: 100 })).toHaveLength(2);
  });

  it("close writes everything queued, and then refuses more", async () => {
    const { store, tenant } = await withTenant();
    for (let index = 0; index < 25; index++) {
      await store.writeBehind(({ usage }) => usage.insert(usageRecord(tenant.id)));
    }
    await store.close();
    await expect(
      store.writeBehind(({ usage }) => usage.insert(usageRecord(tenant.id))),
    ).rejects.toThrow();
    const reopened = await open();
    expect(await reopened.usage.list({ since: 0, limit: 100 })).toHaveLength(25);
  });

  it("an egress record is committed when insert resolves", async () => {
    const { store, tenant } = await withTenant();
    const id = randomUUID();
    await store.egress.insert({
      id,
      createdAt: t0,
      requestId: "req-1",
      tenantId: tenant.id,
      provider: "openai",
      model: "gpt-4o-mini",
      region: null,
      bytesSent: 120,
      outcome: "sent",
      action: "allow",
      reason: "explicit",
      findings: {},
      values: [{ type: "email", hash: "h1", action: "mask" }],
      delivered: null,
    });
    const other = await open();
    const [record] = await other.egress.list({ since: 0, limit: 10 });
    expect(record).toMatchObject({ id, values: [{ type: "email", hash: "h1", action: "mask" }] });
    expect(await store.egress.settleDelivery(id, { delivered: true })).toBe(true);
    expect((await other.egress.list({ since: 0, limit: 10 }))[0]?.delivered).toBe(true);
  });
});

describe("queued settlements in limit decisions", () => {
  const window: CounterWindow = { scope: "tenant", scopeId: "t", period: "day", start: t0 };

  /** Counters in memory whose addWithinCaps lets `beforeStatement` run first (a commit landing). */
  function counters(stored: { tokens: number; costUsd: number }, beforeStatement = () => {}) {
    const repository: CounterRepository = {
      takeRequest: () => Promise.resolve(true),
      add: (_windows, amount) => {
        stored.tokens += amount.tokens;
        stored.costUsd += amount.costUsd;
        return Promise.resolve();
      },
      addWithinCaps: (windows, amount) => {
        beforeStatement();
        const [entry] = windows;
        const over =
          (entry?.maxTokens != null && stored.tokens + amount.tokens > entry.maxTokens) ||
          (entry?.maxCostUsd != null && stored.costUsd + amount.costUsd > entry.maxCostUsd);
        if (over) return Promise.resolve(0);
        stored.tokens += amount.tokens;
        stored.costUsd += amount.costUsd;
        return Promise.resolve(undefined);
      },
      read: (windows) => Promise.resolve(windows.map(() => ({ requests: 0, ...stored }))),
      prune: () => Promise.resolve(0),
    };
    return repository;
  }

  it("what a queued settlement adds counts at once", async () => {
    const queued = new QueuedCounts();
    const wrapped = queued.counting(counters({ tokens: 0, costUsd: 0 }));
    queued.hold({ windows: [window], amount: { tokens: 90, costUsd: 0.9 } });
    expect(await wrapped.read([window])).toEqual([{ requests: 0, tokens: 90, costUsd: 0.9 }]);
    const caps = [{ window, maxTokens: 100, maxCostUsd: 1 }];
    expect(await wrapped.addWithinCaps(caps, { tokens: 20, costUsd: 0 })).toBe(0);
    expect(await wrapped.addWithinCaps(caps, { tokens: 5, costUsd: 0.05 })).toBeUndefined();
  });

  it("what it gives back of a reservation counts only once committed, even if it commits while the cap is checked", async () => {
    const queued = new QueuedCounts();
    // A request holds 80 tokens and $0.80; it used 20 and $0.20, so its settlement gives 60 back.
    const stored = { tokens: 80, costUsd: 0.8 };
    const giveBack = { tokens: -60, costUsd: -0.6 };
    const release = queued.hold({ windows: [window], amount: giveBack });
    const commit = () => {
      stored.tokens += giveBack.tokens;
      stored.costUsd += giveBack.costUsd;
      release();
    };
    const wrapped = queued.counting(counters(stored, commit));
    // Reads show where the window is going.
    expect((await wrapped.read([window]))[0]?.tokens).toBe(20);
    // The settlement commits between the cap being worked out and its statement: 20 + 90 > 100.
    const tokenCap = [{ window, maxTokens: 100, maxCostUsd: null }];
    expect(await wrapped.addWithinCaps(tokenCap, { tokens: 90, costUsd: 0 })).toBe(0);
    expect(stored.tokens).toBe(20);
  });

  it("a budget is not passed when a give-back commits while the cap is checked", async () => {
    const queued = new QueuedCounts();
    const stored = { tokens: 0, costUsd: 0.044 };
    const release = queued.hold({ windows: [window], amount: { tokens: 0, costUsd: -0.044 } });
    const wrapped = queued.counting(
      counters(stored, () => {
        stored.costUsd -= 0.044;
        release();
      }),
    );
    // $0.031 spent since, by another replica.
    stored.costUsd += 0.031;
    const budget = [{ window, maxTokens: null, maxCostUsd: 0.05 }];
    expect(await wrapped.addWithinCaps(budget, { tokens: 0, costUsd: 0.044 })).toBe(0);
  });
});
