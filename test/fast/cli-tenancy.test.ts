import { randomUUID } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { colibri } from "../support/run-cli.js";
import { hashApiKey } from "../../src/tenancy/api-keys.js";
import { temporaryPostgresSchema, testPostgresUrl } from "../../tools/bench/temporary-database.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/core/records/store.js";
import type { UsageRecord } from "../../src/core/records/usage.js";

let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-cli-tenancy-"));
  process.env["COLIBRI_HOME"] = home;
  delete process.env["COLIBRI_DATABASE_URL"];
});

/** The store `colibri` uses by default: the SQLite file in the fresh home. */
async function withHomeStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ url: `sqlite:${join(home, "colibri.db")}`, home });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function expectOneLineError(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(pattern);
}

describe("colibri keys", () => {
  it("creates a key, printing only the key on stdout and storing only its hash", async () => {
    const created = await colibri("keys", "create", "--tenant", "acme", "--budget-usd", "25");
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(created.stdout).toBe(`${key}\n`);
    expect(key).toMatch(/^sk-col-[\w-]{32}$/);
    expect(created.stderr).toContain(`Created key for tenant "acme": ${key.slice(0, 15)}…`);
    expect(created.stderr).toContain("$25.00/month");
    expect(created.stderr).toContain("shown once — store it now; only its hash is kept");

    const database = await readFile(join(home, "colibri.db"));
    expect(database.includes(Buffer.from(key))).toBe(false);
    const stored = await withHomeStore((store) => store.keys.findByHash(hashApiKey(key)));
    expect(stored).toMatchObject({ kind: "tenant", prefix: key.slice(0, 15), budgetUsdMonth: 25 });
    expect(stored?.hash).toBe(hashApiKey(key));
  });

  it("creates a key as JSON, and admin keys", async () => {
    const created = await colibri(
      "keys",
      "create",
      "--tenant",
      "acme",
      "--name",
      "nightly batch",
      "--rpm",
      "60",
      "--tpm",
      "10000",
      "--budget-usd-day",
      "1.5",
      "--json",
    );
    expect(created.code, created.stderr).toBe(0);
    const body = JSON.parse(created.stdout);
    expect(body).toMatchObject({
      tenant: "acme",
      kind: "tenant",
      name: "nightly batch",
      limits: {
        budgetUsdMonth: null,
        budgetUsdDay: 1.5,
        requestsPerMinute: 60,
        tokensPerMinute: 10000,
      },
    });
    expect(body.key).toMatch(/^sk-col-/);
    expect(body.prefix).toBe(body.key.slice(0, 15));
    expect(typeof body.id).toBe("string");
    expect(typeof body.createdAt).toBe("number");
    expect(body).not.toHaveProperty("hash");

    const adminKey = await colibri("keys", "create", "--admin", "--json");
    expect(adminKey.code, adminKey.stderr).toBe(0);
    expect(JSON.parse(adminKey.stdout)).toMatchObject({ kind: "admin", tenant: null });

    expectOneLineError(
      await colibri("keys", "create", "--admin", "--tenant", "acme"),
      /^colibri: Give either --tenant or --admin/,
    );
    expectOneLineError(await colibri("keys", "create"), /^colibri: Missing --tenant <name>/);
    expectOneLineError(
      await colibri("keys", "create", "--tenant", "acme", "--rpm", "1.5"),
      /^colibri: --rpm expects a whole number of at least 1 .* got '1\.5'\.$/,
    );
    expectOneLineError(
      await colibri("keys", "create", "--tenant", "not/a name"),
      /^colibri: Invalid tenant name "not\/a name": use letters \(accents included\), digits, spaces/,
    );
  });

  it("lists keys without secrets and revokes them", async () => {
    const first = JSON.parse(
      (await colibri("keys", "create", "--tenant", "acme", "--json")).stdout,
    );
    await colibri("keys", "create", "--tenant", "beta", "--name", "mobile app", "--rpm", "5");

    const table = await colibri("keys", "list");
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ID\s+PREFIX\s+TENANT\s+NAME\s+LIMITS\s+CREATED\s+REVOKED$/);
    expect(lines).toHaveLength(3);
    expect(table.stdout).toContain("mobile app");
    expect(table.stdout).toContain("5 requests/min");
    expect(table.stdout).toContain(`${first.prefix}…`);
    expect(table.stdout).not.toContain(first.key);

    const json = await colibri("keys", "list", "--tenant", "acme", "--json");
    const records = JSON.parse(json.stdout);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: first.id, tenant: "acme", revokedAt: null });
    expect(records[0]).not.toHaveProperty("hash");
    expect(json.stdout).not.toContain(first.key);

    const revoked = await colibri("keys", "revoke", first.prefix);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked the key of tenant "acme" ${first.prefix}…`);
    expect(JSON.parse((await colibri("keys", "list", "--json")).stdout)).toHaveLength(1);
    const all = JSON.parse((await colibri("keys", "list", "--all", "--json")).stdout);
    expect(all.find((record: { id: string }) => record.id === first.id).revokedAt).toEqual(
      expect.any(Number),
    );
    const again = await colibri("keys", "revoke", first.id, "--json");
    expect(JSON.parse(again.stdout)).toMatchObject({ id: first.id, alreadyRevoked: true });

    const empty = await colibri("keys", "list", "--tenant", "acme");
    expect(empty.stdout).toContain('No active API keys for tenant "acme"');
  });

  it("fails with one line for an unknown or ambiguous key and an unknown tenant", async () => {
    await colibri("keys", "create", "--tenant", "acme");
    await colibri("keys", "create", "--tenant", "acme");

    expectOneLineError(
      await colibri("keys", "revoke", "sk-col-nothere"),
      /^colibri: No API key matches "sk-col-nothere"\. Run `colibri keys list --all`/,
    );
    expectOneLineError(
      await colibri("keys", "revoke", "sk-col-"),
      /^colibri: "sk-col-" matches 2 keys: .* Give more of the id or prefix\.$/,
    );
    expectOneLineError(
      await colibri("keys", "list", "--tenant", "nobody"),
      /^colibri: No tenant is named "nobody"\. Run `colibri tenants list`/,
    );
  });
});

describe("colibri tenants", () => {
  it("sets, shows and lists tenants", async () => {
    const created = await colibri("tenants", "set", "acme", "--budget-usd", "100", "--rpm", "600");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toBe(
      'Created tenant "acme". Limits: $100.00/month, 600 requests/min.\n',
    );
    const updated = await colibri(
      "tenants",
      "set",
      "acme",
      "--budget-usd",
      "none",
      "--tpm",
      "5000",
      "--budget-usd-day",
      "2",
      "--json",
    );
    expect(JSON.parse(updated.stdout)).toMatchObject({
      name: "acme",
      created: false,
      budgetUsdMonth: null,
      budgetUsdDay: 2,
      requestsPerMinute: 600,
      tokensPerMinute: 5000,
    });
    await colibri("keys", "create", "--tenant", "acme", "--name", "web");

    const shown = await colibri("tenants", "show", "acme");
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("Tenant acme");
    expect(shown.stdout).toMatch(/Keys:\s+1 active/);
    expect(shown.stdout).toMatch(/This minute:\s+0 requests of 600, 0 tokens of 5,000/);
    expect(shown.stdout).toMatch(/Today:\s+\$0\.00 spent of \$2\.00 \(\$2\.00 left\)/);
    expect(shown.stdout).toMatch(/This month:\s+\$0\.00 spent \(no budget\)/);
    expect(shown.stdout).toContain("web");
    expect(shown.stdout).toMatch(/Training:\s+pairs not kept/);

    const consent = await colibri("tenants", "set", "acme", "--keep-training-pairs", "on");
    expect(consent.stdout).toBe(
      'Updated tenant "acme". Limits: $2.00/day, 600 requests/min, 5,000 tokens/min. Training pairs: kept.\n',
    );
    expect((await colibri("tenants", "show", "acme")).stdout).toMatch(
      /Training:\s+pairs kept \(consent given\)/,
    );
    const wrong = await colibri("tenants", "set", "acme", "--keep-training-pairs", "yes");
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/--keep-training-pairs.*Allowed choices are on, off/);

    const shownJson = JSON.parse((await colibri("tenants", "show", "acme", "--json")).stdout);
    expect(shownJson).toMatchObject({
      tenant: { name: "acme" },
      activeKeys: 1,
      current: { day: { costUsd: 0, budgetUsd: 2, remainingUsd: 2 } },
    });
    expect(shownJson.keys[0]).not.toHaveProperty("hash");

    await colibri("keys", "create", "--tenant", "beta");
    const list = await colibri("tenants", "list");
    expect(list.stdout).toMatch(/^NAME\s+KEYS\s+LIMITS\s+CREATED\n/);
    expect(list.stdout).toMatch(/acme\s+1\s+\$2\.00\/day, 600 requests\/min, 5,000 tokens\/min/);
    expect(list.stdout).toMatch(/beta\s+1\s+none/);
    const listJson = JSON.parse((await colibri("tenants", "list", "--json")).stdout);
    expect(listJson.map((tenant: { name: string }) => tenant.name)).toEqual(["acme", "beta"]);
  });

  it("fails with one line when nothing is set or the tenant is unknown", async () => {
    expectOneLineError(
      await colibri("tenants", "set", "acme"),
      /^colibri: Nothing to set: give at least one of --budget-usd, --budget-usd-day, --rpm, --tpm/,
    );
    expectOneLineError(
      await colibri("tenants", "set", "acme", "--budget-usd", "lots"),
      /^colibri: --budget-usd expects a positive amount of USD .*, or none to remove the limit; got 'lots'\.$/,
    );
    expectOneLineError(
      await colibri("tenants", "show", "nobody"),
      /^colibri: No tenant is named "nobody"/,
    );
    const help = await colibri("tenants", "set", "--help");
    expect(help.stdout).toContain("Examples:");
  });
});

describe("colibri usage", () => {
  async function insertUsage(store: Store) {
    const acme = await store.tenants.ensure("acme", Date.now());
    const beta = await store.tenants.ensure("beta", Date.now());
    const record = (
      tenantId: string,
      fields: Pick<UsageRecord, "target" | "costUsd" | "referenceCostUsd"> & Partial<UsageRecord>,
    ): UsageRecord => ({
      id: randomUUID(),
      createdAt: Date.now() - 3_600_000,
      requestId: randomUUID(),
      tenantId,
      keyId: null,
      endpoint: "chat.completions",
      model: fields.target === "local" ? "smollm2-135m-instruct" : "gpt-4o-mini",
      stream: false,
      promptTokens: 1000,
      completionTokens: 500,
      latencyMs: 30,
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
    for (const usage of [
      record(acme.id, { target: "local", costUsd: 0.000123, referenceCostUsd: 0.0075 }),
      record(acme.id, { target: "local", costUsd: 0, referenceCostUsd: 0.0075 }),
      record(acme.id, {
        target: "openai",
        costUsd: 0.00045,
        referenceCostUsd: 0.0075,
        outcome: "abandoned",
        status: 499,
      }),
      record(beta.id, { target: "local", costUsd: 0, referenceCostUsd: 0.0075 }),
      record(beta.id, {
        target: "local",
        costUsd: 0,
        referenceCostUsd: 5,
        createdAt: Date.now() - 40 * 86_400_000,
      }),
    ]) {
      await store.usage.insert(usage);
    }
  }

  it("reports totals and the saving per tenant and target", async () => {
    await withHomeStore(insertUsage);

    const json = await colibri("usage", "--json");
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.referenceModel).toBe("gpt-4o");
    expect(report.until - report.since).toBeGreaterThanOrEqual(30 * 86_400_000 - 1000);
    const acme = report.tenants.find((tenant: { tenant: string }) => tenant.tenant === "acme");
    expect(acme).toMatchObject({ requests: 3, unsuccessful: 1, promptTokens: 3000 });
    expect(acme.costUsd).toBeCloseTo(0.000573, 9);
    expect(acme.referenceCostUsd).toBeCloseTo(0.0225, 9);
    expect(acme.savingUsd).toBeCloseTo(0.021927, 9);
    expect(acme.savingPercent).toBeCloseTo(97.4533, 3);
    expect(acme.targets.map((target: { target: string }) => target.target)).toEqual([
      "local",
      "openai",
    ]);
    expect(report.total).toMatchObject({ requests: 4, unsuccessful: 1 });
    expect(report.total.referenceCostUsd).toBeCloseTo(0.03, 9);
    expect(report.total.savingPercent).toBeCloseTo(98.09, 2);

    const longer = JSON.parse((await colibri("usage", "--since", "60d", "--json")).stdout);
    expect(longer.total.requests).toBe(5);
    const beta = JSON.parse(
      (await colibri("usage", "--tenant", "beta", "--since", "2000-01-01", "--json")).stdout,
    );
    expect(beta.tenants).toHaveLength(1);
    expect(beta.total.requests).toBe(2);
    const old = JSON.parse(
      (await colibri("usage", "--until", "30d", "--since", "1y", "--json")).stdout,
    );
    expect(old.total.requests).toBe(1);

    const human = await colibri("usage");
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain("all cloud: every request on gpt-4o");
    expect(human.stdout).toMatch(
      /\nacme\s+3\s+1\s+3,000\s+1,500\s+\$0\.000573\s+\$0\.0225\s+\$0\.0219\s+97\.5%/,
    );
    expect(human.stdout).toMatch(/\n {2}local\s+2\s+0\s+2,000\s+1,000\s+\$0\.000123\s/);
    expect(human.stdout).toMatch(/\n {2}openai\s+1\s+1\s/);
    expect(human.stdout).toMatch(/\nTOTAL\s+4\s+1\s/);
    expect(human.stdout).toContain("Total: 4 requests; spent $0.000573 instead of $0.03 all cloud");

    const none = await colibri("usage", "--tenant", "beta", "--since", "1h");
    expect(none.stdout).toMatch(/^No usage for tenant "beta" from /);
  });

  it("rejects a bad --since with one line and exit code 1", async () => {
    const result = await colibri("usage", "--since", "last tuesday");
    expect(result.code).toBe(1);
    expectOneLineError(
      result,
      /^colibri: --since expects a duration back from now \(30d, 24h, 90m\) or a date .*; got 'last tuesday'\.$/,
    );
    expectOneLineError(await colibri("usage", "--since", "30"), /--since expects/);
    expectOneLineError(await colibri("usage", "--until", "2025-13-45"), /--until expects/);
    const help = await colibri("usage", "--help");
    expect(help.stdout).toContain("Examples:");
  });
});

describe("--database", () => {
  it("works with PostgreSQL (a fresh schema, dropped afterwards)", async () => {
    const database = await temporaryPostgresSchema(testPostgresUrl(), "colibri_cli");
    const { url } = database;
    try {
      const created = await colibri(
        "keys",
        "create",
        "--tenant",
        "acme",
        "--json",
        "--database",
        url,
      );
      expect(created.code, created.stderr).toBe(0);
      const { key, id } = JSON.parse(created.stdout);

      const listed = JSON.parse(
        (await colibri("keys", "list", "--json", "--database", url)).stdout,
      );
      expect(listed.map((record: { id: string }) => record.id)).toEqual([id]);
      const store = await openStore({ url, home });
      try {
        expect((await store.keys.findByHash(hashApiKey(key)))?.id).toBe(id);
      } finally {
        await store.close();
      }
      // The default SQLite store in the home was not used.
      expect(JSON.parse((await colibri("keys", "list", "--json")).stdout)).toEqual([]);

      process.env["COLIBRI_DATABASE_URL"] = url;
      const tenants = JSON.parse((await colibri("tenants", "list", "--json")).stdout);
      expect(tenants.map((tenant: { name: string }) => tenant.name)).toEqual(["acme"]);
      const usage = await colibri("usage", "--json");
      expect(usage.code, usage.stderr).toBe(0);
    } finally {
      delete process.env["COLIBRI_DATABASE_URL"];
      await database.remove();
    }
  });

  it("fails with one line for an unsupported database URL", async () => {
    expectOneLineError(
      await colibri("keys", "list", "--database", "mysql://localhost/x"),
      /^colibri: Unsupported database URL/,
    );
  });

  it("documents the flag and examples in every command's help", async () => {
    for (const command of [
      ["keys", "create"],
      ["keys", "list"],
      ["keys", "revoke"],
      ["tenants", "list"],
      ["tenants", "show"],
      ["tenants", "set"],
      ["usage"],
    ]) {
      const help = await colibri(...command, "--help");
      expect(help.stdout, command.join(" ")).toContain("Examples:");
      expect(help.stdout, command.join(" ")).toContain("--database <url>");
    }
    const top = await colibri("--help");
    for (const command of ["keys", "tenants", "usage"]) expect(top.stdout).toContain(command);
  });
});
