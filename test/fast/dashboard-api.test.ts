import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { FakeCloud } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** GET /admin/dashboard and GET /v1/dashboard: the JSON the dashboard draws (and curl can read). */
const adminKey = "admin-key-0123456789abcdef";
let gateway: TestGateway<ScriptedBackend> | undefined;
let cloud: FakeCloud | undefined;

afterEach(async () => {
  await gateway?.close();
  await cloud?.close();
  gateway = cloud = undefined;
});

async function scripted() {
  cloud = await FakeCloud.start();
  gateway = await startTestGateway({
    config: {
      server: { auth: true, adminKey },
      providers: [{ name: "nube", baseUrl: cloud.url, models: ["gpt-4o-mini"] }],
      router: { preRouter: { enabled: false } },
    },
  });
  const address = await gateway.server.listen();
  const clientOf = async (tenant: string) =>
    new OpenAI({
      baseURL: `${address}/v1`,
      apiKey: (await gateway?.administration.createKey({ tenant }))?.key ?? "",
      maxRetries: 0,
    });
  const clinica = await clientOf("clinica");
  const escuela = await clientOf("escuela");
  const ask = (client: OpenAI, model: string, content: string, temperature?: number) =>
    client.chat.completions.create({
      model,
      messages: [{ role: "user", content }],
      ...(temperature === undefined ? {} : { temperature }),
    });
  await ask(clinica, "local", "¿Capital de Chile?", 0);
  await ask(clinica, "local", "¿Capital de Chile?", 0); // from the cache
  await ask(clinica, "gpt-4o-mini", "O CPF 123.456.789-09 do paciente.");
  await ask(
    escuela,
    "local",
    "¿Capital de Perú? Escriba a ana.souza@example.com, CPF 123.456.789-09.",
  );
  const get = async (path: string, key = adminKey) => {
    const response = await fetch(`${address}${path}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { get, address, clinicaKey: clinica.apiKey ?? "" };
}

describe("the dashboard's JSON", () => {
  it("sums answers by source, the spend against all-cloud, the reasons and the personal data", async () => {
    const { get } = await scripted();
    const { status, body } = await get("/admin/dashboard?since=24h&tz=-180");
    expect(status).toBe(200);
    expect(body["viewer"]).toEqual({ kind: "admin", tenant: null });
    expect(body["range"]).toMatchObject({ bucket: "hour", offsetMinutes: -180 });
    expect(body["totals"]).toMatchObject({ requests: 4, local: 2, cloud: 1, cache: 1, errors: 0 });
    const totals = body["totals"] as {
      savedUsd: number;
      referenceCostUsd: number;
      costUsd: number;
    };
    expect(totals.referenceCostUsd).toBeGreaterThan(0);
    expect(totals.savedUsd).toBeCloseTo(totals.referenceCostUsd - totals.costUsd, 12);
    expect(body["today"]).toMatchObject({ requests: 4 });
    const series = body["series"] as { requests: number }[];
    expect(series.length).toBeGreaterThanOrEqual(24);
    expect(series.reduce((sum, point) => sum + point.requests, 0)).toBe(4);
    const reasons = (
      body["routing"] as { reasons: { route: string; reason: string; requests: number }[] }
    ).reasons;
    expect(reasons).toContainEqual(
      expect.objectContaining({ route: "local", reason: "requested-local", requests: 2 }),
    );
    expect(reasons).toContainEqual(
      expect.objectContaining({ route: "cloud", reason: "requested-cloud", requests: 1 }),
    );
    // Found in every request (one went to the cloud, one stayed local); sent: only the first.
    expect(body["privacy"]).toMatchObject({
      withPersonalData: 2,
      requests: { sent: 1, blocked: 0, keptLocal: 0 },
      byType: [
        { type: "BR_CPF", country: "BR", found: 2, sent: 1, blocked: 0, keptLocal: 0 },
        { type: "EMAIL", country: "—", found: 1, sent: 0, blocked: 0, keptLocal: 0 },
      ],
    });
    const findingsSeries = (body["privacy"] as { series: { findings: number }[] }).series;
    expect(findingsSeries.reduce((sum, point) => sum + point.findings, 0)).toBe(3);
    expect(JSON.stringify(body)).not.toContain("123.456.789-09");
    expect(body["router"]).toMatchObject({
      whenCloudUnavailable: "local",
      cascade: { enabled: true },
    });
    expect(body["providers"]).toEqual([expect.objectContaining({ name: "nube", state: "closed" })]);
    expect(body["queue"]).toMatchObject({ open: { waiting: 0, pending: 0, running: 0 } });
    expect(body["models"]).toMatchObject({ loaded: gateway?.backend.model });
  });

  it("scopes a tenant's key to its own data, and one tenant for the admin with ?tenant=", async () => {
    const { get, clinicaKey } = await scripted();
    const own = await get("/v1/dashboard?since=24h", clinicaKey);
    expect(own.status).toBe(200);
    expect(own.body["viewer"]).toEqual({ kind: "tenant", tenant: "clinica" });
    expect(own.body["totals"]).toMatchObject({ requests: 3 });
    expect((await get("/admin/dashboard?tenant=escuela")).body["totals"]).toMatchObject({
      requests: 1,
    });
    expect((await get("/admin/dashboard", clinicaKey)).status).toBe(403);
  });

  it("answers bad queries with OpenAI errors", async () => {
    const { get } = await scripted();
    const bucket = await get("/admin/dashboard?bucket=week");
    expect(bucket.status).toBe(400);
    expect(bucket.body).toMatchObject({ error: { type: "invalid_request_error" } });
    expect((await get("/admin/dashboard?since=ayer")).status).toBe(400);
    const tenant = await get("/admin/dashboard?tenant=nadie");
    expect(tenant).toMatchObject({ status: 404, body: { error: { code: "tenant_not_found" } } });
  });

  it("serves the dashboard page itself without a key: it holds no data", async () => {
    const { address } = await scripted();
    const page = await fetch(`${address}/ui/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain('<script type="module" src="app.js">');
    for (const path of ["/", "/ui"]) {
      const redirect = await fetch(`${address}${path}`, { redirect: "manual" });
      expect(redirect.headers.get("location")).toBe("/ui/");
    }
    expect((await fetch(`${address}/ui/app.js`)).headers.get("content-type")).toMatch(/javascript/);
  });
});
