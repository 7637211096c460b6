import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMachine } from "../../src/config/machine.js";
import { LocalEngine } from "../../src/engine/local-engine.js";
import { confidenceOf } from "../../src/router/confidence.js";
import { plumbingModel } from "../support/default-model.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * The router on a real model (SmolLM2, by name): a second Colibrí, serving the same engine, stands in for
 * the cloud. Confidence comes from the model's real token probabilities.
 */
let engine: LocalEngine;
let cloud: TestGateway<LocalEngine>;
let cloudAddress: string;
const edges: TestGateway<LocalEngine>[] = [];

beforeAll(async () => {
  const model = await plumbingModel();
  engine = await LocalEngine.load({
    modelPath: model.path,
    modelName: model.name,
    machine: readMachine(),
    contextSize: 1024,
    sequences: 4,
    logger: () => undefined,
  });
  cloud = await startTestGateway({ backend: engine, defaultMaxTokens: 48 });
  cloudAddress = await cloud.server.listen();
});

afterAll(async () => {
  await Promise.all(edges.map((edge) => edge.close()));
  await cloud.close();
  await engine.close();
});

async function edge(cascade: Record<string, unknown>) {
  const gateway = await startTestGateway({
    backend: engine,
    defaultMaxTokens: 48,
    config: {
      providers: [
        {
          name: "lan",
          baseUrl: `${cloudAddress}/v1`,
          models: { "lan-smollm": "local" },
          timeouts: { connectMs: 1000, firstByteMs: 60_000, idleMs: 30_000, totalMs: 120_000 },
          retry: { maxRetries: 0 },
        },
      ],
      router: { preRouter: { enabled: false }, cascade },
    },
  });
  edges.push(gateway);
  const address = await gateway.server.listen();
  return new OpenAI({ baseURL: `${address}/v1`, apiKey: "local", maxRetries: 0 });
}

const question = {
  model: "auto",
  messages: [{ role: "user" as const, content: "¿Cuál es la capital de Argentina?" }],
  temperature: 0,
  max_completion_tokens: 24,
};

describe("the cascade on the real model", () => {
  it("measures the local answer's confidence from its token probabilities and keeps it when sure enough", async () => {
    const client = await edge({ threshold: 0 });
    const reference = engine.chat({
      messages: question.messages,
      sampling: { temperature: 0, maxTokens: 24 },
      logprobs: { topLogprobs: 0 },
    });
    let text = "";
    const logprobs: number[] = [];
    for await (const event of reference) {
      if (event.type !== "delta") continue;
      text += event.text;
      logprobs.push(...event.logprobs.map((token) => token.logprob));
    }
    const { data, response } = await client.chat.completions.create(question).withResponse();
    expect(response.headers.get("x-colibri-route")).toBe("cascade-local");
    expect(response.headers.get("x-colibri-reason")).toBe("confident");
    const confidence = Number(response.headers.get("x-colibri-confidence"));
    expect(confidence).toBeCloseTo(confidenceOf(logprobs, "mean"), 3);
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThan(1);
    expect(data.choices[0]?.message.content).toBe(text);
  });

  it("escalates an answer below the threshold to the other server, streamed or not", async () => {
    const client = await edge({ threshold: 1, holdTokens: 4 });
    const before = (await cloud.store.usage.list({ since: 0, limit: 100 })).length;
    const { data, response } = await client.chat.completions.create(question).withResponse();
    expect(response.headers.get("x-colibri-route")).toBe("cascade-cloud");
    expect(response.headers.get("x-colibri-reason")).toBe("low-confidence");
    expect(data.model).toBe("lan-smollm");
    const answer = data.choices[0]?.message.content ?? "";
    expect(answer.length).toBeGreaterThan(0);

    // The same deterministic question again: ask past the response cache, to run the cascade.
    const stream = await client.chat.completions
      .create({ ...question, stream: true }, { headers: { "cache-control": "no-cache" } })
      .withResponse();
    expect(stream.response.headers.get("x-colibri-route")).toBe("cascade-cloud");
    let streamed = "";
    for await (const chunk of stream.data) streamed += chunk.choices[0]?.delta.content ?? "";
    // Greedy decoding on the same model: the cloud's streamed answer is its non-streamed one.
    expect(streamed).toBe(answer);
    expect((await cloud.store.usage.list({ since: 0, limit: 100 })).length).toBe(before + 2);
  });
});
