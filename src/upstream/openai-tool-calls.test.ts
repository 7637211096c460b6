import { describe, expect, it } from "vitest";
import { OpenAIToolCalls } from "./openai-tool-calls.js";

describe("putting streamed tool calls together", () => {
  it("joins a call's argument pieces by index, even when the pieces of two calls interleave", () => {
    const calls = new OpenAIToolCalls();
    calls.add({ index: 1, id: "b", function: { name: "g", arguments: "{" } });
    calls.add({ index: 0, id: "a", function: { name: "f", arguments: '{"x"' } });
    calls.add({ index: 1, function: { arguments: "}" } });
    calls.add({ index: 0, function: { arguments: ": 1}" } });
    expect(calls.events()).toEqual([
      { type: "tool_call", index: 0, call: { id: "a", name: "f", arguments: '{"x": 1}' } },
      { type: "tool_call", index: 1, call: { id: "b", name: "g", arguments: "{}" } },
    ]);
  });

  it("starts a new call at each new id from a server that sends no index, and makes up a missing id", () => {
    const calls = new OpenAIToolCalls();
    calls.add({ function: { name: "f", arguments: "{}" } });
    calls.add({ id: "b", function: { name: "g", arguments: "{" } });
    calls.add({ function: { arguments: "}" } });
    calls.add({ id: "c", function: { name: "h", arguments: "{}" } });
    expect(calls.events().map((event) => event.type === "tool_call" && event.call)).toEqual([
      { id: "call_0", name: "f", arguments: "{}" },
      { id: "b", name: "g", arguments: "{}" },
      { id: "c", name: "h", arguments: "{}" },
    ]);
  });
});
