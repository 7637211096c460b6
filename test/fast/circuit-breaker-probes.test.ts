import { afterEach, describe, expect, it } from "vitest";
import { FakeCloud } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * The circuit breaker against the queue's connectivity monitor, end to end: a cloud whose chat
 * calls fail while its GET /models answers. The monitor's successful probes must not close a
 * circuit that failing chat calls opened; it stays open for openMs, then one trial call decides.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
const clouds: FakeCloud[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
  await Promise.all(clouds.splice(0).map((cloud) => cloud.close()));
});

const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

const failureThreshold = 3;
const openMs = 1_000;

async function start() {
  const cloud = await FakeCloud.start();
  clouds.push(cloud);
  cloud.otherwise = { kind: "status", status: 500, body: "openai-error-server.json" };
  const gateway = await startTestGateway({
    config: {
      providers: [
        {
          name: "nube",
          baseUrl: cloud.url,
          models: ["gpt-4o-mini"],
          retry: { maxRetries: 0 },
          breaker: { failureThreshold, openMs },
        },
      ],
      router: { preRouter: { enabled: false } },
      // Probes every 50 ms: many chances to close the circuit wrongly within openMs.
      queue: { probe: { intervalSeconds: 0.05, minBackoffSeconds: 0.05, maxBackoffSeconds: 0.1 } },
    },
  });
  gateways.push(gateway);
  await gateway.app.ready(); // starts the connectivity monitor
  let sent = 0;
  const ask = async () => {
    sent++;
    const response = await gateway.app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: {
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: `Pregunta número ${sent}` }],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-colibri-degraded"]).toBe("cloud-unavailable");
  };
  const chatCalls = () =>
    cloud.requests.filter((request) => request.path.endsWith("/chat/completions")).length;
  const health = () => {
    const provider = gateway.providers.get("nube");
    if (provider === undefined) throw new Error('No provider "nube".');
    return provider.health();
  };
  return { cloud, ask, chatCalls, health, sent: () => sent };
}

describe("the circuit breaker while GET /models answers and chat calls fail", () => {
  it("stays open for openMs despite successful probes, then one trial call decides; 20 requests make threshold + 1 upstream calls", async () => {
    const { cloud, ask, chatCalls, health, sent } = await start();
    for (let call = 0; call < failureThreshold; call++) await ask();
    expect(chatCalls()).toBe(failureThreshold);
    const opened = health();
    expect(opened).toMatchObject({ state: "open", available: false });
    const retryAt = Date.parse(opened.retryAt ?? "");
    const probesAtOpen = cloud.probes;
    const windowStart = performance.now();

    // Within openMs: the monitor's probes keep answering, yet no client request reaches the cloud.
    while (Date.now() < retryAt - 200 && sent() < 19) {
      await sleep(50);
      await ask();
      expect(chatCalls()).toBe(failureThreshold);
    }
    // Probes answered meanwhile, at their interval: an open circuit does not make them spin.
    const probed = cloud.probes - probesAtOpen;
    expect(probed).toBeGreaterThanOrEqual(3);
    expect(probed).toBeLessThanOrEqual((performance.now() - windowStart) / 50 + 3);
    expect(health()).toMatchObject({ state: "open", available: false });

    // After openMs one trial call goes through; it fails and opens the circuit for another openMs.
    await sleep(Math.max(0, retryAt - Date.now()) + 20);
    while (sent() < 20) await ask();
    expect(chatCalls()).toBe(failureThreshold + 1);
    expect(health()).toMatchObject({ state: "open", consecutiveFailures: failureThreshold + 1 });
  });
});

describe("a cloud whose streams stall midway while GET /models answers", () => {
  it("counts each stall toward the breaker: after the threshold the circuit opens and stays open despite the probes", async () => {
    const cloud = await FakeCloud.start();
    clouds.push(cloud);
    // Two deltas, then silence with the connection open, cut by the stall (idle) timeout.
    cloud.otherwise = { kind: "stall", file: "openai-chat-stream.sse", frames: 3 };
    const gateway = await startTestGateway({
      config: {
        providers: [
          {
            name: "nube",
            baseUrl: cloud.url,
            models: ["gpt-4o-mini"],
            timeouts: { connectMs: 300, firstByteMs: 300, idleMs: 150, totalMs: 4_000 },
            retry: { maxRetries: 0 },
            breaker: { failureThreshold, openMs: 30_000 },
          },
        ],
        router: { preRouter: { enabled: false } },
        queue: {
          probe: { intervalSeconds: 0.05, minBackoffSeconds: 0.05, maxBackoffSeconds: 0.1 },
        },
      },
    });
    gateways.push(gateway);
    await gateway.app.ready();
    const provider = gateway.providers.get("nube");
    if (provider === undefined) throw new Error('No provider "nube".');
    const chatCalls = () =>
      cloud.requests.filter((request) => request.path.endsWith("/chat/completions")).length;
    const stream = () =>
      gateway.app.inject({
        method: "POST",
        url: "/v1/chat/completions",
        payload: {
          model: "gpt-4o-mini",
          stream: true,
          messages: [{ role: "user", content: "¿Cuál es la capital de Perú?" }],
        },
      });

    for (let call = 1; call <= failureThreshold; call++) {
      const response = await stream();
      expect(response.body).toContain("La");
      expect(provider.health()).toMatchObject({ consecutiveFailures: call });
    }
    expect(provider.health()).toMatchObject({ state: "open", available: false });
    // The probes keep answering meanwhile; they must not close what stalls opened.
    const probes = cloud.probes;
    await expect.poll(() => cloud.probes, { timeout: 2_000 }).toBeGreaterThan(probes + 2);
    expect(provider.health()).toMatchObject({ state: "open", available: false });
    await stream();
    expect(chatCalls()).toBe(failureThreshold);
  });
});
