import { afterEach, describe, expect, it } from "vitest";
import { expectOpenAIError } from "../support/openai-error.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * Issue 17, item 7: a broken multipart body sent to POST /v1/files is the client's error — a 400
 * in OpenAI's shape that says what is wrong and how to upload — never a 500; and the multipart
 * limits name the setting that applies (files.maxBytes), not server.bodyLimitBytes.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function start(config: Record<string, unknown> = {}) {
  const gateway = await startTestGateway({ config });
  gateways.push(gateway);
  return gateway;
}

describe("broken multipart uploads to POST /v1/files", () => {
  const upload = (gateway: TestGateway<ScriptedBackend>, payload: string, contentType: string) =>
    gateway.app.inject({
      method: "POST",
      url: "/v1/files",
      headers: { "content-type": contentType },
      payload,
    });

  it.each([
    [
      "a part that ends before its closing boundary",
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
      "multipart/form-data; boundary=XX",
    ],
    ["no boundary in the content type", "abc", "multipart/form-data"],
    [
      "random bytes",
      "\u0001\u00ff garbage \u0000 not multipart",
      "multipart/form-data; boundary=XX",
    ],
  ])("answers %s with a 400 saying how to upload", async (_name, payload, contentType) => {
    const gateway = await start();
    const response = await upload(gateway, payload, contentType);
    expect(response.statusCode).toBe(400);
    const error = expectOpenAIError(response.json());
    expect(error.param).toBe("file");
    expect(error.message).toMatch(/multipart\/form-data/);
    expect(error.message).toMatch(/"file" and "purpose"/);
  });

  it("refuses two files in one upload with a 400 that names no unrelated setting", async () => {
    const gateway = await start();
    const part = (name: string) =>
      `--XX\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n{}\r\n`;
    const body = `${part("a.jsonl")}${part("b.jsonl")}--XX--\r\n`;
    const response = await upload(gateway, body, "multipart/form-data; boundary=XX");
    expect(response.statusCode).toBe(400);
    const error = expectOpenAIError(response.json());
    expect(error.message).toMatch(/one file per upload/);
    expect(error.message).not.toMatch(/bodyLimitBytes/);
  });

  it("names files.maxBytes, not server.bodyLimitBytes, when the file is over the limit", async () => {
    const gateway = await start({ files: { maxBytes: 10 } });
    const body =
      '--XX\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n' +
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"\r\n' +
      "Content-Type: application/jsonl\r\n\r\n" +
      "x".repeat(100) +
      "\r\n--XX--\r\n";
    const response = await upload(gateway, body, "multipart/form-data; boundary=XX");
    expect(response.statusCode).toBe(413);
    const error = expectOpenAIError(response.json());
    expect(error.message).toMatch(/files\.maxBytes/);
    expect(error.message).not.toMatch(/bodyLimitBytes/);
  });
});
