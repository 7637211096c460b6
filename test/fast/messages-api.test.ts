import Anthropic from "@anthropic-ai/sdk";
import { afterEach, describe, expect, it } from "vitest";
import type { ChatEvent, ChatRequest } from "../../src/core/chat.js";
import { ColibriError } from "../../src/core/errors.js";
import { abandonStream } from "../support/abandon-stream.js";
import { startEchoPair } from "../support/echo-cloud.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * POST /v1/messages, Anthropic's Messages API, through the chat pipeline: whole and streamed
 * answers with text and tool_use blocks in Anthropic's shapes and event order, a round trip with
 * a tool_result, errors in Anthropic's shape, the official `@anthropic-ai/sdk` against a real
 * listening gateway, and personal data masked on its way to a cloud.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

const weather = {
  name: "get_weather",
  description: "The weather in a city",
  input_schema: {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
  },
};

const adminKey = "admin-key-for-messages-tests-0123";

async function start(
  options: { backend?: ScriptedBackend; config?: Record<string, unknown> } = {},
) {
  const gateway = await startTestGateway({
    ...(options.backend === undefined ? {} : { backend: options.backend }),
    config: { server: { adminKey }, ...options.config },
  });
  gateways.push(gateway);
  const post = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    gateway.app.inject({
      method: "POST",
      url: "/v1/messages",
      headers: {
        "content-type": "application/json",
        "anthropic-version": "2023-06-01",
        ...headers,
      },
      payload: { model: gateway.backend.model, max_tokens: 100, ...payload },
    });
  return { gateway, backend: gateway.backend, post };
}

/** The SSE body as [event name, data] pairs; asserts each frame names its data's type. */
function eventsOf(body: string): [string, Record<string, unknown>][] {
  return body
    .split("\n\n")
    .filter((frame) => frame !== "")
    .map((frame) => {
      const [eventLine, dataLine, ...rest] = frame.split("\n");
      expect(rest).toEqual([]);
      expect(eventLine).toMatch(/^event: /);
      expect(dataLine).toMatch(/^data: /);
      const name = (eventLine ?? "").slice("event: ".length);
      const data = JSON.parse((dataLine ?? "").slice("data: ".length)) as Record<string, unknown>;
      expect(data["type"]).toBe(name);
      return [name, data];
    });
}

const hello = [{ role: "user", content: "¿Qué tiempo hace en Lima?" }];

describe("POST /v1/messages", () => {
  it("answers a whole text message in Anthropic's Message shape, metered as messages", async () => {
    const { gateway, post } = await start();
    const response = await post({ system: "Eres breve.", messages: hello });
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-colibri-route"]).toBe("local");
    const message = response.json<Record<string, unknown>>();
    expect(message).toEqual({
      id: expect.stringMatching(/^msg_[0-9a-f]{32}$/) as unknown,
      type: "message",
      role: "assistant",
      model: "scripted-model",
      content: [{ type: "text", text: "Hola, ¿qué tal?" }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 7, output_tokens: 5 },
    });
    expect(gateway.backend.requests[0]?.messages).toEqual([
      { role: "system", content: "Eres breve." },
      { role: "user", content: "¿Qué tiempo hace en Lima?" },
    ]);
    expect(gateway.backend.requests[0]?.sampling.maxTokens).toBe(100);
    const [record] = await gateway.store.usage.list({ since: 0, limit: 10 });
    expect(record).toMatchObject({ endpoint: "messages", outcome: "completed", status: 200 });
  });

  it("answers tool calls as tool_use blocks with their input parsed, stop_reason tool_use", async () => {
    const { backend, post } = await start();
    backend.tokens = ["Miro."];
    backend.toolCallsOf = () => [
      { id: "call_1", name: "get_weather", arguments: '{"city":"Lima"}' },
      { id: "call_2", name: "get_weather", arguments: '{"city":"Quito"}' },
    ];
    const response = await post({
      messages: hello,
      tools: [weather],
      tool_choice: { type: "any" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      content: [
        { type: "text", text: "Miro." },
        { type: "tool_use", id: "call_1", name: "get_weather", input: { city: "Lima" } },
        { type: "tool_use", id: "call_2", name: "get_weather", input: { city: "Quito" } },
      ],
      stop_reason: "tool_use",
    });
    expect(backend.requests[0]?.tools).toEqual({
      definitions: [
        {
          name: "get_weather",
          description: "The weather in a city",
          parameters: weather.input_schema,
        },
      ],
      choice: "required",
      parallel: true,
    });
  });

  it("streams Anthropic's events in its order: text block, then each tool_use block, then the stop", async () => {
    const { backend, post } = await start();
    backend.tokens = ["Miro", " el tiempo."];
    backend.toolCallsOf = () => [
      { id: "call_9", name: "get_weather", arguments: '{"city":"Lima"}' },
    ];
    const response = await post({
      messages: hello,
      tools: [weather],
      tool_choice: { type: "tool", name: "get_weather" },
      stream: true,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/event-stream");
    const events = eventsOf(response.body);
    expect(events.map(([name]) => name)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    const data = events.map(([, payload]) => payload);
    expect(data[0]).toEqual({
      type: "message_start",
      message: {
        id: expect.stringMatching(/^msg_/) as unknown,
        type: "message",
        role: "assistant",
        model: "scripted-model",
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 7, output_tokens: 0 },
      },
    });
    expect(data.slice(1, 8)).toEqual([
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Miro" } },
      {
        type: "content_block_delta",
        index: 0,
        delta: { type: "text_delta", text: " el tiempo." },
      },
      { type: "content_block_stop", index: 0 },
      {
        type: "content_block_start",
        index: 1,
        content_block: { type: "tool_use", id: "call_9", name: "get_weather", input: {} },
      },
      {
        type: "content_block_delta",
        index: 1,
        delta: { type: "input_json_delta", partial_json: '{"city":"Lima"}' },
      },
      { type: "content_block_stop", index: 1 },
    ]);
    expect(data.slice(8)).toEqual([
      {
        type: "message_delta",
        delta: { stop_reason: "tool_use", stop_sequence: null },
        usage: { input_tokens: 7, output_tokens: 2 },
      },
      { type: "message_stop" },
    ]);
    expect(backend.requests[0]?.tools?.choice).toEqual({ name: "get_weather" });
  });

  it("streams a call alone as block 0, and a cut-short answer with stop_reason max_tokens", async () => {
    const { backend, post } = await start();
    backend.tokens = [];
    backend.toolCallsOf = () => [{ id: "call_1", name: "get_weather", arguments: "" }];
    const calls = eventsOf((await post({ messages: hello, tools: [weather], stream: true })).body);
    expect(calls[1]?.[1]).toMatchObject({
      type: "content_block_start",
      index: 0,
      content_block: { type: "tool_use" },
    });
    expect(calls[2]?.[1]).toMatchObject({ delta: { partial_json: "{}" } });

    backend.tokens = ["uno", " dos", " tres"];
    backend.toolCallsOf = () => [];
    const cut = eventsOf((await post({ messages: hello, max_tokens: 2, stream: true })).body);
    expect(cut.at(-2)?.[1]).toMatchObject({ delta: { stop_reason: "max_tokens" } });
    expect((await post({ messages: hello, max_tokens: 2 })).json()).toMatchObject({
      stop_reason: "max_tokens",
      content: [{ type: "text", text: "uno dos" }],
    });
  });

  it("passes a tool_use and its tool_result on to the backend, paired by id", async () => {
    const { backend, post } = await start();
    const response = await post({
      messages: [
        ...hello,
        {
          role: "assistant",
          content: [
            { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Lima" } },
          ],
        },
        {
          role: "user",
          content: [
            {
              type: "tool_result",
              tool_use_id: "toolu_1",
              content: [{ type: "text", text: "19°" }],
            },
          ],
        },
      ],
      tools: [weather],
    });
    expect(response.statusCode).toBe(200);
    expect(backend.requests[0]?.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: "",
        toolCalls: [{ id: "toolu_1", name: "get_weather", arguments: '{"city":"Lima"}' }],
      },
      { role: "tool", content: "19°", toolCallId: "toolu_1" },
    ]);
  });

  it("records a stream the client leaves halfway as abandoned (499)", async () => {
    const { gateway } = await start();
    gateway.backend.tokens = Array.from({ length: 200 }, (_, index) => ` t${index}`);
    gateway.backend.tokenDelayMs = 5;
    const body = { model: gateway.backend.model, max_tokens: 500, messages: hello };
    await abandonStream(await gateway.server.listen(), body, 4, "/v1/messages");
    await expect
      .poll(async () => (await gateway.store.usage.list({ since: 0, limit: 10 }))[0]?.outcome)
      .toBe("abandoned");
    const [record] = await gateway.store.usage.list({ since: 0, limit: 10 });
    expect(record).toMatchObject({ endpoint: "messages", status: 499, stream: true });
    expect(record?.completionTokens).toBeGreaterThanOrEqual(2);
    expect(record?.completionTokens).toBeLessThan(200);
  });
});

describe("/v1/messages errors, in Anthropic's shape", () => {
  /** Anthropic's error body: exactly `{ type: "error", error: { type, message } }`. */
  function expectError(
    response: { statusCode: number; json(): unknown },
    status: number,
    type: string,
    says: string,
  ): void {
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({
      type: "error",
      error: { type, message: expect.stringContaining(says) as unknown },
    });
  }

  it("a bad body, a missing max_tokens, an unknown model", async () => {
    const { post } = await start();
    const image = { type: "image", source: { type: "url", url: "https://example.com/a.png" } };
    const invalid = "invalid_request_error";
    expectError(
      await post({ messages: [{ role: "user", content: [image] }] }),
      400,
      invalid,
      "an image is not accepted",
    );
    expectError(
      await post({ messages: hello, max_tokens: undefined }),
      400,
      invalid,
      "max_tokens is required",
    );
    expectError(
      await post({ model: "claude-no-such-model", messages: hello }),
      404,
      "not_found_error",
      "claude-no-such-model",
    );
  });

  it("a wrong x-api-key with auth on is a 401 authentication_error", async () => {
    const { post } = await start({ config: { server: { auth: true, adminKey } } });
    const response = await post({ messages: hello }, { "x-api-key": "sk-col-made-up-key-0000" });
    expectError(response, 401, "authentication_error", "");
  });

  it("a failure after the stream began is an error event, recorded as failed", async () => {
    class FailingBackend extends ScriptedBackend {
      override async *chat(request: ChatRequest): AsyncGenerator<ChatEvent> {
        this.requests.push(request);
        yield await Promise.resolve({ type: "delta" as const, text: "Ho", logprobs: [] });
        throw new ColibriError("The engine stopped.", { code: "engine_failed", status: 500 });
      }
    }
    const { gateway, post } = await start({ backend: new FailingBackend() });
    const response = await post({ messages: hello, stream: true });
    expect(response.statusCode).toBe(200);
    const events = eventsOf(response.body);
    expect(events.at(-1)).toEqual([
      "error",
      { type: "error", error: { type: "api_error", message: "The engine stopped." } },
    ]);
    const [record] = await gateway.store.usage.list({ since: 0, limit: 10 });
    expect(record).toMatchObject({ endpoint: "messages", outcome: "failed", status: 500 });
  });
});

describe("the official @anthropic-ai/sdk against a listening gateway", () => {
  async function client() {
    const { gateway } = await start({ config: { server: { auth: true, adminKey } } });
    const { key } = await gateway.administration.createKey({ tenant: "acme" });
    const address = await gateway.server.listen();
    return {
      gateway,
      anthropic: new Anthropic({ baseURL: address, apiKey: key, maxRetries: 0 }),
    };
  }

  it("messages.countTokens counts the prompt on the local model, generating nothing", async () => {
    const { gateway, anthropic } = await client();
    const counted = await anthropic.messages.countTokens({
      model: gateway.backend.model,
      system: "Responde en español.",
      messages: [{ role: "user", content: "¿Qué tiempo hace en Lima hoy?" }],
    });
    // The scripted backend counts a token per four characters of the messages.
    expect(counted).toEqual({ input_tokens: Math.ceil((20 + 29) / 4) });
    expect(gateway.backend.requests).toHaveLength(0);
  });

  it("messages.create with tools, then a round trip with the tool_result", async () => {
    const { gateway, anthropic } = await client();
    const backend = gateway.backend;
    backend.tokens = [];
    backend.toolCallsOf = (request) =>
      request.messages.at(-1)?.role === "tool"
        ? []
        : [{ id: "call_1", name: "get_weather", arguments: '{"city":"Lima"}' }];
    const first = await anthropic.messages.create({
      model: backend.model,
      max_tokens: 64,
      messages: [{ role: "user", content: "¿Qué tiempo hace en Lima?" }],
      tools: [{ ...weather, input_schema: { ...weather.input_schema, type: "object" } }],
      tool_choice: { type: "any" },
    });
    expect(first.stop_reason).toBe("tool_use");
    const call = first.content.find((block) => block.type === "tool_use");
    expect(call).toMatchObject({ id: "call_1", name: "get_weather", input: { city: "Lima" } });

    backend.tokens = ["19", " grados."];
    const second = await anthropic.messages.create({
      model: backend.model,
      max_tokens: 64,
      messages: [
        { role: "user", content: "¿Qué tiempo hace en Lima?" },
        { role: "assistant", content: first.content },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: call?.id ?? "", content: "19°" }],
        },
      ],
      tools: [{ ...weather, input_schema: { ...weather.input_schema, type: "object" } }],
    });
    expect(second.content).toEqual([{ type: "text", text: "19 grados." }]);
    expect(second.stop_reason).toBe("end_turn");
    const records = await gateway.store.usage.list({ since: 0, limit: 10 });
    expect(records.map((record) => record.endpoint)).toEqual(["messages", "messages"]);
  });

  it("messages.stream with tools: text, input_json and the final message", async () => {
    const { gateway, anthropic } = await client();
    const backend = gateway.backend;
    backend.tokens = ["Miro", " el tiempo."];
    backend.toolCallsOf = () => [
      { id: "call_7", name: "get_weather", arguments: '{"city":"Quito"}' },
    ];
    const stream = anthropic.messages.stream({
      model: backend.model,
      max_tokens: 64,
      messages: [{ role: "user", content: "¿Y en Quito?" }],
      tools: [{ ...weather, input_schema: { ...weather.input_schema, type: "object" } }],
    });
    let text = "";
    stream.on("text", (piece) => {
      text += piece;
    });
    const json: unknown[] = [];
    stream.on("inputJson", (_partial, snapshot) => {
      json.push(snapshot);
    });
    const final = await stream.finalMessage();
    expect(text).toBe("Miro el tiempo.");
    expect(json).toEqual([{ city: "Quito" }]);
    expect(final.content).toEqual([
      { type: "text", text: "Miro el tiempo." },
      { type: "tool_use", id: "call_7", name: "get_weather", input: { city: "Quito" } },
    ]);
    expect(final.stop_reason).toBe("tool_use");
    expect(final.usage).toMatchObject({ input_tokens: 7, output_tokens: 2 });
  });
});

describe("/v1/messages to a cloud", () => {
  it("masks a personal value in the system prompt, a tool_result and a tool description", async () => {
    const cpf = "390.533.447-05";
    const { cloud, address } = await startEchoPair(gateways);
    const anthropic = new Anthropic({ baseURL: address, apiKey: "local", maxRetries: 0 });
    const answer = await anthropic.messages.create({
      model: "big-model",
      max_tokens: 64,
      system: `Atendes a paciente de CPF ${cpf}.`,
      messages: [
        { role: "user", content: "Busca a paciente." },
        {
          role: "assistant",
          content: [{ type: "tool_use", id: "toolu_1", name: "buscar", input: {} }],
        },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: "toolu_1", content: `Achei: ${cpf}` }],
        },
      ],
      tools: [
        {
          name: "buscar",
          description: `Busca um paciente; o de teste tem CPF ${cpf}.`,
          input_schema: { type: "object", properties: {} },
        },
      ],
    });
    const received = cloud.requests[0];
    const sent = JSON.stringify(received);
    expect(sent).not.toContain(cpf);
    expect(sent).not.toContain("39053344705");
    expect(received?.messages[0]?.content).toMatch(
      /^Atendes a paciente de CPF <[A-Z_]+_\d+_\w+>\.$/,
    );
    expect(received?.messages.at(-1)).toMatchObject({ role: "tool", toolCallId: "toolu_1" });
    expect(received?.messages.at(-1)?.content).toMatch(/^Achei: <[A-Z_]+_\d+_\w+>$/);
    expect(received?.tools?.definitions[0]?.description).toMatch(/CPF <[A-Z_]+_\d+_\w+>\.$/);
    // The echo comes back with the value restored.
    expect(answer.content).toEqual([{ type: "text", text: `Recebi: Achei: ${cpf}` }]);
  });
});
