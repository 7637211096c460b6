import { describe, expect, it } from "vitest";
import { OpenAICompatibleProvider } from "../../src/upstream/openai-compatible-provider.js";
import { refusedUrl, useFakeCloud } from "../support/fake-cloud.js";
import { chatRequest, runChat, testProviderConfig } from "../support/provider-config.js";

/** `ChatRequest.onSent` tells whether a call's body was written to the provider at all. */
const fake = useFakeCloud();

function provider(baseUrl: string, maxRetries = 0) {
  return fake.track(
    new OpenAICompatibleProvider({
      config: testProviderConfig({ baseUrl, retry: { maxRetries, baseDelayMs: 1, maxDelayMs: 5 } }),
    }),
  );
}

async function callCounting(baseUrl: string, maxRetries = 0) {
  let sent = 0;
  const result = await runChat(
    provider(baseUrl, maxRetries).chat(chatRequest({ onSent: () => (sent += 1) })),
  );
  return { sent, result };
}

describe("whether a call's body reached the provider", () => {
  it("is not told for a refused connection, retries included", async () => {
    const { sent, result } = await callCounting(await refusedUrl(), 2);
    expect(result.error).toMatchObject({ unavailable: true });
    expect(sent).toBe(0);
  });

  it("is told once the body is written, whatever the answer", async () => {
    const answered = await callCounting(fake.cloud.url);
    expect(answered.result.error).toBeUndefined();
    expect(answered.sent).toBe(1);

    fake.cloud.reply({ kind: "status", status: 503, body: "busy" });
    const failed = await callCounting(fake.cloud.url);
    expect(failed.result.error).toMatchObject({ upstreamStatus: 503 });
    expect(failed.sent).toBe(1);

    fake.cloud.reply({ kind: "reset" });
    const cut = await callCounting(fake.cloud.url);
    expect(cut.result.error).toMatchObject({ unavailable: true });
    expect(cut.sent).toBe(1);
    expect(fake.cloud.requests).toHaveLength(3);
    expect(fake.cloud.requests[0]?.headers["content-length"]).toBe(
      String(Buffer.byteLength(JSON.stringify(fake.cloud.requests[0]?.body))),
    );
    expect(fake.cloud.requests[0]?.headers["transfer-encoding"]).toBeUndefined();
  });
});
