import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { abandonStream } from "../support/abandon-stream.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * End to end over real sockets: one Colibrí acts as the cloud of another. The local gateway's
 * scripted model is sure of easy prompts and unsure of hard ones, so the cascade's routes are
 * known in advance; everything between the two (provider, breaker, SSE, headers, accounting) is
 * the real code.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function startCloud(): Promise<{ cloud: TestGateway<ScriptedBackend>; address: string }> {
  const backend = new ScriptedBackend("big-model");
  backend.tokens = ["Buenos", " Aires", "."];
  const cloud = await startTestGateway({ backend });
  gateways.push(cloud);
  return { cloud, address: await cloud.server.listen() };
}

async function startEdge(cloudAddress: string, router: Record<string, unknown> = {}) {
  const backend = new ScriptedBackend("small-model");
  // Sure of itself (p ≈ 0.95) unless the prompt says it is hard (p ≈ 0.05).
  backend.logprobOf = (request) =>
    request.messages.some((message) => message.content.includes("difícil")) ? -3 : -0.05;
  const edge = await startTestGateway({
    backend,
    config: {
      providers: [
        {
          name: "lan",
          baseUrl: `${cloudAddress}/v1`,
          models: { "big-model": "local" },
          timeouts: { connectMs: 500, firstByteMs: 2000, idleMs: 2000, totalMs: 5000 },
          retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 },
          breaker: { failureThreshold: 2, openMs: 60_000 },
        },
      ],
      router: { ...router, preRouter: { enabled: false, ...(router["preRouter"] as object) } },
    },
  });
  gateways.push(edge);
  const address = await edge.server.listen();
  const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: "local", maxRetries: 0 });
  return { edge, address, client };
}

const easy = [{ role: "user" as const, content: "¿Cuál es la capital de Argentina?" }];
const hard = [{ role: "user" as const, content: "Una pregunta difícil: ¿capital de Argentina?" }];

function routeHeaders(response: Response) {
  return {
    route: response.headers.get("x-colibri-route"),
    reason: response.headers.get("x-colibri-reason"),
    confidence: response.headers.get("x-colibri-confidence"),
    degraded: response.headers.get("x-colibri-degraded"),
  };
}

describe("model auto between two Colibrí servers", () => {
  it("answers an easy request locally and escalates a hard one, streamed or not, and accounts for both", async () => {
    const { address: cloudAddress, cloud } = await startCloud();
    const { edge, client } = await startEdge(cloudAddress);

    const local = await client.chat.completions
      .create({ model: "auto", messages: easy })
      .withResponse();
    expect(routeHeaders(local.response)).toEqual({
      route: "cascade-local",
      reason: "confident",
      confidence: Math.exp(-0.05).toFixed(4),
      degraded: null,
    });
    expect(local.data.choices[0]?.message.content).toBe("Hola, ¿qué tal?");
    expect(local.data.model).toBe("small-model");

    const escalated = await client.chat.completions
      .create({ model: "auto", messages: hard })
      .withResponse();
    expect(routeHeaders(escalated.response)).toEqual({
      route: "cascade-cloud",
      reason: "low-confidence",
      confidence: Math.exp(-3).toFixed(4),
      degraded: null,
    });
    expect(escalated.data.choices[0]?.message.content).toBe("Buenos Aires.");
    expect(escalated.data.model).toBe("big-model");
    expect(escalated.data.usage?.completion_tokens).toBe(3);

    const streamed = await client.chat.completions
      .create({
        model: "auto",
        messages: hard,
        stream: true,
        stream_options: { include_usage: true },
      })
      .withResponse();
    expect(routeHeaders(streamed.response).route).toBe("cascade-cloud");
    let text = "";
    for await (const chunk of streamed.data) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Buenos Aires.");

    // The cloud saw only the escalated requests, asked for its own model name.
    expect(cloud.backend.requests).toHaveLength(2);
    const records = await edge.store.usage.list({ since: 0, limit: 10 });
    const byRoute = records
      .map((record) => [record.route, record.reason, record.target, record.model])
      .sort();
    expect(byRoute).toEqual([
      ["cascade-cloud", "low-confidence", "lan", "big-model"],
      ["cascade-cloud", "low-confidence", "lan", "big-model"],
      ["cascade-local", "confident", "local", "small-model"],
    ]);
    expect(records.every((record) => record.confidence !== null)).toBe(true);
  });

  it("streams a confident local answer after its held-back prefix, and a client that leaves mid-stream stops the cloud too", async () => {
    const { address: cloudAddress, cloud } = await startCloud();
    const { client, address, edge } = await startEdge(cloudAddress, { cascade: { holdTokens: 2 } });
    const streamed = await client.chat.completions
      .create({ model: "auto", messages: easy, stream: true })
      .withResponse();
    expect(routeHeaders(streamed.response)).toMatchObject({
      route: "cascade-local",
      reason: "confident",
    });
    let text = "";
    for await (const chunk of streamed.data) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Hola, ¿qué tal?");

    cloud.backend.tokenDelayMs = 50;
    await abandonStream(address, { model: "big-model", messages: easy, stream: true }, 2);
    await expect.poll(() => cloud.backend.aborted, { timeout: 2000 }).toBe(1);
    await expect
      .poll(async () =>
        (await edge.store.usage.list({ since: 0, limit: 10 })).map((r) => r.outcome),
      )
      .toContain("abandoned");
  });

  it("a cloud model's name forces the cloud; local forces local; unknown names are a 404 listing both", async () => {
    const { address: cloudAddress } = await startCloud();
    const { client, address } = await startEdge(cloudAddress);
    const cloudAnswer = await client.chat.completions
      .create({ model: "big-model", messages: easy })
      .withResponse();
    expect(routeHeaders(cloudAnswer.response)).toMatchObject({
      route: "cloud",
      reason: "requested-cloud",
    });
    const viaProvider = await client.chat.completions
      .create({ model: "lan/big-model", messages: easy })
      .withResponse();
    expect(viaProvider.response.headers.get("x-colibri-route")).toBe("cloud");
    const localAnswer = await client.chat.completions
      .create({ model: "local", messages: hard })
      .withResponse();
    expect(routeHeaders(localAnswer.response)).toMatchObject({
      route: "local",
      reason: "requested-local",
    });

    const missing = await fetch(`${address}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-9", messages: easy }),
    });
    expect(missing.status).toBe(404);
    const body = (await missing.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("model_not_found");
    expect(body.error.message).toContain("'big-model'");
    const models = await client.models.list();
    expect(models.data.map((model) => [model.id, model.owned_by])).toContainEqual([
      "big-model",
      "lan",
    ]);
  });

  it("when the cloud dies, the next requests degrade to local, the breaker opens and /ready shows it", async () => {
    const { address: cloudAddress, cloud } = await startCloud();
    const { client, address } = await startEdge(cloudAddress);
    const before = await client.chat.completions
      .create({ model: "auto", messages: hard })
      .withResponse();
    expect(before.response.headers.get("x-colibri-route")).toBe("cascade-cloud");

    await cloud.close();
    const started = Date.now();
    const degraded = await client.chat.completions
      .create({ model: "auto", messages: hard })
      .withResponse();
    expect(routeHeaders(degraded.response)).toMatchObject({
      route: "cascade-local",
      reason: "cloud-unavailable",
      degraded: "cloud-unavailable",
    });
    expect(degraded.data.choices[0]?.message.content).toBe("Hola, ¿qué tal?");
    const forced = await client.chat.completions
      .create({ model: "big-model", messages: easy })
      .withResponse();
    expect(routeHeaders(forced.response)).toMatchObject({
      route: "local",
      reason: "cloud-unavailable",
      degraded: "cloud-unavailable",
    });
    expect(Date.now() - started).toBeLessThan(4000);

    const ready = (await (await fetch(`${address}/ready`)).json()) as {
      status: string;
      providers: { name: string; state: string; available: boolean }[];
    };
    expect(ready.status).toBe("ready");
    expect(ready.providers).toMatchObject([{ name: "lan", state: "open", available: false }]);
    // With the circuit open the edge does not even try the cloud: the plan is local at once.
    const whileOpen = await client.chat.completions
      .create({ model: "big-model", messages: easy })
      .withResponse();
    expect(whileOpen.response.headers.get("x-colibri-degraded")).toBe("cloud-unavailable");
  });

  it("with whenCloudUnavailable fail, an unreachable cloud is a clear 503, never a hang", async () => {
    const { address: cloudAddress, cloud } = await startCloud();
    const { address } = await startEdge(cloudAddress, { whenCloudUnavailable: "fail" });
    await cloud.close();
    const response = await fetch(`${address}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "big-model", messages: easy }),
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("cloud_unavailable");
    expect(body.error.message).toContain("lan");
  });

  it("the bundled pre-router scores each auto prompt; at or above its threshold the prompt goes straight to the cloud", async () => {
    const { address: cloudAddress, cloud } = await startCloud();
    const { client } = await startEdge(cloudAddress, {
      preRouter: { enabled: true, cloudThreshold: 0 },
    });
    const direct = await client.chat.completions
      .create({ model: "auto", messages: easy })
      .withResponse();
    expect(routeHeaders(direct.response)).toMatchObject({ route: "cloud", reason: "pre-router" });
    const score = Number(direct.response.headers.get("x-colibri-score"));
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);
    expect(cloud.backend.requests).toHaveLength(1);

    const { client: never } = await startEdge(cloudAddress, {
      preRouter: { enabled: true, cloudThreshold: 1 },
    });
    const cascaded = await never.chat.completions
      .create({ model: "auto", messages: easy })
      .withResponse();
    expect(routeHeaders(cascaded.response).route).toBe("cascade-local");
    expect(cascaded.response.headers.get("x-colibri-score")).toBe(score.toFixed(4));
  });

  it("a budget too small for a cloud answer keeps auto local, while a cloud model named by the client meets the budget's 429 before anything is spent", async () => {
    const { address: cloudAddress, cloud } = await startCloud();
    const { client, edge } = await startEdge(cloudAddress);
    await edge.store.tenants.updateLimits("default", { budgetUsdDay: 0.00001 });
    // A cloud answer could cost more than the whole budget (unknown models cost what gpt-4o costs).
    const refused = await client.chat.completions
      .create({ model: "big-model", messages: easy })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ status: 429, code: "budget_exceeded" });
    expect((refused as Error).message).toContain("This request could use up to $0.000");
    const routed = await client.chat.completions
      .create({ model: "auto", messages: hard })
      .withResponse();
    expect(routeHeaders(routed.response)).toMatchObject({ route: "local", reason: "budget-spent" });
    expect(cloud.backend.requests).toHaveLength(0);
  });

  it("policy rules route by language and metadata, and name the rule", async () => {
    const { address: cloudAddress } = await startCloud();
    const { client } = await startEdge(cloudAddress, {
      rules: [
        { name: "pt-cloud", when: { language: "pt", model: "auto" }, route: "cloud" },
        { name: "private", when: { metadata: { data: "private" } }, route: "local" },
      ],
    });
    const portuguese = await client.chat.completions
      .create({
        model: "auto",
        messages: [{ role: "user", content: "Qual é a capital do Brasil?" }],
      })
      .withResponse();
    expect(routeHeaders(portuguese.response)).toMatchObject({
      route: "cloud",
      reason: "rule:pt-cloud",
    });
    const tagged = await client.chat.completions
      .create(
        { model: "big-model", messages: easy },
        { headers: { "x-colibri-metadata": "data=private" } },
      )
      .withResponse();
    expect(routeHeaders(tagged.response)).toMatchObject({ route: "local", reason: "rule:private" });
  });
});
