import { describe, expect, it, vi } from "vitest";
import type { ChatEvent, ChatRequest } from "../core/chat.js";
import { CloudUnavailableError, UpstreamRejectedError } from "../core/errors.js";
import { ScriptedBackend } from "../../test/support/scripted-backend.js";
import type { RoutePlan } from "./decide-route.js";
import type { CloudBackend } from "../core/chat.js";
import { runRoute, type RouteRunOptions } from "./run-route.js";

const target = { provider: "cloud", model: "big-model" };
const cascadePlan: RoutePlan = { route: "cascade", target, reason: "cascade" };
const options: RouteRunOptions = {
  holdTokens: Number.POSITIVE_INFINITY,
  threshold: 0.5,
  signal: "mean",
  whenCloudUnavailable: "local",
};

/** A cloud that answers from a ScriptedBackend, or fails before its first event. */
class FakeCloud implements CloudBackend {
  readonly backend = new ScriptedBackend("big-model");
  available = true;
  failure: Error | undefined;
  /** Until it settles, the cloud has not answered (a slow or hung provider). */
  firstByte: Promise<void> | undefined;
  calls: ChatRequest[] = [];

  constructor() {
    this.backend.tokens = ["Buenos", " Aires"];
  }

  async *chat(request: ChatRequest): AsyncGenerator<ChatEvent> {
    this.calls.push(request);
    await this.firstByte;
    if (this.failure) throw this.failure;
    yield* this.backend.chat(request);
  }

  isAvailable(): boolean {
    return this.available;
  }
}

function setup() {
  const local = new ScriptedBackend("small-model");
  const cloud = new FakeCloud();
  const backends = { local, cloud: () => cloud };
  const request: ChatRequest = {
    messages: [{ role: "user", content: "¿Capital de Argentina?" }],
    sampling: { maxTokens: 16 },
  };
  return { local, cloud, backends, request };
}

async function textOf(events: AsyncIterable<ChatEvent>): Promise<string> {
  let text = "";
  for await (const event of events) if (event.type === "delta") text += event.text;
  return text;
}

describe("runRoute", () => {
  it("cascade: a confident local answer is kept, with its confidence, and logprobs the client did not ask for are dropped", async () => {
    const { local, cloud, backends, request } = setup();
    local.logprob = -0.1;
    const answer = await runRoute(cascadePlan, request, backends, options);
    expect(answer).toMatchObject({ route: "cascade-local", reason: "confident", target: "local" });
    expect(answer.confidence).toBeCloseTo(Math.exp(-0.1), 6);
    const events: ChatEvent[] = [];
    for await (const event of answer.events) events.push(event);
    expect(events.flatMap((event) => (event.type === "delta" ? event.logprobs : []))).toEqual([]);
    expect(local.requests[0]?.logprobs).toEqual({ topLogprobs: 0 });
    expect(cloud.calls).toHaveLength(0);
  });

  it("cascade: an unsure local answer goes to the cloud, and the local sequence is freed", async () => {
    const { local, cloud, backends, request } = setup();
    local.logprob = -2;
    const answer = await runRoute(cascadePlan, request, backends, options);
    expect(answer).toMatchObject({
      route: "cascade-cloud",
      reason: "low-confidence",
      target: "cloud",
      model: "big-model",
      degraded: false,
    });
    expect(answer.confidence).toBeCloseTo(Math.exp(-2), 6);
    expect(await textOf(answer.events)).toBe("Buenos Aires");
    expect(cloud.calls[0]?.model).toBe("big-model");
    expect(local.active).toBe(0);
  });

  it("cascade while streaming decides on the first holdTokens tokens and replays them", async () => {
    const { local, backends, request } = setup();
    local.logprob = -0.1;
    const answer = await runRoute(cascadePlan, request, backends, { ...options, holdTokens: 2 });
    expect(local.requests).toHaveLength(1);
    expect(answer.route).toBe("cascade-local");
    expect(await textOf(answer.events)).toBe("Hola, ¿qué tal?");
  });

  it("cascade while streaming: while a hung cloud is asked, the local answer is read to its end and its sequence freed", async () => {
    const { local, cloud, backends, request } = setup();
    local.logprob = -2;
    let answerCloud!: () => void;
    cloud.firstByte = new Promise((resolve) => (answerCloud = resolve));
    const routed = runRoute(cascadePlan, request, backends, { ...options, holdTokens: 2 });
    await vi.waitFor(() => {
      expect(cloud.calls).toHaveLength(1);
    });
    await vi.waitFor(() => {
      expect(local.active).toBe(0);
    });

    cloud.failure = new CloudUnavailableError("timed out", { provider: "cloud" });
    answerCloud();
    const answer = await routed;
    expect(answer).toMatchObject({ route: "cascade-local", degraded: true });
    expect(await textOf(answer.events)).toBe("Hola, ¿qué tal?");
  });

  it("cascade while streaming: once the cloud answers, the local answer still being read is stopped", async () => {
    const { local, backends, request } = setup();
    local.logprob = -2;
    local.tokens = Array.from({ length: 200 }, () => " mar");
    local.tokenDelayMs = 5;
    const answer = await runRoute(cascadePlan, request, backends, { ...options, holdTokens: 2 });
    expect(answer.route).toBe("cascade-cloud");
    expect(local.active).toBe(0);
    expect(await textOf(answer.events)).toBe("Buenos Aires");
  });

  it("cascade: an unsure answer with the cloud down is kept locally and marked degraded", async () => {
    const { local, cloud, backends, request } = setup();
    local.logprob = -2;
    cloud.available = false;
    const answer = await runRoute(cascadePlan, request, backends, options);
    expect(answer).toMatchObject({
      route: "cascade-local",
      reason: "cloud-unavailable",
      degraded: true,
    });
    expect(await textOf(answer.events)).toBe("Hola, ¿qué tal?");

    cloud.available = true;
    cloud.failure = new CloudUnavailableError("refused", { provider: "cloud" });
    const refused = await runRoute(cascadePlan, request, backends, options);
    expect(refused).toMatchObject({ route: "cascade-local", degraded: true });
    expect(await textOf(refused.events)).toBe("Hola, ¿qué tal?");
  });

  it("cascade with whenCloudUnavailable fail: a 503 instead of an unsure answer", async () => {
    const { local, cloud, backends, request } = setup();
    local.logprob = -2;
    cloud.available = false;
    await expect(
      runRoute(cascadePlan, request, backends, { ...options, whenCloudUnavailable: "fail" }),
    ).rejects.toMatchObject({ code: "cloud_unavailable", status: 503 });
    expect(local.active).toBe(0);
  });

  it("cascade: a confident but flawed local answer escalates, and the reason names the flaw", async () => {
    const cases: { tokens: string[]; maxTokens?: number; question?: string; reason: string }[] = [
      { tokens: Array.from({ length: 6 }, () => "La capital es Córdoba. "), reason: "repetition" },
      { tokens: ["Buenos", " Aires", " es", " la"], maxTokens: 3, reason: "length" },
      { tokens: ["Lo siento,", " no puedo", " ayudar."], reason: "refusal" },
      {
        tokens: ["La capital", " de Brasil", " es Brasilia", " y es una ciudad."],
        question: "Qual é a capital do Brasil?",
        reason: "language",
      },
      { tokens: [" "], reason: "empty" },
    ];
    for (const { tokens, maxTokens, question, reason } of cases) {
      const { local, cloud, backends, request } = setup();
      local.logprob = -0.01;
      local.tokens = tokens;
      const asked: ChatRequest = {
        ...request,
        ...(question === undefined ? {} : { messages: [{ role: "user", content: question }] }),
        sampling: { maxTokens: maxTokens ?? 64 },
      };
      const answer = await runRoute(cascadePlan, asked, backends, options);
      expect(answer, reason).toMatchObject({ route: "cascade-cloud", reason, confidence: 0 });
      expect(await textOf(answer.events)).toBe("Buenos Aires");
      expect(cloud.calls).toHaveLength(1);
    }
  });

  it("cascade: a flawed answer the probabilities alone escalate keeps the reason low-confidence", async () => {
    const { local, backends, request } = setup();
    local.logprob = -2;
    local.tokens = Array.from({ length: 6 }, () => "La capital es Córdoba. ");
    const answer = await runRoute(cascadePlan, request, backends, options);
    expect(answer).toMatchObject({
      route: "cascade-cloud",
      reason: "low-confidence",
      confidence: 0,
    });
  });

  it("cascade: JSON that fails the requested schema escalates as invalid-json", async () => {
    const { local, backends, request } = setup();
    local.logprob = -0.01;
    local.tokens = ['{"total": ', '"ciento"}'];
    const answer = await runRoute(
      cascadePlan,
      {
        ...request,
        responseFormat: {
          type: "json_schema",
          name: "invoice",
          schema: {
            type: "object",
            properties: { total: { type: "number" } },
            required: ["total"],
          },
        },
      },
      backends,
      options,
    );
    expect(answer).toMatchObject({ route: "cascade-cloud", reason: "invalid-json" });
  });

  it("cascade while streaming: a loop within the held tokens escalates before anything is sent", async () => {
    const { local, cloud, backends, request } = setup();
    local.logprob = -0.01;
    local.tokens = Array.from({ length: 40 }, () => " hola hola");
    const answer = await runRoute(cascadePlan, request, backends, { ...options, holdTokens: 8 });
    expect(answer).toMatchObject({ route: "cascade-cloud", reason: "repetition" });
    expect(cloud.calls).toHaveLength(1);
    expect(local.active).toBe(0);
  });

  it("cascade: an answer the engine marked as a runaway escalates even when its text looks fine", async () => {
    const { local, backends, request } = setup();
    local.logprob = -0.01;
    const flagged: typeof backends = {
      ...backends,
      local: Object.assign(Object.create(local) as typeof local, {
        async *chat(asked: ChatRequest): AsyncGenerator<ChatEvent> {
          for await (const event of local.chat(asked)) {
            // The engine's loop stop marks its final event so (ChatEvent's `runaway`).
            const marked = { ...event, runaway: true };
            yield event.type === "done" ? marked : event;
          }
        },
      }),
    };
    const answer = await runRoute(cascadePlan, request, flagged, options);
    expect(answer).toMatchObject({ route: "cascade-cloud", reason: "repetition" });
  });

  it("cascade: a full local queue asks the cloud", async () => {
    const { local, backends, request } = setup();
    local.busy = true;
    const answer = await runRoute(cascadePlan, request, backends, options);
    expect(answer).toMatchObject({ route: "cascade-cloud", reason: "local-busy" });
  });

  it("cloud: an unreachable cloud degrades to local, or fails by policy; a rejected request is not degraded", async () => {
    const { cloud, backends, request } = setup();
    const plan: RoutePlan = { route: "cloud", target, reason: "pre-router" };
    cloud.failure = new CloudUnavailableError("refused", { provider: "cloud" });
    const answer = await runRoute(plan, request, backends, options);
    expect(answer).toMatchObject({ route: "local", reason: "cloud-unavailable", degraded: true });
    await answer.events.close();
    await expect(
      runRoute(plan, request, backends, { ...options, whenCloudUnavailable: "fail" }),
    ).rejects.toBeInstanceOf(CloudUnavailableError);
    cloud.failure = new UpstreamRejectedError({
      provider: "cloud",
      upstreamStatus: 400,
      providerMessage: "bad request",
    });
    await expect(runRoute(plan, request, backends, options)).rejects.toBeInstanceOf(
      UpstreamRejectedError,
    );
  });
});
