import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readMachine } from "../../src/config/machine.js";
import { LocalEngine } from "../../src/engine/local-engine.js";
import { plumbingModel } from "../support/default-model.js";
import { FakeCloud } from "../support/fake-cloud.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * A local sequence is held only while it computes: not while its request waits for a hung cloud
 * (issue 17, item 1), and a finished answer ends before its sequence is cleared for the next
 * request (item 2). A real model (SmolLM2) behind a real listening server.
 */
const sequences = 4;
/** Far above what the local answers below take, so that waiting for it shows. */
const cloudFirstByteMs = 30_000;

let engine: LocalEngine;
let cloud: FakeCloud;
let gateway: TestGateway<LocalEngine>;
let address: string;
/** Requests a test leaves running; aborted after it. */
const leftRunning: AbortController[] = [];

beforeAll(async () => {
  const model = await plumbingModel();
  engine = await LocalEngine.load({
    modelPath: model.path,
    modelName: model.name,
    machine: readMachine(),
    contextSize: 4096,
    sequences,
    logger: () => undefined,
  });
  cloud = await FakeCloud.start();
  gateway = await startTestGateway({
    backend: engine,
    defaultMaxTokens: 64,
    config: {
      providers: [
        {
          name: "hung",
          baseUrl: cloud.url,
          models: { "hung-model": "hung-model" },
          timeouts: {
            connectMs: 1_000,
            firstByteMs: cloudFirstByteMs,
            idleMs: cloudFirstByteMs,
            totalMs: 3 * cloudFirstByteMs,
          },
          retry: { maxRetries: 0 },
        },
      ],
      // Every answer is computed (none comes from the response cache).
      cache: { exact: { mode: "off" } },
      // Every local answer is unsure enough to escalate.
      router: { preRouter: { enabled: false }, cascade: { threshold: 1, holdTokens: 8 } },
    },
  });
  address = await gateway.server.listen();
});

afterEach(async () => {
  for (const controller of leftRunning.splice(0)) controller.abort();
  await waitFor(() => engine.status().sequencesInUse === 0, 20_000);
  cloud.reset();
});

afterAll(async () => {
  await gateway.close();
  await cloud.close();
  await engine.close();
});

/** When a streamed answer's pieces arrived, in ms since it was sent. */
interface StreamTimes {
  firstContent: number | undefined;
  lastContent: number | undefined;
  done: number | undefined;
  text: string;
}

/** Send a streamed chat completion and read its SSE frames, noting when each kind arrived. */
async function stream(body: Record<string, unknown>, signal?: AbortSignal): Promise<StreamTimes> {
  const started = performance.now();
  const response = await fetch(`${address}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...body, stream: true }),
    ...(signal === undefined ? {} : { signal }),
  });
  expect(response.status).toBe(200);
  const times: StreamTimes = {
    firstContent: undefined,
    lastContent: undefined,
    done: undefined,
    text: "",
  };
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body!) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.replace(/^data: /, "");
      const at = performance.now() - started;
      if (data === "[DONE]") {
        times.done = at;
        continue;
      }
      const parsed = JSON.parse(data) as { choices?: { delta?: { content?: string } }[] };
      const content = parsed.choices?.[0]?.delta?.content;
      if (content === undefined || content === "") continue;
      times.text += content;
      times.firstContent ??= at;
      times.lastContent = at;
    }
  }
  return times;
}

/** Send a chat completion and read its JSON body. */
async function complete(body: Record<string, unknown>): Promise<ChatCompletion> {
  const response = await fetch(`${address}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ChatCompletion;
}

interface ChatCompletion {
  choices: { message: { content: string | null } }[];
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; milliseconds: number }> {
  const started = performance.now();
  const value = await work;
  return { value, milliseconds: performance.now() - started };
}

/** Start a streamed request the test does not wait for; it is aborted after the test. */
function leaveRunning(body: Record<string, unknown>): Promise<StreamTimes | undefined> {
  const controller = new AbortController();
  leftRunning.push(controller);
  return stream(body, controller.signal).catch(() => undefined);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const shortQuestion = {
  messages: [{ role: "user", content: "Say hello." }],
  temperature: 0,
  max_tokens: 4,
};

/** A generation that cannot end early: the grammar demands 1,000 numbers. */
const longNumbers = {
  model: "local",
  messages: [{ role: "user", content: "List the numbers from 1 to 1000." }],
  max_tokens: 3000,
  response_format: {
    type: "json_schema",
    json_schema: {
      name: "numbers",
      schema: { type: "array", items: { type: "integer" }, minItems: 1000 },
    },
  },
};

/**
 * Start two generations of `longNumbers` and wait until both are generating; they are stopped
 * after `stopAfterMs` unless the returned timer is cleared first.
 */
async function startTwoLongGenerations(stopAfterMs: number): Promise<NodeJS.Timeout> {
  void leaveRunning(longNumbers);
  void leaveRunning(longNumbers);
  await waitFor(() => engine.status().sequencesInUse === 2, 10_000);
  await new Promise((resolve) => setTimeout(resolve, 500)); // both are generating
  return setTimeout(() => {
    for (const controller of leftRunning) controller.abort();
  }, stopAfterMs);
}

describe("local sequences", () => {
  it("are not held by requests waiting for a hung cloud: a local request is answered at once", async () => {
    cloud.otherwise = { kind: "hang" };
    for (let request = 0; request < sequences; request++) {
      void leaveRunning({
        model: "auto",
        messages: [{ role: "user", content: "Tell me about the sea." }],
        max_tokens: 48,
      });
    }
    // Every one has escalated: its call to the cloud is open and unanswered.
    await waitFor(() => cloud.openRequests === sequences, 20_000);

    const local = await stream({ model: "local", ...shortQuestion });
    expect(local.done).toBeDefined();
    expect(local.text.length).toBeGreaterThan(0);
    // Waiting for the cloud's first byte would take 30 s.
    expect(local.done!).toBeLessThan(10_000);
  });

  it("are cleared after a finished answer has ended: [DONE] does not wait for longer generations", async () => {
    // Unfixed, the short answers end only when the long ones do; stop those after 15 s.
    const stopLong = await startTwoLongGenerations(15_000);

    const [streamed, whole] = await Promise.all([
      stream({ model: "local", ...shortQuestion }),
      timed(complete({ model: "local", ...shortQuestion })),
    ]);
    const stillRunning = engine.status().sequencesInUse;
    clearTimeout(stopLong);
    expect(streamed.lastContent).toBeDefined();
    expect(streamed.done).toBeDefined();
    expect(streamed.done! - streamed.lastContent!).toBeLessThan(5_000);
    expect(whole.value.choices[0]?.message.content).not.toBe("");
    expect(whole.milliseconds).toBeLessThan(5_000);
    // The two long generations were still running when the short answers ended.
    expect(stillRunning).toBeGreaterThanOrEqual(2);
  });

  it("are cleared while longer generations run: finished answers do not use up the sequences", async () => {
    // Unfixed, each short answer's sequence stays waiting to be cleared until the long ones end:
    // after two, no sequence is left and the third waits for them; stop those after 20 s.
    const stopLong = await startTwoLongGenerations(20_000);

    const answers: string[] = [];
    for (let request = 0; request < sequences + 1; request++) {
      const answer = await complete({ model: "local", ...shortQuestion });
      answers.push(answer.choices[0]?.message.content ?? "");
    }
    const stillRunning = engine.status().sequencesInUse;
    clearTimeout(stopLong);
    expect(answers.every((answer) => answer !== "")).toBe(true);
    // More short answers than sequences came and went while the long generations went on.
    expect(stillRunning).toBeGreaterThanOrEqual(2);
  });
});
