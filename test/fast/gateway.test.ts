import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/tenancy/api-keys.js";
import type { Limits } from "../../src/core/records/tenancy.js";
import { abandonStream } from "../support/abandon-stream.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** Mid-minute, mid-day: windows never roll over during a test. */
const fixedNow = Date.UTC(2026, 10, 29, 12, 30, 30);
const gateways: TestGateway<ScriptedBackend>[] = [];

async function gateway(config: Record<string, unknown> = {}, logger?: Writable) {
  const started = await startTestGateway({
    config,
    now: () => fixedNow,
    ...(logger === undefined ? {} : { logger: { level: "info", stream: logger } }),
  });
  gateways.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function tenantKey(
  started: TestGateway<ScriptedBackend>,
  tenant: string,
  limits?: Partial<Limits>,
) {
  const { id } = await started.store.tenants.ensure(tenant, fixedNow);
  const created = createApiKey({
    kind: "tenant",
    tenantId: id,
    now: fixedNow,
    ...(limits ? { limits } : {}),
  });
  await started.store.keys.insert(created.record);
  return created;
}

const chatBody = { model: "local", messages: [{ role: "user", content: "Hola" }] };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

function chat(started: TestGateway<ScriptedBackend>, key?: string, body: object = chatBody) {
  return started.app.inject({
    method: "POST",
    url: "/v1/chat/completions",
    payload: body,
    headers: key === undefined ? {} : bearer(key),
  });
}

async function usageRecords(started: TestGateway<ScriptedBackend>) {
  return started.store.usage.list({ since: 0, limit: 1000 });
}

describe("keys and tenants", () => {
  it("with auth on, rejects missing, wrong, revoked and admin keys with OpenAI-shaped 401s", async () => {
    const started = await gateway({ server: { auth: true } });
    const missing = await chat(started);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error).toMatchObject({
      type: "authentication_error",
      code: "invalid_api_key",
    });
    expect(missing.json().error.message).toContain("colibri keys create --tenant");

    const wrong = await chat(started, "sk-col-not-a-real-key-at-all");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toContain("Incorrect API key provided: sk-col-n…-all");

    const { key, record } = await tenantKey(started, "acme");
    expect((await chat(started, key)).statusCode).toBe(200);
    await started.store.keys.revoke(record.id, fixedNow);
    const revoked = await chat(started, key);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.message).toContain("was revoked");

    const admin = createApiKey({ kind: "admin", tenantId: null, now: fixedNow });
    await started.store.keys.insert(admin.record);
    expect((await chat(started, admin.key)).json().error.message).toContain("admin key");
    expect((await started.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  });

  it("is on by default beyond loopback and off on loopback, where callers count as the default tenant", async () => {
    const open = await gateway({ server: { host: "0.0.0.0" } });
    expect((await chat(open)).statusCode).toBe(401);

    const local = await gateway();
    expect((await chat(local)).statusCode).toBe(200);
    // The documented placeholder (server.placeholderKey) counts as no key; see auth-keys.test.ts.
    expect((await chat(local, "local")).statusCode).toBe(200);
    const { key } = await tenantKey(local, "acme");
    expect((await chat(local, key)).statusCode).toBe(200);
    const tenants = await local.store.tenants.list();
    const nameOf = (id: string) => tenants.find((tenant) => tenant.id === id)?.name;
    expect((await usageRecords(local)).map((record) => nameOf(record.tenantId)).sort()).toEqual([
      "acme",
      "default",
      "default",
    ]);
  });

  it("accepts the shared server.apiKey as the default tenant", async () => {
    const started = await gateway({ server: { apiKey: "sk-shared-secret" } });
    expect((await chat(started)).statusCode).toBe(401);
    expect((await chat(started, "sk-shared-secret")).statusCode).toBe(200);
  });
});

describe("usage records", () => {
  it("records tenant, key, tokens, cost, the all-cloud cost, latency and status — never text", async () => {
    const started = await gateway({
      server: { auth: true },
      pricing: { local: { input: 100, output: 200 }, referenceModel: "gpt-4o" },
    });
    const { key, record: keyRecord } = await tenantKey(started, "acme");
    const response = await chat(started, key);
    expect(response.statusCode).toBe(200);
    const [record] = await usageRecords(started);
    expect(record).toMatchObject({
      requestId: response.headers["x-request-id"],
      keyId: keyRecord.id,
      endpoint: "chat.completions",
      model: "scripted-model",
      target: "local",
      stream: false,
      promptTokens: 7,
      completionTokens: 5,
      status: 200,
      outcome: "completed",
      route: "local",
    });
    expect(record?.costUsd).toBeCloseTo((7 * 100 + 5 * 200) / 1e6, 12);
    expect(record?.referenceCostUsd).toBeCloseTo((7 * 2.5 + 5 * 10) / 1e6, 12);
    expect(JSON.stringify(record)).not.toContain("Hola");
  });

  it("counts embeddings and streams, and what an abandoned stream really generated", async () => {
    const started = await gateway();
    const embeddings = await started.app.inject({
      method: "POST",
      url: "/v1/embeddings",
      payload: { model: "local", input: ["uno", "dos"] },
    });
    expect(embeddings.statusCode).toBe(200);
    const streamed = await chat(started, undefined, { ...chatBody, stream: true });
    expect(streamed.body.endsWith("data: [DONE]\n\n")).toBe(true);

    started.backend.tokens = Array.from({ length: 200 }, (_, index) => ` t${index}`);
    started.backend.tokenDelayMs = 5;
    await abandonStream(await started.server.listen(), chatBody, 4);
    await expect.poll(async () => (await usageRecords(started)).length).toBe(3);
    const records = await usageRecords(started);
    const byEndpoint = (endpoint: string, stream: boolean, outcome: string) =>
      records.find(
        (record) =>
          record.endpoint === endpoint && record.stream === stream && record.outcome === outcome,
      );
    expect(byEndpoint("embeddings", false, "completed")).toMatchObject({
      promptTokens: 6,
      completionTokens: 0,
      reason: "embeddings",
    });
    // A plain local answer's confidence is recorded, streamed or not (exp(-0.5) per token).
    expect(byEndpoint("chat.completions", true, "completed")).toMatchObject({
      completionTokens: 5,
    });
    expect(byEndpoint("chat.completions", true, "completed")?.confidence).toBeCloseTo(
      Math.exp(-0.5),
      4,
    );
    const abandoned = byEndpoint("chat.completions", true, "abandoned");
    expect(abandoned?.status).toBe(499);
    expect(abandoned?.completionTokens).toBeGreaterThanOrEqual(3);
    expect(abandoned?.completionTokens).toBeLessThan(200);
  });

  it("records a backend failure as failed with its status", async () => {
    const started = await gateway();
    started.backend.busy = true;
    expect((await chat(started)).statusCode).toBe(429);
    expect(await usageRecords(started)).toMatchObject([{ status: 429, outcome: "failed" }]);
  });
});

describe("limits", () => {
  it("enforces a key's requests per minute on every route, with 429, Retry-After and the limit named", async () => {
    const started = await gateway({ server: { auth: true } });
    const { key } = await tenantKey(started, "acme", { requestsPerMinute: 3 });
    expect((await chat(started, key)).statusCode).toBe(200);
    expect((await chat(started, key, { ...chatBody, stream: true })).statusCode).toBe(200);
    const embed = () =>
      started.app.inject({
        method: "POST",
        url: "/v1/embeddings",
        payload: { model: "local", input: "hola" },
        headers: bearer(key),
      });
    expect((await embed()).statusCode).toBe(200);

    for (const response of [await chat(started, key), await embed()]) {
      expect(response.statusCode).toBe(429);
      expect(response.headers["retry-after"]).toBe("30");
      expect(response.json().error).toMatchObject({
        type: "rate_limit_error",
        code: "rate_limit_exceeded",
      });
      expect(response.json().error.message).toContain("3 requests per minute");
      expect(response.json().error.message).toContain("2026-11-29T12:31:00.000Z");
    }
    const rejected = (await usageRecords(started)).filter(
      (record) => record.outcome === "rejected",
    );
    expect(rejected).toHaveLength(2);
    // Another key of the same tenant is not limited by it.
    expect((await chat(started, (await tenantKey(started, "acme")).key)).statusCode).toBe(200);
  });

  it("enforces a tenant's daily budget before spending: a request that could pass it is refused, and local answers go through when policy allows", async () => {
    const strict = await gateway({
      server: { auth: true },
      pricing: { local: { input: 10_000, output: 10_000 } }, // 12 tokens = $0.12
      limits: { localWhenBudgetSpent: false },
    });
    const { key } = await tenantKey(strict, "clinica");
    await strict.store.tenants.updateLimits("clinica", { budgetUsdDay: 0.2 });
    // "Hola" is held as 6 prompt tokens, plus max_tokens 8: $0.14.
    const small = { ...chatBody, max_tokens: 8 };
    expect((await chat(strict, key, small)).statusCode).toBe(200); // $0.12 spent
    const over = await chat(strict, key, small); // $0.12 + $0.14 would pass $0.20
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toMatchObject({
      type: "insufficient_quota",
      code: "budget_exceeded",
    });
    const { message } = over.json().error;
    expect(message).toContain("could use up to $0.14 (about 6 prompt tokens plus max_tokens 8)");
    expect(message).toContain(`Tenant "clinica"'s limit of a daily budget of $0.20 ($0.12 used`);
    expect(message).toContain("colibri tenants set clinica --budget-usd-day");
    expect(over.headers["retry-after"]).toBe(String(11 * 3600 + 29 * 60 + 30));
    const spent = (await usageRecords(strict)).reduce((sum, record) => sum + record.costUsd, 0);
    expect(spent).toBeCloseTo(0.12);

    const lenient = await gateway({ pricing: { local: { input: 1000, output: 1000 } } });
    await lenient.store.tenants.updateLimits("default", { budgetUsdDay: 0.001 });
    expect((await chat(lenient)).statusCode).toBe(200);
    expect((await chat(lenient)).statusCode).toBe(200);
  });

  it("holds tokens per minute: the prompt and max_tokens are reserved before the work", async () => {
    const started = await gateway({ server: { auth: true } });
    const { key } = await tenantKey(started, "acme", { tokensPerMinute: 20 });
    const small = { ...chatBody, max_tokens: 8 }; // holds 6 + 8 tokens
    expect((await chat(started, key, small)).statusCode).toBe(200); // 12 used
    const over = await chat(started, key, small); // 12 + 14 would pass 20
    expect(over.statusCode).toBe(429);
    expect(over.json().error.message).toContain(
      "could use up to 14 tokens (about 6 prompt tokens plus max_tokens 8)",
    );
    expect(over.json().error.message).toContain("limit of 20 tokens per minute (12 tokens used");
    // A request that could never fit says how to make it fit.
    const huge = await chat(started, key, { ...chatBody, max_tokens: 100 });
    expect(huge.statusCode).toBe(429);
    expect(huge.json().error.message).toContain("Send a smaller max_tokens");
  });
});

describe("observability", () => {
  it("serves Prometheus metrics: requests, tokens, cost and limit rejections", async () => {
    const started = await gateway({ pricing: { local: { input: 1000, output: 0 } } });
    await started.store.tenants.updateLimits("default", { requestsPerMinute: 1 });
    await chat(started);
    await chat(started);
    const metrics = await started.app.inject({ method: "GET", url: "/metrics" });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers["content-type"]).toContain("text/plain");
    const text = metrics.body;
    expect(text).toContain(
      'colibri_requests_total{route="/v1/chat/completions",model="scripted-model",target="local",status="200"} 1',
    );
    expect(text).toContain('status="429"} 1');
    expect(text).toContain(
      'colibri_tokens_total{model="scripted-model",target="local",kind="completion"} 5',
    );
    expect(text).toContain('colibri_cost_usd_total{model="scripted-model",target="local"} 0.007');
    expect(text).toContain('colibri_limit_rejections_total{limit="requests_per_minute"} 1');
    expect(text).toMatch(/colibri_request_duration_seconds_bucket\{le="0.005",route=/);
    expect(text).toContain("colibri_queue_depth 0");
    expect(text).toContain("process_cpu_seconds_total");
  });

  it("asks for the admin key on /metrics when auth is on", async () => {
    const started = await gateway({ server: { auth: true, adminKey: "admin-key-0123456789" } });
    expect((await started.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    const allowed = await started.app.inject({
      method: "GET",
      url: "/metrics",
      headers: bearer("admin-key-0123456789"),
    });
    expect(allowed.statusCode).toBe(200);
  });

  it("logs JSON lines with request id and tenant, and prompt text only when logPrompts is on", async () => {
    const lines: string[] = [];
    const sink = () =>
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(...chunk.toString("utf8").trim().split("\n"));
          done();
        },
      });
    const secret = "mi número secreto es 4242";
    const body = { ...chatBody, messages: [{ role: "user", content: secret }] };
    const quiet = await gateway({}, sink());
    await chat(quiet, undefined, body);
    expect(lines.length).toBeGreaterThan(0);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.every((entry) => typeof entry["reqId"] === "string")).toBe(true);
    expect(parsed.some((entry) => entry["tenant"] === "default")).toBe(true);
    expect(lines.join("\n")).not.toContain("4242");

    const verbose = await gateway({ server: { logPrompts: true } }, sink());
    await chat(verbose, undefined, body);
    expect(lines.join("\n")).toContain("4242");
    expect(lines.join("\n")).toContain("Hola, ¿qué tal?");
  });
});

describe("maintenance", () => {
  it("prunes minute and day counters no check will read again", async () => {
    const started = await gateway();
    const hour = 3_600_000;
    const window = (period: "minute" | "day" | "month", start: number) => ({
      scope: "tenant" as const,
      scopeId: "t1",
      period,
      start,
    });
    const windows = [
      window("minute", fixedNow - 2 * hour),
      window("minute", fixedNow - 60_000),
      window("day", fixedNow - 3 * 24 * hour),
      window("day", fixedNow - 24 * hour),
      window("month", fixedNow - 90 * 24 * hour),
    ];
    for (const counter of windows) {
      await started.store.counters.add([counter], { tokens: 1, costUsd: 0 });
    }
    expect(await started.gatekeeper.pruneCounters()).toBe(2);
    const left = await started.store.counters.read(windows);
    expect(left.map((values) => values.tokens)).toEqual([0, 1, 0, 1, 1]);
  });
});
