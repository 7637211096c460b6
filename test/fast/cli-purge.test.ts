import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/tenancy/api-keys.js";
import {
  temporaryPostgresSchema,
  testPostgresUrl,
  type TemporaryDatabase,
} from "../../tools/bench/temporary-database.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/core/records/store.js";
import type { UsageRecord } from "../../src/core/records/usage.js";
import { colibri, colibriWithInput } from "../support/run-cli.js";

/** `colibri purge` over the default SQLite file and over PostgreSQL (--database). */
let home: string;
const schemas: TemporaryDatabase[] = [];

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-cli-purge-"));
  process.env["COLIBRI_HOME"] = home;
  delete process.env["COLIBRI_DATABASE_URL"];
});

afterAll(async () => {
  await Promise.all(schemas.map((schema) => schema.remove()));
});

const day = 86_400_000;

function usage(tenantId: string, createdAt: number): UsageRecord {
  return {
    id: randomUUID(),
    createdAt,
    requestId: randomUUID(),
    tenantId,
    keyId: null,
    endpoint: "chat.completions",
    model: "local",
    target: "local",
    stream: false,
    promptTokens: 10,
    completionTokens: 5,
    costUsd: 0,
    referenceCostUsd: 0,
    latencyMs: 10,
    status: 200,
    outcome: "completed",
    route: null,
    reason: null,
    confidence: null,
    findings: null,
    language: null,
    responseId: null,
  };
}

/** Two tenants with a key, a file, two usage records (one 401 days old) and an egress record. */
async function fill(store: Store): Promise<void> {
  const now = Date.now();
  for (const name of ["acme", "beta"]) {
    const tenant = await store.tenants.ensure(name, now);
    await store.keys.insert(createApiKey({ kind: "tenant", tenantId: tenant.id, now }).record);
    await store.files.insert(
      {
        id: `file-${name}`,
        tenantId: tenant.id,
        purpose: "user_data",
        filename: "notas.txt",
        bytes: 24,
        createdAt: now,
      },
      "Juan Pérez, CPF 123.456",
    );
    await store.usage.insert(usage(tenant.id, now));
    await store.usage.insert(usage(tenant.id, now - 401 * day));
    await store.egress.insert({
      id: randomUUID(),
      createdAt: now,
      requestId: randomUUID(),
      tenantId: tenant.id,
      provider: "openai",
      model: "gpt-4o-mini",
      region: null,
      bytesSent: 10,
      outcome: "sent",
      action: "pseudonymize",
      reason: "rule:cloud",
      findings: { BR_CPF: 1 },
      values: [{ type: "BR_CPF", hash: "c".repeat(64), action: "pseudonymize" }],
    });
  }
}

const backends = [
  { name: "sqlite", url: () => Promise.resolve(`sqlite:${join(home, "colibri.db")}`) },
  {
    name: "postgres",
    url: async () => {
      const schema = await temporaryPostgresSchema(testPostgresUrl(), "colibri_cli_purge");
      schemas.push(schema);
      return schema.url;
    },
  },
];

describe.each(backends)("colibri purge on $name", (backend) => {
  async function withStore<T>(url: string, work: (store: Store) => Promise<T>): Promise<T> {
    const store = await openStore({ url, home });
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  it("asks for the tenant's name, then deletes everything of its requests and prints it per table", async () => {
    const url = await backend.url();
    await withStore(url, fill);

    const refused = await colibriWithInput(
      "beta\n",
      "purge",
      "--tenant",
      "acme",
      "--database",
      url,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Type the tenant's name to go on: ");
    expect(refused.stderr).toMatch(
      /Not confirmed \(expected "acme", got "beta"\): nothing was deleted/,
    );
    expect(await withStore(url, (store) => store.usage.list({ since: 0, limit: 10 }))).toHaveLength(
      4,
    );

    const purged = await colibriWithInput("acme\n", "purge", "--tenant", "acme", "--database", url);
    expect(purged.code, purged.stderr).toBe(0);
    expect(purged.stdout).toContain(
      'Purged tenant "acme": 6 rows deleted; the tenant and its keys stay.',
    );
    expect(purged.stdout).toMatch(/usage_records\s+2/);
    expect(purged.stdout).toMatch(/egress_values\s+1/);
    expect(purged.stdout).toMatch(/files\s+1/);

    await withStore(url, async (store) => {
      const acme = await store.tenants.findByName("acme");
      const beta = await store.tenants.findByName("beta");
      expect(acme).toBeDefined();
      expect(await store.keys.list({ tenantId: acme?.id ?? "" })).toHaveLength(1);
      expect(await store.files.list(acme?.id ?? "", { limit: 10 })).toEqual([]);
      expect(await store.usage.list({ since: 0, limit: 10, tenantId: acme?.id ?? "" })).toEqual([]);
      expect(await store.egress.findByHashes(["c".repeat(64)])).toHaveLength(1);
      expect(await store.files.content("file-beta", beta?.id ?? "")).toContain("Juan");
    });

    const account = await colibri(
      "purge",
      "--tenant",
      "acme",
      "--delete-tenant",
      "--yes",
      "--json",
      "--database",
      url,
    );
    expect(account.code, account.stderr).toBe(0);
    expect(JSON.parse(account.stdout)).toMatchObject({
      tenant: "acme",
      account: true,
      removed: { api_keys: 1, tenants: 1, usage_records: 0 },
    });
    expect(await withStore(url, (store) => store.tenants.findByName("acme"))).toBeUndefined();
  });

  it("applies the retention periods with --expired", async () => {
    const url = await backend.url();
    await withStore(url, fill);
    const swept = await colibri("purge", "--expired", "--json", "--database", url);
    expect(swept.code, swept.stderr).toBe(0);
    expect(JSON.parse(swept.stdout)).toMatchObject({ usageRecords: 2, files: 0 });
    const again = await colibri("purge", "--expired", "--database", url);
    expect(again.stdout).toMatch(/usage records deleted\s+0/);
  });
});

describe("colibri purge", () => {
  it("says in one line what is wrong: nothing to purge, an unknown tenant, the default tenant's account", async () => {
    for (const [args, pattern] of [
      [[], /Say what to purge: --tenant NAME .* or --expired/],
      [["--tenant", "acme", "--expired"], /Say what to purge/],
      [["--expired", "--delete-tenant"], /--delete-tenant goes with --tenant NAME/],
      [["--tenant", "nadie", "--yes"], /No tenant is named "nadie"/],
      [["--tenant", "default", "--delete-tenant"], /"default" is the default tenant/],
    ] as const) {
      if (args[1] === "default") await colibri("tenants", "set", "default", "--rpm", "10");
      const result = await colibri("purge", ...args);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(pattern);
    }
  });

  it("teaches with --help: what it removes, the HTTP equivalent and examples", async () => {
    const help = await colibri("purge", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("DELETE /admin/tenants/{name}/data");
    expect(help.stdout).toContain("colibri purge --tenant acme --yes --json");
    expect(help.stdout).toContain("retention.batchBodiesDays");
  });
});
