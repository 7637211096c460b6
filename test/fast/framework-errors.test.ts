import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { expectOpenAIError } from "../support/openai-error.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * Issue 17, item 9: what the web framework refuses before any route runs (a URL it cannot decode,
 * a path parameter too long, a malformed request, a request while shutting down) is answered in
 * OpenAI's error shape, with a message that says what was wrong and how to fix it.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function start(config: Record<string, unknown> = {}) {
  const gateway = await startTestGateway({ config });
  gateways.push(gateway);
  return gateway;
}

describe("URLs the router cannot take", () => {
  it("answers an undecodable path parameter with a 400 in OpenAI's shape", async () => {
    const { app } = await start();
    const response = await app.inject({ method: "GET", url: "/v1/batches/%ff" });
    expect(response.statusCode).toBe(400);
    const error = expectOpenAIError(response.json());
    expect(error.code).toBe("invalid_url");
    expect(error.message).toContain("/v1/batches/%ff");
    expect(error.message).toMatch(/Percent-encode the path as UTF-8/);
  });

  it("answers a path parameter over the length limit with a 414 in OpenAI's shape", async () => {
    const { app } = await start();
    const response = await app.inject({ method: "GET", url: `/v1/batches/${"b".repeat(300)}` });
    expect(response.statusCode).toBe(414);
    const error = expectOpenAIError(response.json());
    expect(error.code).toBe("path_parameter_too_long");
    expect(error.message).toMatch(/of 300 characters is longer than the 100 accepted/);
  });
});

/** A raw connection to the listening gateway; the answer is everything written until it closes. */
async function openSocket(gateway: TestGateway<ScriptedBackend>) {
  const { port } = new URL(await gateway.server.listen());
  const socket = connect(Number(port), "127.0.0.1");
  sockets.push(socket);
  socket.on("error", () => undefined);
  const answer = new Promise<string>((resolve) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    socket.on("close", () => {
      resolve(text);
    });
  });
  return { socket, answer };
}

/** The status and JSON body of the last HTTP response in what a socket received. */
function lastResponse(answer: string) {
  const start = answer.lastIndexOf("HTTP/1.1 ");
  const response = answer.slice(start);
  const status = Number(response.slice(9, 12));
  const body: unknown = JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4));
  return { status, body };
}

describe("requests Node's HTTP parser refuses", () => {
  it("answers a malformed request with a 400 in OpenAI's shape", async () => {
    const { socket, answer } = await openSocket(await start());
    socket.write("NOT AN HTTP REQUEST\r\n\r\n");
    const { status, body } = lastResponse(await answer);
    expect(status).toBe(400);
    expect(expectOpenAIError(body).code).toBe("malformed_request");
  });

  it("answers headers over Node's size limit with a 431 in OpenAI's shape", async () => {
    const { socket, answer } = await openSocket(await start());
    socket.write(`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nx-big: ${"a".repeat(20_000)}\r\n\r\n`);
    const { status, body } = lastResponse(await answer);
    expect(status).toBe(431);
    expect(expectOpenAIError(body).message).toMatch(/headers are larger/);
  });

  // Found by `npm run fuzz`: Node answers an Expect it cannot meet with a 417 and no body.
  it("answers an Expect header other than 100-continue with a 417 in OpenAI's shape", async () => {
    const { socket, answer } = await openSocket(await start());
    socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: gzip\r\n\r\n");
    const { status, body } = lastResponse(await answer);
    expect(status).toBe(417);
    const error = expectOpenAIError(body);
    expect(error.code).toBe("expectation_failed");
    expect(error.message).toMatch(/"gzip".*100-continue/);
  });
});

describe("a request not sent in time", () => {
  it("is cut with a 408 in OpenAI's shape naming server.requestTimeoutMs", async () => {
    const gateway = await start({ server: { requestTimeoutMs: 300 } });
    const { socket, answer } = await openSocket(gateway);
    socket.write(
      "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{",
    );
    const { status, body } = lastResponse(await answer);
    expect(status).toBe(408);
    expect(expectOpenAIError(body).message).toMatch(/server\.requestTimeoutMs/);
  });
});

describe("a request that arrives while the gateway shuts down", () => {
  it("is answered 503 in OpenAI's shape, while the request in flight finishes", async () => {
    const gateway = await start();
    gateway.backend.tokenDelayMs = 100;
    const { socket, answer } = await openSocket(gateway);
    const chat = JSON.stringify({ model: "local", messages: [{ role: "user", content: "hola" }] });
    socket.write(
      `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(chat)}\r\n\r\n${chat}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = gateway.server.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.write("GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const received = await answer;
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    const { status, body } = lastResponse(received);
    expect(status).toBe(503);
    expect(expectOpenAIError(body).message).toMatch(/shutting down/);
  });
});
