import { beforeEach, describe, expect, it } from "vitest";
import {
  InvalidRequestError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
} from "../../src/core/errors.js";
import { AnthropicProvider } from "../../src/upstream/index.js";
import { useFakeCloud } from "../support/fake-cloud.js";
import { chatRequest, collect, testProviderConfig, textOf } from "../support/provider-config.js";

const fake = useFakeCloud();

beforeEach(() => {
  fake.cloud.otherwise = { kind: "fixture", file: "anthropic-message-stream.sse" };
});

function anthropic(overrides: Partial<Parameters<typeof testProviderConfig>[0]> = {}) {
  const created = new AnthropicProvider({
    config: testProviderConfig({
      name: "anthropic",
      kind: "anthropic",
      baseUrl: fake.cloud.url,
      apiKeyEnv: "ANTHROPIC_API_KEY",
      models: { claude: "claude-sonnet-4-20250514" },
      ...overrides,
    }),
    apiKey: "sk-ant-test",
  });
  return fake.track(created);
}

describe("Anthropic provider: request translation", () => {
  it("POSTs /messages with the system on top, merged turns, a default max_tokens and its headers (no seed or penalties: Anthropic has none)", async () => {
    await collect(
      anthropic().chat(
        chatRequest({
          messages: [
            { role: "system", content: "Responde en portugués." },
            { role: "user", content: "Olá!" },
            { role: "user", content: "Qual é a capital do Brasil?" },
            { role: "assistant", content: "Brasília." },
            { role: "system", content: "Sê breve." },
            { role: "tool", content: '{"country": "BR"}' },
          ],
          sampling: {
            temperature: 0.3,
            topP: 0.8,
            stop: ["\n\nHuman:"],
            seed: 1,
            frequencyPenalty: 1,
            presencePenalty: 0.5,
          },
          logprobs: { topLogprobs: 2 },
        }),
      ),
    );
    const [sent] = fake.cloud.requests;
    expect(sent).toMatchObject({ method: "POST", path: "/v1/messages" });
    expect(sent?.headers).toMatchObject({
      "x-api-key": "sk-ant-test",
      "anthropic-version": "2023-06-01",
      "content-type": "application/json",
    });
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.body).toEqual({
      model: "claude-sonnet-4-20250514",
      max_tokens: 1024,
      system: "Responde en portugués.\n\nSê breve.",
      messages: [
        { role: "user", content: "Olá!\n\nQual é a capital do Brasil?" },
        { role: "assistant", content: "Brasília." },
        { role: "user", content: '{"country": "BR"}' },
      ],
      temperature: 0.3,
      top_p: 0.8,
      stop_sequences: ["\n\nHuman:"],
      stream: true,
    });
  });

  it("uses the request's max_tokens and asks for JSON in the system prompt", async () => {
    await collect(
      anthropic().chat(
        chatRequest({ sampling: { maxTokens: 50 }, responseFormat: { type: "json_object" } }),
      ),
    );
    expect(fake.cloud.requests[0]?.body).toMatchObject({
      max_tokens: 50,
      system: expect.stringMatching(/^Responde en español\.\n\nAnswer with a single JSON object/),
      messages: [{ role: "user", content: "¿Cuál es la capital de Perú?" }],
    });
  });
});

describe("Anthropic provider: answer translation", () => {
  it("streams text deltas, skips pings, and ends with the stop reason and reported usage", async () => {
    const events = await collect(anthropic().chat(chatRequest()));
    expect(events.filter((event) => event.type === "delta").map((event) => event.text)).toEqual([
      "A capital",
      " do Brasil",
      " é Brasília",
      ".",
    ]);
    expect(events[0]).toEqual({
      type: "delta",
      text: "A capital",
      logprobs: [],
      usage: { promptTokens: 31, completionTokens: 1 },
    });
    expect(events.at(-1)).toEqual({
      type: "done",
      finishReason: "length",
      usage: { promptTokens: 31, completionTokens: 12 },
    });
  });

  it("accepts a whole JSON message", async () => {
    fake.cloud.reply({ kind: "fixture", file: "anthropic-message.json" });
    expect(await collect(anthropic().chat(chatRequest()))).toEqual([
      { type: "delta", text: "A capital do Brasil é Brasília.", logprobs: [] },
      { type: "done", finishReason: "stop", usage: { promptTokens: 31, completionTokens: 12 } },
    ]);
  });

  it("an overloaded error event before any text is retried", async () => {
    fake.cloud.reply({ kind: "fixture", file: "anthropic-stream-overloaded.sse" });
    const events = await collect(anthropic().chat(chatRequest()));
    expect(textOf(events)).toBe("A capital do Brasil é Brasília.");
    expect(fake.cloud.requests).toHaveLength(2);
  });

  it("an overloaded stream that never recovers fails as unavailable after the retries", async () => {
    fake.cloud.reply(
      ...Array.from({ length: 3 }, () => ({
        kind: "fixture" as const,
        file: "anthropic-stream-overloaded.sse",
      })),
    );
    await expect(collect(anthropic().chat(chatRequest()))).rejects.toMatchObject({
      code: "cloud_unavailable",
      unavailable: true,
      message: expect.stringContaining("overloaded_error"),
    });
    expect(fake.cloud.requests).toHaveLength(3);
  });

  it("a refused key names the variable to check, and is not retried", async () => {
    fake.cloud.reply({ kind: "status", status: 401, body: "anthropic-error-authentication.json" });
    const failure = await collect(anthropic().chat(chatRequest())).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamRejectedError);
    expect(failure).toMatchObject({ status: 502, upstreamStatus: 401, unavailable: false });
    expect((failure as Error).message).toContain("invalid x-api-key");
    expect((failure as Error).message).toContain("ANTHROPIC_API_KEY");
    expect(fake.cloud.requests).toHaveLength(1);
  });

  it("a stream that stalls after text throws an idle timeout and keeps the text already passed on", async () => {
    fake.cloud.reply({ kind: "stall", file: "anthropic-message-stream.sse", frames: 5 });
    const received: string[] = [];
    const failure = await (async () => {
      for await (const event of anthropic().chat(chatRequest())) {
        if (event.type === "delta") received.push(event.text);
      }
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamTimeoutError);
    expect(failure).toMatchObject({ timeout: "idle", timeoutMs: 300 });
    expect(received).toEqual(["A capital", " do Brasil"]);
    expect(fake.cloud.requests).toHaveLength(1);
  });

  it("has no embeddings", async () => {
    await expect(anthropic().embed(["hola"])).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(anthropic().embed(["hola"])).rejects.toThrow("no embeddings endpoint");
    expect(fake.cloud.requests).toHaveLength(0);
  });
});

describe("Anthropic provider: tool calls", () => {
  const lookup = {
    name: "buscar_paciente",
    description: "Busca um paciente pelo CPF.",
    parameters: { type: "object", properties: { cpf: { type: "string" } }, required: ["cpf"] },
  };

  it("sends tools with input schemas, calls as tool_use blocks, and a run of results as one user turn", async () => {
    await collect(
      anthropic().chat(
        chatRequest({
          messages: [
            { role: "system", content: "Sê breve." },
            { role: "user", content: "Quem são os pacientes?" },
            {
              role: "assistant",
              content: "Vou buscar.",
              toolCalls: [
                { id: "call_1", name: "buscar_paciente", arguments: '{"cpf": "1"}' },
                { id: "call.<CPF_1_k3f9q2>", name: "hora_local", arguments: "" },
              ],
            },
            { role: "tool", content: '{"nome": "Ana"}', toolCallId: "call_1" },
            { role: "tool", content: "12:00", toolCallId: "call.<CPF_1_k3f9q2>" },
            { role: "user", content: "E agora?" },
          ],
          tools: {
            definitions: [lookup, { name: "hora_local" }],
            choice: "auto",
            parallel: true,
          },
        }),
      ),
    );
    expect(fake.cloud.requests[0]?.body).toEqual({
      model: "claude-sonnet-4-20250514",
      max_tokens: 1024,
      system: "Sê breve.",
      messages: [
        { role: "user", content: "Quem são os pacientes?" },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Vou buscar." },
            { type: "tool_use", id: "call_1", name: "buscar_paciente", input: { cpf: "1" } },
            { type: "tool_use", id: "call__CPF_1_k3f9q2_", name: "hora_local", input: {} },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "call_1", content: '{"nome": "Ana"}' },
            { type: "tool_result", tool_use_id: "call__CPF_1_k3f9q2_", content: "12:00" },
            { type: "text", text: "E agora?" },
          ],
        },
      ],
      tools: [
        {
          name: "buscar_paciente",
          description: "Busca um paciente pelo CPF.",
          input_schema: lookup.parameters,
        },
        { name: "hora_local", input_schema: { type: "object", properties: {} } },
      ],
      tool_choice: { type: "auto" },
      stream: true,
    });
  });

  it("maps each tool choice, and parallel false to disable_parallel_tool_use", async () => {
    const claude = anthropic();
    const choices = ["auto", "required", { name: "buscar_paciente" }, "none"] as const;
    for (const choice of choices) {
      await collect(
        claude.chat(chatRequest({ tools: { definitions: [lookup], choice, parallel: false } })),
      );
    }
    expect(
      fake.cloud.requests.map(
        (request) => (request.body as Record<string, unknown>)["tool_choice"],
      ),
    ).toEqual([
      { type: "auto", disable_parallel_tool_use: true },
      { type: "any", disable_parallel_tool_use: true },
      { type: "tool", name: "buscar_paciente", disable_parallel_tool_use: true },
      { type: "none" },
    ]);
  });

  it("refuses a call whose arguments are not a JSON object with a 400 naming the field, without a call", async () => {
    const request = chatRequest({
      messages: [
        { role: "user", content: "Oi" },
        {
          role: "assistant",
          content: "",
          toolCalls: [
            { id: "a", name: "f", arguments: "{}" },
            { id: "b", name: "g", arguments: "{cpf: 1" },
          ],
        },
        { role: "tool", content: "ok", toolCallId: "b" },
      ],
    });
    const failure = await collect(anthropic().chat(request)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidRequestError);
    expect(failure).toMatchObject({
      status: 400,
      param: "messages[1].tool_calls[1].function.arguments",
      message: expect.stringContaining('function "g") are not JSON'),
    });
    expect(fake.cloud.requests).toHaveLength(0);
  });

  it("streams the text, then each tool_use block as a whole call (no input: {}), and ends with tool_calls", async () => {
    fake.cloud.reply({ kind: "fixture", file: "anthropic-message-stream-tool-use.sse" });
    const events = await collect(anthropic().chat(chatRequest()));
    expect(textOf(events)).toBe("Vou buscar o paciente.");
    expect(events.filter((event) => event.type !== "delta")).toEqual([
      {
        type: "tool_call",
        index: 0,
        call: {
          id: "toolu_01D7FLrfh4GYq7yT1ULFeyMV",
          name: "buscar_paciente",
          arguments: '{"cpf": "390.533.447-05"}',
        },
      },
      {
        type: "tool_call",
        index: 1,
        call: { id: "toolu_01Kx9PbR2wQe5Tn8Lm3Vc6Ha", name: "hora_local", arguments: "{}" },
      },
      {
        type: "done",
        finishReason: "tool_calls",
        usage: { promptTokens: 402, completionTokens: 87 },
      },
    ]);
    expect(events.slice(0, 2).map((event) => event.type)).toEqual(["delta", "delta"]);
  });

  it("reads the tool_use blocks of a whole JSON message", async () => {
    fake.cloud.reply({ kind: "fixture", file: "anthropic-message-tool-use.json" });
    expect(await collect(anthropic().chat(chatRequest()))).toEqual([
      { type: "delta", text: "Vou buscar o paciente.", logprobs: [] },
      {
        type: "tool_call",
        index: 0,
        call: {
          id: "toolu_01Ab3Cd5Ef7Gh9Ij1Kl3Mn5o",
          name: "buscar_paciente",
          arguments: '{"cpf":"390.533.447-05"}',
        },
      },
      {
        type: "done",
        finishReason: "tool_calls",
        usage: { promptTokens: 402, completionTokens: 61 },
      },
    ]);
  });
});
