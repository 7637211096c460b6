import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import type { ChatMessage, ChatRequest } from "../../src/core/chat.js";
import { TooManyFindingsError } from "../../src/core/errors.js";
import { PrivacyGuard } from "../../src/privacy/privacy-guard.js";
import { scanText } from "../../src/privacy/scan.js";
import { cpf, SeededRandom } from "../support/pii-generators.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * One request must not hold the gateway: a request with too much personal data is refused once
 * the limit is passed (not after reading all of it), and a large scan leaves room for others.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

/**
 * Lines "CPF 123.456.789-09", each a finding (2,000 distinct values, repeated), up to `bytes`
 * characters (ASCII: bytes).
 */
function cpfText(bytes: number, seed = 7): string {
  const random = new SeededRandom(seed);
  const distinct = Array.from({ length: 2_000 }, () => `CPF ${cpf(random, true).text}\n`);
  const lines: string[] = [];
  let length = 0;
  while (length < bytes) {
    const line = distinct[lines.length % distinct.length] ?? "";
    lines.push(line);
    length += line.length;
  }
  return lines.join("");
}

function requestOf(messages: ChatMessage[]): ChatRequest {
  return { messages, sampling: {} };
}

function guardWithLimit(maxFindingsPerRequest: number): PrivacyGuard {
  return new PrivacyGuard(
    parseConfig({ home: "/tmp/colibri-unused", privacy: { maxFindingsPerRequest } }).privacy,
  );
}

describe("privacy.maxFindingsPerRequest", () => {
  it("refuses a request past the limit, counting over all its messages, with the count, the limit and the setting", async () => {
    const guard = guardWithLimit(10);
    const six = cpfText(6 * 19);
    const five = cpfText(5 * 19, 11);
    expect((await guard.scan(requestOf([{ role: "user", content: five }]))).findings).toHaveLength(
      5,
    );
    const atLimit = [
      { role: "system" as const, content: five },
      { role: "user" as const, content: cpfText(5 * 19, 13) },
    ];
    expect((await guard.scan(requestOf(atLimit))).findings).toHaveLength(10);

    const over = [
      { role: "system" as const, content: six },
      { role: "user" as const, content: cpfText(6 * 19, 17) },
    ];
    const error = await guard.scan(requestOf(over)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TooManyFindingsError);
    expect(error).toMatchObject({ status: 413, code: "too_many_findings", limit: 10, found: 12 });
    expect((error as Error).message).toMatch(
      /12 findings.*limit of 10.*privacy\.maxFindingsPerRequest/,
    );
  });

  it("stops reading a 4 MB text of 200,000 CPFs soon after the limit instead of scanning all of it", async () => {
    const text = cpfText(4_000_000);
    const findings = scanText(text, { maxFindings: 5_000 });
    expect(findings.length).toBeGreaterThan(5_000);
    // Stopped within one piece of text (4 kB, ~210 CPFs) after the limit, not at 200,000.
    expect(findings.length).toBeLessThan(6_000);
    expect(findings.at(-1)?.end ?? 0).toBeLessThan(text.length / 30);
    await expect(
      guardWithLimit(5_000).scan(requestOf([{ role: "user", content: text }])),
    ).rejects.toThrow(TooManyFindingsError);
  });
});

describe("a request with too much personal data, over HTTP", () => {
  it("POST /v1/privacy/scan answers 413 too_many_findings in OpenAI's shape", async () => {
    const gateway = await startTestGateway({
      config: { privacy: { maxFindingsPerRequest: 1_000 } },
    });
    gateways.push(gateway);
    const address = await gateway.server.listen();
    const response = await fetch(`${address}/v1/privacy/scan`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: cpfText(3_600_000) }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      type: "invalid_request_error",
      code: "too_many_findings",
      param: "text",
    });
    expect(body.error["message"]).toMatch(/limit of 1000.*privacy\.maxFindingsPerRequest/);
  });

  it("a 4 MB chat body full of CPFs is refused with 413 too_many_findings before anything is sent", async () => {
    const gateway = await startTestGateway({
      config: {
        providers: [{ name: "nowhere", baseUrl: "http://127.0.0.1:9/v1", models: ["big-model"] }],
      },
    });
    gateways.push(gateway);
    const address = await gateway.server.listen();
    const response = await fetch(`${address}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: "big-model",
        messages: [{ role: "user", content: cpfText(3_900_000) }],
      }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code: "too_many_findings", param: "messages" });
    expect(body.error["message"]).toMatch(/limit of 5000/);
    expect(gateway.backend.requests).toHaveLength(0);
  });

  it("answers other requests while it scans a large text", async () => {
    const gateway = await startTestGateway({
      config: { privacy: { maxFindingsPerRequest: 1_000_000 } },
    });
    gateways.push(gateway);
    const address = await gateway.server.listen();
    const payload = new TextEncoder().encode(JSON.stringify({ text: cpfText(1_500_000) }));
    let uploaded!: () => void;
    const uploadDone = new Promise<void>((resolve) => (uploaded = resolve));
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= payload.length) {
          controller.close();
          uploaded();
          return;
        }
        controller.enqueue(payload.subarray(offset, offset + 65_536));
        offset += 65_536;
      },
    });
    const order: string[] = [];
    const scan = fetch(`${address}/v1/privacy/scan`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    }).then((response) => {
      order.push("scan");
      return response;
    });
    await uploadDone;
    // Sent once the whole text is on its way: the gateway is parsing or scanning it.
    const small = fetch(`${address}/v1/models`).then((response) => {
      order.push("models");
      return response;
    });
    const [scanned, models] = await Promise.all([scan, small]);
    expect(models.status).toBe(200);
    expect(scanned.status).toBe(200);
    expect(((await scanned.json()) as { findings: unknown[] }).findings.length).toBeGreaterThan(
      70_000,
    );
    expect(order).toEqual(["models", "scan"]);
  });
});
