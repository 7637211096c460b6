import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * Tool calling through `/v1/chat/completions` on the local route (the scripted backend stands in
 * for the model): what the backend is asked (tools, choice, the conversation's calls and results),
 * how calls come back (a whole answer and a stream, in OpenAI's shapes), and the 400s for tool
 * requests that cannot be right.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

const weather = {
  type: "function",
  function: {
    name: "get_weather",
    description: "The weather in a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    },
  },
};

async function start() {
  const gateway = await startTestGateway({ config: { cache: { exact: { mode: "all" } } } });
  gateways.push(gateway);
  const post = (payload: Record<string, unknown>) =>
    gateway.app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      headers: { "content-type": "application/json" },
      payload: { model: gateway.backend.model, ...payload },
    });
  return { gateway, backend: gateway.backend, post };
}

function errorOf(response: { json(): unknown }) {
  return (response.json() as { error: { message: string; param: string | null; type: string } })
    .error;
}

describe("tool calls on /v1/chat/completions", () => {
  it("gives the backend the tools and the choice, and returns its calls as tool_calls", async () => {
    const { backend, post } = await start();
    backend.tokens = [];
    backend.toolCallsOf = () => [
      { id: "call_1", name: "get_weather", arguments: '{"city":"Lima"}' },
      { id: "call_2", name: "get_weather", arguments: '{"city":"Quito"}' },
    ];
    const response = await post({
      messages: [{ role: "user", content: "¿Qué tiempo hace en Lima y en Quito?" }],
      tools: [weather],
      tool_choice: "required",
      parallel_tool_calls: true,
    });
    expect(response.statusCode).toBe(200);
    const [choice] = response.json<{ choices: Record<string, unknown>[] }>().choices;
    expect(choice).toMatchObject({
      finish_reason: "tool_calls",
      message: {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Lima"}' },
          },
          {
            id: "call_2",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Quito"}' },
          },
        ],
      },
    });
    expect(backend.requests[0]?.tools).toEqual({
      definitions: [
        {
          name: "get_weather",
          description: "The weather in a city",
          parameters: weather.function.parameters,
        },
      ],
      choice: "required",
      parallel: true,
    });
  });

  it("streams text, then each call as one chunk with its index, then finish_reason tool_calls", async () => {
    const { backend, post } = await start();
    backend.tokens = ["Miro", " el tiempo."];
    backend.toolCallsOf = () => [
      { id: "call_9", name: "get_weather", arguments: '{"city":"Lima"}' },
    ];
    const response = await post({
      messages: [{ role: "user", content: "¿Qué tiempo hace en Lima?" }],
      tools: [weather],
      tool_choice: { type: "function", function: { name: "get_weather" } },
      stream: true,
    });
    expect(response.statusCode).toBe(200);
    const chunks = response.body
      .split("\n\n")
      .filter((frame) => frame.startsWith("data: {"))
      .map((frame) => JSON.parse(frame.slice(6)) as { choices: Record<string, unknown>[] });
    const deltas = chunks.map((chunk) => chunk.choices[0]?.["delta"]);
    expect(deltas).toContainEqual({ content: "Miro" });
    expect(deltas).toContainEqual({
      tool_calls: [
        {
          index: 0,
          id: "call_9",
          type: "function",
          function: { name: "get_weather", arguments: '{"city":"Lima"}' },
        },
      ],
    });
    expect(chunks.at(-1)?.choices[0]?.["finish_reason"]).toBe("tool_calls");
    expect(response.body.trimEnd().endsWith("data: [DONE]")).toBe(true);
    expect(backend.requests[0]?.tools?.choice).toEqual({ name: "get_weather" });
  });

  it("passes the conversation's calls and results on, paired by id, and caches none of it", async () => {
    const { backend, post } = await start();
    const body = {
      messages: [
        { role: "user", content: "¿Qué tiempo hace en Lima?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Lima"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: '{"temp":19}' },
      ],
      tools: [weather],
    };
    expect((await post(body)).statusCode).toBe(200);
    const second = await post(body);
    expect(second.headers["x-colibri-cache"]).toBeUndefined();
    expect(backend.requests).toHaveLength(2);
    expect(backend.requests[0]?.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: "",
        toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Lima"}' }],
      },
      { role: "tool", content: '{"temp":19}', toolCallId: "call_1" },
    ]);
    expect(backend.requests[0]?.tools?.choice).toBe("auto");
  });

  it.each([
    [
      "tool_choice naming a function that is not declared",
      { tools: [weather], tool_choice: { type: "function", function: { name: "send_email" } } },
      "tool_choice.function.name",
      "send_email",
    ],
    ["tool_choice required with no tools", { tool_choice: "required" }, "tool_choice", "no tools"],
    [
      "a function declared twice",
      { tools: [weather, weather] },
      "tools[1].function.name",
      "declared twice",
    ],
    [
      "a tool that is not a function",
      { tools: [{ type: "code_interpreter" }] },
      "tools.0.type",
      "function",
    ],
    [
      "a function name with spaces",
      { tools: [{ type: "function", function: { name: "get weather" } }] },
      "tools.0.function.name",
      "letters, digits",
    ],
  ])("refuses %s with a 400 naming the field", async (_name, extra, param, message) => {
    const { backend, post } = await start();
    const response = await post({
      messages: [{ role: "user", content: "¿Qué tiempo hace?" }],
      ...extra,
    });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.type).toBe("invalid_request_error");
    expect(error.param).toBe(param);
    expect(error.message).toContain(message);
    expect(backend.requests).toHaveLength(0);
  });

  it("refuses a tool message whose call is not in the conversation", async () => {
    const { backend, post } = await start();
    const response = await post({
      messages: [
        { role: "user", content: "Hola" },
        { role: "tool", tool_call_id: "call_404", content: "{}" },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ param: "messages[1].tool_call_id" });
    expect(errorOf(response).message).toContain("call_404");
    expect(backend.requests).toHaveLength(0);
  });
});

describe("OpenAI parameters Colibrí cannot honour are refused, never ignored", () => {
  it.each([
    ["logit_bias", { logit_bias: { "50256": -100 } }, "logit_bias"],
    ["audio output", { modalities: ["text", "audio"] }, "modalities"],
    ["n > 1", { n: 2 }, "n"],
    ["the deprecated functions", { functions: [{ name: "f", parameters: {} }] }, "functions"],
    ["the deprecated function_call", { function_call: "auto" }, "function_call"],
  ])("%s is a 400 naming it", async (_name, extra, param) => {
    const { backend, post } = await start();
    const response = await post({ messages: [{ role: "user", content: "Hola" }], ...extra });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).param).toBe(param);
    expect(backend.requests).toHaveLength(0);
  });

  it("an empty logit_bias, as some clients always send, is accepted", async () => {
    const { post } = await start();
    const response = await post({ messages: [{ role: "user", content: "Hola" }], logit_bias: {} });
    expect(response.statusCode).toBe(200);
  });
});
