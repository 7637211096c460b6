import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { OpenAICompatibleProvider } from "../../src/upstream/openai-compatible-provider.js";
import { FakeCloud } from "../support/fake-cloud.js";
import { chatRequest, runChat, testProviderConfig } from "../support/provider-config.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * A provider's error body may echo the prompt it was sent. What every tenant and the public can
 * read (/ready, /v1/dashboard, the circuit-open error, logs) keeps only its class, status and time.
 */
const adminKey = "admin-key-0123456789abcdef";
const echoed = "diagnóstico VIH positivo de Juan Pérez";
const overloaded = {
  kind: "status",
  status: 503,
  body: JSON.stringify({ error: { message: `Overloaded while processing: «${echoed}»` } }),
} as const;

let gateway: TestGateway<ScriptedBackend> | undefined;
let cloud: FakeCloud | undefined;

afterEach(async () => {
  await gateway?.close();
  await cloud?.close();
  gateway = cloud = undefined;
});

describe("upstream error text", () => {
  it("stays with the tenant whose request it was: /ready, other tenants' dashboards and calls, and the server log see class, status and time", async () => {
    cloud = await FakeCloud.start();
    cloud.otherwise = overloaded;
    const logs: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString("utf8"));
        done();
      },
    });
    gateway = await startTestGateway({
      logger: { level: "info", stream },
      config: {
        server: { auth: true, adminKey },
        providers: [
          {
            name: "nube",
            baseUrl: cloud.url,
            models: ["gpt-4o-mini"],
            retry: { maxRetries: 0 },
            breaker: { failureThreshold: 1, openMs: 60_000 },
          },
        ],
        router: { whenCloudUnavailable: "fail", preRouter: { enabled: false } },
      },
    });
    const address = await gateway.server.listen();
    const keyOf = async (tenant: string) =>
      (await gateway?.administration.createKey({ tenant }))?.key ?? "";
    const clinica = await keyOf("clinica");
    const escuela = await keyOf("escuela");
    const call = async (path: string, key?: string, body?: unknown) => {
      const response = await fetch(`${address}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, text: await response.text() };
    };
    const chat = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Resume el caso." }] };

    const own = await call("/v1/chat/completions", clinica, chat);
    expect(own.status).toBe(503);
    expect(cloud.requests).toHaveLength(1);

    const ready = await call("/ready");
    const dashboard = await call("/v1/dashboard", escuela);
    const next = await call("/v1/chat/completions", escuela, chat);
    expect(ready.status).toBe(200);
    expect(dashboard.status).toBe(200);
    expect(next.status).toBe(503);
    for (const shared of [ready.text, dashboard.text, next.text, logs.join("")]) {
      expect(shared).not.toContain("Pérez");
      expect(shared).not.toContain("VIH");
    }
    expect(logs.join("")).toContain('"class":"http_5xx"');
    expect(next.text).toContain("circuit breaker is open");
    expect(next.text).toContain("last: http_5xx (HTTP 503)");
    expect(cloud.requests).toHaveLength(1);
    const providers = (JSON.parse(ready.text) as { providers: { lastError: unknown }[] }).providers;
    expect(providers[0]?.lastError).toEqual({
      class: "http_5xx",
      status: 503,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it("is not written to the provider's log when a call is retried or the circuit opens", async () => {
    cloud = await FakeCloud.start();
    cloud.otherwise = overloaded;
    const lines: string[] = [];
    const provider = new OpenAICompatibleProvider({
      config: testProviderConfig({
        baseUrl: cloud.url,
        retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 },
        breaker: { failureThreshold: 1, openMs: 60_000 },
      }),
      logger: (_level, message) => lines.push(message),
    });
    try {
      const result = await runChat(provider.chat(chatRequest()));
      expect(result.error).toMatchObject({ upstreamStatus: 503 });
      expect(cloud.requests).toHaveLength(2);
      expect(lines.join("\n")).not.toContain("Pérez");
      expect(lines).toEqual([
        expect.stringContaining("call failed (http_5xx (HTTP 503)). Retry 1"),
        expect.stringContaining("circuit open after 1 consecutive failures (last: http_5xx"),
      ]);
    } finally {
      await provider.close();
    }
  });
});
