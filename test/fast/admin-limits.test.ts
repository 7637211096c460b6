import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** The admin API takes limits as JSON numbers: never as text, never too small to show. */
const adminKey = "admin-key-for-limit-tests-0123";
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

describe("limits over the admin API", () => {
  it("refuses text, hex strings and sub-micro-dollar budgets with an OpenAI-shaped 400", async () => {
    const started = await startTestGateway({ config: { server: { adminKey } } });
    gateways.push(started);
    await started.store.tenants.ensure("acme", Date.now());
    const send = (method: "PATCH" | "POST", url: string, body: string) =>
      started.app.inject({
        method,
        url,
        payload: body,
        headers: { authorization: `Bearer ${adminKey}`, "content-type": "application/json" },
      });

    for (const body of [
      '{"budgetUsdDay": 1e-320}',
      '{"budgetUsdMonth": "0x10"}',
      '{"requestsPerMinute": "0b11"}',
      '{"tokensPerMinute": 1.5}',
    ]) {
      const response = await send("PATCH", "/admin/tenants/acme", body);
      expect(response.statusCode, body).toBe(400);
      expect(response.json().error, body).toMatchObject({ type: "invalid_request_error" });
    }
    const tiny = await send("POST", "/admin/keys", '{"tenant": "acme", "budgetUsdMonth": 1e-320}');
    expect(tiny.statusCode).toBe(400);
    expect(tiny.json().error.message).toContain("at least 0.000001");
    const text = await send("POST", "/admin/keys", '{"tenant": "acme", "requestsPerMinute": "3"}');
    expect(text.statusCode).toBe(400);

    const tenant = await started.store.tenants.findByName("acme");
    expect(tenant).toMatchObject({ budgetUsdDay: null, budgetUsdMonth: null });
    const fine = await send("PATCH", "/admin/tenants/acme", '{"budgetUsdDay": 0.5}');
    expect(fine.statusCode).toBe(200);
  });
});
