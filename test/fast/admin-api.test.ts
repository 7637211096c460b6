import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

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
