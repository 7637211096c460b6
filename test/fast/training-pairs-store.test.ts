import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store, Tenant, TrainingPair } from "../../src/core/records/index.js";
import { openStore } from "../../src/store/index.js";
import { freshDatabases } from "../support/fresh-databases.js";
import { usageRecord } from "../support/usage-record.js";

/*
 * Training pairs (issue 25) on both databases: kept per tenant, read back in pages with the
 * feedback on their answer, and removed with the tenant's data and by the retention period.
 */
const { home, backends, cleanUp } = await freshDatabases("pairs");

afterAll(cleanUp);

const t0 = Date.UTC(2026, 11, 7, 12);
const minute = 60_000;

function pair(tenantId: string, overrides: Partial<TrainingPair> = {}): TrainingPair {
  return {
    id: randomUUID(),
    tenantId,
    responseId: `chatcmpl-${randomUUID()}`,
    createdAt: t0,
    provider: "nube",
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "Responde en español." },
      { role: "user", content: "¿Qué trámite necesita <CPF_1_k3f9q2>?" },
    ],
    answer: "Necesita el formulario 12 firmado por <CPF_1_k3f9q2>.",
    finishReason: "stop",
    ...overrides,
  };
}

describe.each(backends)("training pairs on $name", (backend) => {
  let store: Store;
  let acme: Tenant;
  let beta: Tenant;

  beforeEach(async () => {
    store = await openStore({ url: backend.freshUrl(), home });
    acme = await store.tenants.ensure("acme", t0);
    beta = await store.tenants.ensure("beta", t0);
  });
  afterEach(async () => {
    await store.close();
  });

  it("keeps a tenant's pairs apart from another's and reads them in pages, in the order kept", async () => {
    const kept = [0, 1, 2, 3, 4].map((index) =>
      pair(acme.id, { createdAt: t0 + (index % 2) * minute }),
    );
    for (const entry of kept) await store.trainingPairs.record(entry);
    await store.trainingPairs.record(pair(beta.id));
    const expected = [...kept]
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((entry) => ({ ...entry, rating: null, correction: null }));

    const first = await store.trainingPairs.page({ tenantId: acme.id, limit: 3 });
    const last = first.at(-1);
    if (last === undefined) throw new Error("no first page");
    const second = await store.trainingPairs.page({ tenantId: acme.id, limit: 3, after: last });
    expect([...first, ...second]).toEqual(expected);
    expect(second).toHaveLength(2);
    expect(await store.trainingPairs.page({ tenantId: beta.id, limit: 10 })).toHaveLength(1);
  });

  it("reads each pair with the tenant's feedback on its answer, the correction included", async () => {
    const corrected = pair(acme.id);
    const rated = pair(acme.id, { createdAt: t0 + minute });
    for (const entry of [corrected, rated]) {
      await store.trainingPairs.record(entry);
      await store.usage.insert(usageRecord(acme.id, { responseId: entry.responseId }));
    }
    const feedback = (
      responseId: string | null,
      rating: "good" | "bad",
      correction: string | null,
    ) =>
      store.feedback.record({
        id: randomUUID(),
        tenantId: acme.id,
        responseId: responseId ?? "",
        keyId: null,
        createdAt: t0 + 2 * minute,
        rating,
        correction,
        comment: null,
      });
    expect(await feedback(corrected.responseId, "bad", "Necesita el formulario 14.")).toBe(true);
    expect(await feedback(rated.responseId, "good", null)).toBe(true);

    const read = await store.trainingPairs.page({ tenantId: acme.id, limit: 10 });
    expect(read.map(({ rating, correction }) => ({ rating, correction }))).toEqual([
      { rating: "bad", correction: "Necesita el formulario 14." },
      { rating: "good", correction: null },
    ]);
  });

  it("goes with the tenant's purge, and when older than the retention", async () => {
    await store.trainingPairs.record(pair(acme.id));
    await store.trainingPairs.record(pair(beta.id, { createdAt: t0 + minute }));

    const removed = await store.transaction((repositories) =>
      repositories.retention.purgeTenant(acme.id, { account: false }),
    );
    expect(removed["training_pairs"]).toBe(1);
    expect(await store.trainingPairs.page({ tenantId: acme.id, limit: 10 })).toEqual([]);
    expect(await store.trainingPairs.page({ tenantId: beta.id, limit: 10 })).toHaveLength(1);

    expect(await store.retention.deleteTrainingPairs(t0 + minute)).toBe(0);
    expect(await store.retention.deleteTrainingPairs(t0 + 2 * minute)).toBe(1);
    expect(await store.trainingPairs.page({ tenantId: beta.id, limit: 10 })).toEqual([]);
  });

  it("takes the tenant's consent, off by default, and keeps it apart from its limits", async () => {
    expect(acme.keepTrainingPairs).toBe(false);
    const on = await store.tenants.updateSettings("acme", { keepTrainingPairs: true });
    expect(on).toMatchObject({ keepTrainingPairs: true, budgetUsdDay: null });
    expect(await store.tenants.updateLimits("acme", { budgetUsdDay: 3 })).toMatchObject({
      keepTrainingPairs: true,
      budgetUsdDay: 3,
    });
    expect((await store.tenants.findById(beta.id))?.keepTrainingPairs).toBe(false);
    expect(await store.tenants.updateSettings("nobody", { keepTrainingPairs: true })).toBe(
      undefined,
    );
  });
});
