import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatEvent, ChatRequest } from "../../src/core/chat.js";
import {
  EngineBusyError,
  InsufficientMemoryError,
  InvalidRequestError,
  ModelNotFoundError,
  ServiceUnavailableError,
} from "../../src/core/errors.js";
import { readMachine } from "../../src/config/machine.js";
import { LocalEngine, type LocalEngineOptions } from "../../src/engine/index.js";
import { benchmarkDirect } from "../../tools/bench/direct-benchmark.js";
import { plumbingModel } from "../support/default-model.js";
import { tinyModelPath } from "../support/fixtures.js";

// SmolLM2 by name (plumbing, not answers), pulled into $COLIBRI_HOME on first use.
const realModelPath = (await plumbingModel()).path;
const machine = readMachine();

function load(options: Partial<LocalEngineOptions> & { modelPath: string }): Promise<LocalEngine> {
  return LocalEngine.load({ modelName: "test-model", machine, threads: 2, ...options });
}

function ask(
  content: string,
  sampling: ChatRequest["sampling"] = {},
  extra: Partial<ChatRequest> = {},
): ChatRequest {
  return {
    messages: [{ role: "user", content }],
    sampling: { temperature: 0, ...sampling },
    ...extra,
  };
}

interface Collected {
  text: string;
  deltas: Extract<ChatEvent, { type: "delta" }>[];
  done: Extract<ChatEvent, { type: "done" }>;
}

async function collect(stream: AsyncIterable<ChatEvent>): Promise<Collected> {
  const deltas: Collected["deltas"] = [];
  let done: Collected["done"] | undefined;
  for await (const event of stream) {
    expect(done, "no event may follow done").toBeUndefined();
    if (event.type === "delta") deltas.push(event);
    else if (event.type === "done") done = event;
  }
  if (done === undefined) throw new Error("the stream ended without a done event");
  return { text: deltas.map((delta) => delta.text).join(""), deltas, done };
}

interface OpenStream {
  next(): Promise<IteratorResult<ChatEvent>>;
  stop(): Promise<unknown>;
}

/** Start a stream to pull by hand; `stop()` is what a consumer leaving a for-await loop calls. */
function open(backend: LocalEngine, request: ChatRequest): OpenStream {
  const iterator = backend.chat(request)[Symbol.asyncIterator]();
  const stop = iterator.return?.bind(iterator);
  if (stop === undefined) throw new Error("chat() streams must support return()");
  return { next: () => iterator.next(), stop: () => stop(undefined) };
}

/** Wait until `check` holds, polling; fails after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("LocalEngine plumbing (tiny random model)", () => {
  let engine: LocalEngine;

  beforeAll(async () => {
    engine = await load({ modelPath: tinyModelPath, sequences: 4, contextSize: 512, maxQueue: 2 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("loads with the settings asked for and reports an idle status", () => {
    expect(engine.settings).toEqual({
      threads: 2,
      sequences: 4,
      contextSize: 512,
      embeddingContextSize: 512,
    });
    expect(engine.status()).toEqual({
      model: "test-model",
      sequencesTotal: 4,
      sequencesInUse: 0,
      queued: 0,
      maxQueue: 2,
    });
  });

  it("streams text deltas, then one done with usage and confidence; max_tokens ends with length", async () => {
    const result = await collect(engine.chat(ask("Hello there", { maxTokens: 12 })));
    expect(result.deltas.length).toBeGreaterThan(0);
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.done.finishReason).toBe("length");
    expect(result.done.usage.completionTokens).toBe(12);
    expect(result.done.usage.promptTokens).toBeGreaterThan(2);
    expect(result.done.confidence?.tokens).toBe(12);
    expect(result.done.confidence?.meanLogprob).toBeLessThan(0);
    expect(result.done.confidence?.minLogprob).toBeLessThanOrEqual(
      result.done.confidence?.meanLogprob ?? NaN,
    );
    // Without a logprobs request the deltas carry none, but confidence is still recorded.
    expect(result.deltas.every((delta) => delta.logprobs.length === 0)).toBe(true);
    await until(() => engine.status().sequencesInUse === 0);
  });

  it("records a logprob for every generated token, with alternatives only when asked", async () => {
    const plain = await collect(
      engine.chat(ask("Hi", { maxTokens: 10 }, { logprobs: { topLogprobs: 0 } })),
    );
    const plainLogprobs = plain.deltas.flatMap((delta) => delta.logprobs);
    expect(plainLogprobs).toHaveLength(plain.done.usage.completionTokens);
    expect(plainLogprobs.every((item) => item.topLogprobs.length === 0 && item.logprob <= 0)).toBe(
      true,
    );
    expect(plainLogprobs.map((item) => item.token).join("")).toBe(plain.text);
    const mean = plainLogprobs.reduce((sum, item) => sum + item.logprob, 0) / plainLogprobs.length;
    expect(plain.done.confidence?.meanLogprob).toBeCloseTo(mean, 6);
    expect(plain.done.confidence?.minLogprob).toBe(
      Math.min(...plainLogprobs.map((item) => item.logprob)),
    );

    const detailed = await collect(
      engine.chat(ask("Hi", { maxTokens: 10 }, { logprobs: { topLogprobs: 3 } })),
    );
    const detailedLogprobs = detailed.deltas.flatMap((delta) => delta.logprobs);
    expect(detailedLogprobs).toHaveLength(detailed.done.usage.completionTokens);
    for (const item of detailedLogprobs) {
      expect(item.topLogprobs).toHaveLength(3);
      const [first, second, third] = item.topLogprobs.map((alternative) => alternative.logprob);
      expect(first).toBeGreaterThanOrEqual(second ?? 0);
      expect(second).toBeGreaterThanOrEqual(third ?? 0);
      // Greedy decoding picks the likeliest token.
      expect(item.logprob).toBeCloseTo(first ?? 0, 4);
    }
    // Same prompt, greedy: the same answer either way.
    expect(detailed.text).toBe(plain.text);
  });

  it("runs 4 requests at once on a 4-sequence engine, all to completion", async () => {
    let peak = 0;
    const watcher = setInterval(() => (peak = Math.max(peak, engine.status().sequencesInUse)), 1);
    const results = await Promise.all(
      [0, 1, 2, 3].map((index) => collect(engine.chat(ask(`Request ${index}`, { maxTokens: 40 })))),
    );
    clearInterval(watcher);
    expect(results.map((result) => result.done.finishReason)).toEqual([
      "length",
      "length",
      "length",
      "length",
    ]);
    expect(peak).toBe(4);
    await until(() => engine.status().sequencesInUse === 0);
    expect(engine.status().queued).toBe(0);
  });

  it("queues FIFO when all sequences are busy and refuses with EngineBusyError beyond maxQueue", async () => {
    // Four streams that took their first event and then stalled: they hold every sequence.
    const holders = [0, 1, 2, 3].map(() => open(engine, ask("hold", { maxTokens: 50 })));
    await Promise.all(holders.map((holder) => holder.next()));
    expect(engine.status().sequencesInUse).toBe(4);

    const order: number[] = [];
    const waiting = [0, 1].map(async (index) => {
      const result = await collect(engine.chat(ask(`wait ${index}`, { maxTokens: 5 })));
      order.push(index);
      return result;
    });
    await until(() => engine.status().queued === 2);

    const refused = await open(engine, ask("one too many", { maxTokens: 5 }))
      .next()
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EngineBusyError);
    expect((refused as EngineBusyError).status).toBe(429);
    expect((refused as EngineBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);

    // Let one holder go: the first waiter gets its sequence; then the rest.
    await holders[0]?.stop();
    await until(() => order.length === 1);
    expect(order).toEqual([0]);
    await Promise.all(holders.slice(1).map((holder) => holder.stop()));
    const results = await Promise.all(waiting);
    expect(results.every((result) => result.done.finishReason === "length")).toBe(true);
    await until(() => engine.status().sequencesInUse === 0);
    expect(engine.status().queued).toBe(0);
  });

  it("rejects a prompt longer than the context and an unsupported schema before taking a sequence", async () => {
    const long = "word ".repeat(2_000);
    await expect(collect(engine.chat(ask(long)))).rejects.toBeInstanceOf(InvalidRequestError);
    const schema = {
      type: "object",
      properties: { code: { type: "string", pattern: "^[0-9]+$" } },
    };
    await expect(
      collect(
        engine.chat(ask("x", {}, { responseFormat: { type: "json_schema", name: "s", schema } })),
      ),
    ).rejects.toThrow(/"pattern"/);
    expect(engine.status().sequencesInUse).toBe(0);
  });

  it("embeds inputs with the model, one vector per input, counting tokens", async () => {
    const result = await engine.embed(["hello world", "adiós", ""]);
    expect(result.embeddings).toHaveLength(3);
    expect(result.embeddings[0]).toHaveLength(8); // the tiny model's embedding width
    expect(result.embeddings[0]).not.toEqual(result.embeddings[1]);
    expect(result.promptTokens).toBeGreaterThanOrEqual(3);
  });
});

describe("LocalEngine cancellation (tiny random model, one sequence)", () => {
  let engine: LocalEngine;

  beforeAll(async () => {
    engine = await load({ modelPath: tinyModelPath, sequences: 1, contextSize: 2048, maxQueue: 4 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("an abort mid-stream stops generation and hands the sequence to the next request at once", async () => {
    const controller = new AbortController();
    const first = engine.chat(
      ask("long answer", { maxTokens: 2_000 }, { signal: controller.signal }),
    );
    let received = 0;
    const firstDone = (async () => {
      for await (const event of first) {
        if (event.type === "delta") received += 1;
        if (received === 3) controller.abort(new Error("client went away"));
      }
    })();
    const next = collect(engine.chat(ask("next", { maxTokens: 5 })));
    await expect(firstDone).rejects.toThrow("client went away");
    const started = Date.now();
    const result = await next;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(received).toBeLessThan(10);
    expect(result.done.finishReason).toBe("length");
    await until(() => engine.status().sequencesInUse === 0);
    expect(engine.status().queued).toBe(0);
  });

  it("an abort frees the sequence even while the consumer has stopped pulling", async () => {
    const controller = new AbortController();
    const stalled = open(engine, ask("stall", { maxTokens: 500 }, { signal: controller.signal }));
    await stalled.next();
    expect(engine.status().sequencesInUse).toBe(1);
    controller.abort();
    await until(() => engine.status().sequencesInUse === 0);
    await expect(stalled.next()).rejects.toThrow();
    const result = await collect(engine.chat(ask("after", { maxTokens: 3 })));
    expect(result.done.usage.completionTokens).toBe(3);
  });

  it("stopping the iteration (return) frees the sequence", async () => {
    const stream = open(engine, ask("partial", { maxTokens: 500 }));
    await stream.next();
    expect(engine.status().sequencesInUse).toBe(1);
    await stream.stop();
    // It is cleared in the background after the stream has ended, and busy until then.
    await until(() => engine.status().sequencesInUse === 0);
  });

  it("an abort while waiting in the queue leaves the queue", async () => {
    const holder = open(engine, ask("hold", { maxTokens: 500 }));
    await holder.next();
    const controller = new AbortController();
    const waiting = collect(engine.chat(ask("wait", {}, { signal: controller.signal })));
    await until(() => engine.status().queued === 1);
    controller.abort(new Error("gave up"));
    await expect(waiting).rejects.toThrow("gave up");
    expect(engine.status().queued).toBe(0);
    await holder.stop();
  });
});

describe("LocalEngine lifecycle", () => {
  it("refuses a missing model file and a model that does not fit in RAM", async () => {
    await expect(load({ modelPath: "/nonexistent/model.gguf" })).rejects.toBeInstanceOf(
      ModelNotFoundError,
    );
    const tight = { ...machine, freeMemoryBytes: 64 * 1024 * 1024 };
    const error = await load({
      modelPath: realModelPath,
      machine: tight,
      sequences: 4,
      contextSize: 4096,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InsufficientMemoryError);
    expect((error as Error).message).toMatch(/needs about \d+ MiB.*only 64 MiB is free/s);
  });

  it("close stops running and queued requests; later calls fail clearly", async () => {
    const engine = await load({
      modelPath: tinyModelPath,
      sequences: 1,
      contextSize: 512,
      maxQueue: 2,
    });
    const running = open(engine, ask("run", { maxTokens: 400 }));
    await running.next();
    const queued = collect(engine.chat(ask("queued"))).catch((error: unknown) => error);
    await until(() => engine.status().queued === 1);
    await engine.close();
    expect(await queued).toBeInstanceOf(ServiceUnavailableError);
    await expect(running.next()).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(collect(engine.chat(ask("late")))).rejects.toThrow(/has been closed/);
    await expect(engine.embed(["late"])).rejects.toBeInstanceOf(ServiceUnavailableError);
    await engine.close(); // idempotent
  });

  it("is disposed at the end of an `await using` block", async () => {
    let disposed: LocalEngine | undefined;
    {
      await using engine = await load({ modelPath: tinyModelPath, sequences: 1, contextSize: 256 });
      disposed = engine;
      expect(
        (await collect(engine.chat(ask("hi", { maxTokens: 2 })))).done.usage.completionTokens,
      ).toBe(2);
    }
    await expect(disposed.embed(["after"])).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe("benchmarkDirect (the baseline the benchmark compares the server with)", () => {
  it("measures prompt and generation speed per stream and aggregate throughput per concurrency", async () => {
    const runs = await benchmarkDirect({
      modelPath: tinyModelPath,
      threads: 2,
      concurrency: [1, 2],
      messages: [{ role: "user", content: "Say something." }],
      maxTokens: 16,
      contextSize: 256,
    });
    expect(runs.map((run) => [run.concurrency, run.streams.length])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    for (const run of runs) {
      expect(run.aggregateTokensPerSecond).toBeGreaterThan(0);
      for (const stream of run.streams) {
        expect(stream.promptTokens).toBeGreaterThan(2);
        expect(stream.completionTokens).toBe(16);
        expect(stream.timeToFirstTokenMs).toBeGreaterThan(0);
        expect(stream.generationTokensPerSecond).toBeGreaterThan(0);
      }
    }
  });
});

// Behaviour needs a real instruction-tuned model.
const spanishWords = [
  "el",
  "la",
  "los",
  "las",
  "de",
  "que",
  "y",
  "en",
  "un",
  "una",
  "es",
  "por",
  "con",
  "para",
  "del",
  "se",
  "su",
  "al",
  "lo",
  "como",
  "más",
  "está",
  "son",
];
const englishWords = [
  "the",
  "and",
  "is",
  "of",
  "to",
  "in",
  "it",
  "that",
  "with",
  "for",
  "are",
  "this",
  "was",
  "on",
];

function countWords(text: string, words: readonly string[]): number {
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return tokens.filter((token) => words.includes(token)).length;
}

describe("LocalEngine behaviour (real model)", () => {
  let engine: LocalEngine;

  beforeAll(async () => {
    engine = await load({ modelPath: realModelPath, sequences: 2, contextSize: 2048 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("answers a Spanish question in Spanish, with whole characters", async () => {
    const result = await collect(
      engine.chat(
        ask("¿Por qué es importante beber agua todos los días? Responde en dos frases.", {
          maxTokens: 80,
        }),
      ),
    );
    const spanish = countWords(result.text, spanishWords);
    const english = countWords(result.text, englishWords);
    expect(spanish, result.text).toBeGreaterThanOrEqual(3);
    expect(spanish, result.text).toBeGreaterThan(english);
    expect(result.text).not.toContain("\uFFFD");
  });

  it("requests never see each other's state: the same prompt gives the same answer after others", async () => {
    const before = await collect(engine.chat(ask("Name three colours.", { maxTokens: 30 })));
    await collect(
      engine.chat(ask("Forget everything. Write about elephants in Spanish.", { maxTokens: 30 })),
    );
    const after = await collect(engine.chat(ask("Name three colours.", { maxTokens: 30 })));
    expect(after.text).toBe(before.text);
    // Leftover context would shift every probability, even where the greedy choice stays the same.
    expect(after.done.confidence?.meanLogprob).toBeCloseTo(
      before.done.confidence?.meanLogprob ?? NaN,
      9,
    );
    expect(after.done.confidence?.minLogprob).toBeCloseTo(
      before.done.confidence?.minLogprob ?? NaN,
      9,
    );
  });

  it("follows a json_schema: the answer parses and matches it", async () => {
    const schema = {
      type: "object",
      properties: {
        city: { type: "string", maxLength: 40 },
        country: { type: "string", maxLength: 40 },
        population: { type: "integer" },
      },
      required: ["city", "country", "population"],
      additionalProperties: false,
    };
    const result = await collect(
      engine.chat(
        ask(
          "Describe the capital of Peru as JSON.",
          { maxTokens: 120 },
          {
            responseFormat: { type: "json_schema", name: "city", schema },
          },
        ),
      ),
    );
    expect(result.done.finishReason).toBe("stop");
    const parsed = JSON.parse(result.text) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(["city", "country", "population"]);
    expect(typeof parsed["city"]).toBe("string");
    expect(typeof parsed["country"]).toBe("string");
    expect(Number.isInteger(parsed["population"])).toBe(true);
    expect(result.text).toBe(result.text.trim());
  });

  it("json_object gives a JSON object", async () => {
    const result = await collect(
      engine.chat(
        ask(
          "Give a JSON object with a name and an age.",
          { maxTokens: 120 },
          { responseFormat: { type: "json_object" } },
        ),
      ),
    );
    expect(result.done.finishReason).toBe("stop");
    expect(typeof JSON.parse(result.text)).toBe("object");
  });

  it("ends at a stop string, which never appears in the output", async () => {
    const question = "List five fruits, one per line.";
    const free = await collect(engine.chat(ask(question, { maxTokens: 60 })));
    // A stop string taken from the middle of the unconstrained answer.
    const stop = free.text.slice(
      Math.floor(free.text.length / 2),
      Math.floor(free.text.length / 2) + 3,
    );
    expect(stop.length).toBe(3);
    const stopped = await collect(engine.chat(ask(question, { maxTokens: 60, stop: [stop] })));
    expect(stopped.done.finishReason).toBe("stop");
    expect(stopped.text).not.toContain(stop);
    expect(stopped.text).toBe(free.text.slice(0, free.text.indexOf(stop)));
  });

  it("with a seed and temperature > 0, the same seed gives the same answer and another seed another", async () => {
    const sampled = (seed: number) =>
      collect(
        engine.chat(
          ask("Write a short poem about the sea.", {
            temperature: 1,
            topP: 1,
            seed,
            maxTokens: 40,
          }),
        ),
      );
    const first = await sampled(42);
    const again = await sampled(42);
    const other = await sampled(7);
    expect(again.text).toBe(first.text);
    expect(other.text).not.toBe(first.text);
  });
});
