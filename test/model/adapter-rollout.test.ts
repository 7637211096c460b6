import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nominateCandidate } from "../../src/serving/model-roles.js";
import { loadTestEngine, plumbingModel } from "../support/default-model.js";
import { writeBrokenSmollm2Adapter } from "../support/lora-adapter-file.js";
import {
  rolloutQuestions,
  startRolloutGateway,
  type RolloutGateway,
} from "../support/rollout-gateway.js";

/*
 * A LoRA adapter through the rollout path on a real model (issue 25): SmolLM2-135M serves; a
 * deliberately broken adapter of it (large random weights on every attention output, written by
 * test/support/lora-adapter-file.ts in llama.cpp's GGUF format) is loaded by the engine with
 * node-llama-cpp's context `lora` option, canaries half of the traffic, and is rolled back
 * automatically. No request fails.
 */
let started: RolloutGateway;
let folder: string;
const closed: string[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "colibri-adapter-"));
  const adapterPath = join(folder, "broken.lora.gguf");
  await writeBrokenSmollm2Adapter(adapterPath);
  const model = await plumbingModel();
  started = await startRolloutGateway({
    current: "smollm2-current",
    installed: [
      { name: "smollm2-current", kind: "model" },
      { name: "smollm2-broken-adapter", kind: "adapter" },
    ],
    rollout: { minRequests: 6 },
    load: async (name) => {
      const engine = await loadTestEngine(
        { name, path: model.path },
        {
          sequences: 2,
          contextSize: 1024,
          ...(name === "smollm2-broken-adapter" ? { adapter: { path: adapterPath } } : {}),
        },
      );
      const close = engine.close.bind(engine);
      engine.close = async () => {
        closed.push(name);
        await close();
      };
      return engine;
    },
  });
});

afterAll(async () => {
  await started.gateway.close();
  await rm(folder, { recursive: true, force: true });
});

describe("a LoRA adapter on a real engine", () => {
  it("a broken adapter canaried on half of the traffic is rolled back automatically, with no request failed", async () => {
    const { gateway, ask } = started;
    const rollout = gateway.rollout!;
    const { store } = gateway;
    await nominateCandidate(
      store,
      { model: "smollm2-broken-adapter", scope: "all", mode: "canary", share: 0.5 },
      { actor: "test", now: Date.now() },
    );
    await rollout.tick();
    // Loaded (a refused load would be the last event, `load-failed`).
    expect((await store.models.events({ limit: 1 }))[0]).toMatchObject({
      kind: "candidate",
      model: "smollm2-broken-adapter",
    });

    // Each answer draws the canary from its random id, so how many the adapter gets of a round is
    // a coin's toss (of 16, fewer than 6 about one run in ten): ask rounds until it has answered
    // 6, at most 6 rounds (then fewer than 6 is about one run in a hundred million).
    const answers: Awaited<ReturnType<typeof ask>>[] = [];
    const adapterAnswers = () =>
      answers.filter((answer) => answer.model === "smollm2-broken-adapter");
    for (let round = 0; round < 6 && (round < 2 || adapterAnswers().length < 6); round++) {
      for (const question of rolloutQuestions) answers.push(await ask(question));
    }
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const byAdapter = adapterAnswers();
    expect(byAdapter.length).toBeGreaterThanOrEqual(6);
    // The adapter changes what the same weights say to the same question at temperature 0.
    const baseAnswers = new Map(
      answers
        .filter((answer) => answer.model === "smollm2-current")
        .map((answer) => [answer.question, answer.text]),
    );
    const compared = byAdapter.filter((answer) => baseAnswers.has(answer.question));
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.every((answer) => baseAnswers.get(answer.question) !== answer.text)).toBe(true);
    console.log(
      `adapter: ${JSON.stringify(compared.slice(0, 2).map((answer) => answer.text))}; base: ${JSON.stringify(compared.slice(0, 2).map((answer) => baseAnswers.get(answer.question)))}`,
    );

    await rollout.tick();
    expect(rollout.state.decision?.action, rollout.state.decision?.reason).toBe("rollback");
    const [rolledBack] = await store.models.events({ limit: 1 });
    expect(rolledBack).toMatchObject({
      kind: "rolled-back",
      model: "smollm2-broken-adapter",
      previous: "smollm2-current",
      actor: "automatic",
    });
    console.log(`rolled back: ${rolledBack?.reason}`);
    expect(closed).toContain("smollm2-broken-adapter");
    const after = await Promise.all(rolloutQuestions.slice(0, 4).map((question) => ask(question)));
    expect(
      after.every((answer) => answer.status === 200 && answer.model === "smollm2-current"),
    ).toBe(true);
  });
});
