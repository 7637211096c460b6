import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import type { DashboardReport } from "../../src/accounting/dashboard-report.js";
import { FakeCloud } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * Every chat request's language lands in its usage record (whatever answered it: the local model,
 * the cache, a cloud provider), and the dashboard's JSON breaks requests down by language.
 */
const adminKey = "admin-key-0123456789abcdef";
const spanish = "¿Cuál es la capital de Chile y cuántas personas viven allí?";
const quechua = "Imaynallam kachkanki? Ñuqaqa Limapi llamkachkani, wasiymanta karupi.";
let gateway: TestGateway<ScriptedBackend> | undefined;
let cloud: FakeCloud | undefined;

afterEach(async () => {
  await gateway?.close();
  await cloud?.close();
  gateway = cloud = undefined;
});

describe("requests by language", () => {
  it("records a Spanish and a Quechua request's language, none for embeddings, and breaks the dashboard down by it", async () => {
    cloud = await FakeCloud.start();
    gateway = await startTestGateway({
      config: {
        server: { auth: true, adminKey },
        providers: [{ name: "nube", baseUrl: cloud.url, models: ["gpt-4o-mini"] }],
        router: { preRouter: { enabled: false } },
      },
    });
    const address = await gateway.server.listen();
    const key = (await gateway.administration.createKey({ tenant: "escuela" })).key;
    const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: key, maxRetries: 0 });
    const ask = (model: string, content: string, temperature?: number) =>
      client.chat.completions.create({
        model,
        messages: [
          { role: "system", content: "You are a helpful assistant. Answer briefly." },
          { role: "user", content },
        ],
        ...(temperature === undefined ? {} : { temperature }),
      });
    await ask("local", spanish, 0);
    await ask("local", spanish, 0); // from the cache
    await ask("local", quechua);
    await ask("gpt-4o-mini", quechua);
    await ask("local", "42?");
    await client.embeddings.create({ model: "local", input: [quechua] });

    const records = await gateway.store.usage.list({ since: 0, limit: 10 });
    const languages = records
      .map((record) => [record.endpoint, record.target, record.language])
      .sort((a, b) => String(a).localeCompare(String(b)));
    expect(languages).toEqual([
      ["chat.completions", "cache", "es"],
      ["chat.completions", "local", "es"],
      ["chat.completions", "local", "other"],
      ["chat.completions", "local", "qu"],
      ["chat.completions", "nube", "qu"],
      ["embeddings", "local", null],
    ]);

    const response = await fetch(`${address}/admin/dashboard?since=24h`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    const report = (await response.json()) as Pick<DashboardReport, "languages">;
    const tokens = (language: string) => {
      const own = records.filter((record) => record.language === language);
      return {
        promptTokens: own.reduce((sum, record) => sum + record.promptTokens, 0),
        completionTokens: own.reduce((sum, record) => sum + record.completionTokens, 0),
      };
    };
    // Most asked first; the cloud's share of each language's requests.
    expect(report.languages).toEqual([
      { language: "es", requests: 2, ...tokens("es"), cloud: 0, cloudShare: 0 },
      { language: "qu", requests: 2, ...tokens("qu"), cloud: 1, cloudShare: 0.5 },
      { language: "other", requests: 1, ...tokens("other"), cloud: 0, cloudShare: 0 },
    ]);
    expect(tokens("qu").promptTokens).toBeGreaterThan(0);
  });
});
