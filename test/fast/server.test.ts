import { afterEach, describe, expect, it } from "vitest";
import { abandonStream } from "../support/abandon-stream.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

const gateways: TestGateway<ScriptedBackend>[] = [];

async function makeServer(server: { apiKey?: string; bodyLimitBytes?: number } = {}) {
  const gateway = await startTestGateway({ config: { server }, now: () => 1_700_000_000_000 });
  gateways.push(gateway);
  return gateway;
}

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
});

const chatBody = { model: "local", messages: [{ role: "user", content: "Hola" }] };

describe("chat completions", () => {
  it("answers in OpenAI's shape with usage, finish_reason and a request id", async () => {
    const { app } = await makeServer();
    const response = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: chatBody,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-request-id"]).toMatch(/^[\w-]{36}$/);
    expect(response.headers["x-colibri-route"]).toBe("local");
    const body = response.json();
    expect(body).toMatchObject({
      object: "chat.completion",
      created: 1_700_000_000,
      model: "scripted-model",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Hola, ¿qué tal?" },
          finish_reason: "stop",
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 7, completion_tokens: 5, total_tokens: 12 },
    });
    expect(body.id).toMatch(/^chatcmpl-/);
  });

  it("passes sampling options through and reports length when max_tokens cuts", async () => {
    const { app, backend } = await makeServer();
    const response = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: {
        ...chatBody,
        model: "scripted-model",
        max_tokens: 2,
        temperature: 0.3,
        top_p: 0.9,
        seed: 42,
        stop: "\n",
        frequency_penalty: 0.8,
        presence_penalty: -1.5,
      },
    });
    expect(response.json().choices[0]).toMatchObject({
      message: { content: "Hola," },
      finish_reason: "length",
    });
    expect(backend.requests[0]?.sampling).toEqual({
      maxTokens: 2,
      temperature: 0.3,
      topP: 0.9,
      seed: 42,
      stop: ["\n"],
      frequencyPenalty: 0.8,
      presencePenalty: -1.5,
    });
  });

  it.each([
    ["frequency_penalty", 2.5],
    ["presence_penalty", -3],
  ])("rejects %s=%s with a 400 naming the parameter", async (param, value) => {
    const { app, backend } = await makeServer();
    const response = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: { ...chatBody, [param]: value },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ type: "invalid_request_error", param });
    expect(backend.requests).toHaveLength(0);
  });

  it("says when a local answer was cut short for looping: finish_reason length and x-colibri-runaway", async () => {
    const { app, backend } = await makeServer();
    const plain = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: chatBody,
    });
    expect(plain.headers["x-colibri-runaway"]).toBeUndefined();
    backend.runaway = true;
    const looped = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: chatBody,
    });
    expect(looped.headers["x-colibri-runaway"]).toBe("true");
    expect(looped.json().choices[0].finish_reason).toBe("length");
  });

  it("returns logprobs with top alternatives when asked", async () => {
    const { app } = await makeServer();
    const response = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: { ...chatBody, logprobs: true, top_logprobs: 2 },
    });
    const content = response.json().choices[0].logprobs.content;
    expect(content).toHaveLength(5);
    expect(content[0]).toEqual({
      token: "Hola",
      logprob: -0.5,
      bytes: [72, 111, 108, 97],
      top_logprobs: [
        { token: "Hola", logprob: -0.5, bytes: [72, 111, 108, 97] },
        { token: "Hola", logprob: -0.5, bytes: [72, 111, 108, 97] },
      ],
    });
  });

  it("maps json_schema response_format to the backend request", async () => {
    const { app, backend } = await makeServer();
    const schema = {
      type: "object",
      properties: { ciudad: { type: "string" } },
      required: ["ciudad"],
    };
    await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: {
        ...chatBody,
        response_format: { type: "json_schema", json_schema: { name: "city", schema } },
      },
    });
    expect(backend.requests[0]?.responseFormat).toEqual({
      type: "json_schema",
      name: "city",
      schema,
    });
  });

  it.each([
    [{ model: "local" }, "messages"],
    [{ ...chatBody, messages: [] }, "messages"],
    [{ ...chatBody, temperature: 3 }, "temperature"],
    [{ ...chatBody, messages: [{ role: "wizard", content: "x" }] }, "messages.0.role"],
    [{ ...chatBody, n: 2 }, "n"],
    [{ ...chatBody, top_logprobs: 3 }, "top_logprobs"],
  ])("rejects an invalid body %j with a 400 naming the param", async (payload, param) => {
    const { app } = await makeServer();
    const response = await app.inject({ method: "POST", url: "/v1/chat/completions", payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ type: "invalid_request_error", param });
  });

  it("rejects malformed JSON, a wrong content type and an oversized body in OpenAI's shape", async () => {
    const { app } = await makeServer({ bodyLimitBytes: 1024 });
    const malformed = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.type).toBe("invalid_request_error");

    const wrongType = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      headers: { "content-type": "application/xml" },
      payload: "<hola/>",
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.message).toContain("application/json");

    const plainText = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      headers: { "content-type": "text/plain" },
      payload: "hola",
    });
    expect(plainText.statusCode).toBe(400);
    expect(plainText.json().error.message).toContain("application/json");

    const tooLarge = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: { ...chatBody, messages: [{ role: "user", content: "x".repeat(4096) }] },
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toContain("bodyLimitBytes");
  });

  it("answers 404 model_not_found for a model it does not serve", async () => {
    const { app } = await makeServer();
    const response = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: { ...chatBody, model: "gpt-9" },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: "model_not_found", param: "model" });
  });

  it("answers 429 with Retry-After when the engine queue is full", async () => {
    const { app, backend } = await makeServer();
    backend.busy = true;
    const response = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: { ...chatBody, stream: true },
    });
    expect(response.statusCode).toBe(429);
    expect(response.headers["retry-after"]).toBe("2");
    expect(response.json().error).toMatchObject({ type: "rate_limit_error", code: "engine_busy" });
  });
});

describe("streaming", () => {
  it("sends exact SSE frames ending in [DONE], with usage when asked", async () => {
    const { app } = await makeServer();
    const response = await app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: { ...chatBody, stream: true, stream_options: { include_usage: true } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(response.headers["x-request-id"]).toBeDefined();
    const frames = response.body.split("\n\n").filter((frame) => frame !== "");
    expect(frames.every((frame) => frame.startsWith("data: "))).toBe(true);
    expect(frames.at(-1)).toBe("data: [DONE]");
    const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame.slice(6)));
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: "" });
    expect(
      chunks
        .slice(1, 6)
        .map((chunk) => chunk.choices[0].delta.content)
        .join(""),
    ).toBe("Hola, ¿qué tal?");
    expect(chunks[6].choices[0]).toMatchObject({ delta: {}, finish_reason: "stop" });
    expect(chunks[7]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 7, completion_tokens: 5, total_tokens: 12 },
    });
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);
  });

  it("stops generating when the client disconnects mid-stream", async () => {
    const { server, backend } = await makeServer();
    backend.tokens = Array.from({ length: 200 }, (_, index) => ` t${index}`);
    backend.tokenDelayMs = 5;
    await abandonStream(await server.listen(), chatBody);
    await expect.poll(() => backend.aborted, { timeout: 2000 }).toBe(1);
    expect(backend.active).toBe(0);
  });
});

describe("other routes", () => {
  it("lists the served model and its aliases", async () => {
    const { app } = await makeServer();
    const response = await app.inject({ method: "GET", url: "/v1/models" });
    expect(response.json().data.map((model: { id: string }) => model.id)).toEqual([
      "scripted-model",
      "local",
      "auto",
    ]);
    const one = await app.inject({ method: "GET", url: "/v1/models/local" });
    expect(one.json()).toMatchObject({ id: "local", object: "model", owned_by: "colibri" });
    const missing = await app.inject({ method: "GET", url: "/v1/models/nope" });
    expect(missing.statusCode).toBe(404);
  });

  it("computes embeddings as floats or base64", async () => {
    const { app } = await makeServer();
    const floats = await app.inject({
      method: "POST",
      url: "/v1/embeddings",
      payload: { model: "local", input: ["ab", "abc"] },
    });
    expect(floats.json()).toMatchObject({
      object: "list",
      data: [
        { object: "embedding", index: 0, embedding: [2, 0.5, -1] },
        { index: 1, embedding: [3, 0.5, -1] },
      ],
      usage: { prompt_tokens: 6, total_tokens: 6 },
    });
    const base64 = await app.inject({
      method: "POST",
      url: "/v1/embeddings",
      payload: { model: "local", input: "ab", encoding_format: "base64" },
    });
    const decoded = new Float32Array(
      Uint8Array.from(Buffer.from(base64.json().data[0].embedding, "base64")).buffer,
    );
    expect([...decoded]).toEqual([2, 0.5, -1]);
    const wrongDimensions = await app.inject({
      method: "POST",
      url: "/v1/embeddings",
      payload: { model: "local", input: "ab", dimensions: 8 },
    });
    expect(wrongDimensions.statusCode).toBe(400);
  });

  it("reports health and readiness, and 404s unknown routes in OpenAI's shape", async () => {
    const { app } = await makeServer();
    expect((await app.inject({ method: "GET", url: "/health" })).json()).toEqual({ status: "ok" });
    const ready = await app.inject({ method: "GET", url: "/ready" });
    expect(ready.json()).toMatchObject({ status: "ready", engine: { sequencesTotal: 4 } });
    const unknown = await app.inject({ method: "GET", url: "/v1/nothing" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("unknown_url");
  });
});

describe("API key", () => {
  it("requires the bearer key on /v1 routes but not on health", async () => {
    const { app } = await makeServer({ apiKey: "sk-secret" });
    const missing = await app.inject({ method: "GET", url: "/v1/models" });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error).toMatchObject({
      type: "authentication_error",
      code: "invalid_api_key",
    });
    const wrong = await app.inject({
      method: "GET",
      url: "/v1/models",
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({
      method: "GET",
      url: "/v1/models",
      headers: { authorization: "Bearer sk-secret" },
    });
    expect(right.statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  });
});

describe("listening", () => {
  it("explains a port that is already taken", async () => {
    const first = await makeServer();
    const address = new URL(await first.server.listen());
    const second = await startTestGateway({ config: { server: { port: Number(address.port) } } });
    gateways.push(second);
    await expect(second.server.listen()).rejects.toThrow(
      `Cannot listen on 127.0.0.1:${address.port}: it is already in use (another Colibrí?). Choose another with --port/--host (or COLIBRI_PORT/COLIBRI_HOST).`,
    );
    // What started on ready (the queue's worker) stopped with it, so the process can exit.
    expect(second.server.queue?.worker.running).toBe(false);
  });
});

describe("graceful shutdown", () => {
  it("lets an in-flight stream finish within the grace period", async () => {
    const { server, backend } = await makeServer();
    backend.tokenDelayMs = 40;
    const address = await server.listen();
    const pending = fetch(`${address}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...chatBody, stream: true }),
    }).then((response) => response.text());
    await expect.poll(() => backend.active).toBe(1);
    await server.close();
    const text = await pending;
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    expect(backend.aborted).toBe(0);
  });
});
