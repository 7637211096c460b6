import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { colibri } from "../support/run-cli.js";

beforeEach(async () => {
  process.env["COLIBRI_HOME"] = await mkdtemp(join(tmpdir(), "colibri-cli-limit-flags-"));
  delete process.env["COLIBRI_DATABASE_URL"];
});

function expectOneLineError(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(pattern);
}

describe("limit flags", () => {
  it("refuse hex, binary, exponents and Infinity with one line and a non-zero exit", async () => {
    expectOneLineError(
      await colibri("keys", "create", "--tenant", "acme", "--budget-usd", "0x10"),
      /^colibri: --budget-usd expects a positive amount of USD written as a plain decimal, at least 0\.000001 \(e\.g\. 25 or 0\.50\); got '0x10'\.$/,
    );
    expectOneLineError(
      await colibri("keys", "create", "--tenant", "acme", "--rpm", "0b11"),
      /^colibri: --rpm expects a whole number of at least 1 written with digits only \(e\.g\. 60\); got '0b11'\.$/,
    );
    expectOneLineError(
      await colibri("tenants", "set", "acme", "--budget-usd-day", "1e-320"),
      /^colibri: --budget-usd-day expects .*, or none to remove the limit; got '1e-320'\.$/,
    );
    expectOneLineError(
      await colibri("tenants", "set", "acme", "--tpm", "Infinity"),
      /^colibri: --tpm expects .*; got 'Infinity'\.$/,
    );
    const keys = await colibri("keys", "list", "--json");
    expect(JSON.parse(keys.stdout)).toEqual([]);
  });

  it("still take plain numbers, and none to remove a tenant's limit", async () => {
    const set = await colibri("tenants", "set", "acme", "--budget-usd", "16", "--rpm", "3");
    expect(set.code, set.stderr).toBe(0);
    const removed = await colibri("tenants", "set", "acme", "--budget-usd", "none", "--json");
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({
      budgetUsdMonth: null,
      requestsPerMinute: 3,
    });
  });
});
