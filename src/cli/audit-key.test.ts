import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadAuditKey } from "./audit-key.js";

let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-audit-key-"));
});

const options = (overrides: Partial<Parameters<typeof loadAuditKey>[0]> = {}) => ({
  home,
  envName: "COLIBRI_AUDIT_KEY",
  env: {},
  create: false,
  ...overrides,
});

describe("loadAuditKey", () => {
  it("creates $home/audit.key once, readable only by its owner, and reads it back", async () => {
    const created = await loadAuditKey(options({ create: true, home: join(home, "new") }));
    const file = join(home, "new", "audit.key");
    expect((await readFile(file, "utf8")).trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(created.toString("utf8")).toBe((await readFile(file, "utf8")).trim());
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadAuditKey(options({ create: true, home: join(home, "new") }))).toEqual(created);
    expect(await loadAuditKey(options({ home: join(home, "new") }))).toEqual(created);
  });

  it("gives the same key to stores starting at once", async () => {
    const keys = await Promise.all(
      Array.from({ length: 5 }, () => loadAuditKey(options({ create: true }))),
    );
    expect(new Set(keys.map((key) => key.toString("hex"))).size).toBe(1);
  });

  it("prefers the variable, as the same bytes as the file's text", async () => {
    await writeFile(join(home, "audit.key"), `${"a".repeat(64)}\n`);
    const fromFile = await loadAuditKey(options());
    const fromEnv = await loadAuditKey(options({ env: { COLIBRI_AUDIT_KEY: "a".repeat(64) } }));
    expect(fromEnv).toEqual(fromFile);
    const other = await loadAuditKey(
      options({ envName: "MY_KEY", env: { MY_KEY: ` ${"b".repeat(40)} ` } }),
    );
    expect(other.toString("utf8")).toBe("b".repeat(40));
  });

  it("refuses short keys, saying how long they must be", async () => {
    await expect(loadAuditKey(options({ env: { COLIBRI_AUDIT_KEY: "short" } }))).rejects.toThrow(
      "The audit key in COLIBRI_AUDIT_KEY has 5 characters; it needs at least 32.",
    );
    await writeFile(join(home, "audit.key"), "tiny\n");
    await expect(loadAuditKey(options({ create: true }))).rejects.toThrow(
      /audit\.key holds 4 characters; it needs at least 32/,
    );
  });

  it("without a key and without create, names both ways to give one", async () => {
    await expect(loadAuditKey(options())).rejects.toThrow(
      `No egress audit key: set COLIBRI_AUDIT_KEY (at least 32 characters) or create ${join(home, "audit.key")}`,
    );
    await expect(readFile(join(home, "audit.key"))).rejects.toThrow(/ENOENT/);
  });
});
