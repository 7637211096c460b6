import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import type { UsageRecord } from "../../src/core/records/usage.js";
import { colibri } from "../support/run-cli.js";

/** `colibri stats`: the dashboard's overview from the store, in the terminal or as JSON. */
let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-stats-"));
  process.env["COLIBRI_HOME"] = home;
  delete process.env["COLIBRI_DATABASE_URL"];
  const store = await openStore({ url: `sqlite:${join(home, "colibri.db")}`, home });
  try {
    const tenant = await store.tenants.ensure("clinica", Date.now());
    const record = (target: string, route: string, costUsd: number): UsageRecord => ({
      id: randomUUID(),
      createdAt: Date.now() - 60_000,
      requestId: randomUUID(),
      tenantId: tenant.id,
      keyId: null,
      endpoint: "chat.completions",
      model: "m",
      target,
      stream: false,
      promptTokens: 10,
      completionTokens: 5,
      costUsd,
      referenceCostUsd: 0.01,
      latencyMs: 50,
      status: 200,
      outcome: "completed",
      route,
      reason: "test",
      confidence: null,
      findings: null,
      language: null,
      responseId: null,
    });
    // A local answer to a request with personal data: found, though nothing was bound for a cloud.
    await store.usage.insert({
      ...record("local", "local", 0),
      findings: { BR_CPF: 2, EMAIL: 1 },
    });
    await store.usage.insert({ ...record("local", "cascade-local", 0), language: "qu" });
    await store.usage.insert({ ...record("openai", "cascade-cloud", 0.004), language: "qu" });
    await store.usage.insert({ ...record("cache", "cache", 0), language: "es" });
  } finally {
    await store.close();
  }
});

describe("colibri stats", () => {
  it("prints answers by source, the saving and the escalations", async () => {
    const result = await colibri("stats", "--since", "24h");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/local\s+2\s+50\.0%/);
    expect(result.stdout).toMatch(/cloud\s+1\s+25\.0%/);
    expect(result.stdout).toMatch(/cache\s+1\s+25\.0%/);
    expect(result.stdout).toContain(
      "Saved $0.036: spent $0.004 of the $0.04 all-cloud would have cost.",
    );
    expect(result.stdout).toContain("Escalations: 1 of 2 cascades.");
    expect(result.stdout).toContain("Languages: qu 2 (50.0% cloud), es 1 (0.0% cloud).");
    expect(result.stdout).toContain("Personal data found: BR_CPF 2, EMAIL 1 (in 1 request).");
    expect(result.stdout).toContain("kept local; personal data in them: none.");
  });

  it("gives the dashboard's report as JSON, for one tenant", async () => {
    const result = await colibri("stats", "--json", "--tenant", "clinica", "--tz", "-180");
    const report = JSON.parse(result.stdout) as { totals: { requests: number }; range: object };
    expect(report.totals.requests).toBe(4);
    expect(report.range).toMatchObject({ bucket: "day", offsetMinutes: -180 });
  });

  it("says in one line what is wrong with its flags", async () => {
    expect((await colibri("stats", "--tz", "soon")).stderr).toMatch(/--tz is minutes from UTC/);
    expect((await colibri("stats", "--tenant", "nadie")).stderr).toMatch(/No tenant is named/);
    const since = await colibri("stats", "--since", "ayer");
    expect(since.code).not.toBe(0);
  });
});
