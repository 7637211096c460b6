import { describe, expect, it } from "vitest";
import { toChatCompletionBody } from "../../src/anthropic/messages-request.js";
import { messagesBodySchema } from "../../src/anthropic/messages-schema.js";
import { InvalidRequestError } from "../../src/core/errors.js";
import { validateBody } from "../../src/openai/validate-body.js";

/**
 * An Anthropic Messages body as the OpenAI chat body the pipeline runs: system, text blocks,
 * tool_use and tool_result pairs, tools and tool_choice, and the 400s for what is not served.
 */
function translate(body: Record<string, unknown>) {
  return toChatCompletionBody(
    validateBody(messagesBodySchema, { model: "local", max_tokens: 100, ...body }),
  );
}

function refusal(body: Record<string, unknown>): InvalidRequestError {
  try {
    translate(body);
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error("accepted");
}

const weatherTool = {
  name: "get_weather",
  description: "The weather in a city",
  input_schema: { type: "object", properties: { city: { type: "string" } } },
};

describe("an Anthropic Messages body as the pipeline's chat body", () => {
  it("puts system first, keeps turns, and maps sampling, stop sequences and the user id", () => {
    const body = translate({
      system: [
        { type: "text", text: "Eres breve." },
        { type: "text", text: "Respondes en español.", cache_control: { type: "ephemeral" } },
      ],
      messages: [
        { role: "user", content: "Hola" },
        { role: "assistant", content: [{ type: "text", text: "¿Sí?" }] },
        { role: "user", content: [{ type: "text", text: "Dime" }] },
      ],
      temperature: 0.2,
      top_p: 0.9,
      top_k: -1,
      stop_sequences: ["FIN"],
      metadata: { user_id: "u-1" },
      stream: true,
      service_tier: "auto",
    });
    expect(body).toEqual({
      model: "local",
      max_tokens: 100,
      messages: [
        {
          role: "system",
          content: [
            { type: "text", text: "Eres breve." },
            { type: "text", text: "Respondes en español." },
          ],
        },
        { role: "user", content: "Hola" },
        { role: "assistant", content: [{ type: "text", text: "¿Sí?" }] },
        { role: "user", content: [{ type: "text", text: "Dime" }] },
      ],
      temperature: 0.2,
      top_p: 0.9,
      stop: ["FIN"],
      user: "u-1",
      stream: true,
    });
  });

  it("turns tool_use into tool_calls and tool_result into tool messages before the turn's text", () => {
    const body = translate({
      messages: [
        { role: "user", content: "¿Tiempo en Lima y Quito?" },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Miro." },
            { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Lima" } },
            { type: "tool_use", id: "toolu_2", name: "get_weather", input: { city: "Quito" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1", content: '{"temp":19}' },
            {
              type: "tool_result",
              tool_use_id: "toolu_2",
              content: [
                { type: "text", text: "sin datos" },
                { type: "text", text: "reintenta" },
              ],
              is_error: true,
            },
            { type: "text", text: "¿Y bien?" },
          ],
        },
      ],
      tools: [weatherTool],
      tool_choice: { type: "tool", name: "get_weather", disable_parallel_tool_use: true },
    });
    expect(body.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: [{ type: "text", text: "Miro." }],
        tool_calls: [
          {
            id: "toolu_1",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Lima"}' },
          },
          {
            id: "toolu_2",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Quito"}' },
          },
        ],
      },
      { role: "tool", tool_call_id: "toolu_1", content: '{"temp":19}' },
      { role: "tool", tool_call_id: "toolu_2", content: "Error: sin datos\nreintenta" },
      { role: "user", content: [{ type: "text", text: "¿Y bien?" }] },
    ]);
    expect(body.tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "The weather in a city",
          parameters: weatherTool.input_schema,
        },
      },
    ]);
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "get_weather" } });
    expect(body.parallel_tool_calls).toBe(false);
  });

  it("maps tool_choice any, auto and none", () => {
    const choice = (type: string) =>
      translate({
        messages: [{ role: "user", content: "Hola" }],
        tools: [weatherTool],
        tool_choice: { type },
      }).tool_choice;
    expect(choice("any")).toBe("required");
    expect(choice("auto")).toBe("auto");
    expect(choice("none")).toBe("none");
  });
});

describe("what /v1/messages refuses, naming the field", () => {
  const hello = [{ role: "user", content: "Hola" }];

  it("a body without max_tokens", () => {
    const error = refusal({ max_tokens: undefined, messages: hello });
    expect(error.param).toBe("max_tokens");
    expect(error.message).toContain("max_tokens is required");
  });

  it("images and documents, in a message or a tool result", () => {
    const image = { type: "image", source: { type: "base64", media_type: "image/png", data: "" } };
    const inMessage = refusal({ messages: [{ role: "user", content: [image] }] });
    expect(inMessage.param).toBe("messages.0.content.0.type");
    expect(inMessage.message).toContain("an image is not accepted");
    const inResult = refusal({
      messages: [
        {
          role: "assistant",
          content: [{ type: "tool_use", id: "t1", name: "f", input: {} }],
        },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: "t1", content: [image] }],
        },
      ],
    });
    expect(inResult.param).toBe("messages.1.content.0.content.0.type");
    const document = refusal({
      messages: [{ role: "user", content: [{ type: "document", source: {} }] }],
    });
    expect(document.message).toContain("a document is not accepted");
  });

  it("a tool_result that answers no earlier tool_use, and blocks in the wrong turn", () => {
    const orphan = refusal({
      messages: [
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_9", content: "x" }] },
      ],
    });
    expect(orphan.param).toBe("messages[0].content[0].tool_use_id");
    expect(orphan.message).toContain('answers "toolu_9"');
    const wrongTurn = refusal({
      messages: [{ role: "user", content: [{ type: "tool_use", id: "t", name: "f", input: {} }] }],
    });
    expect(wrongTurn.message).toContain("a tool_use block belongs in an assistant message");
  });

  it("thinking, a positive top_k, temperature over 1, server tools and a prefill", () => {
    expect(
      refusal({ messages: hello, thinking: { type: "enabled", budget_tokens: 1024 } }).message,
    ).toContain("extended thinking is not served");
    expect(translate({ messages: hello, thinking: { type: "disabled" } }).messages).toHaveLength(1);
    expect(refusal({ messages: hello, top_k: 40 }).message).toContain("top_k is not applied");
    expect(refusal({ messages: hello, temperature: 1.5 }).param).toBe("temperature");
    expect(
      refusal({ messages: hello, tools: [{ type: "web_search_20250305", name: "web_search" }] })
        .message,
    ).toContain("server tools");
    expect(
      refusal({ messages: [...hello, { role: "assistant", content: "{" }] }).message,
    ).toContain("prefill");
    expect(refusal({ messages: hello, tool_choice: { type: "tool" } }).param).toBe(
      "tool_choice.name",
    );
  });
});
