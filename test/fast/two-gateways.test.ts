import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/tenancy/api-keys.js";
import { windowStart } from "../../src/tenancy/limits.js";
import {
  temporaryPostgresSchema,
  testPostgresUrl,
  type TemporaryDatabase,
} from "../../tools/bench/temporary-database.js";
import type { CounterWindow, Period } from "../../src/core/records/counters.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

const database: TemporaryDatabase = await temporaryPostgresSchema(testPostgresUrl(), "colibri_two");
const fixedNow = Date.UTC(2026, 10, 29, 12, 30, 30);
const config = {
  database: database.url,
  server: { auth: true },
  pricing: { local: { input: 500, output: 1500 } }, // 7 prompt + 5 completion = $0.011
};

let first: TestGateway<ScriptedBackend>;
let second: TestGateway<ScriptedBackend>;
let addresses: string[];

beforeAll(async () => {
  first = await startTestGateway({ config, now: () => fixedNow });
  second = await startTestGateway({ config, now: () => fixedNow });
  first.backend.tokenDelayMs = second.backend.tokenDelayMs = 1;
  addresses = [await first.server.listen(), await second.server.listen()];
});

afterAll(async () => {
  await first.close();
  await second.close();
  await database.remove();
});

async function newKey(tenant: string, limits: { requestsPerMinute?: number } = {}) {
  const { id } = await first.store.tenants.ensure(tenant, fixedNow);
  const created = createApiKey({ kind: "tenant", tenantId: id, now: fixedNow, limits });
  await first.store.keys.insert(created.record);
  return { ...created, tenantId: id };
}

function window(scope: CounterWindow["scope"], scopeId: string, period: Period): CounterWindow {
  return { scope, scopeId, period, start: windowStart(period, fixedNow) };
}

/**
 * `count` concurrent chat requests, alternating between the two gateways, over real HTTP. Each
 * gateway writes its usage records behind the requests (group commit): the other reads them
 * once they are written, so both write what they queued before the test reads.
 */
async function burst(key: string, count: number): Promise<number[]> {
  const statuses = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const response = await fetch(`${addresses[index % 2] ?? ""}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({
          model: "local",
          stream: index % 3 === 0,
          messages: [{ role: "user", content: "Hola" }],
        }),
      });
      await response.text();
      return response.status;
    }),
  );
  await Promise.all([first.store.flush(), second.store.flush()]);
  return statuses;
}

describe("two gateways sharing one PostgreSQL database", () => {
  it("admit exactly the requests-per-minute limit across both, with no lost updates", async () => {
    const { key, record } = await newKey("acme", { requestsPerMinute: 20 });
    const statuses = await burst(key, 60);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40);

    const records = (await second.store.usage.list({ since: 0, limit: 1000 })).filter(
      (usage) => usage.keyId === record.id,
    );
    expect(records).toHaveLength(60);
    expect(records.filter((usage) => usage.outcome === "completed")).toHaveLength(20);
    const [minute] = await first.store.counters.read([window("key", record.id, "minute")]);
    expect(minute).toMatchObject({ requests: 20, tokens: 20 * 12 });
  });

  it("add every request's tokens and cost to the tenant's counters and the ledger alike", async () => {
    const { key, tenantId } = await newKey("clinica");
    const statuses = await burst(key, 40);
    expect(statuses.every((status) => status === 200)).toBe(true);

    const [totals] = await first.store.usage.totals({ since: 0, tenantId });
    expect(totals).toMatchObject({ requests: 40, promptTokens: 280, completionTokens: 200 });
    expect(totals?.costUsd).toBeCloseTo(40 * 0.011, 9);
    const counters = await second.store.counters.read(
      (["minute", "day", "month"] as const).map((period) => window("tenant", tenantId, period)),
    );
    for (const counter of counters) {
      expect(counter.tokens).toBe(480);
      expect(counter.costUsd).toBeCloseTo(40 * 0.011, 9);
    }
  });

  it("stop both gateways once the tenant's budget is spent", async () => {
    const { key } = await newKey("escuela");
    await second.store.tenants.updateLimits("escuela", { budgetUsdDay: 0.1 });
    const strict = { ...config, limits: { localWhenBudgetSpent: false } };
    const third = await startTestGateway({ config: strict, now: () => fixedNow });
    const fourth = await startTestGateway({ config: strict, now: () => fixedNow });
    try {
      const call = (gateway: TestGateway<ScriptedBackend>) =>
        gateway.app.inject({
          method: "POST",
          url: "/v1/chat/completions",
          payload: { model: "local", messages: [{ role: "user", content: "Hola" }], max_tokens: 5 },
          headers: { authorization: `Bearer ${key}` },
        });
      const served: number[] = [];
      for (let round = 0; round < 6; round++) {
        served.push((await call(third)).statusCode, (await call(fourth)).statusCode);
      }
      // Each holds $0.0105 (6 prompt tokens held, max_tokens 5) and spends $0.011: after 9
      // ($0.099) the next could pass $0.10 and is refused, on either gateway.
      expect(served.filter((status) => status === 200)).toHaveLength(9);
      expect(served.slice(9)).toEqual([429, 429, 429]);
      const tenantId = (await third.store.tenants.findByName("escuela"))?.id;
      const records = await third.store.usage.list({ since: 0, limit: 1000 });
      const spent = records
        .filter((record) => record.tenantId === tenantId)
        .reduce((sum, record) => sum + record.costUsd, 0);
      expect(spent).toBeCloseTo(0.099);
    } finally {
      await third.close();
      await fourth.close();
    }
  });

  it("hold a budget with 100 concurrent requests spread over both gateways", async () => {
    const { key } = await newKey("colegio");
    await second.store.tenants.updateLimits("colegio", { budgetUsdDay: 0.1 });
    const strict = { ...config, limits: { localWhenBudgetSpent: false } };
    const third = await startTestGateway({ config: strict, now: () => fixedNow });
    const fourth = await startTestGateway({ config: strict, now: () => fixedNow });
    third.backend.tokenDelayMs = fourth.backend.tokenDelayMs = 5;
    try {
      const statuses = await Promise.all(
        Array.from({ length: 100 }, async (_, index) => {
          const response = await (index % 2 === 0 ? third : fourth).app.inject({
            method: "POST",
            url: "/v1/chat/completions",
            payload: {
              model: "local",
              messages: [{ role: "user", content: "Hola" }],
              max_tokens: 5,
            },
            headers: { authorization: `Bearer ${key}` },
          });
          return response.statusCode;
        }),
      );
      expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
      const tenantId = (await third.store.tenants.findByName("colegio"))?.id;
      const spent = (await third.store.usage.list({ since: 0, limit: 1000 }))
        .filter((record) => record.tenantId === tenantId)
        .reduce((sum, record) => sum + record.costUsd, 0);
      // Each holds $0.0105 and spends $0.011 (7 prompt tokens, one more than held): at most
      // nine fit at once, so the budget is passed by at most 9 × $0.0005.
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(9);
      expect(spent).toBeLessThanOrEqual(0.1 + 9 * 0.0005);
      expect(spent).toBeGreaterThan(0.05);
    } finally {
      await third.close();
      await fourth.close();
    }
  });
});
