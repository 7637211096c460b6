import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  temporaryPostgresSchema,
  temporarySqliteDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from "../../tools/bench/temporary-database.js";
import { openStore, type CounterWindow, type Store } from "../../src/store/index.js";
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
