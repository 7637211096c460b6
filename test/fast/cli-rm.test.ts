import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { ggufHeaderBytes } from "../support/gguf-bytes.js";
import { colibri } from "../support/run-cli.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

let home: string;
let gateway: TestGateway<ScriptedBackend> | undefined;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-cli-rm-"));
  process.env["COLIBRI_HOME"] = home;
});
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

/** Install a model under `name` (a file that starts like a GGUF model). */
async function install(name: string): Promise<void> {
  const file = join(home, `${name}.gguf`);
  await writeFile(file, Buffer.concat([ggufHeaderBytes(), Buffer.alloc(32)]));
  const pulled = await colibri("pull", file);
  expect(pulled.code, pulled.stderr).toBe(0);
}

/** A real Colibrí server serving `model`, on the port the config in $COLIBRI_HOME names. */
async function serve(model: string): Promise<string> {
  gateway = await startTestGateway({ backend: new ScriptedBackend(model) });
  const address = await gateway.server.listen();
  await writeFile(
    join(home, "config.json"),
    JSON.stringify({ server: { port: Number(new URL(address).port) } }),
  );
  return address;
}

async function installedNames(): Promise<string[]> {
  const listed = JSON.parse((await colibri("models", "--json")).stdout) as {
    models: { name: string; status: string }[];
  };
  return listed.models.filter((model) => model.status === "installed").map((model) => model.name);
}

/** `colibri ...args` with stdin as a terminal that answers `answer`. */
async function onTerminal(answer: string, ...args: string[]) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  stdin.end(answer);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
  const code = await main(["node", "colibri", ...args], { stdin, stdout, stderr });
  return { code, stderr: Buffer.concat(chunks).toString("utf8") };
}

describe("colibri rm", () => {
  it("refuses, in one line naming the server, to remove the model a running server serves", async () => {
    await install("tiny");
    const address = await serve("tiny");

    const refused = await colibri("rm", "tiny");

    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `colibri: The Colibrí server at ${address} is serving tiny: stop it first, or remove the model anyway with --force (the server keeps it in memory until it stops, then cannot start with it).\n`,
    );
    expect(await installedNames()).toEqual(["tiny"]);
  });

  it("with --force, asks on a terminal, and needs --yes without one", async () => {
    await install("tiny");
    await serve("tiny");

    const noTerminal = await colibri("rm", "tiny", "--force");
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stderr).toMatch(
      /^colibri: The Colibrí server at http:\/\/127\.0\.0\.1:\d+ is serving tiny, and there is no terminal to confirm on: add --yes to remove it anyway\. Nothing was removed\.\n$/,
    );
    const declined = await onTerminal("n\n", "rm", "tiny", "--force");
    expect(declined.code).toBe(1);
    expect(declined.stderr).toMatch(
      /Remove it anyway\? \[y\/N\] colibri: Not confirmed: tiny was not removed\.\n$/,
    );
    expect(await installedNames()).toEqual(["tiny"]);

    const confirmed = await onTerminal("y\n", "rm", "tiny", "--force");
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(await installedNames()).toEqual([]);
  });

  it("removes it with --force --yes, and removes models the server does not serve without asking", async () => {
    await install("tiny");
    await install("other");
    await serve("tiny");

    const other = await colibri("rm", "other");
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).toMatch(/^Removed other \(/);

    const forced = await colibri("rm", "tiny", "--force", "--yes");
    expect(forced.code, forced.stderr).toBe(0);
    expect(await installedNames()).toEqual([]);
  });

  it("removes a model when no server is running, and teaches --force and --yes in --help", async () => {
    await install("tiny");
    expect((await colibri("rm", "tiny")).code).toBe(0);
    const help = await colibri("rm", "--help");
    expect(help.stdout).toContain("--force");
    expect(help.stdout).toContain("colibri rm smollm2-135m-instruct --force --yes");
  });
});
