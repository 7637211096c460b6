import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatBackend, ChatRequest } from "../../src/core/chat.js";
import { nominateCandidate } from "../../src/serving/model-roles.js";
import { loadTestEngine, plumbingModel } from "../support/default-model.js";
import {
  rolloutQuestions,
  startRolloutGateway,
  type RolloutGateway,
} from "../support/rollout-gateway.js";

/*
 * Safe model updates end to end on real models (issue 25), SmolLM2-135M for speed: the plumbing is
 * the point. A copy of the current model is shadowed (its answers agree with the current's, at
 * temperature 0), then promoted by measured quality while requests are under way; a deliberately
 * worse candidate — the same weights sampled at temperature 2, a broken setting — canaries half of
 * the traffic and is rolled back automatically. No request fails along the way.
 */
let started: RolloutGateway;
const closed: string[] = [];

/** A real engine whose sampling setting is broken: every answer at temperature 2. */
function brokenSampling(
  engine: ChatBackend & { close(): Promise<void> },
  name: string,
): ChatBackend {
  return {
    model: name,
    chat: (request: ChatRequest) =>
      engine.chat({ ...request, sampling: { ...request.sampling, temperature: 2, topP: 1 } }),
    embed: (input, signal) => engine.embed(input, signal),
    status: () => engine.status(),
    close: async () => {
      closed.push(name);
      await engine.close();
    },
  };
}

beforeAll(async () => {
  const model = await plumbingModel();
  started = await startRolloutGateway({
    current: "smollm2-current",
    installed: ["smollm2-current", "smollm2-copy", "smollm2-broken"].map((name) => ({
      name,
      kind: "model" as const,
    })),
    rollout: { minRequests: 6, promoteAfter: 6 },
    load: async (name) => {
      const engine = await loadTestEngine(
        { name, path: model.path },
        { sequences: 2, contextSize: 1024 },
      );
      return name === "smollm2-broken" ? brokenSampling(engine, name) : engine;
    },
  });
});

afterAll(async () => {
  await started.gateway.close();
});

const questions = rolloutQuestions;

async function trialsOf(model: string, mode: string) {
  const trials = await started.gateway.store.models.trials({
    scope: "all",
    since: 0,
    models: [model],
    limit: 1000,
  });
  return trials.filter((trial) => trial.mode === mode);
}

const change = () => ({ actor: "test", now: Date.now() });

describe("a candidate model on real engines", () => {
  it("shadowed, then promoted by measured quality with requests under way, then a worse one canaried and rolled back", async () => {
    const { gateway, ask } = started;
    const rollout = gateway.rollout!;
    const { store } = gateway;
    await nominateCandidate(
      store,
      { model: "smollm2-copy", scope: "all", mode: "shadow", share: 1 },
      change(),
    );
    await rollout.tick();

    // Shadow: the users get the current model's answers; the copy answers each afterwards.
    for (const question of questions.slice(0, 6)) {
      expect(await ask(question)).toMatchObject({ status: 200, model: "smollm2-current" });
      // The shadow runs only when the candidate is idle: let it finish before the next.
      for (
        let wait = 0;
        wait < 200 &&
        (await trialsOf("smollm2-copy", "shadow")).length < questions.indexOf(question) + 1;
        wait++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const shadows = await trialsOf("smollm2-copy", "shadow");
    expect(shadows).toHaveLength(6);
    // The same weights at temperature 0 say the same thing.
    expect(shadows.every((trial) => trial.agreement === 1 && !trial.failed)).toBe(true);

    // Promotion: judged equal or better over 6 answers, swapped with requests under way.
    const underWay = questions.slice(0, 3).map((question) => ask(question));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await rollout.tick();
    const answered = await Promise.all(underWay);
    expect(answered.every((answer) => answer.status === 200)).toBe(true);
    expect(rollout.state.decision?.action, rollout.state.decision?.reason).toBe("promote");
    const [promoted] = await store.models.events({ limit: 1 });
    expect(promoted).toMatchObject({
      kind: "promoted",
      model: "smollm2-copy",
      previous: "smollm2-current",
      actor: "automatic",
    });
    expect(gateway.local.model).toBe("smollm2-copy");
    expect(await ask(questions[0] ?? "")).toMatchObject({ status: 200, model: "smollm2-copy" });

    // Canary: the broken candidate serves about half of the traffic; nobody gets an error.
    await nominateCandidate(
      store,
      { model: "smollm2-broken", scope: "all", mode: "canary", share: 0.5 },
      change(),
    );
    await rollout.tick();
    const canaried = [];
    for (let round = 0; round < 3; round++) {
      for (const question of questions) canaried.push(await ask(question));
    }
    expect(canaried.every((answer) => answer.status === 200)).toBe(true);
    const byBroken = canaried.filter((answer) => answer.model === "smollm2-broken").length;
    expect(byBroken).toBeGreaterThanOrEqual(6);
    const usage = await store.usage.list({ since: 0, limit: 1000 });
    expect(usage.filter((record) => record.model === "smollm2-broken")).toHaveLength(byBroken);

    await rollout.tick();
    expect(rollout.state.decision?.action, rollout.state.decision?.reason).toBe("rollback");
    const [rolledBack] = await store.models.events({ limit: 1 });
    expect(rolledBack).toMatchObject({
      kind: "rolled-back",
      model: "smollm2-broken",
      actor: "automatic",
    });
    const evaluation = (await store.models.list()).find(
      (model) => model.name === "smollm2-broken",
    )?.evaluation;
    console.log(`rolled back: ${rolledBack?.reason}; evaluation ${JSON.stringify(evaluation)}`);
    expect(closed).toContain("smollm2-broken");
    const after = await Promise.all(questions.slice(0, 4).map((question) => ask(question)));
    expect(after.every((answer) => answer.status === 200 && answer.model === "smollm2-copy")).toBe(
      true,
    );
  });
});
