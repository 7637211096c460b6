import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { rolloutSchema } from "../../src/config/rollout-schema.js";
import type { ChatBackend } from "../../src/core/chat.js";
import { InsufficientMemoryError } from "../../src/core/errors.js";
import type { RatedTrial, RegisteredModel } from "../../src/core/records/index.js";
import { buildGateway, type Gateway } from "../../src/gateway/build-gateway.js";
import {
  endCandidate,
  nominateCandidate,
  promoteCandidate,
  recordCurrent,
} from "../../src/serving/model-roles.js";
import { decideRollout, summarise } from "../../src/serving/rollout-policy.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { testAuditKey } from "../support/test-gateway.js";

/*
 * Safe model updates (issue 25) with scripted engines: a candidate shadowed or canaried beside the
 * current model, judged on the cascade's signals, feedback, errors and latency, promoted or rolled
 * back with an audited event, and swapped without failing a request in flight.
 */

class ClosableBackend extends ScriptedBackend {
  closed = false;
  override close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

const adminKey = "admin-key-0123456789abcdef";
let gateway: Gateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

function registered(name: string): RegisteredModel {
  return {
    name,
    kind: "model",
    source: name,
    sha256: "0".repeat(64),
    sizeBytes: 1000,
    licence: "Apache-2.0",
    installedAt: 0,
    evaluation: null,
  };
}

async function start(
  current: ChatBackend,
  engines: Record<string, ChatBackend | Error>,
  rollout: Record<string, unknown> = {},
) {
  const config = parseConfig({
    home: "/tmp/colibri-unused",
    database: "sqlite::memory:",
    server: { port: 0, auth: true, adminKey },
    model: { rollout: { pollSeconds: 3600, minRequests: 10, ...rollout } },
    router: { preRouter: { enabled: false } },
  });
  gateway = await buildGateway(config, {
    backend: current,
    ownsBackend: true,
    auditKey: testAuditKey,
    defaultMaxTokens: 32,
    modelRollout: {
      load: (model) => {
        const engine = engines[model];
        if (engine instanceof Error) return Promise.reject(engine);
        if (engine === undefined) return Promise.reject(new Error(`no ${model}`));
        return Promise.resolve(engine);
      },
      installed: () =>
        Promise.resolve([current.model, ...Object.keys(engines)].map((name) => registered(name))),
    },
  });
  const address = await gateway.server.listen();
  const keys: Record<string, string> = {};
  const ask = async (
    tenant: string,
    content = "¿Cuál es la capital de Chile?",
    extra: Record<string, unknown> = {},
  ) => {
    keys[tenant] ??= (await gateway!.administration.createKey({ tenant })).key;
    const response = await fetch(`${address}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${keys[tenant]}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "local", messages: [{ role: "user", content }], ...extra }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { gateway, ask, store: gateway.store, rollout: gateway.rollout! };
}

const change = () => ({ actor: "cli", now: Date.now() });

describe("rollout policy", () => {
  const settings = rolloutSchema.parse({ minRequests: 10, promoteAfter: 20 });
  const trial = (overrides: Partial<RatedTrial> = {}): RatedTrial => ({
    id: "x",
    createdAt: 0,
    scope: "all",
    tenantId: null,
    responseId: null,
    model: "m",
    role: "candidate",
    mode: "canary",
    escalated: false,
    runaway: false,
    languageMismatch: false,
    failed: false,
    finishReason: "stop",
    latencyMs: 100,
    confidence: 0.8,
    agreement: null,
    rating: null,
    ...overrides,
  });
  const many = (count: number, overrides: (index: number) => Partial<RatedTrial> = () => ({})) =>
    Array.from({ length: count }, (_, index) => trial(overrides(index)));
  const current = summarise(many(30), true);

  it("waits for the minimum number of candidate answers", () => {
    const decision = decideRollout(
      current,
      summarise(
        many(9, () => ({ runaway: true })),
        true,
      ),
      "canary",
      settings,
    );
    expect(decision.action).toBe("wait");
  });

  it("rolls back on the first signal worse than the current model's by more than its margin", () => {
    // 2 of 10 runaway (20 %) against none, margin 5 %.
    const runaway = summarise(
      many(10, (i) => ({ runaway: i < 2 })),
      true,
    );
    expect(decideRollout(current, runaway, "canary", settings)).toMatchObject({
      action: "rollback",
      reason: expect.stringContaining("runaway 20.0 %") as string,
    });
    // 1 of 20 (5 %) is within the margin.
    expect(
      decideRollout(
        current,
        summarise(
          many(20, (i) => ({ runaway: i < 1 })),
          true,
        ),
        "canary",
        settings,
      ).action,
    ).toBe("wait");
    const slow = summarise(
      many(10, () => ({ latencyMs: 151 })),
      true,
    );
    expect(decideRollout(current, slow, "canary", settings).action).toBe("rollback");
    // A shadow answer's latency is not the user's, and nobody rates it.
    expect(
      decideRollout(
        current,
        summarise(
          many(10, () => ({ latencyMs: 151 })),
          false,
        ),
        "shadow",
        settings,
      ).action,
    ).toBe("wait");
    const disliked = summarise(
      many(10, (i) => ({ rating: i < 3 ? "bad" : null })),
      true,
    );
    expect(decideRollout(current, disliked, "canary", settings).reason).toContain(
      "bad feedback 30.0 %",
    );
    expect(
      decideRollout(
        current,
        summarise(
          many(10, () => ({ failed: true })),
          true,
        ),
        "canary",
        settings,
      ).reason,
    ).toContain("errors");
    expect(
      decideRollout(
        current,
        summarise(
          many(10, () => ({ escalated: true })),
          true,
        ),
        "canary",
        settings,
      ).reason,
    ).toContain("escalation");
  });

  it("compares a shadow candidate's quality with the current's over the same signals", () => {
    const half = (i: number) => ({ escalated: i % 2 === 0 });
    const rated = summarise(many(30, half), true);
    expect(decideRollout(rated, summarise(many(20, half), false), "shadow", settings).action).toBe(
      "promote",
    );
  });

  it("promotes after promoteAfter answers when its quality is at least the current's", () => {
    expect(decideRollout(current, summarise(many(20), true), "canary", settings)).toMatchObject({
      action: "promote",
    });
    const worse = summarise(
      many(20, (i) => ({ escalated: i < 1 })),
      true,
    );
    expect(decideRollout(current, worse, "canary", settings).action).toBe("wait");
    expect(
      decideRollout(current, summarise(many(20), true), "canary", {
        ...settings,
        promoteAfter: null,
      }).action,
    ).toBe("wait");
  });
});

describe("a candidate beside the current model", () => {
  it("canary: serves its share of one tenant's traffic, names itself in the usage records, and is rolled back automatically", async () => {
    const current = new ClosableBackend("good-model");
    const candidate = new ClosableBackend("bad-model");
    candidate.runaway = true;
    const { ask, store, rollout } = await start(current, { "bad-model": candidate });
    await nominateCandidate(
      store,
      { model: "bad-model", scope: "tenant:acme", mode: "canary", share: 0.5 },
      change(),
    );
    await rollout.tick();

    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await ask("acme"));
    for (let i = 0; i < 5; i++) answers.push(await ask("beta"));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const models = answers.map((answer) => answer.body["model"]);
    const byCandidate = models.filter((model) => model === "bad-model").length;
    expect(byCandidate).toBeGreaterThan(5);
    expect(byCandidate).toBeLessThan(35);
    // Beta is outside the candidate's scope.
    expect(models.slice(40)).toEqual(Array(5).fill("good-model"));
    const usage = await store.usage.list({ since: 0, limit: 100 });
    expect(usage.filter((record) => record.model === "bad-model")).toHaveLength(byCandidate);

    await rollout.tick();
    expect(rollout.state.decision).toMatchObject({ action: "rollback" });
    const [event] = await store.models.events({ limit: 1 });
    expect(event).toMatchObject({
      kind: "rolled-back",
      model: "bad-model",
      scope: "tenant:acme",
      actor: "automatic",
    });
    expect(event?.reason).toContain("runaway");
    expect(candidate.closed).toBe(true);
    expect(current.closed).toBe(false);
    const after = await Promise.all(Array.from({ length: 6 }, () => ask("acme")));
    expect(after.map((answer) => answer.body["model"])).toEqual(Array(6).fill("good-model"));
    expect((await store.models.assignments()).find((row) => row.model === "bad-model")?.role).toBe(
      "retired",
    );
  });

  it("shadow: the user only ever gets the current model's answer; the candidate's is measured in the background", async () => {
    const current = new ClosableBackend("good-model");
    const candidate = new ClosableBackend("other-model");
    candidate.tokens = ["Santiago", "."];
    const { ask, store, rollout } = await start(current, { "other-model": candidate });
    await nominateCandidate(
      store,
      { model: "other-model", scope: "all", mode: "shadow", share: 1 },
      change(),
    );
    await rollout.tick();
    for (let i = 0; i < 5; i++) {
      const answer = await ask("acme");
      expect(answer.body["model"]).toBe("good-model");
      expect(JSON.stringify(answer.body)).not.toContain("Santiago");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const trials = await store.models.trials({
      scope: "all",
      since: 0,
      models: ["good-model", "other-model"],
      limit: 50,
    });
    const shadows = trials.filter((trial) => trial.mode === "shadow");
    expect(shadows.length).toBe(5);
    expect(shadows.every((trial) => trial.responseId === null && trial.agreement === 0)).toBe(true);
    expect(trials.filter((trial) => trial.mode === "serve")).toHaveLength(5);
    expect(candidate.requests.every((request) => request.signal !== undefined)).toBe(true);
  });

  it("a shadow answer waits for no one: skipped while the candidate is busy", async () => {
    const current = new ClosableBackend("good-model");
    const candidate = new ClosableBackend("slow-model");
    candidate.tokenDelayMs = 200;
    const { ask, store, rollout } = await start(current, { "slow-model": candidate });
    await nominateCandidate(
      store,
      { model: "slow-model", scope: "all", mode: "shadow", share: 1 },
      change(),
    );
    await rollout.tick();
    await Promise.all(Array.from({ length: 4 }, () => ask("acme")));
    // Every user has an answer while the one shadow answer (0.4 s) is still under way.
    expect(candidate.active).toBe(1);
    expect(candidate.requests.length).toBe(1);
  });

  it("promotion swaps engines without failing a request in flight, then closes the old one", async () => {
    const current = new ClosableBackend("good-model");
    current.tokenDelayMs = 40;
    const candidate = new ClosableBackend("new-model");
    const { ask, store, rollout } = await start(current, { "new-model": candidate });
    await nominateCandidate(
      store,
      { model: "new-model", scope: "all", mode: "shadow", share: 0.01 },
      change(),
    );
    await rollout.tick();
    await ask("acme");
    const inFlight = Array.from({ length: 4 }, () => ask("acme"));
    while (current.active < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    await promoteCandidate(store, "by command", change());
    const swapping = rollout.tick();
    const during = await ask("acme");
    const answers = await Promise.all(inFlight);
    await swapping;
    expect(answers.map((answer) => [answer.status, answer.body["model"]])).toEqual(
      Array(4).fill([200, "good-model"]),
    );
    expect(during.body["model"]).toBe("new-model");
    expect(current.closed).toBe(true);
    expect(candidate.closed).toBe(false);
    const [event] = await store.models.events({ limit: 1 });
    expect(event).toMatchObject({
      kind: "promoted",
      model: "new-model",
      previous: "good-model",
      actor: "cli",
    });
  });

  it("a candidate that does not fit in memory is refused with the reason, as an audited event", async () => {
    const current = new ClosableBackend("good-model");
    const { ask, store, rollout } = await start(current, {
      "huge-model": new InsufficientMemoryError('Not enough free RAM to load "huge-model"'),
    });
    await nominateCandidate(
      store,
      { model: "huge-model", scope: "all", mode: "canary", share: 0.5 },
      change(),
    );
    await rollout.tick();
    const [event] = await store.models.events({ limit: 1 });
    expect(event).toMatchObject({ kind: "load-failed", model: "huge-model" });
    expect(event?.reason).toContain("Not enough free RAM");
    expect((await ask("acme")).body["model"]).toBe("good-model");
  });

  it("names only an installed model that is not already current, with a share in (0, 1]", async () => {
    const { store } = await start(new ClosableBackend("good-model"), {});
    await expect(
      nominateCandidate(
        store,
        { model: "nope", scope: "all", mode: "shadow", share: 0.1 },
        change(),
      ),
    ).rejects.toThrow(/not installed/);
    await expect(
      nominateCandidate(
        store,
        { model: "good-model", scope: "all", mode: "shadow", share: 0.1 },
        change(),
      ),
    ).rejects.toThrow(/already the current/);
    await expect(
      nominateCandidate(
        store,
        { model: "good-model", scope: "all", mode: "shadow", share: 1.5 },
        change(),
      ),
    ).rejects.toThrow(/share/);
    await expect(promoteCandidate(store, "x", change())).rejects.toThrow(/No candidate/);
  });

  it("the model a server starts with is the current one, recorded once, as a promotion when it changed", async () => {
    const first = await start(new ClosableBackend("good-model"), {});
    expect(await first.store.models.events({ limit: 5 })).toEqual([
      expect.objectContaining({ kind: "registered", model: "good-model", actor: "server" }),
    ]);
    await recordCurrent(first.store, "good-model", change());
    await recordCurrent(first.store, "new-model", change());
    const [event] = await first.store.models.events({ limit: 5 });
    expect(event).toMatchObject({ kind: "promoted", model: "new-model", previous: "good-model" });
    const roles = await first.store.models.assignments("all");
    expect(roles.map((row) => [row.model, row.role])).toEqual([
      ["good-model", "retired"],
      ["new-model", "current"],
    ]);
  });

  it("a canary's answer is never cached: once it is withdrawn, the current model answers", async () => {
    const { ask, store, rollout } = await start(new ClosableBackend("good-model"), {
      "new-model": new ClosableBackend("new-model"),
    });
    await nominateCandidate(
      store,
      { model: "new-model", scope: "all", mode: "canary", share: 1 },
      change(),
    );
    await rollout.tick();
    const deterministic = { temperature: 0 };
    expect((await ask("acme", "¿Capital de Perú?", deterministic)).body["model"]).toBe("new-model");
    await endCandidate(store, "withdrawn", "by command", change());
    await rollout.tick();
    expect((await ask("acme", "¿Capital de Perú?", deterministic)).body["model"]).toBe(
      "good-model",
    );
    // The current model's own answer is cached as before.
    const again = await ask("acme", "¿Capital de Perú?", deterministic);
    expect(again.body["model"]).toBe("good-model");
    const usage = await store.usage.list({ since: 0, limit: 10 });
    expect(usage.map((record) => record.target)).toContain("cache");
  });
});
