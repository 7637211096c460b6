import { afterEach, describe, expect, it } from "vitest";
import { FakeCloud } from "../support/fake-cloud.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * A cascade that escalated keeps the whole local answer it escalated from: when the cloud then
 * stalls or drops midway through a whole (not streamed) answer, the client gets the local answer,
 * marked degraded, instead of a 504 — nothing had been sent to it yet.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
const clouds: FakeCloud[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
  await Promise.all(clouds.splice(0).map((cloud) => cloud.close()));
});

async function start() {
  const cloud = await FakeCloud.start();
  clouds.push(cloud);
  const backend = new ScriptedBackend("small-model");
  backend.tokens = ["Lima", "."];
  const gateway = await startTestGateway({
    backend,
    config: {
      providers: [
        {
          name: "nube",
          baseUrl: cloud.url,
          models: ["gpt-4o-mini"],
          timeouts: { connectMs: 300, firstByteMs: 1_000, idleMs: 300, totalMs: 5_000 },
          retry: { maxRetries: 0 },
        },
      ],
      // Every local answer (p ≈ 0.61) is too unsure: the cascade always escalates.
      router: { preRouter: { enabled: false }, cascade: { threshold: 0.99 } },
    },
  });
  gateways.push(gateway);
  return { cloud, gateway };
}

const ask = (gateway: TestGateway<ScriptedBackend>, stream = false, model = "auto") =>
  gateway.app.inject({
    method: "POST",
    url: "/v1/chat/completions",
    payload: {
      model,
      stream,
      messages: [{ role: "user", content: "¿Capital de Perú?" }],
    },
  });

describe("a cascade whose cloud fails midway", () => {
  it("answers a whole request with the local answer, marked degraded, when the cloud stalls after its first words", async () => {
    const { cloud, gateway } = await start();
    cloud.reply({ kind: "stall", file: "openai-chat-stream.sse", frames: 3 });
    const response = await ask(gateway);
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-colibri-route"]).toBe("cascade-local");
    expect(response.headers["x-colibri-reason"]).toBe("cloud-unavailable");
    expect(response.headers["x-colibri-degraded"]).toBe("cloud-unavailable");
    const body = response.json<{ model: string; choices: { message: { content: string } }[] }>();
    expect(body.model).toBe("small-model");
    expect(body.choices[0]?.message.content).toBe("Lima.");
    expect(cloud.requests).toHaveLength(1);
    const [record] = await gateway.store.usage.list({ since: 0, limit: 1 });
    expect(record).toMatchObject({ target: "local", route: "cascade-local", status: 200 });
  });

  it("still gives the cloud's answer when it completes", async () => {
    const { gateway } = await start();
    const response = await ask(gateway);
    expect(response.headers["x-colibri-route"]).toBe("cascade-cloud");
    expect(response.json<{ model: string }>().model).toBe("gpt-4o-mini");
  });
});

// Found by `npm run fuzz`: asked for by name, a cloud model whose stream stalled midway was a 504.
describe("a cloud model whose cloud fails midway", () => {
  it("answers a whole request locally, marked degraded, when the cloud stalls after its first words", async () => {
    const { cloud, gateway } = await start();
    cloud.reply({ kind: "stall", file: "openai-chat-stream.sse", frames: 3 });
    const response = await ask(gateway, false, "gpt-4o-mini");
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-colibri-route"]).toBe("local");
    expect(response.headers["x-colibri-degraded"]).toBe("cloud-unavailable");
    const body = response.json<{ model: string; choices: { message: { content: string } }[] }>();
    expect(body.model).toBe("small-model");
    expect(body.choices[0]?.message.content).toBe("Lima.");
    const [record] = await gateway.store.usage.list({ since: 0, limit: 1 });
    expect(record).toMatchObject({ target: "local", route: "local", status: 200 });
  });
});
