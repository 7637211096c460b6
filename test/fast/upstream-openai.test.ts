import { describe, expect, it } from "vitest";
import {
  CloudUnavailableError,
  ModelNotFoundError,
  ServiceUnavailableError,
} from "../../src/core/errors.js";
import { OpenAICompatibleProvider } from "../../src/upstream/index.js";
import { useFakeCloud } from "../support/fake-cloud.js";
import { chatRequest, collect, testProviderConfig, textOf } from "../support/provider-config.js";

const fake = useFakeCloud();

function provider(
  overrides: Partial<Parameters<typeof testProviderConfig>[0]> = {},
  apiKey: string | null = "sk-test-123",
  embeddingModel?: string,
): OpenAICompatibleProvider {
  const created = new OpenAICompatibleProvider({
    config: testProviderConfig({ baseUrl: fake.cloud.url, ...overrides }),
    apiKey: apiKey ?? undefined,
    ...(embeddingModel === undefined ? {} : { embeddingModel }),
  });
  return fake.track(created);
}

describe("OpenAI-compatible provider: request translation", () => {
  it("POSTs a streamed chat completion with the mapped model, sampling, format and logprobs", async () => {
    const openai = provider({
      models: { fast: "gpt-4o-mini-2024-07-18", smart: "gpt-4o" },
      headers: { "HTTP-Referer": "https://colibri.example" },
    });
    fake.cloud.reply({ kind: "fixture", file: "openai-chat-stream-logprobs.sse" });
    await collect(
      openai.chat(
        chatRequest({
          model: "fast",
          messages: [
            { role: "system", content: "Be brief." },
            { role: "user", content: "Capital of Peru?" },
            { role: "assistant", content: "Lima." },
            { role: "tool", content: '{"population": 10000000}' },
          ],
          sampling: {
            temperature: 0.2,
            topP: 0.9,
            maxTokens: 64,
            stop: ["\n\n"],
            seed: 7,
            frequencyPenalty: 0.5,
            presencePenalty: -0.25,
          },
          responseFormat: {
            type: "json_schema",
            name: "answer",
            schema: { type: "object", properties: { city: { type: "string" } } },
          },
          logprobs: { topLogprobs: 2 },
        }),
      ),
    );
    expect(fake.cloud.requests).toHaveLength(1);
    const [sent] = fake.cloud.requests;
    expect(sent).toMatchObject({ method: "POST", path: "/v1/chat/completions" });
    expect(sent?.headers).toMatchObject({
      authorization: "Bearer sk-test-123",
      "content-type": "application/json",
      "http-referer": "https://colibri.example",
    });
    expect(sent?.body).toEqual({
      model: "gpt-4o-mini-2024-07-18",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Capital of Peru?" },
        { role: "assistant", content: "Lima." },
        { role: "user", content: '{"population": 10000000}' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 64,
      stop: ["\n\n"],
      seed: 7,
      frequency_penalty: 0.5,
      presence_penalty: -0.25,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "answer",
          schema: { type: "object", properties: { city: { type: "string" } } },
        },
      },
      logprobs: true,
      top_logprobs: 2,
    });
  });

  it("sends only what the request sets, the default model when none is named, and json_object", async () => {
    const openai = provider({ models: ["gpt-4o-mini", "gpt-4o"], defaultModel: "gpt-4o" });
    await collect(openai.chat(chatRequest({ responseFormat: { type: "json_object" } })));
    expect(fake.cloud.requests[0]?.body).toEqual({
      model: "gpt-4o",
      messages: [
        { role: "system", content: "Responde en español." },
        { role: "user", content: "¿Cuál es la capital de Perú?" },
      ],
      stream: true,
      stream_options: { include_usage: true },
      response_format: { type: "json_object" },
    });
  });

  it("speaks Azure OpenAI through headers and query: api-key header, api-version, no bearer", async () => {
    const azure = provider(
      {
        baseUrl: `${fake.cloud.url.replace(/\/v1$/, "")}/openai/deployments/gpt-4o-prod/`,
        models: { "gpt-4o": "gpt-4o-prod" },
        headers: { "api-key": "azure-key-1" },
        query: { "api-version": "2024-10-21" },
      },
      null,
    );
    await collect(azure.chat(chatRequest()));
    const [sent] = fake.cloud.requests;
    expect(sent?.path).toBe(
      "/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21",
    );
    expect(sent?.headers["api-key"]).toBe("azure-key-1");
    expect(sent?.headers.authorization).toBeUndefined();
  });

  it("resolves client-facing and provider/model names, and refuses unknown ones without a call", async () => {
    const openai = provider({ models: { fast: "gpt-4o-mini-2024-07-18" } });
    await collect(openai.chat(chatRequest({ model: "fake/fast" })));
    expect(fake.cloud.requests[0]?.body).toMatchObject({ model: "gpt-4o-mini-2024-07-18" });
    const unknown = collect(openai.chat(chatRequest({ model: "gpt-5" })));
    await expect(unknown).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(unknown).rejects.toThrow('Provider "fake" serves: fast');
    expect(fake.cloud.requests).toHaveLength(1);
    expect(openai).toMatchObject({ models: ["fast"], defaultModel: "fast", model: "fast" });
  });
});

describe("OpenAI-compatible provider: answer translation", () => {
  it("streams deltas as they come and ends with the usage chunk's figures", async () => {
    const openai = provider();
    fake.cloud.reply({ kind: "fixture", file: "openai-chat-stream.sse" });
    const events = await collect(openai.chat(chatRequest()));
    expect(events.filter((event) => event.type === "delta").map((event) => event.text)).toEqual([
      "La",
      " capital",
      " de",
      " Perú",
      " es",
      " Lima",
      ".",
    ]);
    expect(events[0]).toEqual({
      type: "delta",
      text: "La",
      logprobs: [],
      usage: { promptTokens: 12, completionTokens: 1 },
    });
    expect(events.at(-1)).toEqual({
      type: "done",
      finishReason: "stop",
      usage: { promptTokens: 24, completionTokens: 7 },
    });
  });

  it("translates logprobs, reports confidence, and estimates usage when the server sends none", async () => {
    const openai = provider();
    fake.cloud.reply({ kind: "fixture", file: "openai-chat-stream-logprobs.sse" });
    const events = await collect(openai.chat(chatRequest({ logprobs: { topLogprobs: 2 } })));
    expect(textOf(events)).toBe("Lima, Perú");
    expect(events[0]).toMatchObject({
      type: "delta",
      logprobs: [
        {
          token: "Lima",
          logprob: -0.0012,
          bytes: [76, 105, 109, 97],
          topLogprobs: [
            { token: "Lima", logprob: -0.0012, bytes: [76, 105, 109, 97] },
            { token: "La", logprob: -6.9, bytes: [76, 97] },
          ],
        },
      ],
    });
    const done = events.at(-1);
    expect(done).toMatchObject({
      type: "done",
      finishReason: "length",
      // "Responde en español." + "¿Cuál es la capital de Perú?" = 48 characters → 12; 3 chunks.
      usage: { promptTokens: 12, completionTokens: 3 },
    });
    expect(done?.type === "done" && done.confidence).toEqual({
      tokens: 3,
      meanLogprob: expect.closeTo((-0.0012 - 0.31 - 0.05) / 3, 6),
      minLogprob: -0.31,
    });
  });

  it("accepts a whole JSON completion from a server that ignored stream: true", async () => {
    const openai = provider();
    fake.cloud.reply({ kind: "fixture", file: "openai-chat-completion.json" });
    expect(await collect(openai.chat(chatRequest()))).toEqual([
      {
        type: "delta",
        text: "La capital de Perú es Lima.",
        logprobs: [],
        usage: { promptTokens: 24, completionTokens: 8 },
      },
      { type: "done", finishReason: "stop", usage: { promptTokens: 24, completionTokens: 8 } },
    ]);
  });

  it("an error event after deltas ends the stream with an UpstreamError, without a retry", async () => {
    const openai = provider();
    fake.cloud.reply({ kind: "fixture", file: "openai-chat-stream-error.sse" });
    const received: string[] = [];
    const run = async () => {
      for await (const event of openai.chat(chatRequest())) {
        if (event.type === "delta") received.push(event.text);
      }
    };
    const failure = await run().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CloudUnavailableError);
    expect(failure).toMatchObject({ unavailable: true, provider: "fake" });
    expect((failure as Error).message).toContain("The server had an error");
    expect(received).toEqual(["La", " capital"]);
    expect(fake.cloud.requests).toHaveLength(1);
  });

  it("a body that is not the protocol is reported as such", async () => {
    const openai = provider({ retry: { maxRetries: 0 } });
    fake.cloud.reply({
      kind: "status",
      status: 200,
      body: "<html>captive portal</html>",
      headers: { "content-type": "text/html" },
    });
    await expect(collect(openai.chat(chatRequest()))).rejects.toMatchObject({
      code: "upstream_bad_response",
      status: 502,
      unavailable: true,
      message: expect.stringContaining("<html>captive portal</html>"),
    });
  });
});

describe("OpenAI-compatible provider: embeddings, status, lifecycle", () => {
  it("POSTs /embeddings and returns the vectors in input order", async () => {
    const openai = provider({}, "sk-test-123", "text-embedding-3-small");
    fake.cloud.reply({ kind: "fixture", file: "openai-embeddings.json" });
    const result = await openai.embed(["hola", "mundo"]);
    expect(fake.cloud.requests[0]).toMatchObject({
      path: "/v1/embeddings",
      body: { model: "text-embedding-3-small", input: ["hola", "mundo"], encoding_format: "float" },
    });
    expect(result).toEqual({
      embeddings: [
        [-0.0069, 0.0153, -0.0271, 0.0188],
        [0.0021, -0.0135, 0.0407, -0.0099],
      ],
      promptTokens: 9,
    });
  });

  it("reports a status with zeros and its health", () => {
    const openai = provider();
    expect(openai.status()).toEqual({
      model: "gpt-4o-mini",
      sequencesTotal: 0,
      sequencesInUse: 0,
      queued: 0,
      maxQueue: 0,
    });
    expect(openai.health()).toEqual({
      name: "fake",
      kind: "openai",
      state: "closed",
      available: true,
      consecutiveFailures: 0,
      lastError: null,
      retryAt: null,
      lastSuccessAt: null,
    });
  });

  it("after close, calls fail with a clear ServiceUnavailableError", async () => {
    const openai = provider();
    await openai.close();
    expect(openai.isAvailable()).toBe(false);
    await expect(collect(openai.chat(chatRequest()))).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    await expect(openai.embed(["x"])).rejects.toThrow('Provider "fake" has been closed');
    expect(fake.cloud.requests).toHaveLength(0);
  });
});

describe("OpenAI-compatible provider: tool calls", () => {
  const lookup = {
    name: "buscar_paciente",
    description: "Busca um paciente pelo CPF.",
    parameters: { type: "object", properties: { cpf: { type: "string" } }, required: ["cpf"] },
  };

  it("sends the tools, a named tool choice, parallel_tool_calls false, the calls and their results", async () => {
    await collect(
      provider().chat(
        chatRequest({
          messages: [
            { role: "user", content: "Quem é o paciente?" },
            {
              role: "assistant",
              content: "",
              toolCalls: [{ id: "call_1", name: "buscar_paciente", arguments: '{"cpf":"1"}' }],
            },
            { role: "tool", content: '{"nome":"Ana"}', toolCallId: "call_1" },
            { role: "assistant", content: "Vejo.", toolCalls: [] },
            { role: "tool", content: "sem id" },
          ],
          tools: {
            definitions: [lookup, { name: "hora_local" }],
            choice: { name: "buscar_paciente" },
            parallel: false,
          },
        }),
      ),
    );
    expect(fake.cloud.requests[0]?.body).toEqual({
      model: "gpt-4o-mini",
      messages: [
        { role: "user", content: "Quem é o paciente?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "buscar_paciente", arguments: '{"cpf":"1"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: '{"nome":"Ana"}' },
        { role: "assistant", content: "Vejo." },
        { role: "user", content: "sem id" },
      ],
      stream: true,
      stream_options: { include_usage: true },
      tools: [
        { type: "function", function: lookup },
        { type: "function", function: { name: "hora_local" } },
      ],
      tool_choice: { type: "function", function: { name: "buscar_paciente" } },
      parallel_tool_calls: false,
    });
  });

  it("sends auto, none and required as they are, no parallel_tool_calls when parallel, and no tools when none are declared", async () => {
    const openai = provider();
    for (const choice of ["auto", "none", "required"] as const) {
      await collect(
        openai.chat(chatRequest({ tools: { definitions: [lookup], choice, parallel: true } })),
      );
    }
    await collect(
      openai.chat(chatRequest({ tools: { definitions: [], choice: "auto", parallel: false } })),
    );
    const bodies = fake.cloud.requests.map((request) => request.body as Record<string, unknown>);
    expect(bodies.map((body) => body["tool_choice"])).toEqual([
      "auto",
      "none",
      "required",
      undefined,
    ]);
    expect(bodies[0]?.["tools"]).toEqual([{ type: "function", function: lookup }]);
    for (const body of bodies) expect(body).not.toHaveProperty("parallel_tool_calls");
    expect(bodies[3]).not.toHaveProperty("tools");
  });

  it("puts streamed pieces of calls together and passes each on whole, in order, before done", async () => {
    fake.cloud.reply({ kind: "fixture", file: "openai-chat-stream-tool-calls.sse" });
    const events = await collect(provider().chat(chatRequest()));
    expect(events).toEqual([
      {
        type: "tool_call",
        index: 0,
        call: {
          id: "call_8XkQm2Rz5Lw1Tn4Vb7Yc0Ps3",
          name: "buscar_paciente",
          arguments: '{"cpf": "390.533.447-05"}',
        },
      },
      {
        type: "tool_call",
        index: 1,
        call: {
          id: "call_3HfJ9Wq6Dm0Kx2Sv8Ur5Gt1a",
          name: "hora_local",
          arguments: '{"zona": "America/Sao_Paulo"}',
        },
      },
      {
        type: "done",
        finishReason: "tool_calls",
        usage: { promptTokens: 118, completionTokens: 41 },
      },
    ]);
  });

  it("reads the calls of a whole JSON completion", async () => {
    fake.cloud.reply({ kind: "fixture", file: "openai-chat-completion-tool-calls.json" });
    expect(await collect(provider().chat(chatRequest()))).toEqual([
      {
        type: "tool_call",
        index: 0,
        call: {
          id: "call_5TgH2Nc8Vx0Qk4Rm7Wj1Ly6e",
          name: "buscar_paciente",
          arguments: '{"cpf":"390.533.447-05"}',
        },
      },
      {
        type: "done",
        finishReason: "tool_calls",
        usage: { promptTokens: 96, completionTokens: 22 },
      },
    ]);
  });
});
