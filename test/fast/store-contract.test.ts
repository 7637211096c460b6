import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testPostgresUrl } from "../../tools/bench/temporary-database.js";
import { InvalidRequestError, ServiceUnavailableError } from "../../src/core/errors.js";
import {
  openStore,
  parseDatabaseUrl,
  type ApiKeyRecord,
  type CounterWindow,
  type EgressRecord,
  type Feedback,
  type QueuedRequest,
  type Store,
  type StoredBatch,
  type UsageRecord,
} from "../../src/store/index.js";

/*
 * One contract, two databases. Every test gets a database nobody has used: a new SQLite file, or
 * a new PostgreSQL schema named after this run (all dropped in afterAll), so parallel runs and
 * other test files never see each other's rows.
 */

const postgresUrl = testPostgresUrl();
const run = randomBytes(4).toString("hex");
const home = await mkdtemp(join(tmpdir(), "colibri-store-"));

interface Backend {
  name: "sqlite" | "postgres";
  /** The URL of a database (file or schema) nobody has used yet. */
  freshUrl(): string;
  /** Run one SQL statement directly, without the store. */
  execute(url: string, statement: string): Promise<void>;
  cleanUp(): Promise<void>;
}

let databases = 0;

const sqlite: Backend = {
  name: "sqlite",
  freshUrl: () => `sqlite:${join(home, `store-${++databases}.db`)}`,
  execute(url, statement) {
    const target = parseDatabaseUrl(url, home);
    if (target.dialect !== "sqlite") throw new Error(`not a SQLite URL: ${url}`);
    const database = new BetterSqlite3(target.file);
    try {
      database.exec(statement);
    } finally {
      database.close();
    }
    return Promise.resolve();
  },
  async cleanUp() {
    await rm(home, { recursive: true, force: true });
  },
};

const schemas: string[] = [];

async function withPostgres(work: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

const postgres: Backend = {
  name: "postgres",
  freshUrl() {
    const schema = `colibri_test_${run}_${++databases}`;
    schemas.push(schema);
    const url = new URL(postgresUrl);
    url.searchParams.set("schema", schema);
    return url.toString();
  },
  async execute(url, statement) {
    const target = parseDatabaseUrl(url, home);
    if (target.dialect !== "postgres" || target.schema === undefined) {
      throw new Error(`not a PostgreSQL URL with a schema: ${url}`);
    }
    const schema = target.schema;
    await withPostgres(async (client) => {
      await client.query(`create schema if not exists ${schema}`);
      await client.query(`set search_path = ${schema}`);
      await client.query(statement);
    });
  },
  async cleanUp() {
    if (schemas.length === 0) return;
    await withPostgres(async (client) => {
      for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
    });
  },
};

afterAll(async () => {
  await Promise.all([sqlite.cleanUp(), postgres.cleanUp()]);
});

const minute = 60_000;
const t0 = Date.UTC(2025, 0, 15, 12, 0, 0);

function apiKey(overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    tenantId: null,
    kind: "tenant",
    name: null,
    prefix: `sk-col-${id.slice(0, 4)}`,
    hash: randomBytes(32).toString("hex"),
    createdAt: t0,
    revokedAt: null,
    budgetUsdDay: null,
    budgetUsdMonth: null,
    requestsPerMinute: null,
    tokensPerMinute: null,
    ...overrides,
  };
}

function usage(overrides: Partial<UsageRecord> & { tenantId: string }): UsageRecord {
  return {
    id: randomUUID(),
    createdAt: t0,
    requestId: `req-${randomUUID()}`,
    keyId: null,
    endpoint: "chat.completions",
    model: "qwen2.5-0.5b",
    target: "local",
    stream: false,
    promptTokens: 10,
    completionTokens: 5,
    costUsd: 0,
    referenceCostUsd: 0.5,
    latencyMs: 120,
    status: 200,
    outcome: "completed",
    route: null,
    reason: null,
    confidence: null,
    findings: null,
    language: null,
    responseId: null,
    ...overrides,
  };
}

function egress(overrides: Partial<EgressRecord> & { tenantId: string }): EgressRecord {
  return {
    id: randomUUID(),
    createdAt: t0,
    requestId: `req-${randomUUID()}`,
    provider: "openai",
    model: "gpt-4o-mini",
    region: null,
    bytesSent: 120,
    outcome: "sent",
    action: "allow",
    reason: "context too long for the local model; no personal data found",
    findings: {},
    values: [],
    delivered: null,
    ...overrides,
  };
}

/** A made-up HMAC: 64 hex digits from a letter. */
function fakeHash(letter: string): string {
  return letter.repeat(64);
}

function window(overrides: Partial<CounterWindow> = {}): CounterWindow {
  return { scope: "key", scopeId: "k1", period: "minute", start: t0, ...overrides };
}

describe.each([sqlite, postgres])("store contract on $name", (backend) => {
  let url: string;
  let store: Store;
  const opened: Store[] = [];

  /** Open another store; it is closed after the test. */
  async function open(target = url): Promise<Store> {
    const another = await openStore({ url: target, home });
    opened.push(another);
    return another;
  }

  beforeEach(async () => {
    url = backend.freshUrl();
    store = await open();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()));
  });

  describe("opening", () => {
    it("names its dialect and a printable location", () => {
      expect(store.dialect).toBe(backend.name);
      expect(store.location).toMatch(backend.name === "sqlite" ? /^sqlite:\// : /^postgres:\/\//);
    });

    it("migrates once: opening the same database again keeps the data", async () => {
      const tenant = await store.tenants.ensure("acme", t0);
      await store.close();
      const again = await open();
      expect(await again.tenants.findByName("acme")).toEqual(tenant);
      const third = await open();
      expect(await third.tenants.list()).toEqual([tenant]);
    });

    it("lets two stores open the same fresh database at once", async () => {
      const fresh = backend.freshUrl();
      const [first, second] = await Promise.all([open(fresh), open(fresh)]);
      const tenant = await first.tenants.ensure("shared", t0);
      expect(await second.tenants.findById(tenant.id)).toEqual(tenant);
    });

    it("rolls a failed migration back and names it and the database", async () => {
      const fresh = backend.freshUrl();
      // A table in the way makes 0001_initial fail after it created the first tables.
      await backend.execute(fresh, "create table limit_counters (x integer)");
      const failure = openStore({ url: fresh, home });
      await expect(failure).rejects.toThrow(ServiceUnavailableError);
      await expect(failure).rejects.toThrow(/Database migration 0001_initial failed on \S+/);
      await backend.execute(fresh, "drop table limit_counters");
      // Nothing of the failed run stayed behind, so the next start migrates cleanly.
      const healed = await open(fresh);
      expect(await healed.tenants.list()).toEqual([]);
    });
  });

  describe("tenants", () => {
    it("ensure creates a tenant once, without limits and without keeping training pairs", async () => {
      const tenant = await store.tenants.ensure("acme", t0);
      expect(tenant).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: "acme",
        createdAt: t0,
        budgetUsdDay: null,
        budgetUsdMonth: null,
        requestsPerMinute: null,
        tokensPerMinute: null,
        keepTrainingPairs: false,
      });
      expect(await store.tenants.ensure("acme", t0 + 1000)).toEqual(tenant);
      expect(await store.tenants.findById(tenant.id)).toEqual(tenant);
      expect(await store.tenants.findByName("acme")).toEqual(tenant);
      expect(await store.tenants.findByName("nobody")).toBeUndefined();
      expect(await store.tenants.findById(randomUUID())).toBeUndefined();
    });

    it("ensure is safe to race from two stores", async () => {
      const other = await open();
      const tenants = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? store : other).tenants.ensure("racer", t0 + index),
        ),
      );
      expect(new Set(tenants.map((tenant) => tenant.id)).size).toBe(1);
      expect(await store.tenants.list()).toHaveLength(1);
    });

    it("lists tenants by name", async () => {
      for (const name of ["zeta", "acme", "mid"]) await store.tenants.ensure(name, t0);
      expect((await store.tenants.list()).map((tenant) => tenant.name)).toEqual([
        "acme",
        "mid",
        "zeta",
      ]);
    });

    it("updateLimits changes only the fields given", async () => {
      await store.tenants.ensure("acme", t0);
      const first = await store.tenants.updateLimits("acme", {
        budgetUsdDay: 2.5,
        requestsPerMinute: 60,
      });
      expect(first).toMatchObject({
        budgetUsdDay: 2.5,
        budgetUsdMonth: null,
        requestsPerMinute: 60,
        tokensPerMinute: null,
      });
      const second = await store.tenants.updateLimits("acme", {
        tokensPerMinute: 10_000_000_000,
        budgetUsdDay: null,
      });
      expect(second).toMatchObject({
        budgetUsdDay: null,
        requestsPerMinute: 60,
        tokensPerMinute: 10_000_000_000,
      });
      expect(await store.tenants.findByName("acme")).toEqual(second);
      expect(await store.tenants.updateLimits("acme", {})).toEqual(second);
      expect(await store.tenants.updateLimits("nobody", { budgetUsdDay: 1 })).toBeUndefined();
      expect(await store.tenants.updateLimits("nobody", {})).toBeUndefined();
    });
  });

  describe("api keys", () => {
    it("stores a key and finds it by hash", async () => {
      const tenant = await store.tenants.ensure("acme", t0);
      const key = apiKey({
        tenantId: tenant.id,
        name: "mobile app",
        budgetUsdMonth: 99.5,
        tokensPerMinute: 5000,
      });
      await store.keys.insert(key);
      expect(await store.keys.findByHash(key.hash)).toEqual(key);
      expect(await store.keys.findByHash("0".repeat(64))).toBeUndefined();
      await expect(store.keys.insert(apiKey({ hash: key.hash }))).rejects.toThrow();
    });

    it("finds a key with its tenant in one go; admin keys have none", async () => {
      const tenant = await store.tenants.updateLimits(
        (await store.tenants.ensure("acme", t0)).name,
        { requestsPerMinute: 30, budgetUsdDay: 2.5 },
      );
      const key = apiKey({ tenantId: tenant?.id ?? "", requestsPerMinute: 5 });
      const admin = apiKey({ kind: "admin", tenantId: null, hash: "a".repeat(64) });
      await store.keys.insert(key);
      await store.keys.insert(admin);
      expect(await store.keys.findByHashWithTenant(key.hash)).toEqual({ key, tenant });
      expect(await store.keys.findByHashWithTenant(admin.hash)).toEqual({
        key: admin,
        tenant: undefined,
      });
      expect(await store.keys.findByHashWithTenant("0".repeat(64))).toBeUndefined();
    });

    it("lists keys newest first, revoked ones only when asked", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const old = apiKey({ tenantId: acme.id, createdAt: t0 });
      const revoked = apiKey({ tenantId: acme.id, createdAt: t0 + 1, revokedAt: t0 + 5 });
      const newest = apiKey({ tenantId: beta.id, createdAt: t0 + 2 });
      const admin = apiKey({ kind: "admin", createdAt: t0 + 3 });
      for (const key of [old, revoked, newest, admin]) await store.keys.insert(key);

      expect(await store.keys.list()).toEqual([admin, newest, old]);
      expect(await store.keys.list({ includeRevoked: true })).toEqual([
        admin,
        newest,
        revoked,
        old,
      ]);
      expect(await store.keys.list({ tenantId: acme.id })).toEqual([old]);
      expect(await store.keys.list({ tenantId: acme.id, includeRevoked: true })).toEqual([
        revoked,
        old,
      ]);
    });

    it("revokes by id or by prefix, once", async () => {
      const byId = apiKey({ prefix: "sk-col-aaaa" });
      const byPrefix = apiKey({ prefix: "sk-col-bbbb" });
      await store.keys.insert(byId);
      await store.keys.insert(byPrefix);

      expect(await store.keys.revoke(byId.id, t0 + 10)).toEqual({ ...byId, revokedAt: t0 + 10 });
      expect(await store.keys.revoke("sk-col-bbbb", t0 + 20)).toEqual({
        ...byPrefix,
        revokedAt: t0 + 20,
      });
      // A second revocation changes nothing.
      expect(await store.keys.revoke(byId.id, t0 + 99)).toEqual({ ...byId, revokedAt: t0 + 10 });
      expect(await store.keys.list()).toEqual([]);
      expect(await store.keys.revoke("sk-col-none", t0)).toBeUndefined();
      expect(await store.keys.revoke("sk-col", t0)).toBeUndefined();
    });

    it("refuses an ambiguous prefix and asks for the id", async () => {
      const first = apiKey({ prefix: "sk-col-same" });
      const second = apiKey({ prefix: "sk-col-same" });
      await store.keys.insert(first);
      await store.keys.insert(second);
      const attempt = store.keys.revoke("sk-col-same", t0);
      await expect(attempt).rejects.toThrow(InvalidRequestError);
      await expect(attempt).rejects.toThrow(/"sk-col-same" is ambiguous.*Give the key id/);
      expect(await store.keys.list()).toHaveLength(2);
      expect((await store.keys.revoke(second.id, t0))?.revokedAt).toBe(t0);
      expect((await store.keys.findByHash(first.hash))?.revokedAt).toBeNull();
    });

    it("knows whether an active admin key exists", async () => {
      expect(await store.keys.hasActiveAdmin()).toBe(false);
      await store.keys.insert(apiKey({ kind: "admin", revokedAt: t0 }));
      const tenant = await store.tenants.ensure("acme", t0);
      await store.keys.insert(apiKey({ kind: "tenant", tenantId: tenant.id }));
      expect(await store.keys.hasActiveAdmin()).toBe(false);
      const admin = apiKey({ kind: "admin" });
      await store.keys.insert(admin);
      expect(await store.keys.hasActiveAdmin()).toBe(true);
      await store.keys.revoke(admin.id, t0 + 1);
      expect(await store.keys.hasActiveAdmin()).toBe(false);
    });
  });

  describe("usage", () => {
    it("sums records per time bucket, target, route and reason, buckets on a local midnight", async () => {
      const tenant = await store.tenants.ensure("acme", t0);
      const other = await store.tenants.ensure("beta", t0);
      const hour = 3_600_000;
      const day = 24 * hour;
      const offsetMs = -3 * hour; // UTC-3: local midnight is 03:00 UTC
      const midnight = Math.floor((t0 + offsetMs) / day) * day - offsetMs;
      await store.usage.insert(
        usage({ tenantId: tenant.id, createdAt: midnight + hour, latencyMs: 100 }),
      );
      await store.usage.insert(
        usage({
          tenantId: tenant.id,
          createdAt: midnight + 2 * hour,
          latencyMs: 300,
          confidence: 0.5,
        }),
      );
      await store.usage.insert(
        usage({
          tenantId: tenant.id,
          createdAt: midnight + day + hour,
          target: "openai",
          route: "cascade-cloud",
          reason: "low-confidence",
          costUsd: 0.25,
          outcome: "failed",
          status: 502,
        }),
      );
      await store.usage.insert(usage({ tenantId: other.id, createdAt: midnight + hour }));
      await store.usage.insert(usage({ tenantId: tenant.id, createdAt: midnight - 1 }));
      const rows = await store.usage.series({
        since: midnight,
        tenantId: tenant.id,
        bucketMs: day,
        offsetMs,
      });
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        start: midnight,
        target: "local",
        requests: 2,
        unsuccessful: 0,
        latencyMsTotal: 400,
        confidenceTotal: 0.5,
        confident: 1,
      });
      expect(rows[1]).toMatchObject({
        start: midnight + day,
        target: "openai",
        route: "cascade-cloud",
        reason: "low-confidence",
        requests: 1,
        unsuccessful: 1,
        costUsd: 0.25,
      });
      const all = await store.usage.series({ since: midnight, bucketMs: day, offsetMs });
      expect(all.reduce((sum, row) => sum + row.requests, 0)).toBe(4);
    });

    it("round-trips records and lists them newest first", async () => {
      const tenant = await store.tenants.ensure("acme", t0);
      const key = apiKey({ tenantId: tenant.id });
      await store.keys.insert(key);
      const records = [
        usage({ tenantId: tenant.id, createdAt: t0, keyId: key.id, stream: true, language: "qu" }),
        usage({
          tenantId: tenant.id,
          createdAt: t0 + 2,
          language: "other",
          target: "openai",
          costUsd: 0.0125,
          route: "cloud",
          reason: "context too long",
          outcome: "failed",
          status: 502,
        }),
        usage({ tenantId: tenant.id, createdAt: t0 + 1 }),
      ];
      for (const record of records) await store.usage.insert(record);
      const [first, second, third] = records;

      expect(await store.usage.list({ since: 0, limit: 10 })).toEqual([second, third, first]);
      expect(await store.usage.list({ since: 0, limit: 2 })).toEqual([second, third]);
      expect(await store.usage.list({ since: t0 + 1, until: t0 + 2, limit: 10 })).toEqual([third]);
      expect(await store.usage.list({ since: 0, tenantId: randomUUID(), limit: 10 })).toEqual([]);
    });

    it("totals by tenant and target in [since, until), as numbers", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const records = [
        usage({ tenantId: acme.id, createdAt: t0, costUsd: 0.25, referenceCostUsd: 1 }),
        usage({
          tenantId: acme.id,
          createdAt: t0 + minute,
          costUsd: 0.5,
          promptTokens: 3_000_000_000,
          outcome: "abandoned",
          status: 499,
        }),
        usage({ tenantId: acme.id, createdAt: t0 + minute, target: "openai", costUsd: 2 }),
        usage({ tenantId: beta.id, createdAt: t0 + 2 * minute, outcome: "rejected" }),
        usage({ tenantId: beta.id, createdAt: t0 + 2 * minute, outcome: "failed" }),
        // Outside the ranges asked below.
        usage({ tenantId: acme.id, createdAt: t0 - 1, costUsd: 100 }),
        usage({ tenantId: beta.id, createdAt: t0 + 3 * minute, costUsd: 100 }),
      ];
      for (const record of records) await store.usage.insert(record);

      const totals = await store.usage.totals({ since: t0, until: t0 + 3 * minute });
      expect(totals).toEqual([
        {
          tenantId: acme.id,
          tenantName: "acme",
          target: "local",
          requests: 2,
          unsuccessful: 1,
          promptTokens: 3_000_000_010,
          completionTokens: 10,
          costUsd: 0.75,
          referenceCostUsd: 1.5,
        },
        {
          tenantId: acme.id,
          tenantName: "acme",
          target: "openai",
          requests: 1,
          unsuccessful: 0,
          promptTokens: 10,
          completionTokens: 5,
          costUsd: 2,
          referenceCostUsd: 0.5,
        },
        {
          tenantId: beta.id,
          tenantName: "beta",
          target: "local",
          requests: 2,
          unsuccessful: 2,
          promptTokens: 20,
          completionTokens: 10,
          costUsd: 0,
          referenceCostUsd: 1,
        },
      ]);
      for (const row of totals) {
        for (const field of ["requests", "unsuccessful", "promptTokens", "costUsd"] as const) {
          expect(typeof row[field]).toBe("number");
        }
      }

      const acmeOnly = await store.usage.totals({ since: t0 + minute, tenantId: acme.id });
      expect(acmeOnly.map((row) => [row.target, row.requests, row.costUsd])).toEqual([
        ["local", 1, 0.5],
        ["openai", 1, 2],
      ]);
      const open = await store.usage.totals({ since: t0 + 2 * minute });
      expect(open.map((row) => [row.tenantName, row.requests, row.costUsd])).toEqual([
        ["beta", 3, 100],
      ]);
      expect(await store.usage.totals({ since: t0 + 10 * minute })).toEqual([]);
    });

    it("totals chat requests by language and target in [since, until), skipping records without one", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const records = [
        usage({ tenantId: acme.id, language: "qu", promptTokens: 3_000_000_000 }),
        usage({ tenantId: acme.id, language: "qu", target: "openai", createdAt: t0 + minute }),
        usage({ tenantId: acme.id, language: "qu" }),
        usage({ tenantId: beta.id, language: "es", target: "cache" }),
        usage({ tenantId: acme.id, language: "other" }),
        // An embeddings request has no language.
        usage({ tenantId: acme.id, endpoint: "embeddings", language: null }),
        // Outside the range.
        usage({ tenantId: acme.id, language: "gn", createdAt: t0 + 2 * minute }),
      ];
      for (const record of records) await store.usage.insert(record);

      const rows = await store.usage.languages({ since: t0, until: t0 + 2 * minute });
      expect(rows).toEqual([
        { language: "es", target: "cache", requests: 1, promptTokens: 10, completionTokens: 5 },
        { language: "other", target: "local", requests: 1, promptTokens: 10, completionTokens: 5 },
        {
          language: "qu",
          target: "local",
          requests: 2,
          promptTokens: 3_000_000_010,
          completionTokens: 10,
        },
        { language: "qu", target: "openai", requests: 1, promptTokens: 10, completionTokens: 5 },
      ]);
      expect(
        (await store.usage.languages({ since: t0, tenantId: beta.id })).map((row) => row.language),
      ).toEqual(["es"]);
      expect(await store.usage.languages({ since: t0 + 3 * minute })).toEqual([]);
    });
  });

  describe("feedback", () => {
    const rating = (tenantId: string, responseId: string, overrides: Partial<Feedback> = {}) => ({
      id: randomUUID(),
      tenantId,
      responseId,
      keyId: null,
      createdAt: t0,
      rating: "good" as const,
      correction: null,
      comment: null,
      ...overrides,
    });

    it("keeps one rating per answer of the tenant's, the latest, and never on another tenant's answer", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      await store.usage.insert(usage({ tenantId: acme.id, responseId: "chatcmpl-1" }));

      expect(await store.feedback.record(rating(acme.id, "chatcmpl-1"))).toBe(true);
      const replaced = rating(acme.id, "chatcmpl-1", {
        rating: "bad",
        correction: "La capital de Chile es Santiago.",
        createdAt: t0 + minute,
      });
      expect(await store.feedback.record(replaced)).toBe(true);
      expect(await store.feedback.find(acme.id, "chatcmpl-1")).toEqual(replaced);

      // Beta names acme's answer, or one that does not exist: nothing is written.
      expect(await store.feedback.record(rating(beta.id, "chatcmpl-1"))).toBe(false);
      expect(await store.feedback.record(rating(acme.id, "chatcmpl-2"))).toBe(false);
      expect(await store.feedback.find(beta.id, "chatcmpl-1")).toBeUndefined();
      expect(await store.feedback.find(acme.id, "chatcmpl-2")).toBeUndefined();
    });

    it("totals ratings per model and target in [since, until), by tenant", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      await store.usage.insert(usage({ tenantId: acme.id, responseId: "a1" }));
      await store.usage.insert(usage({ tenantId: acme.id, responseId: "a2" }));
      await store.usage.insert(
        usage({ tenantId: acme.id, responseId: "a3", model: "gpt-4o", target: "openai" }),
      );
      // The same id in two tenants is two answers.
      await store.usage.insert(usage({ tenantId: beta.id, responseId: "a1" }));
      await store.feedback.record(rating(acme.id, "a1"));
      await store.feedback.record(rating(acme.id, "a2", { rating: "bad", correction: "x" }));
      await store.feedback.record(rating(acme.id, "a3", { rating: "bad" }));
      await store.feedback.record(rating(beta.id, "a1", { createdAt: t0 + minute }));

      expect(await store.feedback.totals({ since: t0 })).toEqual([
        { model: "gpt-4o", target: "openai", good: 0, bad: 1, corrected: 0 },
        { model: "qwen2.5-0.5b", target: "local", good: 2, bad: 1, corrected: 1 },
      ]);
      expect(
        await store.feedback.totals({ since: t0, until: t0 + minute, tenantId: acme.id }),
      ).toEqual([
        { model: "gpt-4o", target: "openai", good: 0, bad: 1, corrected: 0 },
        { model: "qwen2.5-0.5b", target: "local", good: 1, bad: 1, corrected: 1 },
      ]);
      expect(await store.feedback.totals({ since: t0 + minute, tenantId: acme.id })).toEqual([]);
    });

    it("goes with the tenant's purge, and when older than the retention", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      await store.usage.insert(usage({ tenantId: acme.id, responseId: "a1" }));
      await store.usage.insert(
        usage({ tenantId: beta.id, responseId: "b1", createdAt: t0 + minute }),
      );
      await store.feedback.record(rating(acme.id, "a1"));
      await store.feedback.record(rating(beta.id, "b1", { createdAt: t0 + minute }));

      const removed = await store.transaction((repositories) =>
        repositories.retention.purgeTenant(acme.id, { account: false }),
      );
      expect(removed.feedback).toBe(1);
      expect(await store.feedback.find(acme.id, "a1")).toBeUndefined();
      expect(await store.feedback.find(beta.id, "b1")).toBeDefined();

      expect(await store.retention.deleteFeedback(t0 + minute)).toBe(0);
      expect(await store.retention.deleteFeedback(t0 + 2 * minute)).toBe(1);
      expect(await store.feedback.find(beta.id, "b1")).toBeUndefined();
    });
  });

  describe("counters", () => {
    it("takeRequest counts up to the limit and no further", async () => {
      for (let index = 0; index < 3; index++) {
        expect(await store.counters.takeRequest(window(), 3)).toBe(true);
      }
      expect(await store.counters.takeRequest(window(), 3)).toBe(false);
      expect(await store.counters.takeRequest(window(), 3)).toBe(false);
      expect(await store.counters.read([window()])).toEqual([
        { requests: 3, tokens: 0, costUsd: 0 },
      ]);
      // Another window, and no limit at all.
      expect(await store.counters.takeRequest(window({ start: t0 + minute }), 1)).toBe(true);
      for (let index = 0; index < 5; index++) {
        expect(await store.counters.takeRequest(window({ scopeId: "k2" }), null)).toBe(true);
      }
      expect(await store.counters.read([window({ scopeId: "k2" }), window()])).toEqual([
        { requests: 5, tokens: 0, costUsd: 0 },
        { requests: 3, tokens: 0, costUsd: 0 },
      ]);
    });

    it("takeRequest holds the limit exactly under concurrency from two stores", async () => {
      const other = await open();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 === 0 ? store : other).counters.takeRequest(window(), 20),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(20);
      expect(await other.counters.read([window()])).toEqual([
        { requests: 20, tokens: 0, costUsd: 0 },
      ]);
    });

    it("add sums exactly under concurrency from two stores, leaving requests alone", async () => {
      const other = await open();
      expect(await store.counters.takeRequest(window(), null)).toBe(true);
      await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          (index % 2 === 0 ? store : other).counters.add([window()], { tokens: 3, costUsd: 0.25 }),
        ),
      );
      expect(await store.counters.read([window()])).toEqual([
        { requests: 1, tokens: 300, costUsd: 25 },
      ]);
      await store.counters.add([window({ scope: "tenant", period: "month" })], {
        tokens: 7,
        costUsd: 0.001,
      });
      const [values] = await store.counters.read([window({ scope: "tenant", period: "month" })]);
      expect(values?.requests).toBe(0);
      expect(values?.tokens).toBe(7);
      expect(values?.costUsd).toBeCloseTo(0.001, 12);
    });

    it("add writes several windows at once, concurrently from two stores", async () => {
      const other = await open();
      const windows = [
        window({ period: "minute" }),
        window({ period: "day" }),
        window({ scope: "tenant", scopeId: "t9", period: "month" }),
      ];
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          (index % 2 === 0 ? store : other).counters.add(windows, { tokens: 2, costUsd: 0.5 }),
        ),
      );
      expect(await store.counters.read(windows)).toEqual(
        windows.map(() => ({ requests: 0, tokens: 80, costUsd: 20 })),
      );
      await store.counters.add([], { tokens: 1, costUsd: 1 });
    });

    it("read keeps the order asked, with zeros for windows never written", async () => {
      const tenantDay = window({ scope: "tenant", scopeId: "t1", period: "day", start: t0 });
      const keyMinute = window({ start: t0 + minute });
      await store.counters.add([tenantDay], { tokens: 11, costUsd: 1.5 });
      await store.counters.takeRequest(keyMinute, 5);
      expect(
        await store.counters.read([
          keyMinute,
          window({ scope: "tenant", scopeId: "k1" }),
          tenantDay,
          window({ period: "day", start: t0 + minute }),
          keyMinute,
        ]),
      ).toEqual([
        { requests: 1, tokens: 0, costUsd: 0 },
        { requests: 0, tokens: 0, costUsd: 0 },
        { requests: 0, tokens: 11, costUsd: 1.5 },
        { requests: 0, tokens: 0, costUsd: 0 },
        { requests: 1, tokens: 0, costUsd: 0 },
      ]);
      expect(await store.counters.read([])).toEqual([]);
    });

    it("addWithinCaps adds only within each window's caps, whichever caps are set", async () => {
      const capped = (maxTokens: number | null, maxCostUsd: number | null, scopeId: string) => ({
        window: window({ scopeId }),
        maxTokens,
        maxCostUsd,
      });
      const amount = { tokens: 4, costUsd: 0.5 };
      // Each shape twice, so the second call runs the query compiled by the first.
      for (const [tokens, cost, id, fits] of [
        [10, 1, "both", 2],
        [10, null, "tokens", 2],
        [null, 1.2, "cost", 2],
        [null, null, "none", 5],
      ] as const) {
        for (let call = 0; call < 5; call++) {
          const refused = await store.counters.addWithinCaps([capped(tokens, cost, id)], amount);
          expect(refused).toBe(call < fits ? undefined : 0);
        }
        expect(await store.counters.read([window({ scopeId: id })])).toEqual([
          { requests: 0, tokens: 4 * fits, costUsd: 0.5 * fits },
        ]);
      }
      // The first window that refuses is named; those before it keep what they took.
      expect(
        await store.counters.addWithinCaps(
          [capped(100, null, "free"), capped(1, null, "tight")],
          amount,
        ),
      ).toBe(1);
      expect(await store.counters.read([window({ scopeId: "free" })])).toEqual([
        { requests: 0, tokens: 4, costUsd: 0.5 },
      ]);
    });

    it("prune deletes the windows of one period that started before a time", async () => {
      for (const start of [t0, t0 + minute, t0 + 2 * minute]) {
        await store.counters.takeRequest(window({ start }), null);
      }
      await store.counters.takeRequest(window({ period: "day", start: t0 }), null);
      expect(await store.counters.prune("minute", t0 + 2 * minute)).toBe(2);
      expect(await store.counters.prune("minute", t0 + 2 * minute)).toBe(0);
      const remaining = await store.counters.read([
        window({ start: t0 }),
        window({ start: t0 + 2 * minute }),
        window({ period: "day", start: t0 }),
      ]);
      expect(remaining.map((values) => values.requests)).toEqual([0, 1, 1]);
    });
  });

  describe("egress audit", () => {
    it("round-trips records with their values in order, listing newest first", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const records = [
        egress({ tenantId: acme.id, createdAt: t0 }),
        egress({
          tenantId: acme.id,
          createdAt: t0 + 2,
          provider: "anthropic",
          model: "claude-sonnet",
          region: "eu",
          bytesSent: 5_000_000_000,
          action: "pseudonymize",
          reason: "rule 'long documents' sends to anthropic; pseudonymized BR_CPF, EMAIL",
          findings: { BR_CPF: 1, EMAIL: 2 },
          values: [
            { type: "EMAIL", hash: fakeHash("e"), action: "pseudonymize" },
            { type: "BR_CPF", hash: fakeHash("c"), action: "pseudonymize" },
            { type: "EMAIL", hash: fakeHash("a"), action: "pseudonymize" },
          ],
        }),
        egress({
          tenantId: acme.id,
          createdAt: t0 + 1,
          outcome: "blocked",
          action: "block",
          bytesSent: 0,
          findings: { CARD: 1 },
          values: [{ type: "CARD", hash: fakeHash("d"), action: "block" }],
        }),
      ];
      for (const record of records) await store.egress.insert(record);
      const [first, second, third] = records;

      const listed = await store.egress.list({ since: 0, limit: 10 });
      expect(listed).toEqual([second, third, first]);
      expect(typeof listed[0]?.bytesSent).toBe("number");
      expect(await store.egress.list({ since: 0, limit: 2 })).toEqual([second, third]);
      const again = { ...records[0], id: records[0]?.id ?? "", tenantId: acme.id };
      await expect(store.egress.insert(egress(again))).rejects.toThrow();
    });

    it("settles a sent record once: delivered, or refused before any byte (then kept local, 0 bytes)", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const delivered = egress({ tenantId: acme.id, createdAt: t0 });
      const refused = egress({
        tenantId: acme.id,
        createdAt: t0 + 1,
        values: [{ type: "BR_CPF", hash: fakeHash("e"), action: "pseudonymize" }],
      });
      const blocked = egress({ tenantId: acme.id, createdAt: t0 + 2, outcome: "blocked" });
      for (const record of [delivered, refused, blocked]) await store.egress.insert(record);

      expect(await store.egress.settleDelivery(delivered.id, { delivered: true })).toBe(true);
      const why = { delivered: false, why: "connection_refused" } as const;
      expect(await store.egress.settleDelivery(refused.id, why)).toBe(true);
      // Settled already, or never sent: nothing changes.
      expect(await store.egress.settleDelivery(refused.id, { delivered: true })).toBe(false);
      expect(await store.egress.settleDelivery(delivered.id, why)).toBe(false);
      expect(await store.egress.settleDelivery(blocked.id, why)).toBe(false);

      expect(await store.egress.list({ since: 0, limit: 10 })).toEqual([
        blocked,
        {
          ...refused,
          outcome: "kept-local",
          bytesSent: 0,
          delivered: false,
          reason: `${refused.reason}; not delivered: connection_refused`,
        },
        { ...delivered, delivered: true },
      ]);
      const [match] = await store.egress.findByHashes([fakeHash("e")]);
      expect(match?.record).toMatchObject({ outcome: "kept-local", delivered: false });
    });

    it("lists records in [since, until) and of one tenant", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const early = egress({ tenantId: acme.id, createdAt: t0 - 1 });
      const start = egress({ tenantId: acme.id, createdAt: t0 });
      const other = egress({ tenantId: beta.id, createdAt: t0 + minute });
      const end = egress({ tenantId: acme.id, createdAt: t0 + 2 * minute });
      for (const record of [early, start, other, end]) await store.egress.insert(record);

      expect(await store.egress.list({ since: t0, until: t0 + 2 * minute, limit: 10 })).toEqual([
        other,
        start,
      ]);
      expect(await store.egress.list({ since: t0, tenantId: acme.id, limit: 10 })).toEqual([
        end,
        start,
      ]);
      expect(await store.egress.list({ since: 0, tenantId: beta.id, limit: 10 })).toEqual([other]);
      expect(await store.egress.list({ since: t0 + 3 * minute, limit: 10 })).toEqual([]);
    });

    it("finds the records holding any of some hashes, newest first, optionally for one tenant", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const cpf = fakeHash("c");
      const older = egress({
        tenantId: acme.id,
        createdAt: t0,
        findings: { BR_CPF: 1 },
        values: [{ type: "BR_CPF", hash: cpf, action: "allow" }],
      });
      const newer = egress({
        tenantId: beta.id,
        createdAt: t0 + minute,
        outcome: "kept-local",
        action: "local-only",
        bytesSent: 0,
        findings: { BR_CPF: 1, EMAIL: 1 },
        values: [
          { type: "EMAIL", hash: fakeHash("e"), action: "local-only" },
          { type: "BR_CPF", hash: cpf, action: "local-only" },
        ],
      });
      const unrelated = egress({
        tenantId: acme.id,
        createdAt: t0 + 2 * minute,
        values: [{ type: "EMAIL", hash: fakeHash("f"), action: "redact" }],
      });
      for (const record of [older, newer, unrelated]) await store.egress.insert(record);
      const withoutValues = ({ values: _values, ...record }: EgressRecord) => record;

      expect(await store.egress.findByHashes([cpf, fakeHash("9")])).toEqual([
        { record: withoutValues(newer), type: "BR_CPF", action: "local-only" },
        { record: withoutValues(older), type: "BR_CPF", action: "allow" },
      ]);
      expect(await store.egress.findByHashes([cpf], { tenantId: acme.id })).toEqual([
        { record: withoutValues(older), type: "BR_CPF", action: "allow" },
      ]);
      expect(await store.egress.findByHashes([fakeHash("9")])).toEqual([]);
      expect(await store.egress.findByHashes([])).toEqual([]);
    });

    it("keeps a record's values with it: none land when the record cannot", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const stored = egress({
        tenantId: acme.id,
        values: [{ type: "EMAIL", hash: fakeHash("e"), action: "redact" }],
      });
      await store.egress.insert(stored);
      // The same id again: the record insert fails, so its (new) values must not stay behind.
      await expect(
        store.egress.insert({
          ...stored,
          values: [{ type: "EMAIL", hash: fakeHash("b"), action: "allow" }],
        }),
      ).rejects.toThrow();
      // A value that cannot be stored (no hash) takes its record down with it.
      const broken = egress({
        tenantId: acme.id,
        values: [
          { type: "EMAIL", hash: fakeHash("a"), action: "redact" },
          { type: "EMAIL", hash: null as unknown as string, action: "redact" },
        ],
      });
      await expect(store.egress.insert(broken)).rejects.toThrow();
      expect(await store.egress.list({ since: 0, limit: 10 })).toEqual([stored]);
      expect(await store.egress.findByHashes([fakeHash("a"), fakeHash("b")])).toEqual([]);
    });
  });

  describe("response cache", () => {
    function entry(tenantId: string, key: string, createdAt: number, ttl = 60_000) {
      return {
        key,
        tenantId,
        model: "auto",
        createdAt,
        expiresAt: createdAt + ttl,
        body: JSON.stringify({ text: `answer ${key}` }),
        hits: 0,
        scope: null,
        embedding: null,
      };
    }

    it("returns a stored entry until it expires, counting hits, and put replaces", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      await store.cache.put(entry(acme.id, "k1", t0));
      expect(await store.cache.take("k1", t0 + 1)).toMatchObject({ key: "k1", hits: 1 });
      expect(await store.cache.take("k1", t0 + 2)).toMatchObject({
        tenantId: acme.id,
        model: "auto",
        createdAt: t0,
        expiresAt: t0 + 60_000,
        body: JSON.stringify({ text: "answer k1" }),
        hits: 2,
      });
      expect(await store.cache.take("k1", t0 + 60_000)).toBeUndefined();
      expect(await store.cache.take("missing", t0)).toBeUndefined();
      await store.cache.put({ ...entry(acme.id, "k1", t0 + 70_000), body: "{}" });
      expect(await store.cache.take("k1", t0 + 70_001)).toMatchObject({ body: "{}", hits: 1 });
      expect(await store.cache.count()).toBe(1);
    });

    it("prunes expired entries, then the oldest beyond the limit", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      await store.cache.put(entry(acme.id, "expired", t0, 10));
      for (let index = 0; index < 5; index++) {
        await store.cache.put(entry(index % 2 === 0 ? acme.id : beta.id, `k${index}`, t0 + index));
      }
      expect(await store.cache.prune(t0 + 100, 3)).toBe(3);
      expect(await store.cache.count()).toBe(3);
      for (const kept of ["k2", "k3", "k4"]) {
        expect(await store.cache.take(kept, t0 + 100)).toBeDefined();
      }
      expect(await store.cache.take("k1", t0 + 100)).toBeUndefined();
      expect(await store.cache.prune(t0 + 100, 3)).toBe(0);
    });

    it("lists a scope's entries with embeddings, newest first, not expired", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      await store.cache.put({ ...entry(acme.id, "k1", t0), scope: "s", embedding: [0.5, -1] });
      await store.cache.put({ ...entry(acme.id, "k2", t0 + 1), scope: "s", embedding: [1, 0] });
      await store.cache.put({ ...entry(acme.id, "k3", t0 + 2), scope: "s" });
      await store.cache.put({ ...entry(acme.id, "k4", t0 + 3), scope: "other", embedding: [1] });
      await store.cache.put({ ...entry(acme.id, "k5", t0, 1), scope: "s", embedding: [1] });
      const found = await store.cache.inScope("s", t0 + 10, 10);
      expect(found.map((item) => [item.key, item.embedding])).toEqual([
        ["k2", [1, 0]],
        ["k1", [0.5, -1]],
      ]);
      expect(await store.cache.inScope("s", t0 + 10, 1)).toHaveLength(1);
    });

    it("writes nothing when the transaction around it rolls back", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      await expect(
        store.transaction(async (repositories) => {
          await repositories.cache.put(entry(acme.id, "k1", t0));
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(await store.cache.count()).toBe(0);
    });

    it("keeps the hit of a take out of a transaction that rolls back", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      await store.cache.put(entry(acme.id, "k1", t0));
      await expect(
        store.transaction(async (repositories) => {
          expect(await repositories.cache.take("k1", t0 + 1)).toMatchObject({ hits: 1 });
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(await store.cache.take("k1", t0 + 2)).toMatchObject({ hits: 1 });
    });

    it("keeps two tenants' entries apart: each key answers with its own tenant and body", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      await store.cache.put(entry(acme.id, "acme-key", t0));
      await store.cache.put(entry(beta.id, "beta-key", t0));
      await store.cache.take("acme-key", t0 + 1);
      expect(await store.cache.take("acme-key", t0 + 2)).toMatchObject({
        tenantId: acme.id,
        body: JSON.stringify({ text: "answer acme-key" }),
        hits: 2,
      });
      expect(await store.cache.take("beta-key", t0 + 2)).toMatchObject({
        tenantId: beta.id,
        body: JSON.stringify({ text: "answer beta-key" }),
        hits: 1,
      });
      await store.cache.put({ ...entry(beta.id, "beta-key", t0 + 3), body: "{}" });
      expect(await store.cache.take("acme-key", t0 + 4)).toMatchObject({
        tenantId: acme.id,
        body: JSON.stringify({ text: "answer acme-key" }),
      });
      expect(await store.cache.count()).toBe(2);
    });
  });

  describe("files", () => {
    it("keeps a tenant's files and their content, newest first, apart from other tenants", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const file = (id: string, tenantId: string, createdAt: number, purpose = "batch") => ({
        id,
        tenantId,
        purpose,
        filename: `${id}.jsonl`,
        bytes: 4,
        createdAt,
      });
      await store.files.insert(file("f1", acme.id, t0), "uno\n");
      await store.files.insert(file("f2", acme.id, t0 + 1, "batch_output"), "dos\n");
      await store.files.insert(file("f3", beta.id, t0 + 2), "tres");
      expect(await store.files.get("f1", acme.id)).toEqual(file("f1", acme.id, t0));
      expect(await store.files.get("f1", beta.id)).toBeUndefined();
      expect(await store.files.content("f2", acme.id)).toBe("dos\n");
      expect(await store.files.content("f2", beta.id)).toBeUndefined();
      const listed = await store.files.list(acme.id, { limit: 10 });
      expect(listed.map((entry) => entry.id)).toEqual(["f2", "f1"]);
      expect(await store.files.list(acme.id, { limit: 10, purpose: "batch" })).toHaveLength(1);
      expect(await store.files.hold("f1", beta.id)).toBe(false);
      expect(await store.files.hold("f1", acme.id)).toBe(true);
      expect(await store.files.get("f1", acme.id)).toEqual(file("f1", acme.id, t0));
      expect(await store.files.delete("f1", beta.id)).toBe(false);
      expect(await store.files.delete("f1", acme.id)).toBe(true);
      expect(await store.files.delete("f1", acme.id)).toBe(false);
      expect(await store.files.hold("f1", acme.id)).toBe(false);
    });

    it("reads the content of a file stored before chunks existed (in files.content)", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      await backend.execute(
        url,
        `insert into files (id, tenant_id, purpose, filename, bytes, created_at, content)
         values ('legacy', '${acme.id}', 'batch', 'a.jsonl', 8, ${t0}, 'antiguo\n')`,
      );
      expect(await store.files.content("legacy", acme.id)).toBe("antiguo\n");
      const chunks: string[] = [];
      for await (const chunk of (await store.files.contentChunks("legacy", acme.id)) ?? []) {
        chunks.push(chunk.toString("utf8"));
      }
      expect(chunks).toEqual(["antiguo\n"]);
      expect(await store.files.usedBytes(acme.id)).toBe(8);
    });

    it("makes a concurrent delete wait while a transaction holds the file", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      await store.files.insert(
        { id: "held", tenantId: acme.id, purpose: "batch", filename: "h", bytes: 1, createdAt: t0 },
        "x",
      );
      // SQLite: the store's one connection runs its transactions one at a time (another process
      // would wait on the file's lock, which better-sqlite3 does blocking this very thread).
      const other = backend.name === "sqlite" ? store : await open();
      let committed = false;
      const holding = store.transaction(async (repositories) => {
        expect(await repositories.files.hold("held", acme.id)).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 300));
        committed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await other.files.delete("held", acme.id)).toBe(true);
      expect(committed).toBe(true);
      await holding;
    });

    it("keeps content in chunks: large content reads back whole, chunk by chunk, never split inside a character", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      // 1 MiB of "a" then a 2-unit emoji straddling the chunk boundary, then more text.
      const content = `${"a".repeat(1024 * 1024 - 1)}🙂ñandú ${"b".repeat(1024 * 1024)}`;
      const file = {
        id: "big",
        tenantId: acme.id,
        purpose: "batch",
        filename: "big.jsonl",
        bytes: Buffer.byteLength(content),
        createdAt: t0,
      };
      await store.files.insert(file, content);
      expect(await store.files.content("big", acme.id)).toBe(content);
      const chunks: string[] = [];
      for await (const chunk of (await store.files.contentChunks("big", acme.id)) ?? []) {
        chunks.push(chunk.toString("utf8"));
      }
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.join("")).toBe(content);
      expect(chunks.every((chunk) => !chunk.endsWith("\ud83d"))).toBe(true);
      expect(await store.files.contentChunks("big", "another-tenant")).toBeUndefined();
      expect(await store.files.usedBytes(acme.id)).toBe(file.bytes);
      expect(await store.files.delete("big", acme.id)).toBe(true);
      // The chunks went with the file: nothing is left for the orphan sweep.
      expect(await store.retention.deleteOrphanChunks(t0 + 1)).toBe(0);
    });

    it("keeps an upload's bytes as they came, whatever they are, and reads them back whole or chunk by chunk", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      // Bytes that are not UTF-8 (a PDF's binary stream), then a UTF-8 'ñ' split over two chunks.
      const first = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80, 0xc3]);
      const second = Buffer.from([0xb1, 0x0a]);
      await store.files.putChunk("pdf", 0, first, t0);
      await store.files.putChunk("pdf", 1, second, t0);
      const upload = {
        id: "pdf",
        tenantId: acme.id,
        purpose: "assistants",
        filename: "manual.pdf",
        bytes: first.length + second.length,
        createdAt: t0,
      };
      expect((await store.files.publish(upload, null)).stored).toBe(true);
      expect(await store.files.contentBytes("pdf", acme.id)).toEqual(
        Buffer.concat([first, second]),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of (await store.files.contentChunks("pdf", acme.id)) ?? []) {
        chunks.push(chunk);
      }
      expect(chunks).toEqual([first, second]);
      expect((await store.files.content("pdf", acme.id))?.endsWith("ñ\n")).toBe(true);
      // Text chunks and the legacy column read back as their UTF-8 bytes.
      await store.files.insert({ ...upload, id: "text", filename: "t.jsonl", bytes: 3 }, "sí\n");
      expect(await store.files.contentBytes("text", acme.id)).toEqual(Buffer.from("sí\n"));
      const beta = await store.tenants.ensure("beta", t0);
      expect(await store.files.contentBytes("pdf", beta.id)).toBeUndefined();
    });

    it("publishes an upload stored chunk by chunk only within the tenant's quota, and discards a refused one", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      await store.files.insert(
        { id: "old", tenantId: acme.id, purpose: "batch", filename: "o", bytes: 60, createdAt: t0 },
        "x".repeat(60),
      );
      const upload = (id: string, bytes: number, tenantId = acme.id) => ({
        id,
        tenantId,
        purpose: "batch",
        filename: `${id}.jsonl`,
        bytes,
        createdAt: t0 + 1,
      });
      await store.files.putChunk("up1", 0, "uno ", t0);
      await store.files.putChunk("up1", 1, "dos", t0);
      // Not visible before it is published.
      expect(await store.files.get("up1", acme.id)).toBeUndefined();
      expect(await store.files.publish(upload("up1", 30), 100)).toEqual({
        stored: true,
        usedBytes: 60,
      });
      expect(await store.files.content("up1", acme.id)).toBe("uno dos");
      expect(await store.files.usedBytes(acme.id)).toBe(90);

      await store.files.putChunk("up2", 0, "tres", t0);
      expect(await store.files.publish(upload("up2", 11), 100)).toEqual({
        stored: false,
        usedBytes: 90,
      });
      expect(await store.files.get("up2", acme.id)).toBeUndefined();
      // Another tenant has its own quota; null is no quota at all.
      expect((await store.files.publish(upload("up3", 11, beta.id), 100)).stored).toBe(true);
      await store.files.putChunk("up4", 0, "cuatro", t0);
      expect((await store.files.publish(upload("up4", 500), null)).stored).toBe(true);

      // Chunks never published are orphans: discarded at once, or swept once old enough.
      await store.files.discardChunks("up2");
      await store.files.putChunk("interrupted", 0, "…", t0);
      expect(await store.retention.deleteOrphanChunks(t0)).toBe(0);
      expect(await store.retention.deleteOrphanChunks(t0 + 1)).toBe(1);
      expect(await store.files.content("up1", acme.id)).toBe("uno dos");
    });
  });

  describe("batch queue", () => {
    function batch(
      overrides: Partial<StoredBatch> & { id: string; tenantId: string },
    ): StoredBatch {
      return {
        keyId: null,
        endpoint: "/v1/chat/completions",
        inputFileId: `file-${overrides.id}`,
        completionWindow: "24h",
        status: "in_progress",
        createdAt: t0,
        expiresAt: t0 + 24 * 60 * minute,
        inProgressAt: null,
        finalizingAt: null,
        completedAt: null,
        failedAt: null,
        expiredAt: null,
        cancellingAt: null,
        cancelledAt: null,
        outputFileId: null,
        errorFileId: null,
        errors: null,
        metadata: null,
        ...overrides,
      };
    }

    function queued(
      of: StoredBatch,
      line: number,
      overrides: Partial<QueuedRequest> = {},
    ): QueuedRequest {
      return {
        id: `${of.id}_req_${line}`,
        batchId: of.id,
        tenantId: of.tenantId,
        line,
        customId: `custom-${line}`,
        body: JSON.stringify({ model: "auto", messages: [{ role: "user", content: `${line}` }] }),
        state: "pending",
        provider: null,
        reason: null,
        attempts: 0,
        notBefore: t0,
        leaseUntil: null,
        cloudTarget: null,
        result: null,
        createdAt: of.createdAt,
        updatedAt: of.createdAt,
        ...overrides,
      };
    }

    async function insert(stored: StoredBatch, requests: readonly QueuedRequest[] = []) {
      await store.transaction((repositories) => repositories.batches.insert(stored, requests));
    }

    const ids = (requests: readonly QueuedRequest[]) => requests.map((request) => request.id);

    it("stores a batch with its requests and finds it again, only for its tenant", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const stored = batch({
        id: "batch_1",
        tenantId: acme.id,
        keyId: "key-1",
        status: "failed",
        failedAt: t0 + 1,
        errors: [
          { code: "invalid_json", message: "Line 2 is not JSON.", param: null, line: 2 },
          { code: "missing_required_parameter", message: "No model.", param: "body", line: null },
        ],
        metadata: { project: "nightly", owner: "ana" },
      });
      const requests = [3, 1, 2].map((line) =>
        queued(stored, line, { cloudTarget: line === 2 ? "openai/gpt-4o-mini" : null }),
      );
      await insert(stored, requests);

      expect(await store.batches.get("batch_1")).toEqual(stored);
      expect(await store.batches.get("batch_1", acme.id)).toEqual(stored);
      expect(await store.batches.get("batch_1", beta.id)).toBeUndefined();
      expect(await store.batches.get("batch_missing")).toBeUndefined();
      expect(await store.batches.requestsOf("batch_1")).toEqual(
        [1, 2, 3].map((line) => requests.find((request) => request.line === line)),
      );
      expect(await store.batches.requestsOf("batch_missing")).toEqual([]);
      expect(await store.batches.request("batch_1_req_2")).toEqual(requests[2]);
      expect(await store.batches.request("batch_1_req_2", acme.id)).toEqual(requests[2]);
      expect(await store.batches.request("batch_1_req_2", beta.id)).toBeUndefined();
      expect(await store.batches.request("nothing")).toBeUndefined();
    });

    it("inserts a large batch in chunks, and nothing of it when the transaction rolls back", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const big = batch({ id: "batch_big", tenantId: acme.id });
      const lines = Array.from({ length: 1234 }, (_, index) => queued(big, index + 1));
      await insert(big, lines);
      expect((await store.batches.counts([big.id])).get(big.id)?.pending).toBe(1234);
      const requests = await store.batches.requestsOf(big.id);
      expect(requests.map((request) => request.line)).toEqual(lines.map((line) => line.line));

      const doomed = batch({ id: "batch_doomed", tenantId: acme.id });
      await expect(
        store.transaction(async (repositories) => {
          await repositories.batches.insert(doomed, [queued(doomed, 1), queued(doomed, 2)]);
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(await store.batches.get(doomed.id)).toBeUndefined();
      expect(await store.batches.requestsOf(doomed.id)).toEqual([]);
    });

    it("lists a tenant's batches newest first, page by page after the last id", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      // b2 and b3 share a creation time: the id breaks the tie.
      const times = [t0, t0 + 1, t0 + 2, t0 + 2, t0 + 3];
      for (const [index, createdAt] of times.entries()) {
        await insert(batch({ id: `b${index}`, tenantId: acme.id, createdAt }));
      }
      await insert(batch({ id: "b9", tenantId: beta.id, createdAt: t0 + 1 }));
      const page = async (options: { after?: string; limit: number }, tenantId = acme.id) =>
        (await store.batches.list(tenantId, options)).map((each) => each.id);

      expect(await page({ limit: 10 })).toEqual(["b4", "b3", "b2", "b1", "b0"]);
      expect(await page({ limit: 2 })).toEqual(["b4", "b3"]);
      expect(await page({ after: "b3", limit: 2 })).toEqual(["b2", "b1"]);
      expect(await page({ after: "b1", limit: 2 })).toEqual(["b0"]);
      expect(await page({ after: "b0", limit: 2 })).toEqual([]);
      expect(await page({ limit: 10 }, beta.id)).toEqual(["b9"]);
      // An unknown cursor, or another tenant's, has nothing after it.
      expect(await page({ after: "b_unknown", limit: 10 })).toEqual([]);
      expect(await page({ after: "b9", limit: 10 })).toEqual([]);
      expect((await store.batches.list(acme.id, { limit: 1 }))[0]).toEqual(
        batch({ id: "b4", tenantId: acme.id, createdAt: t0 + 3 }),
      );
    });

    it("updates a batch only while its status is one of `from`", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const stored = batch({ id: "batch_u", tenantId: acme.id, status: "validating" });
      await insert(stored);

      expect(
        await store.batches.update(stored.id, ["validating"], {
          status: "in_progress",
          inProgressAt: t0 + 1,
        }),
      ).toBe(true);
      expect(
        await store.batches.update(stored.id, ["validating"], { status: "failed", failedAt: t0 }),
      ).toBe(false);
      expect(
        await store.batches.update("batch_missing", ["in_progress"], { status: "failed" }),
      ).toBe(false);
      expect(await store.batches.update(stored.id, [], { status: "failed" })).toBe(false);
      expect(
        await store.batches.update(stored.id, ["in_progress", "cancelling"], {
          status: "completed",
          finalizingAt: t0 + 2,
          completedAt: t0 + 3,
          outputFileId: "file-out",
          errorFileId: null,
        }),
      ).toBe(true);
      expect(await store.batches.get(stored.id)).toEqual({
        ...stored,
        status: "completed",
        inProgressAt: t0 + 1,
        finalizingAt: t0 + 2,
        completedAt: t0 + 3,
        outputFileId: "file-out",
      });
      // Nothing to change: true only when the status matches.
      expect(await store.batches.update(stored.id, ["completed"], {})).toBe(true);
      expect(await store.batches.update(stored.id, ["in_progress"], {})).toBe(false);
    });

    it("counts each batch's requests in every state, zeros included", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const full = batch({ id: "batch_full", tenantId: acme.id });
      const empty = batch({ id: "batch_empty", tenantId: acme.id });
      const states = ["pending", "pending", "running", "completed", "completed", "completed"];
      await insert(
        full,
        states.map((state, index) =>
          queued(full, index + 1, { state: state as QueuedRequest["state"] }),
        ),
      );
      await insert(empty);
      const zero = {
        pending: 0,
        running: 0,
        waiting: 0,
        completed: 0,
        failed: 0,
        expired: 0,
        cancelled: 0,
      };

      const counts = await store.batches.counts([full.id, empty.id, "batch_unknown"]);
      expect(counts).toEqual(
        new Map([
          [full.id, { ...zero, pending: 2, running: 1, completed: 3 }],
          [empty.id, zero],
          ["batch_unknown", zero],
        ]),
      );
      expect(await store.batches.counts([])).toEqual(new Map());
    });

    it("claims due pending requests and lapsed leases, oldest first, counting attempts", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const older = batch({ id: "batch_a", tenantId: acme.id, createdAt: t0 - 2 * minute });
      const newer = batch({ id: "batch_b", tenantId: acme.id, createdAt: t0 - minute });
      const lease = t0 + 5 * minute;
      await insert(older, [
        queued(older, 2),
        queued(older, 1, { state: "running", attempts: 1, leaseUntil: t0 - 1 }),
        queued(older, 3, { notBefore: t0 + minute }),
        queued(older, 4, { state: "running", attempts: 1, leaseUntil: t0 + minute }),
        queued(older, 5, { state: "waiting", provider: "openai" }),
        queued(older, 6, { state: "completed", result: "{}" }),
      ]);
      await insert(newer, [queued(newer, 1, { notBefore: t0 })]);

      const claimed = await store.batches.claim(t0, lease, 10);
      expect(ids(claimed)).toEqual(["batch_a_req_1", "batch_a_req_2", "batch_b_req_1"]);
      expect(claimed[0]).toEqual({
        ...queued(older, 1),
        state: "running",
        attempts: 2,
        leaseUntil: lease,
        updatedAt: t0,
      });
      expect(claimed.map((request) => request.attempts)).toEqual([2, 1, 1]);
      expect(await store.batches.request("batch_a_req_2")).toEqual(claimed[1]);
      // Taken: nothing is left at the same time.
      expect(await store.batches.claim(t0, lease, 10)).toEqual([]);

      // A minute on: the backed-off one is due and line 4's lease lapsed; the limit holds.
      const later = t0 + 2 * minute;
      expect(ids(await store.batches.claim(later, later + minute, 1))).toEqual(["batch_a_req_3"]);
      const next = await store.batches.claim(later, later + minute, 5);
      expect(ids(next)).toEqual(["batch_a_req_4"]);
      expect(next[0]?.attempts).toBe(2);
      expect(await store.batches.claim(later, later + minute, 0)).toEqual([]);
      expect((await store.batches.request("batch_a_req_5"))?.state).toBe("waiting");
      expect((await store.batches.request("batch_a_req_6"))?.state).toBe("completed");
    });

    it("never lets two concurrent claims take the same request", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const other = await open();
      const stored = batch({ id: "batch_race", tenantId: acme.id });
      await insert(
        stored,
        Array.from({ length: 30 }, (_, index) => queued(stored, index + 1)),
      );
      const lease = t0 + minute;
      const rounds = await Promise.all([
        store.batches.claim(t0, lease, 12),
        store.batches.claim(t0, lease, 12),
        other.batches.claim(t0, lease, 12),
        other.batches.claim(t0, lease, 12),
      ]);
      const taken = rounds.flatMap(ids);
      expect(new Set(taken).size).toBe(taken.length);
      expect(taken.length).toBeGreaterThanOrEqual(12);
      expect(rounds.flat().every((request) => request.attempts === 1)).toBe(true);
      const counts = (await store.batches.counts([stored.id])).get(stored.id);
      expect(counts?.running).toBe(taken.length);
      expect(counts?.pending).toBe(30 - taken.length);
    });

    it("renews the leases of requests still running", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const stored = batch({ id: "batch_r", tenantId: acme.id });
      await insert(stored, [
        queued(stored, 1, { state: "running", leaseUntil: t0 + minute, attempts: 1 }),
        queued(stored, 2, { state: "running", leaseUntil: t0 + minute, attempts: 1 }),
        queued(stored, 3, { state: "completed" }),
      ]);
      await store.batches.renew(
        ["batch_r_req_1", "batch_r_req_3", "batch_missing"],
        t0 + 3 * minute,
        t0 + 30_000,
      );
      await store.batches.renew([], t0 + 9 * minute, t0);
      const [first, second, third] = await store.batches.requestsOf(stored.id);
      expect(first).toMatchObject({ leaseUntil: t0 + 3 * minute, updatedAt: t0 + 30_000 });
      expect(second).toMatchObject({ leaseUntil: t0 + minute, updatedAt: t0 });
      expect(third).toMatchObject({ state: "completed", leaseUntil: null, updatedAt: t0 });
      // Renewed, it is not taken again when the old lease would have lapsed.
      expect(ids(await store.batches.claim(t0 + 2 * minute, t0 + 4 * minute, 10))).toEqual([
        "batch_r_req_2",
      ]);
    });

    it("moves one request only from the given states, setting or clearing the fields given", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const stored = batch({ id: "batch_m", tenantId: acme.id });
      const request = queued(stored, 1, { state: "running", attempts: 1, leaseUntil: t0 + minute });
      await insert(stored, [request]);

      expect(
        await store.batches.move(request.id, ["running"], "waiting", {
          now: t0 + 1,
          provider: "openai",
          reason: "openai is unreachable",
        }),
      ).toBe(true);
      expect(await store.batches.request(request.id)).toEqual({
        ...request,
        state: "waiting",
        provider: "openai",
        reason: "openai is unreachable",
        leaseUntil: null,
        updatedAt: t0 + 1,
      });
      // Not running any more: a worker finishing late changes nothing.
      expect(
        await store.batches.move(request.id, ["running"], "completed", {
          now: t0 + 2,
          result: "{}",
        }),
      ).toBe(false);
      expect(await store.batches.move("missing", ["waiting"], "pending", { now: t0 })).toBe(false);
      expect(await store.batches.move(request.id, [], "pending", { now: t0 })).toBe(false);

      // null clears a field; undefined leaves it (the reason stays).
      expect(
        await store.batches.move(request.id, ["waiting", "pending"], "pending", {
          now: t0 + 3,
          provider: null,
          notBefore: t0 + minute,
        }),
      ).toBe(true);
      expect(await store.batches.request(request.id)).toMatchObject({
        state: "pending",
        provider: null,
        reason: "openai is unreachable",
        notBefore: t0 + minute,
        updatedAt: t0 + 3,
      });

      const [claimed] = await store.batches.claim(t0 + minute, t0 + 2 * minute, 1);
      expect(claimed?.leaseUntil).toBe(t0 + 2 * minute);
      expect(
        await store.batches.move(request.id, ["running"], "completed", {
          now: t0 + minute + 5,
          reason: null,
          result: '{"id":"batch_req_1"}',
        }),
      ).toBe(true);
      expect(await store.batches.request(request.id)).toMatchObject({
        state: "completed",
        reason: null,
        leaseUntil: null,
        attempts: 2,
        result: '{"id":"batch_req_1"}',
      });
    });

    it("moves many: a provider's oldest waiting ones up to a limit, or a whole batch", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const first = batch({ id: "batch_1", tenantId: acme.id, createdAt: t0 });
      const second = batch({ id: "batch_2", tenantId: acme.id, createdAt: t0 + minute });
      const waiting = (provider: string) => ({ state: "waiting" as const, provider });
      await insert(second, [
        queued(second, 1, waiting("openai")),
        queued(second, 2, waiting("anthropic")),
      ]);
      await insert(first, [
        queued(first, 3, waiting("openai")),
        queued(first, 1, waiting("openai")),
        queued(first, 2, { provider: "openai" }),
        queued(first, 4, { ...waiting("openai"), reason: "openai is down" }),
      ]);

      const released = await store.batches.moveMany(
        { provider: "openai" },
        ["waiting"],
        "pending",
        { now: t0 + 2 * minute, reason: null, notBefore: t0 + 2 * minute },
        2,
      );
      expect(released).toBe(2);
      const state = async (id: string) => (await store.batches.request(id))?.state;
      expect(await state("batch_1_req_1")).toBe("pending");
      expect(await state("batch_1_req_3")).toBe("pending");
      expect(await state("batch_1_req_4")).toBe("waiting");
      expect(await state("batch_2_req_1")).toBe("waiting");
      expect(await store.batches.request("batch_1_req_3")).toMatchObject({
        notBefore: t0 + 2 * minute,
        updatedAt: t0 + 2 * minute,
        provider: "openai",
      });

      expect(
        await store.batches.moveMany({ provider: "openai" }, ["waiting"], "pending", {
          now: t0 + 3 * minute,
          reason: null,
        }),
      ).toBe(2);
      expect(
        await store.batches.moveMany(
          { provider: "openai" },
          ["waiting"],
          "pending",
          { now: t0 },
          5,
        ),
      ).toBe(0);

      // A whole batch: every one in `from`, the other batch untouched.
      expect(
        await store.batches.moveMany({ batchId: first.id }, ["pending", "waiting"], "cancelled", {
          now: t0 + 4 * minute,
          reason: "cancelled",
        }),
      ).toBe(4);
      expect((await store.batches.counts([first.id, second.id])).get(first.id)?.cancelled).toBe(4);
      expect(await store.batches.requestsOf(second.id)).toMatchObject([
        { state: "pending" },
        { state: "waiting", provider: "anthropic" },
      ]);
      expect(
        await store.batches.moveMany({ batchId: second.id }, [], "cancelled", { now: t0 }),
      ).toBe(0);
    });

    it("finds settled batches (nothing open left) and overdue ones, oldest first", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const done = batch({ id: "batch_done", tenantId: acme.id, createdAt: t0 + 2 });
      const open = batch({ id: "batch_open", tenantId: acme.id, createdAt: t0 + 1 });
      const empty = batch({
        id: "batch_empty",
        tenantId: acme.id,
        createdAt: t0,
        status: "cancelling",
        expiresAt: t0 + minute,
      });
      const over = batch({
        id: "batch_over",
        tenantId: acme.id,
        createdAt: t0 + 3,
        status: "completed",
        expiresAt: t0,
      });
      await insert(done, [
        queued(done, 1, { state: "completed" }),
        queued(done, 2, { state: "failed" }),
        queued(done, 3, { state: "expired" }),
        queued(done, 4, { state: "cancelled" }),
      ]);
      await insert(open, [
        queued(open, 1, { state: "completed" }),
        queued(open, 2, { state: "waiting", provider: "openai" }),
      ]);
      await insert(empty);
      await insert(over, [queued(over, 1, { state: "completed" })]);
      const batchIds = (batches: readonly StoredBatch[]) => batches.map((each) => each.id);

      expect(batchIds(await store.batches.settled(["in_progress", "cancelling"], 10))).toEqual([
        "batch_empty",
        "batch_done",
      ]);
      expect(batchIds(await store.batches.settled(["in_progress", "cancelling"], 1))).toEqual([
        "batch_empty",
      ]);
      expect(await store.batches.settled(["in_progress"], 10)).toEqual([done]);
      expect(await store.batches.settled([], 10)).toEqual([]);
      await store.batches.move("batch_open_req_2", ["waiting"], "failed", { now: t0 });
      expect(batchIds(await store.batches.settled(["in_progress"], 10))).toEqual([
        "batch_open",
        "batch_done",
      ]);

      expect(await store.batches.overdue(["in_progress", "cancelling"], t0, 10)).toEqual([]);
      expect(await store.batches.overdue(["in_progress", "cancelling"], t0 + minute, 10)).toEqual([
        empty,
      ]);
      expect(await store.batches.overdue(["completed"], t0, 10)).toEqual([over]);
      expect(
        batchIds(
          await store.batches.overdue(["in_progress", "cancelling"], t0 + 24 * 60 * minute, 10),
        ),
      ).toEqual(["batch_empty", "batch_open", "batch_done"]);
      expect(await store.batches.overdue([], t0 + 24 * 60 * minute, 10)).toEqual([]);
    });

    it("lists requests by state, tenant and batch, oldest first, at most `limit`", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const mine = batch({ id: "batch_mine", tenantId: acme.id, createdAt: t0 + 1 });
      const theirs = batch({ id: "batch_theirs", tenantId: beta.id, createdAt: t0 });
      await insert(mine, [
        queued(mine, 2, { state: "waiting", provider: "openai" }),
        queued(mine, 1),
        queued(mine, 3, { state: "completed" }),
      ]);
      await insert(theirs, [queued(theirs, 1, { state: "waiting", provider: "openai" })]);
      const listed = async (filter: Parameters<Store["batches"]["requests"]>[0]) =>
        ids(await store.batches.requests(filter));

      expect(await listed({ limit: 10 })).toEqual([
        "batch_theirs_req_1",
        "batch_mine_req_1",
        "batch_mine_req_2",
        "batch_mine_req_3",
      ]);
      expect(await listed({ limit: 2 })).toEqual(["batch_theirs_req_1", "batch_mine_req_1"]);
      expect(await listed({ states: ["pending", "waiting"], limit: 10 })).toEqual([
        "batch_theirs_req_1",
        "batch_mine_req_1",
        "batch_mine_req_2",
      ]);
      expect(await listed({ states: ["waiting"], tenantId: acme.id, limit: 10 })).toEqual([
        "batch_mine_req_2",
      ]);
      expect(await listed({ batchId: theirs.id, limit: 10 })).toEqual(["batch_theirs_req_1"]);
      expect(await listed({ batchId: theirs.id, tenantId: acme.id, limit: 10 })).toEqual([]);
      expect(await listed({ states: [], limit: 10 })).toEqual([]);
      expect(await store.batches.requests({ states: ["completed"], limit: 10 })).toEqual([
        queued(mine, 3, { state: "completed" }),
      ]);
    });

    it("finds the batches using a file, blanks their bodies or results, and deletes a batch with its lines", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const first = batch({
        id: "batch_a",
        tenantId: acme.id,
        inputFileId: "file-in",
        status: "completed",
        outputFileId: "file-out",
        errorFileId: "file-err",
      });
      const second = batch({ id: "batch_b", tenantId: acme.id, inputFileId: "file-in" });
      const theirs = batch({ id: "batch_c", tenantId: beta.id, inputFileId: "file-in" });
      await insert(first, [
        queued(first, 1, { state: "completed", result: '{"ok":1}' }),
        queued(first, 2, { state: "failed", result: '{"error":2}' }),
      ]);
      await insert(second, [queued(second, 1)]);
      await insert(theirs, [queued(theirs, 1)]);

      expect((await store.batches.usingFile("file-in", acme.id)).map(({ id }) => id)).toEqual([
        "batch_a",
        "batch_b",
      ]);
      expect((await store.batches.usingFile("file-out", acme.id)).map(({ id }) => id)).toEqual([
        "batch_a",
      ]);
      expect(await store.batches.usingFile("file-out", beta.id)).toEqual([]);

      expect(await store.batches.forget("batch_a", { bodies: false, results: ["completed"] })).toBe(
        1,
      );
      expect(await store.batches.forget("batch_a", { bodies: true, results: [] })).toBe(2);
      const lines = await store.batches.requestsOf("batch_a");
      expect(lines.map(({ body, result, state }) => ({ body, result, state }))).toEqual([
        { body: "", result: null, state: "completed" },
        { body: "", result: '{"error":2}', state: "failed" },
      ]);
      expect((await store.batches.counts(["batch_a"])).get("batch_a")).toMatchObject({
        completed: 1,
        failed: 1,
      });
      expect(await store.batches.forget("batch_a", { bodies: true, results: ["completed"] })).toBe(
        0,
      );

      expect(await store.batches.delete("batch_a")).toBe(2);
      expect(await store.batches.get("batch_a")).toBeUndefined();
      expect(await store.batches.requestsOf("batch_a")).toEqual([]);
      expect(await store.batches.requestsOf("batch_b")).toHaveLength(1);
      expect(await store.batches.delete("batch_a")).toBe(0);
    });
  });

  describe("retention", () => {
    const day = 24 * 60 * minute;

    async function insertBatch(
      tenantId: string,
      id: string,
      overrides: Record<string, unknown>,
      line: Record<string, unknown> = {},
    ) {
      await store.transaction((repositories) =>
        repositories.batches.insert(
          {
            id,
            tenantId,
            keyId: null,
            endpoint: "/v1/chat/completions",
            inputFileId: `file-${id}`,
            completionWindow: "24h",
            status: "in_progress",
            createdAt: t0,
            expiresAt: t0 + day,
            inProgressAt: t0,
            finalizingAt: null,
            completedAt: null,
            failedAt: null,
            expiredAt: null,
            cancellingAt: null,
            cancelledAt: null,
            outputFileId: null,
            errorFileId: null,
            errors: null,
            metadata: null,
            ...overrides,
          },
          [
            {
              id: `${id}_req_1`,
              batchId: id,
              tenantId,
              line: 1,
              customId: "uno",
              body: '{"model":"auto","messages":[{"role":"user","content":"Juan Pérez, CPF 123"}]}',
              state: "completed",
              provider: null,
              reason: null,
              attempts: 1,
              notBefore: t0,
              leaseUntil: null,
              cloudTarget: null,
              result: '{"answer":"…"}',
              createdAt: t0,
              updatedAt: t0,
              ...line,
            },
          ],
        ),
      );
    }

    it("blanks the bodies of batches that ended before the cut-off, keeping their counts and status", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      await insertBatch(acme.id, "old_done", { status: "completed", completedAt: t0 });
      await insertBatch(acme.id, "old_cancelled", { status: "cancelled", cancelledAt: t0 + 1 });
      await insertBatch(acme.id, "recent", { status: "completed", completedAt: t0 + 2 * day });
      await insertBatch(acme.id, "running", {}, { state: "pending", result: null });

      expect(await store.retention.forgetBatchBodies(t0 + day)).toBe(2);
      for (const id of ["old_done", "old_cancelled"]) {
        const [line] = await store.batches.requestsOf(id);
        expect(line).toMatchObject({ body: "", result: null, state: "completed" });
        expect((await store.batches.counts([id])).get(id)?.completed).toBe(1);
      }
      expect((await store.batches.get("old_done"))?.status).toBe("completed");
      for (const id of ["recent", "running"]) {
        const [line] = await store.batches.requestsOf(id);
        expect(line?.body).toContain("Juan Pérez");
      }
      expect(await store.retention.forgetBatchBodies(t0 + day)).toBe(0);
    });

    it("lists expired files of the given purposes, but not the input of an unfinished batch", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const file = (id: string, purpose: string, createdAt: number) =>
        store.files.insert(
          { id, tenantId: acme.id, purpose, filename: id, bytes: 1, createdAt },
          "x",
        );
      await file("file-old", "batch", t0);
      await file("file-old-output", "batch_output", t0 + 1);
      await file("file-old-user", "user_data", t0);
      await file("file-running", "batch", t0);
      await file("file-new", "batch", t0 + 2 * day);
      await insertBatch(acme.id, "running", {}, { state: "pending", result: null });
      expect(await store.retention.expiredFiles(["batch", "batch_output"], t0 + day, 10)).toEqual([
        { id: "file-old", tenantId: acme.id },
        { id: "file-old-output", tenantId: acme.id },
      ]);
      expect(await store.retention.expiredFiles(["batch"], t0 + day, 1)).toHaveLength(1);
      expect(await store.retention.expiredFiles([], t0 + day, 10)).toEqual([]);
    });

    it("deletes usage, egress records with their value hashes, and cache entries older than the cut-off", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      await store.usage.insert(usage({ tenantId: acme.id, createdAt: t0 }));
      await store.usage.insert(usage({ tenantId: acme.id, createdAt: t0 + 2 * day }));
      const values = [{ type: "BR_CPF", hash: fakeHash("c"), action: "pseudonymize" }];
      await store.egress.insert(egress({ tenantId: acme.id, createdAt: t0, values }));
      await store.egress.insert(egress({ tenantId: acme.id, createdAt: t0 + 2 * day, values }));
      for (const [key, createdAt] of [
        ["old", t0],
        ["new", t0 + 2 * day],
      ] as const) {
        await store.cache.put({
          key,
          tenantId: acme.id,
          model: "auto",
          createdAt,
          expiresAt: t0 + 400 * day,
          body: "{}",
          hits: 0,
          scope: null,
          embedding: null,
        });
      }
      expect(await store.retention.deleteUsage(t0 + day)).toBe(1);
      expect(await store.retention.deleteEgress(t0 + day)).toBe(1);
      expect(await store.retention.deleteCache(t0 + day)).toBe(1);
      expect(await store.usage.list({ since: 0, limit: 10 })).toHaveLength(1);
      expect(await store.egress.findByHashes([fakeHash("c")])).toHaveLength(1);
      expect(await store.cache.take("old", t0 + 3 * day)).toBeUndefined();
      expect(await store.cache.take("new", t0 + 3 * day)).toBeDefined();
    });

    it.runIf(backend.name === "sqlite")(
      "leaves nothing of purged text readable in the SQLite file",
      async () => {
        const acme = await store.tenants.ensure("acme", t0);
        const secret = "Juan Pérez, diagnóstico reservado";
        const content = `${secret}\n`.repeat(50_000);
        await store.files.insert(
          { id: "f", tenantId: acme.id, purpose: "batch", filename: "f", bytes: 1, createdAt: t0 },
          content,
        );
        await insertBatch(acme.id, "b", { status: "completed", completedAt: t0 }, { body: secret });
        await store.transaction((repositories) =>
          repositories.retention.purgeTenant(acme.id, { account: false }),
        );
        // Blanked, not deleted: the old text of an updated row is overwritten too.
        const beta = await store.tenants.ensure("beta", t0);
        await insertBatch(
          beta.id,
          "kept",
          { status: "completed", completedAt: t0 },
          { body: `${secret} `.repeat(2_000), result: secret },
        );
        expect(await store.retention.forgetBatchBodies(t0 + 1)).toBe(1);
        await store.close();
        const file = parseDatabaseUrl(url, home);
        if (file.dialect !== "sqlite") throw new Error("not SQLite");
        const bytes = await readFile(file.file);
        expect(bytes.includes(Buffer.from("Juan Pérez"))).toBe(false);
      },
    );

    it("purges everything stored for one tenant's requests, per table, and leaves other tenants alone", async () => {
      const acme = await store.tenants.ensure("acme", t0);
      const beta = await store.tenants.ensure("beta", t0);
      const key = apiKey({ tenantId: acme.id });
      await store.keys.insert(key);
      for (const tenant of [acme, beta]) {
        await store.usage.insert(usage({ tenantId: tenant.id }));
        await store.egress.insert(
          egress({
            tenantId: tenant.id,
            values: [{ type: "BR_CPF", hash: fakeHash("d"), action: "allow" }],
          }),
        );
        await store.cache.put({
          key: `cache-${tenant.name}`,
          tenantId: tenant.id,
          model: "auto",
          createdAt: t0,
          expiresAt: t0 + day,
          body: "{}",
          hits: 0,
          scope: null,
          embedding: null,
        });
        await store.files.insert(
          {
            id: `file-${tenant.name}`,
            tenantId: tenant.id,
            purpose: "batch",
            filename: "in.jsonl",
            bytes: 3,
            createdAt: t0,
          },
          "uno",
        );
        await insertBatch(tenant.id, `batch-${tenant.name}`, { status: "completed" });
        await store.counters.add([window({ scope: "tenant", scopeId: tenant.id })], {
          tokens: 10,
          costUsd: 0.1,
        });
      }
      await store.counters.add([window({ scope: "key", scopeId: key.id })], {
        tokens: 10,
        costUsd: 0.1,
      });

      const removed = await store.transaction((repositories) =>
        repositories.retention.purgeTenant(acme.id, { account: false }),
      );
      expect(removed).toEqual({
        egress_values: 1,
        egress_records: 1,
        feedback: 0,
        model_trials: 0,
        training_pairs: 0,
        usage_records: 1,
        response_cache: 1,
        batch_requests: 1,
        batches: 1,
        file_chunks: 1,
        files: 1,
        knowledge_chunks: 0,
        knowledge_documents: 0,
        knowledge_bases: 0,
        limit_counters: 2,
      });
      expect(await store.usage.list({ since: 0, limit: 10, tenantId: acme.id })).toEqual([]);
      expect(await store.egress.findByHashes([fakeHash("d")], { tenantId: acme.id })).toEqual([]);
      expect(await store.files.list(acme.id, { limit: 10 })).toEqual([]);
      expect(await store.batches.list(acme.id, { limit: 10 })).toEqual([]);
      expect(await store.cache.take("cache-acme", t0)).toBeUndefined();
      // The account stays: the tenant and its key.
      expect(await store.tenants.findById(acme.id)).toBeDefined();
      expect(await store.keys.findByHash(key.hash)).toBeDefined();

      // Beta's data is all still there.
      expect(await store.usage.list({ since: 0, limit: 10, tenantId: beta.id })).toHaveLength(1);
      expect(await store.egress.findByHashes([fakeHash("d")], { tenantId: beta.id })).toHaveLength(
        1,
      );
      expect(await store.files.content("file-beta", beta.id)).toBe("uno");
      expect(await store.batches.requestsOf("batch-beta")).toHaveLength(1);
      expect(await store.cache.take("cache-beta", t0)).toBeDefined();
      expect(
        (await store.counters.read([window({ scope: "tenant", scopeId: beta.id })]))[0]?.tokens,
      ).toBe(10);

      const account = await store.transaction((repositories) =>
        repositories.retention.purgeTenant(acme.id, { account: true }),
      );
      expect(account).toMatchObject({ api_keys: 1, tenants: 1, usage_records: 0 });
      expect(await store.tenants.findById(acme.id)).toBeUndefined();
      expect(await store.keys.findByHash(key.hash)).toBeUndefined();
    });
  });

  describe("transactions", () => {
    it("keeps every write when the work succeeds", async () => {
      const result = await store.transaction(async (repositories) => {
        const tenant = await repositories.tenants.ensure("acme", t0);
        await repositories.usage.insert(usage({ tenantId: tenant.id }));
        await repositories.counters.add([window()], { tokens: 4, costUsd: 0.5 });
        await repositories.egress.insert(
          egress({
            tenantId: tenant.id,
            values: [{ type: "EMAIL", hash: fakeHash("e"), action: "redact" }],
          }),
        );
        return tenant.id;
      });
      expect(await store.egress.findByHashes([fakeHash("e")])).toHaveLength(1);
      expect((await store.tenants.findByName("acme"))?.id).toBe(result);
      expect(await store.usage.list({ since: 0, limit: 10 })).toHaveLength(1);
      expect(await store.counters.read([window()])).toEqual([
        { requests: 0, tokens: 4, costUsd: 0.5 },
      ]);
    });

    it("rolls back every write when the work throws", async () => {
      const existing = await store.tenants.ensure("existing", t0);
      const failure = new Error("work failed halfway");
      await expect(
        store.transaction(async (repositories) => {
          const tenant = await repositories.tenants.ensure("acme", t0);
          await repositories.keys.insert(apiKey({ tenantId: tenant.id }));
          await repositories.tenants.updateLimits("existing", { budgetUsdDay: 1 });
          await repositories.usage.insert(usage({ tenantId: tenant.id }));
          expect(await repositories.counters.takeRequest(window(), 5)).toBe(true);
          await repositories.counters.add([window()], { tokens: 4, costUsd: 0.5 });
          await repositories.egress.insert(
            egress({
              tenantId: tenant.id,
              values: [{ type: "BR_CPF", hash: fakeHash("c"), action: "allow" }],
            }),
          );
          expect(await repositories.tenants.findByName("acme")).toEqual(tenant);
          expect(await repositories.egress.list({ since: 0, limit: 10 })).toHaveLength(1);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.tenants.list()).toEqual([existing]);
      expect(await store.keys.list({ includeRevoked: true })).toEqual([]);
      expect(await store.usage.list({ since: 0, limit: 10 })).toEqual([]);
      expect(await store.counters.read([window()])).toEqual([
        { requests: 0, tokens: 0, costUsd: 0 },
      ]);
      expect(await store.egress.list({ since: 0, limit: 10 })).toEqual([]);
      expect(await store.egress.findByHashes([fakeHash("c")])).toEqual([]);
    });
  });

  describe("closing", () => {
    it("rejects every call after close, with a clear message", async () => {
      await store.close();
      await store.close();
      await expect(store.tenants.list()).rejects.toThrow("The store is closed.");
      await expect(store.keys.hasActiveAdmin()).rejects.toThrow("The store is closed.");
      await expect(store.counters.takeRequest(window(), 1)).rejects.toThrow("The store is closed.");
      await expect(store.transaction(() => Promise.resolve(1))).rejects.toThrow(
        "The store is closed.",
      );
    });

    it("closes through Symbol.asyncDispose", async () => {
      const another = await open();
      await another[Symbol.asyncDispose]();
      await expect(another.usage.list({ since: 0, limit: 1 })).rejects.toThrow(
        "The store is closed.",
      );
      expect(await store.tenants.list()).toEqual([]);
    });
  });
});

describe("openStore failures", () => {
  it("says in one line that PostgreSQL cannot be reached, without the password", async () => {
    const attempt = openStore({ url: "postgres://colibri:hunter2@127.0.0.1:1/test", home });
    await expect(attempt).rejects.toThrow(ServiceUnavailableError);
    const message = await attempt.then(
      () => "",
      (error: unknown) => (error as Error).message,
    );
    expect(message).toBe(
      'Cannot connect to PostgreSQL at postgres://colibri:***@127.0.0.1:1/test: ECONNREFUSED. Is the server running? Check the database URL (--database, COLIBRI_DATABASE_URL or "database" in the config).',
    );
  });

  it("says which SQLite file cannot be opened", async () => {
    const attempt = openStore({ url: "sqlite:/dev/null/colibri.db", home });
    await expect(attempt).rejects.toThrow(ServiceUnavailableError);
    await expect(attempt).rejects.toThrow(
      /Cannot open the SQLite database \/dev\/null\/colibri\.db/,
    );
  });
});
