import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatEvent, ChatRequest, ToolCall, ToolUse } from "../../src/core/chat.js";
import { LocalEngine } from "../../src/engine/index.js";
import { defaultModel, loadTestEngine, plumbingModel } from "../support/default-model.js";

/**
 * Tool calls on real models, at the engine: grammars make every call name a declared function and
 * carry arguments that parse and follow its schema, whatever the model (SmolLM2's generic
 * `||call:` syntax, Qwen 2.5's `<tool_call>` with its JSON, which small Qwen models also write
 * bare); a call the model begins in `auto` is completed the same way.
 */
const weather = {
  name: "get_weather",
  description: "Get the current weather in a city",
  parameters: {
    type: "object",
    properties: {
      city: { type: "string" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
    },
    required: ["city"],
  },
};
const email = {
  name: "send_email",
  description: "Send an e-mail",
  parameters: {
    type: "object",
    properties: { to: { type: "string" }, body: { type: "string" } },
    required: ["to", "body"],
  },
};

function request(choice: ToolUse["choice"], extra: Partial<ChatRequest> = {}): ChatRequest {
  return {
    messages: [{ role: "user", content: "What's the weather like in Lima right now?" }],
    sampling: { temperature: 0, maxTokens: 120 },
    tools: { definitions: [weather, email], choice, parallel: true },
    ...extra,
  };
}

async function answer(engine: LocalEngine, chat: ChatRequest) {
  const events: ChatEvent[] = [];
  for await (const event of engine.chat(chat)) events.push(event);
  const calls: ToolCall[] = events.flatMap((event) =>
    event.type === "tool_call" ? [event.call] : [],
  );
  const text = events.map((event) => (event.type === "delta" ? event.text : "")).join("");
  const done = events.at(-1);
  if (done?.type !== "done") throw new Error("no final event");
  return { calls, text, done };
}

function expectWeatherCall(call: ToolCall | undefined): void {
  expect(call?.name).toBe("get_weather");
  expect(call?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
  const args = JSON.parse(call?.arguments ?? "") as Record<string, unknown>;
  expect(String(args["city"]).toLowerCase()).toContain("lima");
  if (args["unit"] !== undefined) expect(["celsius", "fahrenheit"]).toContain(args["unit"]);
}

describe("SmolLM2 (a template with a plain-text call syntax)", () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await loadTestEngine(await plumbingModel());
  });
  afterAll(async () => {
    await engine.close();
  });

  // (A 135M model writes short arguments well and long ones badly: the weather call is asked for.)
  it("required: calls whose arguments parse and follow the schema", async () => {
    const { calls, done } = await answer(engine, {
      ...request("required"),
      tools: { definitions: [weather], choice: "required", parallel: true },
    });
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const call of calls) {
      expect(call.name).toBe("get_weather");
      const args = JSON.parse(call.arguments) as Record<string, unknown>;
      expect(typeof args["city"]).toBe("string");
    }
    expect(done.finishReason).toBe("tool_calls");
    expect(done.usage.completionTokens).toBeGreaterThan(0);
  });

  it("a named function among two: exactly that one, once when parallel calls are off", async () => {
    const { calls } = await answer(engine, {
      ...request({ name: "get_weather" }),
      tools: { definitions: [email, weather], choice: { name: "get_weather" }, parallel: false },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.name).toBe("get_weather");
    expect(() => JSON.parse(calls[0]?.arguments ?? "") as unknown).not.toThrow();
  });

  it("too few tokens for the arguments: finish length, and no half call", async () => {
    const { calls, done } = await answer(engine, {
      ...request({ name: "send_email" }),
      sampling: { temperature: 0, maxTokens: 12 },
    });
    expect(calls).toEqual([]);
    expect(done.finishReason).toBe("length");
  });

  it("none: a text answer, with the conversation's earlier call and result in the prompt", async () => {
    const { calls, text, done } = await answer(
      engine,
      request("none", {
        messages: [
          { role: "user", content: "What's the weather like in Lima right now?" },
          {
            role: "assistant",
            content: "",
            toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Lima"}' }],
          },
          { role: "tool", toolCallId: "call_1", content: '{"temp_c": 19, "sky": "cloudy"}' },
        ],
      }),
    );
    expect(calls).toEqual([]);
    expect(text.trim()).not.toBe("");
    expect(done.finishReason).not.toBe("tool_calls");
  });
});

describe("the default model (Qwen 2.5 Coder 1.5B)", () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await loadTestEngine(await defaultModel());
  });
  afterAll(async () => {
    await engine.close();
  });

  it("required: get_weather for Lima, with its city", async () => {
    const { calls, done } = await answer(engine, request("required"));
    expectWeatherCall(calls[0]);
    expect(done.finishReason).toBe("tool_calls");
  });

  it("auto: the call it begins (bare JSON or <tool_call>) is completed under the grammars", async () => {
    const { calls, text, done } = await answer(engine, request("auto"));
    expect(text).not.toContain('"name"');
    expectWeatherCall(calls[0]);
    expect(done.finishReason).toBe("tool_calls");
  });

  it("after a tool result, with no system message, answers from the result", async () => {
    // The template's own default system message is added for tool conversations (without it,
    // this model thanks the user for the result instead of using it).
    const { calls, text } = await answer(
      engine,
      request("none", {
        messages: [
          { role: "user", content: "¿Qué tiempo hace en Lima ahora?" },
          {
            role: "assistant",
            content: "",
            toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Lima"}' }],
          },
          { role: "tool", toolCallId: "call_1", content: '{"temp_c": 19, "sky": "nublado"}' },
        ],
      }),
    );
    expect(calls).toEqual([]);
    expect(text).toContain("19");
  });
});
