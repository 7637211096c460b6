import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeCloud } from "../support/fake-cloud.js";
import { startWithinOneMinute } from "../support/minute-window.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * The chat flow admits a request (its rate limit) and holds what it may spend (its budget) before
 * the privacy guard reviews it: a request the limits turn away never reaches the guard, so it
 * leaves no egress audit record — neither "sent" nor "blocked".
 */
const cpf = "390.533.447-05";
const adminKey = "admin-key-0123456789abcdef";

describe("admission before the privacy guard", () => {
  let cloud: FakeCloud;
  let gateway: TestGateway<ScriptedBackend>;
  let address: string;

  beforeAll(async () => {
    cloud = await FakeCloud.start();
    gateway = await startTestGateway({
      config: {
        server: { auth: true, adminKey },
        providers: [
          { name: "nube", baseUrl: cloud.url, models: ["gpt-4o-mini"], retry: { maxRetries: 0 } },
        ],
        pricing: { models: { "gpt-4o-mini": { input: 1000, output: 1000 } } },
        router: { preRouter: { enabled: false } },
        // E-mail addresses may not leave: a request holding one is refused and audited.
        privacy: { policy: { types: { EMAIL: "block" } } },
      },
    });
    address = await gateway.server.listen();
  });

  afterAll(async () => {
    await gateway.close();
    await cloud.close();
  });

  async function client(tenant: string, limits: Record<string, number>): Promise<OpenAI> {
    const { key } = await gateway.administration.createKey({ tenant, limits });
    return new OpenAI({ baseURL: `${address}/v1`, apiKey: key, maxRetries: 0 });
  }

  async function auditedRequests(): Promise<string[]> {
    const records = await gateway.store.egress.list({ since: 0, limit: 100 });
    return records.map((record) => `${record.outcome}:${record.tenantId}`);
  }

  async function status(request: Promise<unknown>): Promise<number> {
    try {
      await request;
      return 200;
    } catch (error) {
      if (error instanceof OpenAI.APIError && error.status !== undefined) return error.status;
      throw error;
    }
  }

  const withCpf = { role: "user" as const, content: `Mi CPF es ${cpf}. ¿Lo recibiste?` };
  const withEmail = { role: "user" as const, content: "Escríbeme a ana.souza@example.com" };

  it("a rate-limited request writes no egress record, sent or blocked", async () => {
    const limited = await client("limited", { requestsPerMinute: 1 });
    await startWithinOneMinute(5_000);
    const before = (await auditedRequests()).length;

    // The one request this minute allows reaches the cloud, masked: one "sent" record.
    const first = limited.chat.completions.create({ model: "gpt-4o-mini", messages: [withCpf] });
    expect(await status(first)).toBe(200);
    expect((await auditedRequests()).length).toBe(before + 1);

    // Over the limit: refused at admission, before the scan and the guard.
    const sent = limited.chat.completions.create({ model: "gpt-4o-mini", messages: [withCpf] });
    const blocked = limited.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [withEmail],
    });
    expect(await Promise.all([status(sent), status(blocked)])).toEqual([429, 429]);
    expect((await auditedRequests()).length).toBe(before + 1);
    expect(cloud.requests).toHaveLength(1);
  });

  it("a request its budget cannot hold writes no egress record", async () => {
    // $0.000001 a day cannot hold any cloud request at $0.001 a token.
    const poor = await client("poor", { budgetUsdDay: 0.000001 });
    const before = await auditedRequests();
    const sent = poor.chat.completions.create({ model: "gpt-4o-mini", messages: [withCpf] });
    const blocked = poor.chat.completions.create({ model: "gpt-4o-mini", messages: [withEmail] });
    expect(await Promise.all([status(sent), status(blocked)])).toEqual([429, 429]);
    expect(await auditedRequests()).toEqual(before);
  });

  it("an admitted request the policy blocks is audited as blocked", async () => {
    const open = await client("open", {});
    const before = (await auditedRequests()).length;
    const blocked = open.chat.completions.create({ model: "gpt-4o-mini", messages: [withEmail] });
    expect(await status(blocked)).toBe(400);
    const records = await auditedRequests();
    expect(records.length).toBe(before + 1);
    expect(records[0]).toMatch(/^blocked:/);
  });
});
