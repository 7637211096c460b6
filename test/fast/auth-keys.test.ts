import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** With auth off (the loopback default), a key that is sent must still be a valid one. */
const adminKey = "admin-key-for-key-tests-0123";
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function gateway(server: Record<string, unknown> = {}) {
  const started = await startTestGateway({ config: { server: { adminKey, ...server } } });
  gateways.push(started);
  return started;
}

function get(started: TestGateway<ScriptedBackend>, url: string, authorization?: string) {
  return started.app.inject({
    method: "GET",
    url,
    headers: authorization === undefined ? {} : { authorization },
  });
}

async function chat(started: TestGateway<ScriptedBackend>, authorization?: string) {
  const response = await started.app.inject({
    method: "POST",
    url: "/v1/chat/completions",
    payload: { model: "local", messages: [{ role: "user", content: "Hola" }] },
    headers: authorization === undefined ? {} : { authorization },
  });
  return response;
}

describe("keys with auth off", () => {
  it("serves no key, an empty Bearer and the placeholder key as the default tenant", async () => {
    const started = await gateway();
    expect(started.gatekeeper.authRequired).toBe(false);
    expect((await get(started, "/v1/models")).statusCode).toBe(200);
    expect((await get(started, "/v1/models", "Bearer ")).statusCode).toBe(200);
    expect((await get(started, "/v1/models", "Bearer local")).statusCode).toBe(200);
    expect((await chat(started, "Bearer local")).statusCode).toBe(200);
    const [record] = await started.store.usage.list({ since: 0, limit: 10 });
    const tenant = await started.store.tenants.findById(record?.tenantId ?? "");
    expect(tenant?.name).toBe("default");
  });

  it("refuses an unknown key with a 401 that says how to be served without one", async () => {
    const started = await gateway();
    const response = await chat(started, "Bearer sk-col-made-up-key-0000");
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({
      type: "authentication_error",
      code: "invalid_api_key",
    });
    expect(response.json().error.message).toContain(
      'Auth is off here: send no key (or the placeholder key "local") to be served as the default tenant.',
    );
    expect(await started.store.usage.list({ since: 0, limit: 10 })).toEqual([]);
  });

  it("refuses a revoked key, so a tenant past its limits cannot fall back to the default tenant", async () => {
    const started = await gateway();
    const created = await started.administration.createKey({
      tenant: "acme",
      limits: { requestsPerMinute: 1 },
    });
    await started.administration.revokeKey(created.record.id);
    const response = await chat(started, `Bearer ${created.key}`);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toContain("was revoked");
  });

  it("refuses a malformed Authorization header instead of ignoring it", async () => {
    const started = await gateway();
    const response = await get(started, "/v1/models", "Basic dXNlcjpwYXNz");
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toContain("Authorization: Bearer <key>");
  });

  it("takes another placeholder when configured, and none when it is null", async () => {
    const custom = await gateway({ placeholderKey: "unused" });
    expect((await get(custom, "/v1/models", "Bearer unused")).statusCode).toBe(200);
    expect((await get(custom, "/v1/models", "Bearer local")).statusCode).toBe(401);
    const none = await gateway({ placeholderKey: null });
    expect((await get(none, "/v1/models", "Bearer local")).statusCode).toBe(401);
    expect((await get(none, "/v1/models")).statusCode).toBe(200);
  });

  it("does not let the dashboard's tenant view log in with any string", async () => {
    const started = await gateway();
    expect((await get(started, "/v1/dashboard", "Bearer anything-at-all")).statusCode).toBe(401);
  });
});

describe("keys with auth on", () => {
  it("treats the placeholder as the unknown key it is", async () => {
    const started = await gateway({ auth: true });
    expect((await get(started, "/v1/models", "Bearer local")).statusCode).toBe(401);
    const message = (await get(started, "/v1/models", "Bearer local")).json().error.message;
    expect(message).not.toContain("Auth is off");
  });
});

describe("admin keys", () => {
  it("are refused when unknown or revoked, auth on or off", async () => {
    for (const auth of [false, true]) {
      const started = await gateway({ auth });
      const second = await started.administration.createKey({ kind: "admin" });
      expect((await get(started, "/admin/tenants", `Bearer ${second.key}`)).statusCode).toBe(200);
      await started.administration.revokeKey(second.record.id);
      const revoked = await get(started, "/admin/tenants", `Bearer ${second.key}`);
      expect(revoked.statusCode).toBe(401);
      expect(revoked.json().error.message).toContain("was revoked");
      const unknown = await get(started, "/admin/tenants", "Bearer not-an-admin-key-at-all");
      expect(unknown.statusCode).toBe(401);
      expect((await get(started, "/admin/tenants", "Bearer local")).statusCode).toBe(401);
      expect((await get(started, "/admin/tenants")).statusCode).toBe(401);
    }
  });
});
