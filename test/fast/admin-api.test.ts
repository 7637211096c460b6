import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { administrationFromConfig } from "../../src/tenancy/gatekeeper-from-config.js";
import { normalizeValue } from "../../src/privacy/normalize.js";
import { EgressAudit } from "../../src/privacy/egress-audit.js";
import { ValueHasher } from "../../src/privacy/value-hasher.js";
import { createServer } from "../../src/server/app.js";
import type { EgressRecord } from "../../src/core/records/egress.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, testAuditKey, type TestGateway } from "../support/test-gateway.js";

const adminKey = "admin-key-for-tests-0123";
const admin = { authorization: `Bearer ${adminKey}` };
const gateways: TestGateway<ScriptedBackend>[] = [];

async function gateway() {
  const started = await startTestGateway({
    config: { server: { auth: true, adminKey } },
    now: () => Date.UTC(2026, 10, 29, 12, 30, 30),
  });
  gateways.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

function chat(started: TestGateway<ScriptedBackend>, key: string) {
  return started.app.inject({
    method: "POST",
    url: "/v1/chat/completions",
    payload: { model: "local", messages: [{ role: "user", content: "Olá" }] },
    headers: { authorization: `Bearer ${key}` },
  });
}

describe("admin API", () => {
  it("needs the admin key: 401 without it, 403 with a tenant key", async () => {
    const started = await gateway();
    const missing = await started.app.inject({ method: "GET", url: "/admin/tenants" });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.type).toBe("authentication_error");

    const created = await started.app.inject({
      method: "POST",
      url: "/admin/keys",
      payload: { tenant: "acme" },
      headers: admin,
    });
    const tenantKey = created.json<{ key: string }>().key;
    const forbidden = await started.app.inject({
      method: "GET",
      url: "/admin/tenants",
      headers: { authorization: `Bearer ${tenantKey}` },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toMatchObject({
      type: "permission_error",
      code: "permission_denied",
    });
  });

  it("creates, lists and revokes keys, sets tenant limits and reports usage with the saving", async () => {
    const started = await gateway();
    const created = await started.app.inject({
      method: "POST",
      url: "/admin/keys",
      payload: { tenant: "escola", name: "app", requestsPerMinute: 100 },
      headers: admin,
    });
    expect(created.statusCode).toBe(201);
    const { key, record } = created.json<{ key: string; record: { id: string } }>();
    expect(key).toMatch(/^sk-col-/);
    expect((await chat(started, key)).statusCode).toBe(200);

    const listed = await started.app.inject({ method: "GET", url: "/admin/keys", headers: admin });
    expect(listed.json().data).toHaveLength(1);
    expect(listed.json().data[0]).toMatchObject({ tenant: "escola", requestsPerMinute: 100 });
    expect(listed.body).not.toContain(key);
    expect(listed.json().data[0]).not.toHaveProperty("hash");

    const limited = await started.app.inject({
      method: "PATCH",
      url: "/admin/tenants/escola",
      payload: { requestsPerMinute: 1, budgetUsdMonth: 20 },
      headers: admin,
    });
    expect(limited.statusCode).toBe(200);
    expect(limited.json().tenant).toMatchObject({ requestsPerMinute: 1, budgetUsdMonth: 20 });
    expect((await chat(started, key)).statusCode).toBe(200);
    expect((await chat(started, key)).statusCode).toBe(429);

    const shown = await started.app.inject({
      method: "GET",
      url: "/admin/tenants/escola",
      headers: admin,
    });
    expect(shown.json().current.month.budgetUsd).toBe(20);

    const usage = await started.app.inject({
      method: "GET",
      url: "/admin/usage?since=1d",
      headers: admin,
    });
    expect(usage.statusCode).toBe(200);
    const [tenant] = usage.json().tenants;
    expect(tenant).toMatchObject({ tenant: "escola", requests: 3, unsuccessful: 1, costUsd: 0 });
    expect(tenant.savingUsd).toBeCloseTo((2 * (7 * 2.5 + 5 * 10)) / 1e6, 12);

    const revoked = await started.app.inject({
      method: "DELETE",
      url: `/admin/keys/${record.id}`,
      headers: admin,
    });
    expect(revoked.statusCode).toBe(200);
    expect((await chat(started, key)).statusCode).toBe(401);
  });

  it("answers bad admin input with OpenAI-shaped 4xx errors", async () => {
    const started = await gateway();
    const badLimit = await started.app.inject({
      method: "POST",
      url: "/admin/keys",
      payload: { tenant: "acme", requestsPerMinute: 0 },
      headers: admin,
    });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().error.param).toBe("requestsPerMinute");
    const unknownField = await started.app.inject({
      method: "POST",
      url: "/admin/keys",
      payload: { tenant: "acme", rpm: 5 },
      headers: admin,
    });
    expect(unknownField.statusCode).toBe(400);
    const badSince = await started.app.inject({
      method: "GET",
      url: "/admin/usage?since=yesterday-ish",
      headers: admin,
    });
    expect(badSince.statusCode).toBe(400);
    expect(badSince.json().error.message).toContain("since expects a duration");
    const missingTenant = await started.app.inject({
      method: "GET",
      url: "/admin/tenants/nobody",
      headers: admin,
    });
    expect(missingTenant.statusCode).toBe(404);
    const missingKey = await started.app.inject({
      method: "DELETE",
      url: "/admin/keys/sk-col-nothing",
      headers: admin,
    });
    expect(missingKey.statusCode).toBe(404);
  });
});

describe("admin audit API", () => {
  const now = Date.UTC(2026, 10, 29, 12, 30, 30);
  const minute = 60_000;
  const hasher = new ValueHasher(testAuditKey);
  const cpf = hasher.hash(normalizeValue("BR_CPF", "123.456.789-09"));
  const email = hasher.hash(normalizeValue("EMAIL", "ana@example.com"));

  /** Two requests of acme with the CPF (one in clear, one pseudonymized), one blocked of beta. */
  async function seed(started: TestGateway<ScriptedBackend>) {
    const acme = await started.store.tenants.ensure("acme", now);
    const beta = await started.store.tenants.ensure("beta", now);
    const record = (overrides: Partial<EgressRecord> & { tenantId: string }): EgressRecord => ({
      id: randomUUID(),
      createdAt: now - minute,
      requestId: `req-${randomUUID()}`,
      provider: "openai",
      model: "gpt-4o-mini",
      region: "us",
      bytesSent: 300,
      outcome: "sent",
      action: "allow",
      reason: "rule 'long' sends to openai",
      findings: {},
      values: [],
      delivered: null,
      ...overrides,
    });
    const records = [
      record({
        tenantId: acme.id,
        createdAt: now - 2 * minute,
        action: "pseudonymize",
        findings: { BR_CPF: 1 },
        values: [{ type: "BR_CPF", hash: cpf, action: "pseudonymize" }],
      }),
      record({
        tenantId: acme.id,
        findings: { BR_CPF: 1, EMAIL: 1 },
        values: [
          { type: "BR_CPF", hash: cpf, action: "allow" },
          { type: "EMAIL", hash: email, action: "allow" },
        ],
      }),
      record({
        tenantId: beta.id,
        createdAt: now - 3 * 24 * 60 * minute,
        outcome: "blocked",
        action: "block",
        bytesSent: 0,
        findings: { EMAIL: 1 },
        values: [{ type: "EMAIL", hash: email, action: "block" }],
      }),
    ];
    for (const each of records) await started.store.egress.insert(each);
    return records;
  }

  /** The test gateway's store and gatekeeper behind a server given this audit key, or none. */
  function serverWith(started: TestGateway<ScriptedBackend>, valueHasher?: ValueHasher) {
    const server = createServer({
      backend: started.backend,
      gatekeeper: started.gatekeeper,
      administration: administrationFromConfig(started.config, started.store, () => now),
      egressAudit: new EgressAudit({ store: started.store, now: () => now, valueHasher }),
      server: started.config.server,
      defaultMaxTokens: 64,
      now: () => now,
    });
    gateways.push({ ...started, close: () => server.close() });
    return server.app;
  }

  it("lists egress records newest first, with filters, in OpenAI list shape", async () => {
    const started = await gateway();
    const [pseudonymized, clear, blocked] = await seed(started);
    const day = await started.app.inject({ method: "GET", url: "/admin/audit", headers: admin });
    expect(day.statusCode).toBe(200);
    expect(day.json()).toEqual({
      object: "list",
      data: [
        { ...clear, tenant: "acme" },
        { ...pseudonymized, tenant: "acme" },
      ],
    });
    const week = await started.app.inject({
      method: "GET",
      url: "/admin/audit?since=7d&tenant=beta",
      headers: admin,
    });
    expect(week.json().data).toEqual([{ ...blocked, tenant: "beta" }]);
    const limited = await started.app.inject({
      method: "GET",
      url: "/admin/audit?since=7d&until=1m&limit=1",
      headers: admin,
    });
    expect(limited.json().data.map((record: EgressRecord) => record.id)).toEqual([
      pseudonymized?.id,
    ]);
  });

  it("answers bad audit queries with OpenAI-shaped 4xx errors", async () => {
    const started = await gateway();
    const cases = [
      ["/admin/audit?limit=lots", 400, "limit"],
      ["/admin/audit?limit=0", 400, "limit"],
      ["/admin/audit?since=soon-ish", 400, "since"],
      ["/admin/audit?tenant=nobody", 404, "tenant"],
    ] as const;
    for (const [url, status, param] of cases) {
      const response = await started.app.inject({ method: "GET", url, headers: admin });
      expect(response.statusCode, url).toBe(status);
      expect(response.json().error.param, url).toBe(param);
    }
    const unauthenticated = await started.app.inject({ method: "GET", url: "/admin/audit" });
    expect(unauthenticated.statusCode).toBe(401);
  });

  it("checks a value in any of its forms, reporting what became of it and no hash", async () => {
    const started = await gateway();
    const [pseudonymized, clear] = await seed(started);
    const app = serverWith(started, hasher);
    for (const value of ["123.456.789-09", "12345678909"]) {
      const response = await app.inject({
        method: "POST",
        url: "/admin/audit/check",
        payload: { value },
        headers: admin,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        seen: true,
        requests: 2,
        sentInClear: 1,
        pseudonymized: 1,
        firstSeenAt: pseudonymized?.createdAt,
        lastSeenAt: clear?.createdAt,
        tenants: ["acme"],
        providers: ["openai"],
        types: ["BR_CPF"],
        sightings: [
          { egressId: clear?.id, fate: "sentInClear" },
          { egressId: pseudonymized?.id, fate: "pseudonymized" },
        ],
      });
      for (const text of [cpf, email, value]) expect(response.body).not.toContain(text);
    }
    const elsewhere = await app.inject({
      method: "POST",
      url: "/admin/audit/check",
      payload: { value: "ana@example.com", tenant: "beta" },
      headers: admin,
    });
    expect(elsewhere.json()).toMatchObject({ seen: true, requests: 1, blocked: 1, tenant: "beta" });
    const never = await app.inject({
      method: "POST",
      url: "/admin/audit/check",
      payload: { value: "111.444.777-35" },
      headers: admin,
    });
    expect(never.json()).toMatchObject({ seen: false, requests: 0, sightings: [] });
    const bad = await app.inject({
      method: "POST",
      url: "/admin/audit/check",
      payload: { cpf: "123.456.789-09" },
      headers: admin,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.type).toBe("invalid_request_error");
  });

  it("says the server has no audit key when it was started without one", async () => {
    const app = serverWith(await gateway());
    const response = await app.inject({
      method: "POST",
      url: "/admin/audit/check",
      payload: { value: "123.456.789-09" },
      headers: admin,
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toMatchObject({
      type: "service_unavailable",
      code: "audit_key_missing",
    });
    expect(response.json().error.message).toContain("without the egress audit key");
  });
});
