import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ColibriError, InvalidRequestError } from "../core/errors.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../core/records/store.js";
import type { UsageRecord } from "../core/records/usage.js";
import { Administration } from "./administration.js";
import { hashApiKey } from "./api-keys.js";

const now = Date.UTC(2025, 5, 15, 12, 30, 15);
let home: string;
let store: Store;
let admin: Administration;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-administration-"));
  store = await openStore({ url: "sqlite::memory:", home });
  admin = new Administration({ store, now: () => now, pricing: { referenceModel: "gpt-4o" } });
});

afterEach(async () => {
  await store.close();
  await rm(home, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<ColibriError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ColibriError);
  return error as ColibriError;
}

describe("keys", () => {
  it("creates a tenant key, creating its tenant, and stores only the key's hash", async () => {
    const created = await admin.createKey({
      tenant: "acme",
      name: "mobile app",
      limits: { budgetUsdMonth: 25, requestsPerMinute: 60 },
    });
    expect(created.key).toMatch(/^sk-col-[\w-]{32}$/);
    expect(created.tenant).toMatchObject({ name: "acme", budgetUsdMonth: null });
    expect(created.record).toMatchObject({
      kind: "tenant",
      tenant: "acme",
      tenantId: created.tenant?.id,
      name: "mobile app",
      prefix: created.key.slice(0, 15),
      budgetUsdMonth: 25,
      budgetUsdDay: null,
      requestsPerMinute: 60,
      tokensPerMinute: null,
      createdAt: now,
      revokedAt: null,
    });
    expect(created.record).not.toHaveProperty("hash");

    const stored = await store.keys.findByHash(hashApiKey(created.key));
    expect(stored?.id).toBe(created.record.id);
    expect(JSON.stringify(stored)).not.toContain(created.key);
  });

  it("creates admin keys without a tenant, and refuses a tenant or limits on them", async () => {
    const created = await admin.createKey({ kind: "admin", name: "ops" });
    expect(created.tenant).toBeNull();
    expect(created.record).toMatchObject({ kind: "admin", tenantId: null, tenant: null });
    expect(await store.keys.hasActiveAdmin()).toBe(true);

    const both = await rejection(admin.createKey({ kind: "admin", tenant: "acme" }));
    expect(both.message).toContain("not both");
    const limited = await rejection(
      admin.createKey({ kind: "admin", limits: { requestsPerMinute: 5 } }),
    );
    expect(limited.message).toContain("Admin keys have no limits");
    expect(await store.tenants.list()).toEqual([]);
  });

  it("rejects bad tenant names and limits with the rule in the message", async () => {
    const badName = await rejection(admin.createKey({ tenant: "acme/corp" }));
    expect(badName).toBeInstanceOf(InvalidRequestError);
    expect(badName.message).toContain('Invalid tenant name "acme/corp"');
    expect(badName.message).toContain("letters (accents included), digits, spaces");

    for (const limits of [
      { budgetUsdMonth: 0 },
      { budgetUsdDay: -1 },
      { budgetUsdDay: Number.NaN },
      { requestsPerMinute: 1.5 },
      { tokensPerMinute: 0 },
    ]) {
      const error = await rejection(admin.createKey({ tenant: "acme", limits }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.param).toBe(Object.keys(limits)[0]);
    }
    expect(await rejection(admin.createKey({}))).toBeInstanceOf(InvalidRequestError);
    expect(await store.tenants.list()).toEqual([]);
  });

  it("lists keys newest first, by tenant, with revoked ones only when asked", async () => {
    let time = now;
    const clocked = new Administration({ store, now: () => time });
    const first = await clocked.createKey({ tenant: "acme" });
    time += 1000;
    const second = await clocked.createKey({ tenant: "acme" });
    time += 1000;
    const other = await clocked.createKey({ tenant: "beta" });
    await clocked.revokeKey(first.record.id);

    expect((await clocked.listKeys()).map((key) => key.id)).toEqual([
      other.record.id,
      second.record.id,
    ]);
    const acme = await clocked.listKeys({ tenant: "acme", includeRevoked: true });
    expect(acme.map((key) => key.id)).toEqual([second.record.id, first.record.id]);
    expect(acme[1]).toMatchObject({ tenant: "acme", revokedAt: time });
    expect(acme[0]).not.toHaveProperty("hash");

    const unknown = await rejection(clocked.listKeys({ tenant: "nobody" }));
    expect(unknown).toMatchObject({ code: "tenant_not_found", status: 404 });
    expect(unknown.message).toContain("colibri tenants list");
  });

  it("revokes by id, id start, prefix (with or without …) or whole key", async () => {
    const [byId, byIdStart, byPrefix, byWholeKey] = await Promise.all(
      [1, 2, 3, 4].map(() => admin.createKey({ tenant: "acme" })),
    );
    if (!byId || !byIdStart || !byPrefix || !byWholeKey) throw new Error("keys missing");

    const revoked = await admin.revokeKey(byId.record.id);
    expect(revoked).toMatchObject({ alreadyRevoked: false, record: { id: byId.record.id } });
    expect(revoked.record.revokedAt).toBe(now);
    expect((await admin.revokeKey(byIdStart.record.id.slice(0, 13))).record.id).toBe(
      byIdStart.record.id,
    );
    expect((await admin.revokeKey(`${byPrefix.record.prefix}…`)).record.id).toBe(
      byPrefix.record.id,
    );
    expect((await admin.revokeKey(byWholeKey.key)).record.id).toBe(byWholeKey.record.id);
    expect(await admin.listKeys()).toEqual([]);

    const again = await admin.revokeKey(byId.record.prefix);
    expect(again).toMatchObject({ alreadyRevoked: true, record: { revokedAt: now } });
  });

  it("says when no key or several keys match", async () => {
    await admin.createKey({ tenant: "acme" });
    await admin.createKey({ tenant: "acme" });

    const unknown = await rejection(admin.revokeKey("sk-col-nothere"));
    expect(unknown).toMatchObject({ code: "key_not_found", status: 404 });
    expect(unknown.message).toContain("colibri keys list");
    const wrongKey = await rejection(admin.revokeKey(`sk-col-${"x".repeat(32)}`));
    expect(wrongKey.code).toBe("key_not_found");
    expect(wrongKey.message).not.toContain("x".repeat(32));

    const ambiguous = await rejection(admin.revokeKey("sk-col-"));
    expect(ambiguous).toBeInstanceOf(InvalidRequestError);
    expect(ambiguous.message).toMatch(/matches 2 keys: sk-col-.+ \(id .+\), sk-col-/);
    expect(await admin.listKeys()).toHaveLength(2);

    expect(await rejection(admin.revokeKey("  "))).toBeInstanceOf(InvalidRequestError);
  });
});

describe("tenants", () => {
  it("lists tenants by name with their active keys", async () => {
    await admin.createKey({ tenant: "zeta" });
    const revoked = await admin.createKey({ tenant: "acme" });
    await admin.createKey({ tenant: "acme" });
    await admin.createKey({ kind: "admin" });
    await admin.revokeKey(revoked.record.id);
    await admin.setTenant("empty", { requestsPerMinute: 10 });

    const tenants = await admin.listTenants();
    expect(tenants.map(({ name, activeKeys }) => ({ name, activeKeys }))).toEqual([
      { name: "acme", activeKeys: 1 },
      { name: "empty", activeKeys: 0 },
      { name: "zeta", activeKeys: 1 },
    ]);
  });

  it("sets and removes limits, creating the tenant when it is missing", async () => {
    const first = await admin.setTenant("acme", {
      budgetUsdMonth: 100,
      tokensPerMinute: 5000,
    });
    expect(first.created).toBe(true);
    expect(first.tenant).toMatchObject({
      name: "acme",
      budgetUsdMonth: 100,
      budgetUsdDay: null,
      requestsPerMinute: null,
      tokensPerMinute: 5000,
      createdAt: now,
    });

    const second = await admin.setTenant("acme", { budgetUsdMonth: null, budgetUsdDay: 2.5 });
    expect(second.created).toBe(false);
    expect(second.tenant).toMatchObject({
      budgetUsdMonth: null,
      budgetUsdDay: 2.5,
      tokensPerMinute: 5000,
    });
    expect(await store.tenants.findByName("acme")).toEqual(second.tenant);

    const nothing = await rejection(admin.setTenant("acme", {}));
    expect(nothing.message).toContain("Nothing to change");
    const badName = await rejection(admin.setTenant("-acme", { requestsPerMinute: 1 }));
    expect(badName.message).toContain("Invalid tenant name");
    const badLimit = await rejection(admin.setTenant("acme", { requestsPerMinute: -3 }));
    expect(badLimit.param).toBe("requestsPerMinute");
  });

  it("keeps training pairs only once the tenant consents, and the consent can be taken back", async () => {
    const created = await admin.setTenant("acme", { budgetUsdDay: 5 });
    expect(created.tenant.keepTrainingPairs).toBe(false);
    const on = await admin.setTenant("acme", { keepTrainingPairs: true });
    expect(on.tenant).toMatchObject({ keepTrainingPairs: true, budgetUsdDay: 5 });
    const key = await admin.createKey({ tenant: "acme" });
    const found = await store.keys.findByHashWithTenant(hashApiKey(key.key));
    expect(found?.tenant?.keepTrainingPairs).toBe(true);
    const off = await admin.setTenant("acme", { keepTrainingPairs: false, budgetUsdDay: null });
    expect(off.tenant).toMatchObject({ keepTrainingPairs: false, budgetUsdDay: null });
    expect((await store.tenants.findByName("acme"))?.keepTrainingPairs).toBe(false);
  });

  it("shows a tenant's keys and what it used in the current windows", async () => {
    await admin.setTenant("acme", {
      budgetUsdDay: 1,
      budgetUsdMonth: 10,
      requestsPerMinute: 60,
      tokensPerMinute: 1000,
    });
    const key = await admin.createKey({ tenant: "acme" });
    const revoked = await admin.createKey({ tenant: "acme" });
    await admin.revokeKey(revoked.record.id);

    const tenant = await store.tenants.findByName("acme");
    if (tenant === undefined) throw new Error("tenant missing");
    const window = (period: "minute" | "day" | "month", start: number) => ({
      scope: "tenant" as const,
      scopeId: tenant.id,
      period,
      start,
    });
    const minuteStart = Date.UTC(2025, 5, 15, 12, 30);
    const dayStart = Date.UTC(2025, 5, 15);
    const monthStart = Date.UTC(2025, 5, 1);
    await store.counters.takeRequest(window("minute", minuteStart), 60);
    await store.counters.takeRequest(window("minute", minuteStart), 60);
    await store.counters.add([window("minute", minuteStart)], { tokens: 300, costUsd: 0.25 });
    await store.counters.add([window("day", dayStart)], { tokens: 300, costUsd: 0.25 });
    await store.counters.add([window("month", monthStart)], { tokens: 5000, costUsd: 12 });
    // Yesterday's window does not count today.
    await store.counters.add([window("day", dayStart - 86_400_000)], { tokens: 1, costUsd: 5 });

    const details = await admin.showTenant("acme");
    expect(details.tenant.name).toBe("acme");
    expect(details.activeKeys).toBe(1);
    // Both keys were created in the same millisecond: their order is not defined.
    expect(details.keys.map((shown) => shown.id).sort()).toEqual(
      [revoked.record.id, key.record.id].sort(),
    );
    expect(details.current.minute).toEqual({
      requests: 2,
      tokens: 300,
      requestsPerMinute: 60,
      tokensPerMinute: 1000,
      remainingRequests: 58,
      remainingTokens: 700,
      resetsAt: minuteStart + 60_000,
    });
    expect(details.current.day).toEqual({
      costUsd: 0.25,
      budgetUsd: 1,
      remainingUsd: 0.75,
      resetsAt: Date.UTC(2025, 5, 16),
    });
    expect(details.current.month).toEqual({
      costUsd: 12,
      budgetUsd: 10,
      remainingUsd: 0,
      resetsAt: Date.UTC(2025, 6, 1),
    });

    const unknown = await rejection(admin.showTenant("nobody"));
    expect(unknown).toMatchObject({ code: "tenant_not_found", status: 404 });
  });
});

describe("usage report", () => {
  async function record(
    tenant: string,
    fields: Partial<UsageRecord> & Pick<UsageRecord, "target" | "costUsd" | "referenceCostUsd">,
  ) {
    const { id: tenantId } = await store.tenants.ensure(tenant, now);
    await store.usage.insert({
      id: randomUUID(),
      createdAt: now - 3_600_000,
      requestId: randomUUID(),
      tenantId,
      keyId: null,
      endpoint: "chat.completions",
      model: fields.target === "local" ? "smollm2-135m-instruct" : "gpt-4o-mini",
      stream: false,
      promptTokens: 100,
      completionTokens: 50,
      latencyMs: 20,
      status: 200,
      outcome: "completed",
      route: null,
      reason: null,
      confidence: null,
      findings: null,
      language: null,
      responseId: null,
      ...fields,
    });
  }

  it("totals requests, tokens, spend and saving per tenant and target", async () => {
    await record("acme", { target: "local", costUsd: 0.0001, referenceCostUsd: 0.00075 });
    await record("acme", { target: "local", costUsd: 0.0001, referenceCostUsd: 0.00075 });
    await record("acme", {
      target: "openai",
      costUsd: 0.0003,
      referenceCostUsd: 0.0005,
      outcome: "failed",
      status: 502,
      completionTokens: 0,
    });
    await record("beta", { target: "local", costUsd: 0, referenceCostUsd: 0.001 });
    // Outside the range.
    await record("beta", {
      target: "local",
      costUsd: 0,
      referenceCostUsd: 1,
      createdAt: now - 40 * 86_400_000,
    });

    const report = await admin.usageReport({ since: now - 30 * 86_400_000 });
    expect(report).toMatchObject({ until: now + 1, referenceModel: "gpt-4o" });
    expect(report.tenants.map((tenant) => tenant.tenant)).toEqual(["acme", "beta"]);
    const [acme, beta] = report.tenants;
    expect(acme).toMatchObject({
      requests: 3,
      unsuccessful: 1,
      promptTokens: 300,
      completionTokens: 100,
    });
    expect(acme?.costUsd).toBeCloseTo(0.0005, 10);
    expect(acme?.referenceCostUsd).toBeCloseTo(0.002, 10);
    expect(acme?.savingUsd).toBeCloseTo(0.0015, 10);
    expect(acme?.savingPercent).toBeCloseTo(75, 6);
    expect(acme?.targets.map((target) => target.target)).toEqual(["local", "openai"]);
    expect(acme?.targets[0]).toMatchObject({ requests: 2, unsuccessful: 0 });
    expect(acme?.targets[0]?.savingUsd).toBeCloseTo(0.0013, 10);
    expect(acme?.targets[1]).toMatchObject({ requests: 1, unsuccessful: 1, completionTokens: 0 });
    expect(acme?.targets[1]?.savingPercent).toBeCloseTo(40, 6);
    expect(beta).toMatchObject({ requests: 1, costUsd: 0, savingPercent: 100 });

    expect(report.total).toMatchObject({ requests: 4, unsuccessful: 1, promptTokens: 400 });
    expect(report.total.referenceCostUsd).toBeCloseTo(0.003, 10);
    expect(report.total.targets.map((target) => [target.target, target.requests])).toEqual([
      ["local", 3],
      ["openai", 1],
    ]);

    const onlyBeta = await admin.usageReport({ since: 0, tenant: "beta" });
    expect(onlyBeta.tenants).toHaveLength(1);
    expect(onlyBeta.total.requests).toBe(2);
    expect(onlyBeta.total.referenceCostUsd).toBeCloseTo(1.001, 10);

    const before = await admin.usageReport({ since: 0, until: now - 30 * 86_400_000 });
    expect(before.total.requests).toBe(1);
  });

  it("reports nothing as zeros, and refuses an unknown tenant or an empty range", async () => {
    const empty = await admin.usageReport({ since: now - 86_400_000 });
    expect(empty.tenants).toEqual([]);
    expect(empty.total).toMatchObject({
      requests: 0,
      costUsd: 0,
      savingPercent: null,
      targets: [],
    });

    const unknown = await rejection(admin.usageReport({ since: 0, tenant: "nobody" }));
    expect(unknown.code).toBe("tenant_not_found");
    const backwards = await rejection(admin.usageReport({ since: now, until: now - 1 }));
    expect(backwards).toBeInstanceOf(InvalidRequestError);
  });
});
