import { createOpenAI } from "@ai-sdk/openai";
import { generateText, Output, stepCountIs, streamText, tool } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ChatRequest } from "../../src/core/chat.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * The Vercel AI SDK's own OpenAI provider (`@ai-sdk/openai`), whose models talk to the Responses
 * API by default, against a real server with the scripted backend: a tool loop (call, result, final
 * text), streamed text, and structured output through `text.format`.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function start() {
  const gateway = await startTestGateway();
  gateways.push(gateway);
  const address = await gateway.server.listen();
  const provider = createOpenAI({ baseURL: `${address}/v1`, apiKey: "local" });
  return { backend: gateway.backend, model: provider(gateway.backend.model) };
}

const afterResult = (request: ChatRequest) => request.messages.at(-1)?.role === "tool";

describe("@ai-sdk/openai (the Responses API)", () => {
  it("runs a tool loop: the call, the executed tool's result, then the answer", async () => {
    const { backend, model } = await start();
    backend.tokensOf = (request) => (afterResult(request) ? ["Hace", " 19 grados."] : []);
    backend.toolCallsOf = (request) =>
      afterResult(request)
        ? []
        : [{ id: "call_1", name: "get_weather", arguments: '{"city":"Lima"}' }];
    let executedWith: unknown;
    const result = await generateText({
      model,
      prompt: "¿Qué tiempo hace en Lima?",
      tools: {
        get_weather: tool({
          description: "The weather in a city",
          inputSchema: z.object({ city: z.string() }),
          execute: (input) => {
            executedWith = input;
            return Promise.resolve({ temp: 19 });
          },
        }),
      },
      stopWhen: stepCountIs(3),
    });
    expect(executedWith).toEqual({ city: "Lima" });
    expect(result.text).toBe("Hace 19 grados.");
    expect(result.steps).toHaveLength(2);
    const second = backend.requests[1];
    expect(second?.messages.at(-2)?.toolCalls?.[0]).toMatchObject({ id: "call_1" });
    expect(second?.messages.at(-1)).toMatchObject({ role: "tool", toolCallId: "call_1" });
    expect(JSON.parse(second?.messages.at(-1)?.content ?? "")).toEqual({ temp: 19 });
  });

  it("streams text", async () => {
    const { model } = await start();
    const result = streamText({ model, prompt: "Hola" });
    let text = "";
    for await (const piece of result.textStream) text += piece;
    expect(text).toBe("Hola, ¿qué tal?");
  });

  it("asks for structured output with the schema, and reads the object", async () => {
    const { backend, model } = await start();
    backend.tokens = ['{"ciudad":', ' "Lima"}'];
    const { output } = await generateText({
      model,
      prompt: "¿Cuál es la capital de Perú?",
      output: Output.object({ schema: z.object({ ciudad: z.string() }) }),
    });
    expect(output).toEqual({ ciudad: "Lima" });
    expect(backend.requests[0]?.responseFormat).toMatchObject({ type: "json_schema" });
  });
});
