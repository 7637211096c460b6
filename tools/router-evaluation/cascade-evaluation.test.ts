import { describe, expect, it } from "vitest";
import { Pricing } from "../../src/accounting/pricing.js";
import type { ChatEvent, ChatRequest } from "../../src/core/chat.js";
import { ScriptedBackend } from "../../test/support/scripted-backend.js";
import { evaluateCascade } from "./cascade-evaluation.js";
import type { CascadeTask } from "./cascade-tasks.js";

/** What a fake model says to task n: its tokens and each token's log-probability. */
type Script = (task: number) => { tokens: string[]; logprobs: number[] };

/** A ScriptedBackend whose answer depends on the task number found in the prompt. */
class AnswerKeyBackend extends ScriptedBackend {
  readonly #script: Script;
  available = true;

  constructor(model: string, script: Script) {
    super(model);
    this.#script = script;
  }

  override async *chat(request: ChatRequest): AsyncGenerator<ChatEvent> {
    this.requests.push(request);
    const task = Number(/Pergunta (\d+)/u.exec(request.messages[0]?.content ?? "")?.[1]);
    const { tokens, logprobs } = this.#script(task);
    for (const [index, token] of tokens.entries()) {
      await Promise.resolve();
      const logprob = logprobs[index] ?? 0;
      yield {
        type: "delta",
        text: token,
        logprobs: request.logprobs ? [{ token, logprob, bytes: [], topLogprobs: [] }] : [],
      };
    }
    yield { type: "done", finishReason: "stop", usage: { promptTokens: 7, completionTokens: 1 } };
  }

  isAvailable(): boolean {
    return this.available;
  }
}

const tasks: CascadeTask[] = Array.from({ length: 10 }, (_, index) => ({
  id: `q${index}`,
  language: "pt",
  question: `Pergunta ${index}: qual é a certa?`,
  options: ["um", "dois", "três", "quatro", "cinco"],
  answer: { kind: "choice", letter: "C" },
}));

/**
 * The local model is right on tasks 0–4, evenly unsure (every token at −0.4), and wrong on 5–9
 * with one very unlikely token (about −3) in an otherwise certain answer: the mean hides the doubt (it ranks
 * the wrong answers above the right ones), the least likely token shows it.
 */
const localScript: Script = (task) =>
  task < 5
    ? { tokens: ["Letra", " C"], logprobs: [-0.4, -0.4] }
    : {
        tokens: ["Letra", " B", ",", " pois", " o", " texto", " diz", "."],
        logprobs: [0, -3 - task / 100, 0, 0, 0, 0, 0, 0],
      };
/** The cloud is right everywhere except task 0. */
const cloudScript: Script = (task) => ({ tokens: [task === 0 ? "A" : "C"], logprobs: [-0.1] });

function setup(signal: "mean" | "min") {
  const local = new AnswerKeyBackend("small-model", localScript);
  const cloud = new AnswerKeyBackend("big-model", cloudScript);
  let time = 0;
  const progress: number[] = [];
  const evaluation = evaluateCascade({
    tasks,
    backends: { local, cloud: () => cloud },
    target: { provider: "lan", model: "big-model" },
    threshold: 0.5,
    signal,
    pricing: new Pricing({
      local: { input: 0, output: 0 },
      models: { "big-model": { input: 1, output: 2 } },
      referenceModel: "big-model",
      referenceEmbeddingModel: "big-model",
    }),
    now: () => (time += 10),
    onProgress: ({ done }) => progress.push(done),
  });
  return { local, cloud, evaluation, progress };
}

describe("evaluateCascade", () => {
  it("measures local, cloud and the cascade; the min signal escalates exactly the wrong answers", async () => {
    const { local, cloud, evaluation, progress } = setup("min");
    const result = await evaluation;
    const byName = Object.fromEntries(result.strategies.map((entry) => [entry.strategy, entry]));
    expect(byName["local"]).toMatchObject({ accuracy: 0.5, cloudShare: 0, costUsd: 0 });
    expect(byName["cloud"]).toMatchObject({ accuracy: 0.9, cloudShare: 1 });
    expect(byName["cloud"]?.costUsd).toBeCloseTo(10 * 9e-6, 12);
    // Every wrong local answer goes up, every right one stays: better than either model alone.
    expect(byName["cascade"]).toMatchObject({ accuracy: 1, cloudShare: 0.5, answeredShare: 1 });
    expect(byName["cascade"]?.costUsd).toBeCloseTo(5 * 9e-6, 12);
    expect(byName["cascade-replay"]).toMatchObject({ accuracy: 1, cloudShare: 0.5 });
    expect(byName["cascade-replay"]).toMatchObject({ meanLatencyMs: 15, p95LatencyMs: 20 });
    expect(result.agreement).toEqual({ sameRoute: 10, sameAnswer: 10, maxConfidenceDifference: 0 });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // Greedy, short, and the local model asked for token probabilities only where they are used.
    expect(local.requests[0]?.sampling).toEqual({ temperature: 0, maxTokens: 16 });
    expect(local.requests).toHaveLength(20);
    expect(cloud.requests).toHaveLength(15);
    expect(cloud.requests.every((request) => request.logprobs === undefined)).toBe(true);
    expect(cloud.requests[0]?.model).toBe("big-model");
  });

  it("ranks the signals by how well they separate right from wrong local answers", async () => {
    const { analysis, outcomes } = await setup("min").evaluation;
    const auroc = Object.fromEntries(analysis.signals.map((entry) => [entry.signal, entry.auroc]));
    expect(auroc).toEqual({ mean: 0, min: 1, tail: 1 });
    expect(analysis.best).toBe("min");
    expect(analysis.oracleAccuracy).toBe(1);
    expect(outcomes[5]?.local.confidences.min).toBeCloseTo(Math.exp(-3.05), 9);
    expect(outcomes[5]?.local.confidences.mean).toBeCloseTo(Math.exp(-3.05 / 8), 9);
    expect(outcomes[5]?.local.confidences.tail).toBeCloseTo(Math.exp(-3.05 / 2), 9);

    const at = (signal: string) => analysis.signals.find((entry) => entry.signal === signal);
    // Half to the cloud: the min signal sends the five wrong answers, the mean the five right ones.
    expect(at("min")?.atShares[1]).toMatchObject({
      targetShare: 0.5,
      cloudShare: 0.5,
      accuracy: 1,
    });
    expect(at("mean")?.atShares[1]).toMatchObject({ cloudShare: 0.5, accuracy: 0.4 });
    expect(at("min")?.atShares[0]).toMatchObject({
      targetShare: 0.2,
      cloudShare: 0.2,
      accuracy: 0.7,
    });
    expect(analysis.randomAt[1]?.accuracy).toBeCloseTo(0.7, 12);
    // The curve starts with every answer local and ends with every answer from the cloud.
    const curve = at("min")?.curve ?? [];
    expect(curve[0]).toMatchObject({ cloudShare: 0, accuracy: 0.5 });
    expect(curve.at(-1)).toMatchObject({ cloudShare: 1, accuracy: 0.9 });
  });

  it("with the mean signal the real cascade keeps the confident wrong answers, as the replay predicts", async () => {
    const { evaluation } = setup("mean");
    const result = await evaluation;
    const cascade = result.strategies.find((entry) => entry.strategy === "cascade");
    expect(cascade).toMatchObject({ accuracy: 0.5, cloudShare: 0 });
    expect(result.agreement.sameRoute).toBe(10);
  });

  it("names the task and the strategy when the cloud cannot answer", async () => {
    const { cloud, evaluation } = setup("min");
    cloud.available = false;
    await expect(evaluation).rejects.toThrow(/^Task "q5", cascade: .*cannot be reached/u);
  });
});
