import { describe, expect, it } from "vitest";
import {
  CloudUnavailableError,
  ServiceUnavailableError,
  UpstreamError,
  UpstreamRejectedError,
} from "../../src/core/errors.js";
import { OpenAICompatibleProvider } from "../../src/upstream/index.js";
import { FakeCloud, refusedUrl, useFakeCloud, type FakeReply } from "../support/fake-cloud.js";
import {
  chatRequest,
  collect,
  runChat,
  testProviderConfig,
  textOf,
} from "../support/provider-config.js";

const fake = useFakeCloud();

type Overrides = Partial<Parameters<typeof testProviderConfig>[0]>;

function provider(overrides: Overrides = {}, now?: () => number): OpenAICompatibleProvider {
  const created = new OpenAICompatibleProvider({
    config: testProviderConfig({
      baseUrl: fake.cloud.url,
      apiKeyEnv: "FAKE_API_KEY",
      ...overrides,
    }),
    apiKey: "sk-test",
    ...(now === undefined ? {} : { now }),
  });
  return fake.track(created);
}

const answer: FakeReply = { kind: "fixture", file: "openai-chat-stream.sse" };

describe("retries", () => {
  it("a 500 is retried and the answer that follows is passed on", async () => {
    fake.cloud.reply({ kind: "status", status: 500, body: "openai-error-server.json" }, answer);
    const events = await collect(provider().chat(chatRequest()));
    expect(textOf(events)).toBe("La capital de Perú es Lima.");
    expect(fake.cloud.requests).toHaveLength(2);
  });

  it("a 429 with Retry-After: 1 waits about a second, then retries", async () => {
    fake.cloud.reply(
      {
        kind: "status",
        status: 429,
        body: "openai-error-rate-limit.json",
        headers: { "retry-after": "1" },
      },
      answer,
    );
    const result = await runChat(provider().chat(chatRequest()));
    expect(result.error).toBeUndefined();
    expect(fake.cloud.requests).toHaveLength(2);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(950);
    expect(result.elapsedMs).toBeLessThan(2_500);
  });

  it("a Retry-After longer than maxDelayMs gives up at once, as unavailable", async () => {
    fake.cloud.reply({
      kind: "status",
      status: 429,
      body: "openai-error-rate-limit.json",
      headers: { "retry-after": "30" },
    });
    const result = await runChat(provider().chat(chatRequest()));
    expect(result.error).toBeInstanceOf(CloudUnavailableError);
    expect(result.error).toMatchObject({
      status: 503,
      upstreamStatus: 429,
      unavailable: true,
      retryAfterSeconds: 30,
    });
    expect(fake.cloud.requests).toHaveLength(1);
    expect(result.elapsedMs).toBeLessThan(500);
  });

  it("5xx every time: maxRetries more attempts, then CloudUnavailableError", async () => {
    fake.cloud.reply(
      ...Array.from({ length: 3 }, (): FakeReply => ({
        kind: "status",
        status: 503,
        body: "busy",
      })),
    );
    const result = await runChat(provider().chat(chatRequest()));
    expect(result.error).toBeInstanceOf(CloudUnavailableError);
    expect(result.error).toMatchObject({ upstreamStatus: 503, unavailable: true });
    expect(fake.cloud.requests).toHaveLength(3);
  });

  it("a reset connection is retried", async () => {
    fake.cloud.reply({ kind: "reset" }, answer);
    const events = await collect(provider().chat(chatRequest()));
    expect(textOf(events)).toBe("La capital de Perú es Lima.");
    expect(fake.cloud.requests).toHaveLength(2);
  });

  it("a refused connection (offline) fails as unavailable after the retries", async () => {
    const offline = provider({ baseUrl: await refusedUrl() });
    const result = await runChat(offline.chat(chatRequest()));
    expect(result.error).toBeInstanceOf(CloudUnavailableError);
    expect(result.error).toMatchObject({ unavailable: true, code: "cloud_unavailable" });
    expect((result.error as Error).message).toContain("ECONNREFUSED");
    expect(offline.health()).toMatchObject({ consecutiveFailures: 1, state: "closed" });
  });

  it("401 and 400 are the provider's answer: never retried, not counted by the breaker", async () => {
    const openai = provider();
    fake.cloud.reply({ kind: "status", status: 401, body: "openai-error-invalid-api-key.json" });
    const refused = await runChat(openai.chat(chatRequest()));
    expect(refused.error).toBeInstanceOf(UpstreamRejectedError);
    expect(refused.error).toMatchObject({ status: 502, upstreamStatus: 401, unavailable: false });
    expect((refused.error as Error).message).toContain("FAKE_API_KEY");

    fake.cloud.reply({ kind: "status", status: 400, body: "openai-error-invalid-request.json" });
    const invalid = await runChat(openai.chat(chatRequest()));
    expect(invalid.error).toMatchObject({ status: 400, upstreamStatus: 400, unavailable: false });
    expect((invalid.error as Error).message).toContain("Invalid 'max_tokens'");
    expect(fake.cloud.requests).toHaveLength(2);
    expect(openai.health()).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: expect.any(String),
    });
  });
});

describe("the caller going away", () => {
  it("aborting the signal mid-stream stops the upstream request at once", async () => {
    fake.cloud.reply({ kind: "stall", file: "openai-chat-stream.sse", frames: 3 });
    const controller = new AbortController();
    const reason = new Error("client disconnected");
    const openai = provider({
      timeouts: { connectMs: 300, firstByteMs: 5_000, idleMs: 5_000, totalMs: 10_000 },
    });
    const deltas: string[] = [];
    const failure = await (async () => {
      for await (const event of openai.chat(chatRequest({ signal: controller.signal }))) {
        if (event.type === "delta") deltas.push(event.text);
        if (deltas.length === 2)
          setTimeout(() => {
            controller.abort(reason);
          }, 20);
      }
    })().catch((error: unknown) => error);
    expect(failure).toBe(reason);
    expect(deltas).toEqual(["La", " capital"]);
    await fake.cloud.waitUntilIdle(200);
    // An answer that had started proves the provider reachable.
    expect(openai.health()).toMatchObject({ state: "closed", consecutiveFailures: 0 });
  });

  it("aborting while waiting for headers cuts the request, counting no failure", async () => {
    fake.cloud.reply({ kind: "hang" });
    const controller = new AbortController();
    const openai = provider({
      timeouts: { connectMs: 300, firstByteMs: 5_000, idleMs: 5_000, totalMs: 10_000 },
    });
    setTimeout(() => {
      controller.abort(new Error("gone"));
    }, 50);
    const result = await runChat(openai.chat(chatRequest({ signal: controller.signal })));
    expect(result.error).toMatchObject({ message: "gone" });
    expect(result.elapsedMs).toBeLessThan(500);
    await fake.cloud.waitUntilIdle(200);
    expect(openai.health()).toMatchObject({ consecutiveFailures: 0 });
  });

  it("stopping the iteration early closes the upstream request", async () => {
    fake.cloud.frameDelayMs = 50;
    const openai = provider();
    for await (const event of openai.chat(chatRequest())) {
      expect(event.type).toBe("delta");
      break;
    }
    await fake.cloud.waitUntilIdle(200);
    expect(fake.cloud.requests).toHaveLength(1);
  });

  it("closing the provider cuts a running call with a ServiceUnavailableError", async () => {
    fake.cloud.reply({ kind: "hang" });
    const openai = provider({
      timeouts: { connectMs: 300, firstByteMs: 5_000, idleMs: 5_000, totalMs: 10_000 },
    });
    setTimeout(() => void openai.close(), 50);
    const result = await runChat(openai.chat(chatRequest()));
    expect(result.error).toBeInstanceOf(ServiceUnavailableError);
    expect(result.error).not.toBeInstanceOf(UpstreamError);
  });
});

describe("circuit breaker", () => {
  it("opens after N refused connections, fails fast without a call, probes after openMs and closes", async () => {
    const clock = { now: Date.parse("2025-06-01T12:00:00Z") };
    const url = await refusedUrl();
    const openai = provider(
      { baseUrl: url, retry: { maxRetries: 0 }, breaker: { failureThreshold: 3, openMs: 30_000 } },
      () => clock.now,
    );
    for (let call = 0; call < 3; call++) {
      const result = await runChat(openai.chat(chatRequest()));
      expect(result.error).toMatchObject({ unavailable: true });
      expect((result.error as Error).message).toContain("ECONNREFUSED");
    }
    expect(openai.isAvailable()).toBe(false);
    expect(openai.health()).toMatchObject({
      state: "open",
      available: false,
      consecutiveFailures: 3,
      lastError: { class: "connection_refused", status: null, at: "2025-06-01T12:00:00.000Z" },
      retryAt: "2025-06-01T12:00:30.000Z",
    });

    // The provider comes back on the same address, but the circuit is still open.
    const revived = await FakeCloud.start(Number(new URL(url).port));
    try {
      const fast = await runChat(openai.chat(chatRequest()));
      expect(fast.error).toBeInstanceOf(CloudUnavailableError);
      expect((fast.error as Error).message).toContain("circuit breaker is open");
      expect(fast.error).toMatchObject({ retryAfterSeconds: 30 });
      expect(revived.requests).toHaveLength(0);

      clock.now += 30_000;
      expect(openai.isAvailable()).toBe(true);
      revived.frameDelayMs = 20;
      const probe = openai.chat(chatRequest())[Symbol.asyncIterator]();
      expect(await probe.next()).toMatchObject({ value: { type: "delta" } });
      // While the probe runs, every other call still fails fast.
      const during = await runChat(openai.chat(chatRequest()));
      expect((during.error as Error).message).toContain("probe call");
      while ((await probe.next()).done !== true);
      expect(revived.requests).toHaveLength(1);
      expect(openai.health()).toMatchObject({
        state: "closed",
        available: true,
        consecutiveFailures: 0,
      });
      expect(textOf(await collect(openai.chat(chatRequest())))).toBe("La capital de Perú es Lima.");
    } finally {
      await revived.close();
    }
  });

  it("a failed probe opens the circuit again", async () => {
    const clock = { now: 0 };
    const openai = provider(
      { retry: { maxRetries: 0 }, breaker: { failureThreshold: 1, openMs: 1_000 } },
      () => clock.now,
    );
    fake.cloud.reply({ kind: "reset" }, { kind: "reset" });
    await runChat(openai.chat(chatRequest()));
    expect(openai.health().state).toBe("open");
    clock.now += 1_000;
    await runChat(openai.chat(chatRequest()));
    expect(openai.health()).toMatchObject({ state: "open", consecutiveFailures: 2 });
    expect(openai.isAvailable()).toBe(false);
    expect(fake.cloud.requests).toHaveLength(2);
  });
});
