import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { normalizeValue } from "../../src/privacy/normalize.js";
import { ValueHasher } from "../../src/privacy/value-hasher.js";
import { openStore } from "../../src/store/open-store.js";
import type { EgressRecord } from "../../src/core/records/egress.js";
import type { Store } from "../../src/core/records/store.js";
import { colibri, colibriWithInput } from "../support/run-cli.js";

const key = "0123456789abcdef".repeat(4);
const hasher = new ValueHasher(key);
const cpf = hasher.hash(normalizeValue("BR_CPF", "123.456.789-09"));
const email = hasher.hash(normalizeValue("EMAIL", "ana.souza@example.com"));
const otherCpf = hasher.hash(normalizeValue("BR_CPF", "987.654.321-00"));
const minute = 60_000;
const hour = 60 * minute;

let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-cli-audit-"));
  process.env["COLIBRI_HOME"] = home;
  delete process.env["COLIBRI_DATABASE_URL"];
  delete process.env["COLIBRI_AUDIT_KEY"];
});

afterEach(() => {
  delete process.env["COLIBRI_AUDIT_KEY"];
  delete process.env["MY_AUDIT_KEY"];
});

async function withHomeStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ url: `sqlite:${join(home, "colibri.db")}`, home });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function record(overrides: Partial<EgressRecord> & { tenantId: string }): EgressRecord {
  return {
    id: randomUUID(),
    createdAt: Date.now() - minute,
    requestId: `req-${randomUUID()}`,
    provider: "openai",
    model: "gpt-4o-mini",
    region: null,
    bytesSent: 2048,
    outcome: "sent",
    action: "allow",
    reason: "context too long for the local model",
    findings: {},
    values: [],
    delivered: null,
    ...overrides,
  };
}

/**
 * acme: a CPF pseudonymized (an hour ago), the same CPF in clear with an e-mail (a minute ago);
 * beta: a blocked card two days ago, and another CPF kept local ten minutes ago.
 */
async function seed() {
  return withHomeStore(async (store) => {
    const acme = await store.tenants.ensure("acme", Date.now());
    const beta = await store.tenants.ensure("beta", Date.now());
    const records = {
      pseudonymized: record({
        tenantId: acme.id,
        createdAt: Date.now() - hour,
        provider: "anthropic",
        model: "claude-sonnet",
        region: "eu",
        action: "pseudonymize",
        findings: { BR_CPF: 1 },
        values: [{ type: "BR_CPF", hash: cpf, action: "pseudonymize" }],
      }),
      clear: record({
        tenantId: acme.id,
        findings: { BR_CPF: 1, EMAIL: 2 },
        values: [
          { type: "EMAIL", hash: email, action: "allow" },
          { type: "BR_CPF", hash: cpf, action: "allow" },
        ],
      }),
      blocked: record({
        tenantId: beta.id,
        createdAt: Date.now() - 48 * hour,
        outcome: "blocked",
        action: "block",
        bytesSent: 0,
        reason: "policy blocks CARD on openai",
        findings: { CARD: 1 },
        values: [{ type: "CARD", hash: hasher.hash("4111111111111111"), action: "block" }],
      }),
      local: record({
        tenantId: beta.id,
        createdAt: Date.now() - 10 * minute,
        outcome: "kept-local",
        action: "local-only",
        bytesSent: 0,
        findings: { BR_CPF: 1 },
        values: [{ type: "BR_CPF", hash: otherCpf, action: "local-only" }],
      }),
    };
    for (const each of Object.values(records)) await store.egress.insert(each);
    return records;
  });
}

async function useKeyFile() {
  await writeFile(join(home, "audit.key"), `${key}\n`, { mode: 0o600 });
}

function expectOneLineError(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(pattern);
}

describe("colibri audit", () => {
  it("lists the last 24 hours newest first, with findings and a summary", async () => {
    const records = await seed();
    const result = await colibri("audit");
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^Egress audit from \d{4}-\d\d-\d\d \d\d:\d\d UTC to .* UTC/);
    const header = lines.find((line) => line.startsWith("TIME"));
    expect(header?.split(/\s{2,}/)).toEqual([
      "TIME",
      "TENANT",
      "PROVIDER",
      "MODEL",
      "REGION",
      "BYTES",
      "OUTCOME",
      "ACTION",
      "FINDINGS",
      "REASON",
    ]);
    const rows = lines.filter((line) => / UTC {2}(acme|beta) /.test(line));
    expect(rows).toHaveLength(3); // the blocked record is two days old
    expect(rows[0]).toMatch(
      /acme\s+openai\s+gpt-4o-mini\s+-\s+2,048\s+sent\s+allow\s+BR_CPF×1, EMAIL×2\s+context too long/,
    );
    expect(rows[1]).toMatch(/beta\s+openai.*kept-local\s+local-only\s+BR_CPF×1/);
    expect(rows[2]).toMatch(/acme\s+anthropic\s+claude-sonnet\s+eu\s+2,048\s+sent\s+pseudonymize/);
    expect(result.stdout).toContain(
      "3 records: 2 sent, 0 blocked, 1 kept local; 4,096 bytes sent; findings BR_CPF×3, EMAIL×2.",
    );
    for (const hash of [cpf, email, otherCpf]) expect(result.stdout).not.toContain(hash);
    expect(records.clear.id).toBeDefined();
  });

  it("filters by time, tenant and limit", async () => {
    await seed();
    const week = await colibri("audit", "--since", "7d", "--tenant", "beta");
    expect(week.code, week.stderr).toBe(0);
    expect(week.stdout).toContain('Egress audit for tenant "beta"');
    expect(week.stdout).toMatch(/blocked\s+block\s+CARD×1\s+policy blocks CARD on openai/);
    expect(week.stdout).toContain("2 records: 0 sent, 1 blocked, 1 kept local");
    expect(week.stdout).not.toMatch(/ acme /);

    const limited = await colibri("audit", "--limit", "1");
    expect(limited.stdout).toContain("1 record: 1 sent");
    expect(limited.stdout).toContain("Showing the newest 1; raise --limit");

    const older = await colibri("audit", "--since", "3d", "--until", "1d");
    expect(older.stdout).toContain("1 record: 0 sent, 1 blocked");

    const none = await colibri("audit", "--since", "30s");
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^No egress records from .* UTC to .* UTC\.\n$/);
  });

  it("prints records as JSON, values as type, hash and action", async () => {
    const records = await seed();
    const result = await colibri("audit", "--json", "--tenant", "acme");
    expect(result.code, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout) as unknown[];
    expect(listed).toEqual([
      { ...records.clear, tenant: "acme" },
      { ...records.pseudonymized, tenant: "acme" },
    ]);
    expect(listed[0]).toMatchObject({
      values: [
        { type: "EMAIL", hash: email, action: "allow" },
        { type: "BR_CPF", hash: cpf, action: "allow" },
      ],
    });
  });

  it("refuses bad flags in one line", async () => {
    expectOneLineError(await colibri("audit", "--limit", "many"), /--limit expects a whole number/);
    expectOneLineError(
      await colibri("audit", "--limit", "0"),
      /limit must be a whole number from 1/,
    );
    expectOneLineError(await colibri("audit", "--since", "yesterday-ish"), /--since expects/);
    expectOneLineError(await colibri("audit", "--tenant", "nobody"), /No tenant is named "nobody"/);
  });
});

describe("colibri audit check", () => {
  it("finds a CPF however it is written, and says what became of it", async () => {
    await seed();
    await useKeyFile();
    for (const written of ["123.456.789-09", "12345678909"]) {
      const result = await colibri("audit", "check", written);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        /^Seen in 2 requests: 1 sent in clear, 1 pseudonymized before sending\.\n/,
      );
      expect(result.stdout).toMatch(
        /First seen .* UTC, last seen .* UTC; tenant acme; providers anthropic, openai; found as BR_CPF\./,
      );
      expect(result.stdout).toMatch(/acme\s+openai\s+gpt-4o-mini\s+BR_CPF\s+sent in clear\s+req-/);
      expect(result.stdout).toMatch(
        /acme\s+anthropic\s+claude-sonnet\s+BR_CPF\s+pseudonymized before sending/,
      );
      // Neither the value, nor its hash, nor any other value's hash.
      for (const text of [written, cpf, email, otherCpf]) expect(result.stdout).not.toContain(text);
    }
  });

  it("reads the value from stdin with -, so it stays out of the shell history", async () => {
    await seed();
    await useKeyFile();
    const piped = await colibriWithInput("123.456.789-09\n", "audit", "check", "-");
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toMatch(/^Seen in 2 requests/);
    expectOneLineError(await colibriWithInput("", "audit", "check", "-"), /stdin was empty/);
  });

  it("reports as JSON, and within one tenant", async () => {
    const records = await seed();
    await useKeyFile();
    const result = await colibri("audit", "check", "ana.souza@EXAMPLE.com", "--json");
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      seen: true,
      tenant: null,
      requests: 1,
      sentInClear: 1,
      pseudonymized: 0,
      redacted: 0,
      blocked: 0,
      keptLocal: 0,
      firstSeenAt: records.clear.createdAt,
      lastSeenAt: records.clear.createdAt,
      tenants: ["acme"],
      providers: ["openai"],
      types: ["EMAIL"],
      sightings: [
        { egressId: records.clear.id, requestId: records.clear.requestId, fate: "sentInClear" },
      ],
    });
    expect(result.stdout).not.toContain(email);

    const other = await colibri("audit", "check", "987.654.321-00", "--tenant", "beta");
    expect(other.stdout).toMatch(
      /^Seen in 1 request of tenant "beta": 0 sent in clear, 1 kept local\./,
    );
    const elsewhere = await colibri("audit", "check", "987.654.321-00", "--tenant", "acme");
    expect(elsewhere.stdout).toBe(
      'Never seen in any request of tenant "acme" that left this machine (nor in one stopped from leaving).\n',
    );
  });

  it("says when a value was never seen", async () => {
    await seed();
    await useKeyFile();
    const result = await colibri("audit", "check", "111.444.777-35");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      "Never seen in any request that left this machine (nor in one stopped from leaving).\n",
    );
    const json = await colibri("audit", "check", "111.444.777-35", "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({ seen: false, requests: 0, sightings: [] });
  });

  it("takes the key from the variable the config names, before the key file", async () => {
    await seed();
    await writeFile(join(home, "audit.key"), `${"f".repeat(64)}\n`);
    await writeFile(
      join(home, "config.json"),
      JSON.stringify({ privacy: { auditKeyEnv: "MY_AUDIT_KEY" } }),
    );
    const wrongKey = await colibri("audit", "check", "12345678909");
    expect(wrongKey.stdout).toMatch(/^Never seen/);
    process.env["MY_AUDIT_KEY"] = key;
    const result = await colibri("audit", "check", "12345678909");
    expect(result.stdout).toMatch(/^Seen in 2 requests/);
  });

  it("fails in one line without a key, naming both ways to give it, and creates none", async () => {
    await seed();
    const result = await colibri("audit", "check", "12345678909");
    expectOneLineError(
      result,
      /^colibri: No egress audit key: set COLIBRI_AUDIT_KEY \(at least 32 characters\) or create \S+audit\.key .*same key\.$/,
    );
    await expect(readFile(join(home, "audit.key"))).rejects.toThrow(/ENOENT/);

    process.env["COLIBRI_AUDIT_KEY"] = "too-short";
    expectOneLineError(
      await colibri("audit", "check", "12345678909"),
      /The audit key in COLIBRI_AUDIT_KEY has 9 characters; it needs at least 32/,
    );
  });

  it("refuses a value without letters or digits", async () => {
    await useKeyFile();
    expectOneLineError(await colibri("audit", "check", "--", "-.-"), /has no letters or digits/);
  });

  it("documents both commands with examples", async () => {
    for (const command of [["audit"], ["audit", "check"]]) {
      const help = await colibri(...command, "--help");
      expect(help.stdout, command.join(" ")).toContain("Examples:");
      expect(help.stdout, command.join(" ")).toContain("--database <url>");
      expect(help.stdout, command.join(" ")).toContain("--tenant <name>");
    }
    expect((await colibri("audit", "--help")).stdout).toContain("check [options] <value>");
    expect((await colibri("--help")).stdout).toContain("audit");
  });
});
