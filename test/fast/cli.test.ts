import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { tinyModelPath as tinyModel } from "../support/fixtures.js";
import { colibri } from "../support/run-cli.js";

beforeEach(async () => {
  process.env["COLIBRI_HOME"] = await mkdtemp(join(tmpdir(), "colibri-cli-"));
});

describe("colibri CLI", () => {
  it("teaches with --help and lists every command", async () => {
    const result = await colibri("--help");
    expect(result.code).toBe(0);
    for (const command of ["serve", "pull", "models", "inspect", "rm", "chat", "doctor", "bench"]) {
      expect(result.stdout).toContain(command);
    }
    const serveHelp = await colibri("serve", "--help");
    expect(serveHelp.stdout).toContain("Examples:");
  });

  it("fails with one line and a non-zero exit on an unknown command or a bad flag", async () => {
    const unknown = await colibri("bogus");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown command 'bogus'");

    const badPort = await colibri("serve", "--port", "99999");
    expect(badPort.code).toBe(1);
    expect(badPort.stderr.trim().split("\n")).toHaveLength(1);
    expect(badPort.stderr).toMatch(/^colibri: Invalid configuration: server\.port: Too big/);
  });

  it("lists the configured providers' cloud models next to the local ones", async () => {
    const home = process.env["COLIBRI_HOME"] ?? "";
    await writeFile(
      join(home, "config.json"),
      JSON.stringify({
        providers: [
          { name: "lan", baseUrl: "http://127.0.0.1:1/v1", models: { "lan-big": "local" } },
          {
            name: "claude",
            kind: "anthropic",
            baseUrl: "http://127.0.0.1:1/v1",
            models: ["haiku"],
          },
        ],
      }),
    );
    const listed = await colibri("models", "--json");
    expect(JSON.parse(listed.stdout).cloud).toEqual([
      { name: "lan-big", provider: "lan", kind: "openai" },
      { name: "haiku", provider: "claude", kind: "anthropic" },
    ]);
    expect((await colibri("models")).stdout).toMatch(
      /CLOUD MODEL +PROVIDER +PROTOCOL\nlan-big +lan +openai/,
    );
  });

  it("pulls a local file, lists, inspects and removes it", async () => {
    const pulled = await colibri("pull", tinyModel, "--name", "tiny", "--json");
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(JSON.parse(pulled.stdout)).toMatchObject({
      name: "tiny",
      sha256: "81f226c62d28ed4a1a9b9fa080fcd9f0cc40e0f9d5680036583ff98fbcd035cb",
    });

    const listed = await colibri("models", "--json");
    const { models } = JSON.parse(listed.stdout) as { models: { name: string; status: string }[] };
    expect(models.find((model) => model.name === "tiny")).toMatchObject({ status: "installed" });
    expect(models.find((model) => model.name === "smollm2-135m-instruct")).toMatchObject({
      status: "available",
    });

    const inspected = await colibri("inspect", "tiny", "--json");
    expect(JSON.parse(inspected.stdout)).toMatchObject({
      architecture: "llama",
      hasChatTemplate: false,
    });

    expect((await colibri("rm", "tiny")).code).toBe(0);
    const again = await colibri("rm", "tiny");
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^colibri: The model 'tiny' does not exist or is not installed\./);
  });
});
