import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { toChatCompletionBody, responsesBodySchema } from "../../src/openai/responses-request.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * `POST /v1/responses` with the official `openai` client (responses.create and .stream) against a
 * real server whose local model is the scripted backend: text, function calls and their outputs,
 * structured output, the request's translation into the chat flow, and 400s for what is not served.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function start() {
  const gateway = await startTestGateway();
  gateways.push(gateway);
  const address = await gateway.server.listen();
  const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: "local", maxRetries: 0 });
  return { backend: gateway.backend, client, model: gateway.backend.model };
}

const weatherTool = {
  type: "function" as const,
  name: "get_weather",
  description: "The weather in a city",
  parameters: {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
    additionalProperties: false,
  },
  strict: true,
};

describe("/v1/responses", () => {
  it("answers a string input with a message item, output_text and usage", async () => {
    const { client, model, backend } = await start();
    const response = await client.responses.create({
      model,
      input: "Hola",
      instructions: "Responde en español.",
      max_output_tokens: 50,
    });
    expect(response.status).toBe("completed");
    expect(response.output_text).toBe("Hola, ¿qué tal?");
    expect(response.output).toHaveLength(1);
    expect(response.output[0]).toMatchObject({ type: "message", role: "assistant" });
    expect(response.usage).toMatchObject({ input_tokens: 7, output_tokens: 5, total_tokens: 12 });
    expect((response as unknown as { store: boolean }).store).toBe(false);
    expect(backend.requests[0]?.messages).toEqual([
      { role: "system", content: "Responde en español." },
      { role: "user", content: "Hola" },
    ]);
    expect(backend.requests[0]?.sampling.maxTokens).toBe(50);
  });

  it("says incomplete when the answer reaches max_output_tokens", async () => {
    const { client, model } = await start();
    const response = await client.responses.create({ model, input: "Hola", max_output_tokens: 2 });
    expect(response.status).toBe("incomplete");
    expect(response.incomplete_details).toEqual({ reason: "max_output_tokens" });
  });

  it("returns function calls, and takes their outputs back in the next request", async () => {
    const { client, model, backend } = await start();
    backend.tokens = [];
    backend.toolCallsOf = (request) =>
      request.messages.some((message) => message.role === "tool")
        ? []
        : [{ id: "call_7", name: "get_weather", arguments: '{"city":"Lima"}' }];
    const first = await client.responses.create({
      model,
      input: [{ role: "user", content: "¿Qué tiempo hace en Lima?" }],
      tools: [weatherTool],
      tool_choice: "required",
    });
    expect(first.output).toEqual([
      expect.objectContaining({
        type: "function_call",
        call_id: "call_7",
        name: "get_weather",
        arguments: '{"city":"Lima"}',
        status: "completed",
      }),
    ]);
    expect(backend.requests[0]?.tools?.choice).toBe("required");

    backend.tokens = ["Hace", " 19 grados."];
    const second = await client.responses.create({
      model,
      input: [
        { role: "user", content: "¿Qué tiempo hace en Lima?" },
        ...first.output.flatMap((item) =>
          item.type === "function_call"
            ? [
                {
                  type: "function_call" as const,
                  call_id: item.call_id,
                  name: item.name,
                  arguments: item.arguments,
                },
              ]
            : [],
        ),
        { type: "function_call_output", call_id: "call_7", output: '{"temp":19}' },
      ],
      tools: [weatherTool],
    });
    expect(second.output_text).toBe("Hace 19 grados.");
    expect(backend.requests[1]?.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: "",
        toolCalls: [{ id: "call_7", name: "get_weather", arguments: '{"city":"Lima"}' }],
      },
      { role: "tool", content: '{"temp":19}', toolCallId: "call_7" },
    ]);
  });

  it("streams the events in order, each numbered, text then a call, ending in response.completed", async () => {
    const { client, model, backend } = await start();
    backend.tokens = ["Miro", " el tiempo."];
    backend.toolCallsOf = () => [
      { id: "call_8", name: "get_weather", arguments: '{"city":"Quito"}' },
    ];
    const stream = client.responses.stream({
      model,
      input: "¿Qué tiempo hace en Quito?",
      tools: [weatherTool],
    });
    const types: string[] = [];
    const numbers: number[] = [];
    let text = "";
    for await (const event of stream) {
      types.push(event.type);
      numbers.push(event.sequence_number);
      if (event.type === "response.output_text.delta") text += event.delta;
    }
    const final = await stream.finalResponse();
    expect(text).toBe("Miro el tiempo.");
    expect(numbers).toEqual(numbers.map((_, index) => index));
    expect(types).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.output_item.added",
      "response.function_call_arguments.delta",
      "response.function_call_arguments.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(final.output_text).toBe("Miro el tiempo.");
    expect(final.output[1]).toMatchObject({ type: "function_call", call_id: "call_8" });
  });

  it("passes text.format json_schema on as the chat flow's response_format", () => {
    const body = responsesBodySchema.parse({
      model: "m",
      input: "Dame un JSON.",
      text: {
        format: {
          type: "json_schema",
          name: "ciudad",
          schema: { type: "object", properties: { nombre: { type: "string" } } },
        },
      },
    });
    expect(toChatCompletionBody(body).response_format).toEqual({
      type: "json_schema",
      json_schema: {
        name: "ciudad",
        schema: { type: "object", properties: { nombre: { type: "string" } } },
      },
    });
  });

  it.each([
    [
      "previous_response_id",
      { input: "Hola", previous_response_id: "resp_1" },
      "previous_response_id",
      "does not store",
    ],
    [
      "a built-in tool",
      { input: "Hola", tools: [{ type: "web_search" }] },
      "tools.0.type",
      "built-in tools",
    ],
    [
      "an image",
      {
        input: [
          { role: "user", content: [{ type: "input_image", image_url: "https://x.test/a.png" }] },
        ],
      },
      "input",
      "",
    ],
  ])("refuses %s with a 400 naming it", async (_name, extra, param, message) => {
    const { model, backend } = await start();
    const gateway = gateways[0];
    if (gateway === undefined) throw new Error("no gateway");
    const response = await gateway.app.inject({
      method: "POST",
      url: "/v1/responses",
      payload: { model, ...extra },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{ error: { message: string; param: string | null } }>();
    expect(error.param ?? "").toContain(param);
    expect(error.message).toContain(message);
    expect(backend.requests).toHaveLength(0);
  });

  it("retrieving, deleting or cancelling a response is a 404 that says none is stored", async () => {
    const { client } = await start();
    await expect(client.responses.retrieve("resp_123")).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining("does not store responses") as unknown,
    });
    await expect(client.responses.delete("resp_123")).rejects.toMatchObject({ status: 404 });
    await expect(client.responses.cancel("resp_123")).rejects.toMatchObject({ status: 404 });
  });
});
