import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ModelTrial, Store, Tenant } from "../../src/core/records/index.js";
import { openStore } from "../../src/store/index.js";
import { freshDatabases } from "../support/fresh-databases.js";

/*
 * The model registry (issue 25) on both databases: each test gets a new SQLite file or a new
 * PostgreSQL schema (dropped in afterAll).
 */
const { home, backends, cleanUp } = await freshDatabases("registry");

afterAll(cleanUp);

const t0 = Date.UTC(2026, 11, 7, 12);

function trial(overrides: Partial<ModelTrial> = {}): ModelTrial {
  return {
    id: randomUUID(),
    createdAt: t0,
    scope: "all",
    tenantId: null,
    responseId: null,
    model: "smollm2-135m-instruct",
    role: "candidate",
    mode: "shadow",
    escalated: false,
    runaway: false,
    languageMismatch: false,
    failed: false,
    finishReason: "stop",
    latencyMs: 812.5,
    confidence: 0.71,
    agreement: 0.4,
    ...overrides,
  };
}

describe.each(backends)("model registry on $name", (backend) => {
  let store: Store;
  let acme: Tenant;

  beforeEach(async () => {
    store = await openStore({ url: backend.freshUrl(), home });
    acme = await store.tenants.ensure("acme", t0);
  });
  afterEach(async () => {
    await store.close();
  });

  it("registers a model once by name, updating what changed, with its evaluation as JSON", async () => {
    const model = {
      name: "qwen2.5-coder-1.5b-instruct",
      kind: "model" as const,
      source: "qwen2.5-coder-1.5b-instruct",
      sha256: "a".repeat(64),
      sizeBytes: 1_117_320_736,
      licence: "Apache-2.0",
      installedAt: t0,
      evaluation: null,
    };
    await store.models.register(model);
    await store.models.register({ ...model, sizeBytes: 5_000_000_000 });
    expect(await store.models.list()).toEqual([{ ...model, sizeBytes: 5_000_000_000 }]);
    expect(await store.models.setEvaluation(model.name, { requests: 40, escalation: 0.25 })).toBe(
      true,
    );
    expect(await store.models.setEvaluation("missing", { requests: 1 })).toBe(false);
    expect((await store.models.list())[0]?.evaluation).toEqual({ requests: 40, escalation: 0.25 });
    // Registered again at the next start: the evaluation stays.
    await store.models.register(model);
    expect((await store.models.list())[0]?.evaluation).toEqual({ requests: 40, escalation: 0.25 });
  });

  it("keeps one role per scope and model, with a candidate's mode and share", async () => {
    await store.models.assign({
      scope: "all",
      model: "qwen",
      role: "current",
      mode: null,
      share: null,
      updatedAt: t0,
    });
    const candidate = {
      scope: "tenant:acme" as const,
      model: "smollm2",
      role: "candidate" as const,
      mode: "canary" as const,
      share: 0.1,
      updatedAt: t0,
    };
    await store.models.assign(candidate);
    await store.models.assign({ ...candidate, mode: "shadow", share: 0.25, updatedAt: t0 + 1 });
    expect(await store.models.assignments("tenant:acme")).toEqual([
      { ...candidate, mode: "shadow", share: 0.25, updatedAt: t0 + 1 },
    ]);
    expect((await store.models.assignments()).map((row) => row.scope)).toEqual([
      "all",
      "tenant:acme",
    ]);
  });

  it("reads a scope's trials newest first, each with the user's rating of that answer", async () => {
    const beta = await store.tenants.ensure("beta", t0);
    await store.usage.insert({
      id: randomUUID(),
      createdAt: t0,
      requestId: "req-1",
      tenantId: acme.id,
      keyId: null,
      endpoint: "chat.completions",
      model: "smollm2",
      target: "local",
      stream: false,
      promptTokens: 10,
      completionTokens: 5,
      costUsd: 0,
      referenceCostUsd: 0,
      latencyMs: 100,
      status: 200,
      outcome: "completed",
      route: "local",
      reason: "default",
      confidence: null,
      findings: null,
      language: "es",
      responseId: "chatcmpl-1",
    });
    await store.feedback.record({
      id: randomUUID(),
      tenantId: acme.id,
      responseId: "chatcmpl-1",
      keyId: null,
      createdAt: t0,
      rating: "bad",
      correction: null,
      comment: null,
    });
    const rated = trial({
      tenantId: acme.id,
      responseId: "chatcmpl-1",
      mode: "canary",
      createdAt: t0 + 2,
      runaway: true,
      agreement: null,
    });
    // Beta's answer with the same id: not acme's rating.
    const other = trial({ tenantId: beta.id, responseId: "chatcmpl-1", createdAt: t0 + 1 });
    const old = trial({ createdAt: t0 - 10 });
    const current = trial({ model: "qwen", role: "current", mode: "serve", createdAt: t0 + 3 });
    const elsewhere = trial({ scope: "tenant:beta", createdAt: t0 + 4 });
    for (const each of [rated, other, old, current, elsewhere])
      await store.models.recordTrial(each);

    expect(
      await store.models.trials({
        scope: "all",
        since: t0,
        models: ["smollm2-135m-instruct"],
        limit: 10,
      }),
    ).toEqual([
      { ...rated, rating: "bad" },
      { ...other, rating: null },
    ]);
    const both = await store.models.trials({
      scope: "all",
      since: t0,
      models: ["smollm2-135m-instruct", "qwen"],
      limit: 2,
    });
    expect(both.map((row) => row.id)).toEqual([current.id, rated.id]);
    expect(await store.models.trials({ scope: "all", since: 0, models: [], limit: 5 })).toEqual([]);

    // A tenant's purge and the usage retention take its tries with them.
    const removed = await store.transaction((repositories) =>
      repositories.retention.purgeTenant(acme.id, { account: false }),
    );
    expect(removed.model_trials).toBe(1);
    await store.retention.deleteUsage(t0);
    const left = await store.models.trials({
      scope: "all",
      since: 0,
      models: ["smollm2-135m-instruct", "qwen"],
      limit: 10,
    });
    expect(left.map((row) => row.id).sort()).toEqual([other.id, current.id].sort());
  });

  it("keeps every change of model as an event, newest first, by scope", async () => {
    const event = (
      createdAt: number,
      scope: "all" | "tenant:acme",
      kind: "promoted" | "rolled-back",
    ) => ({
      id: randomUUID(),
      createdAt,
      scope,
      kind,
      model: "smollm2",
      previous: "qwen",
      reason: "escalation 0.60 > 0.20 + 0.10 over 40 requests",
      actor: "automatic",
    });
    const first = event(t0, "all", "promoted");
    const second = event(t0 + 1, "tenant:acme", "rolled-back");
    await store.models.recordEvent(first);
    await store.models.recordEvent(second);
    expect(await store.models.events({ limit: 10 })).toEqual([second, first]);
    expect(await store.models.events({ limit: 10, scope: "all" })).toEqual([first]);
    expect(await store.models.events({ limit: 1 })).toEqual([second]);
  });
});
