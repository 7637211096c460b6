import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { colibri } from "../support/run-cli.js";
import { expectOpenAIError } from "../support/openai-error.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * Issue 17, item 10: a report's since and until that are no time (a duration reaching back past
 * 1970, a year before 1970) are refused everywhere they are read — the admin API with a 400 that
 * names the parameter and the accepted range, the CLI with one line and a non-zero exit — instead
 * of a 500 "Invalid time value" or a report from a negative time.
 */
const adminKey = "admin-key-0123456789abcdef";
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function get(path: string) {
  const gateway = await startTestGateway({ config: { server: { auth: true, adminKey } } });
  gateways.push(gateway);
  return gateway.app.inject({
    method: "GET",
    url: path,
    headers: { authorization: `Bearer ${adminKey}` },
  });
}

describe("the admin API", () => {
  it.each([
    ["/admin/dashboard?since=9999999999999d", "since"],
    ["/admin/usage?since=9999999999999d", "since"],
    ["/admin/audit?since=9999999999999d", "since"],
    ["/admin/usage?since=1d&until=1900-01-01", "until"],
    ["/admin/dashboard?since=1d&until=9999999999999d", "until"],
  ])("refuses %s with a 400 naming %s and the accepted range", async (path, param) => {
    const response = await get(path);
    expect(response.statusCode).toBe(400);
    const error = expectOpenAIError(response.json());
    expect(error.param).toBe(param);
    expect(error.message).toMatch(new RegExp(`^${param} `));
    expect(error.message).toMatch(/between 1970-01-01 and 9999-12-31/);
  });

  it("still answers a report reaching back to 1970", async () => {
    const response = await get("/admin/usage?since=1970-01-01");
    expect(response.statusCode).toBe(200);
  });
});

describe("the CLI", () => {
  beforeEach(async () => {
    process.env["COLIBRI_HOME"] = await mkdtemp(join(tmpdir(), "colibri-report-time-"));
    delete process.env["COLIBRI_DATABASE_URL"];
  });

  it.each([
    ["stats", "--since", "9999999999999d"],
    ["usage", "--since", "9999999999999d"],
    ["audit", "--since", "9999999999999d"],
    ["stats", "--since", "1d", "--until", "1500-01-01"],
  ])("colibri %s %s %s prints one line naming the option and exits non-zero", async (...args) => {
    const result = await colibri(...args);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`${args.at(-2) ?? ""} .*between 1970-01-01 and 9999-12-31`),
    );
  });
});
