import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatEvent, ChatRequest } from "../../src/core/chat.js";
import { findRunawayRepetition } from "../../src/core/runaway-repetition.js";
import { loadConfig } from "../../src/config/load.js";
import { readMachine } from "../../src/config/machine.js";
import type { RepetitionSettings } from "../../src/engine/chat-generation.js";
import { LocalEngine } from "../../src/engine/index.js";
import { modelStoreFromConfig } from "../../src/models/model-store-from-config.js";

// SmolLM2-135M: small and fast, and at temperature 0 it falls into loops readily.
const smolPath = (await modelStoreFromConfig(await loadConfig()).ensure("smollm2-135m-instruct"))
  .path;
const maxTokens = 256;
/**
 * A prompt that SmolLM2, greedy and with no repeat penalty, continues by repeating it until the
 * token limit. The issue's own example ("Qual é a capital do Brasil?") looped on one machine and
 * stopped after 34 tokens on another: a loop that comes by accident depends on the CPU's
 * arithmetic; one the prompt asks for does not.
 */
const looping: ChatRequest = {
  messages: [
    {
      role: "user",
      content:
        "Repeat after me, forever: one two three one two three one two three one two three one two three",
    },
  ],
  sampling: { temperature: 0, maxTokens },
};

/** No repeat penalty in either engine: the loop is what the runaway guard must stop. */
function load(repetition: Partial<RepetitionSettings>): Promise<LocalEngine> {
  return LocalEngine.load({
    modelPath: smolPath,
    modelName: "smollm2-135m-instruct",
    machine: readMachine(),
    threads: 1,
    sequences: 1,
    contextSize: 1024,
    repetition: { repeatPenalty: 1, ...repetition },
    logger: () => undefined,
  });
}

async function answer(
  engine: LocalEngine,
  request: ChatRequest,
): Promise<{ text: string; done: Extract<ChatEvent, { type: "done" }> }> {
  let text = "";
  for await (const event of engine.chat(request)) {
    if (event.type === "delta") text += event.text;
    else if (event.type === "done") return { text, done: event };
  }
  throw new Error("the stream ended without a done event");
}

describe("LocalEngine repetition (SmolLM2-135M)", () => {
  let unguarded: LocalEngine;
  let guarded: LocalEngine;
  let loop: { text: string; done: Extract<ChatEvent, { type: "done" }> };

  beforeAll(async () => {
    // The same tokens in both until the guard stops one.
    unguarded = await load({ stopRunaway: false });
    guarded = await load({});
    loop = await answer(unguarded, looping);
  });
  afterAll(async () => {
    await unguarded.close();
    await guarded.close();
  });

  it("without the guard, the greedy answer loops until max_tokens", () => {
    expect(loop.done.finishReason).toBe("length");
    expect(loop.done.usage.completionTokens).toBe(maxTokens);
    expect(loop.done.runaway).toBeUndefined();
    expect(findRunawayRepetition(loop.text)).toBeDefined();
  });

  it("with the guard, the same answer stops early, marked runaway", async () => {
    const stopped = await answer(guarded, looping);
    expect(stopped.done).toMatchObject({ finishReason: "length", runaway: true });
    // A few periods of the loop instead of max_tokens.
    expect(stopped.done.usage.completionTokens).toBeLessThan(maxTokens - 64);
    expect(loop.text.startsWith(stopped.text)).toBe(true);
    expect(findRunawayRepetition(stopped.text)).toBeDefined();
  });

  it("frequency_penalty reaches the sampler: the penalised answer leaves the loop", async () => {
    const penalised = await answer(guarded, {
      ...looping,
      sampling: { ...looping.sampling, frequencyPenalty: 1.5, maxTokens: 64 },
    });
    expect(penalised.text).not.toBe(loop.text.slice(0, penalised.text.length));
  });
});
