import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { colibri } from "../support/run-cli.js";

let folder: string;
let tasksFile: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "colibri-eval-cascade-"));
  process.env["COLIBRI_HOME"] = folder;
  tasksFile = join(folder, "tasks.jsonl");
  await writeFile(tasksFile, `${JSON.stringify({ question: "2 + 2?", answer: 4 })}\n`);
});

/** Fails with exit code 1 and one line on stderr (commander's own errors add a hint line). */
async function failure(...args: string[]) {
  const result = await colibri("eval", "cascade", ...args);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  return result.stderr;
}

describe("colibri eval cascade: argument errors, before any model is loaded", () => {
  it("needs --tasks and checks the flags' values", async () => {
    expect(await failure()).toContain("required option '--tasks <file>' not specified");
    expect(await failure("--tasks", tasksFile, "--signal", "median")).toContain(
      "Allowed choices are mean, min, tail.",
    );
    expect(await failure("--tasks", tasksFile, "--threshold", "1.5")).toContain(
      "--threshold expects a number from 0 to 1, got '1.5'.",
    );
    expect(await failure("--tasks", tasksFile, "--limit", "0")).toContain(
      "--limit expects at least 1, got '0'.",
    );
  });

  it("names the task file, and the line, that cannot be used", async () => {
    const missing = join(folder, "missing.jsonl");
    expect(await failure("--tasks", missing)).toMatch(
      new RegExp(`^colibri: Cannot read the task file ${missing}: .*\\n$`, "u"),
    );
    await writeFile(tasksFile, `${JSON.stringify({ question: "2 + 2?", answer: 4 })}\n{oops\n`);
    expect(await failure("--tasks", tasksFile)).toMatch(
      new RegExp(`^colibri: ${tasksFile}:2: not valid JSON`, "u"),
    );
  });

  it("without a provider, says how to add one", async () => {
    const stderr = await failure("--tasks", tasksFile);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("colibri: No cloud provider is configured");
    expect(stderr).toContain(
      '{"providers":[{"name":"lan","baseUrl":"http://host:8080/v1","models":{"big":"local"}}]}',
    );
  });

  it("with a provider that needs a missing key, names the variable", async () => {
    const config = join(folder, "config.json");
    const provider = {
      name: "openai",
      baseUrl: "https://api.openai.com/v1",
      apiKeyEnv: "COLIBRI_TEST_MISSING_KEY",
      models: ["gpt-4o-mini"],
    };
    await writeFile(config, JSON.stringify({ providers: [provider] }));
    const result = await colibri("--config", config, "eval", "cascade", "--tasks", tasksFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("COLIBRI_TEST_MISSING_KEY, which is not set");
  });
});
