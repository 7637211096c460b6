import OpenAI, { BadRequestError, RateLimitError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMachine } from "../../src/config/machine.js";
import { LocalEngine } from "../../src/engine/local-engine.js";
import { plumbingModel } from "../support/default-model.js";
import { guessLanguage } from "../../src/router/language.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * A real model (SmolLM2, by name) behind a real listening server, driven by the official `openai` client:
 * what a user of `colibri serve` sees.
 */
interface Running {
  engine: LocalEngine;
  gateway: TestGateway<LocalEngine>;
  client: OpenAI;
}

async function start(engineOptions: { sequences: number; maxQueue: number }): Promise<Running> {
  const model = await plumbingModel();
  const engine = await LocalEngine.load({
    modelPath: model.path,
    modelName: model.name,
    machine: readMachine(),
    contextSize: 2048,
    ...engineOptions,
    logger: () => undefined,
  });
  const gateway = await startTestGateway({ backend: engine, defaultMaxTokens: 256 });
  const address = await gateway.server.listen();
  const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: "local", maxRetries: 0 });
  return { engine, gateway, client };
}

async function stop(running: Running | undefined): Promise<void> {
  await running?.gateway.close();
  await running?.engine.close();
}

const spanishQuestion = [
  { role: "user" as const, content: "¿Cuál es la capital de Argentina? Responde en español." },
];
/** A request that cannot end early: the grammar demands 400 numbers (about 800+ tokens). */
const longRequest = {
  model: "auto",
  messages: [{ role: "user" as const, content: "Lista números del 1 al 400." }],
  max_completion_tokens: 2000,
  response_format: {
    type: "json_schema" as const,
    json_schema: {
      name: "numeros",
      schema: { type: "array", items: { type: "integer" }, minItems: 400 },
    },
  },
};

describe("with four sequences", () => {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await start({ sequences: 4, maxQueue: 8 });
  });
  afterAll(() => stop(running));

  it("lists the model and answers a Spanish question in Spanish", async () => {
    const { client, engine } = running!;
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain(engine.model);

    const completion = await client.chat.completions.create({
      model: "auto",
      messages: spanishQuestion,
      temperature: 0,
      max_completion_tokens: 60,
    });
    const answer = completion.choices[0]?.message.content ?? "";
    expect(guessLanguage(answer).language, answer).toBe("es");
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(5);
    expect(["stop", "length"]).toContain(completion.choices[0]?.finish_reason);
  });

  it("streams the same Spanish answer chunk by chunk", async () => {
    const { client } = running!;
    const stream = await client.chat.completions.create({
      model: "local",
      messages: spanishQuestion,
      temperature: 0,
      max_completion_tokens: 60,
      stream: true,
      stream_options: { include_usage: true },
    });
    const pieces: string[] = [];
    let finishReason: string | null | undefined;
    let completionTokens: number | undefined;
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (content) pieces.push(content);
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      completionTokens = chunk.usage?.completion_tokens ?? completionTokens;
    }
    const answer = pieces.join("");
    expect(pieces.length).toBeGreaterThan(1);
    expect(guessLanguage(answer).language, answer).toBe("es");
    expect(["stop", "length"]).toContain(finishReason);
    expect(completionTokens).toBeGreaterThan(0);
  });

  it("returns JSON that parses and follows a json_schema", async () => {
    const { client } = running!;
    const completion = await client.chat.completions.create({
      model: "auto",
      messages: [{ role: "user", content: "Dame una ciudad de Brasil y su población en JSON." }],
      temperature: 0,
      max_completion_tokens: 120,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "ciudad",
          schema: {
            type: "object",
            properties: { ciudad: { type: "string" }, poblacion: { type: "integer" } },
            required: ["ciudad", "poblacion"],
            additionalProperties: false,
          },
        },
      },
    });
    const parsed = JSON.parse(completion.choices[0]?.message.content ?? "") as Record<
      string,
      unknown
    >;
    expect(Object.keys(parsed).sort()).toEqual(["ciudad", "poblacion"]);
    expect(typeof parsed["ciudad"]).toBe("string");
    expect(Number.isInteger(parsed["poblacion"])).toBe(true);
  });

  it("returns token logprobs with alternatives when asked", async () => {
    const { client } = running!;
    const completion = await client.chat.completions.create({
      model: "auto",
      messages: spanishQuestion,
      max_completion_tokens: 8,
      temperature: 0, // greedy: alternatives come from the full distribution
      logprobs: true,
      top_logprobs: 3,
    });
    const content = completion.choices[0]?.logprobs?.content ?? [];
    expect(content).toHaveLength(completion.usage?.completion_tokens ?? -1);
    for (const token of content) {
      expect(token.logprob).toBeLessThanOrEqual(0);
      expect(token.top_logprobs).toHaveLength(3);
    }
    expect(content.map((token) => token.token).join("")).toBe(
      completion.choices[0]?.message.content,
    );
  });

  it("completes 4 parallel requests", async () => {
    const { client } = running!;
    const answers = await Promise.all(
      ["Hola", "Olá, tudo bem?", "¿Qué es un colibrí?", "Buenos días"].map((content) =>
        client.chat.completions.create({
          model: "auto",
          messages: [{ role: "user", content }],
          max_completion_tokens: 24,
        }),
      ),
    );
    for (const answer of answers) {
      expect(answer.choices[0]?.message.content?.length).toBeGreaterThan(0);
      expect(answer.usage?.completion_tokens).toBeGreaterThan(0);
    }
  });

  it("embeds text", async () => {
    const { client } = running!;
    const result = await client.embeddings.create({ model: "auto", input: ["hola", "olá"] });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]?.embedding.length).toBeGreaterThan(16);
    expect(result.data[0]?.embedding).not.toEqual(result.data[1]?.embedding);

    // Longer than the embedding context (512 tokens by default): a clear 400, not a memory spike.
    const tooLong = await client.embeddings
      .create({ model: "auto", input: "colibrí ".repeat(2000) })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(tooLong).toBeInstanceOf(BadRequestError);
    expect((tooLong as BadRequestError).message).toMatch(
      /input\[0\] has \d+ tokens; the embedding context of 512 holds at most 511.*engine\.embeddingContextSize/,
    );
  });
});

describe("with one sequence", () => {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await start({ sequences: 1, maxQueue: 1 });
  });
  afterAll(() => stop(running));

  it("frees the slot at once when a client aborts mid-stream", async () => {
    const { client, engine } = running!;
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { ...longRequest, stream: true },
      { signal: controller.signal },
    );
    let received = 0;
    try {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) received++;
        if (received === 3) controller.abort();
      }
    } catch (error) {
      expect(String(error)).toMatch(/abort/i);
    }
    expect(received).toBe(3);

    await expect.poll(() => engine.status().sequencesInUse, { timeout: 1000 }).toBe(0);
    const next = await client.chat.completions.create({
      model: "auto",
      messages: spanishQuestion,
      max_completion_tokens: 8,
    });
    expect(next.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });

  it("answers 429 with Retry-After when the queue is full", async () => {
    const { client } = running!;
    const controller = new AbortController();
    const busy = [1, 2].map(() =>
      client.chat.completions
        .create(longRequest, { signal: controller.signal })
        .catch(() => undefined),
    );
    await expect.poll(() => running!.engine.status().queued, { timeout: 5000 }).toBe(1);
    const rejected = await client.chat.completions
      .create({ model: "auto", messages: spanishQuestion, max_completion_tokens: 8 })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    controller.abort();
    await Promise.all(busy);
    expect(rejected).toBeInstanceOf(RateLimitError);
    const error = rejected as RateLimitError;
    expect(error.status).toBe(429);
    expect(Number(error.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(error.code).toBe("engine_busy");
  });
});
