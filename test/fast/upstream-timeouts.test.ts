import { describe, expect, it } from "vitest";
import { UpstreamTimeoutError } from "../../src/core/errors.js";
import { OpenAICompatibleProvider } from "../../src/upstream/index.js";
import { useFakeCloud, type FakeReply } from "../support/fake-cloud.js";
import { chatRequest, runChat, testProviderConfig } from "../support/provider-config.js";

const fake = useFakeCloud();

type Overrides = Partial<Parameters<typeof testProviderConfig>[0]>;

function provider(overrides: Overrides = {}): OpenAICompatibleProvider {
  const created = new OpenAICompatibleProvider({
    config: testProviderConfig({ baseUrl: fake.cloud.url, ...overrides }),
  });
  return fake.track(created);
}

const answer: FakeReply = { kind: "fixture", file: "openai-chat-stream.sse" };

describe("timeouts", () => {
  it("no response headers within firstByteMs: UpstreamTimeoutError, and the call is cut", async () => {
    fake.cloud.reply({ kind: "hang" });
    const result = await runChat(provider({ retry: { maxRetries: 0 } }).chat(chatRequest()));
    expect(result.error).toBeInstanceOf(UpstreamTimeoutError);
    expect(result.error).toMatchObject({
      timeout: "firstByte",
      timeoutMs: 300,
      configField: "providers[].timeouts.firstByteMs",
      status: 504,
      unavailable: true,
    });
    expect(fake.cloud.requests).toHaveLength(1);
  });

  it("the total timeout bounds the whole call", async () => {
    fake.cloud.reply({ kind: "hang" });
    const slow = provider({
      timeouts: { connectMs: 300, firstByteMs: 5_000, idleMs: 5_000, totalMs: 250 },
    });
    const result = await runChat(slow.chat(chatRequest()));
    expect(result.error).toBeInstanceOf(UpstreamTimeoutError);
    expect(result.error).toMatchObject({ timeout: "total", timeoutMs: 250 });
    expect(result.elapsedMs).toBeLessThan(1_000);
  });

  it("a stall after deltas is thrown, not retried, and the caller keeps the deltas", async () => {
    fake.cloud.reply({ kind: "stall", file: "openai-chat-stream.sse", frames: 3 }, answer);
    const result = await runChat(provider().chat(chatRequest()));
    expect(result.deltas).toEqual(["La", " capital"]);
    expect(result.error).toBeInstanceOf(UpstreamTimeoutError);
    expect(result.error).toMatchObject({ timeout: "idle", timeoutMs: 300 });
    expect(fake.cloud.requests).toHaveLength(1);
  });

  it("a stall before the first delta is retried", async () => {
    fake.cloud.reply({ kind: "stall", file: "openai-chat-stream.sse", frames: 1 }, answer);
    const result = await runChat(provider().chat(chatRequest()));
    expect(result.error).toBeUndefined();
    expect(result.deltas.join("")).toBe("La capital de Perú es Lima.");
    expect(fake.cloud.requests).toHaveLength(2);
  });
});
