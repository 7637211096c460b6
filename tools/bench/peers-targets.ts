import { spawn, fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { request } from "undici";

/** The peers, pinned: the versions the table in docs/benchmarks.md was measured with. */
export const portkeyPackage = "@portkey-ai/gateway@1.15.2";
/** 1.80.0: newer releases' proxy extra needs litellm-proxy, which the index here does not serve. */
export const litellmRequirement = "litellm[proxy]==1.80.0";

/** A gateway (or the stub itself) the benchmark sends chat completions to. */
export interface Target {
  name: string;
  /** Full URL of its chat completions endpoint. */
  url: string;
  headers: Record<string, string>;
  /** Its process group (CPU and RSS are read over the whole group); the stub's for "direct". */
  groupId: number;
  child: ChildProcess | undefined;
}

/** Run a command to its end; its output is kept and thrown (last lines) when it fails. */
export async function run(command: string, args: string[], cwd: string): Promise<void> {
  const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr.on("data", (data: Buffer) => (output += data.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) {
    const lines = output
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("WARNING: Location"));
    throw new Error(`${command} ${args.join(" ")} failed: ${lines.slice(-3).join(" / ")}`);
  }
}

/** Portkey's gateway from npm into `folder` (skipped when it is there already). */
export async function installPortkey(folder: string): Promise<string> {
  const entry = join(folder, "node_modules/@portkey-ai/gateway/build/start-server.js");
  if (!existsSync(entry)) {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "package.json"), '{"private":true}\n');
    await run("npm", ["install", "--no-audit", "--no-fund", portkeyPackage], folder);
  }
  return entry;
}

/** LiteLLM's proxy from the Python package index into a venv in `folder` (skipped when there). */
export async function installLitellm(folder: string): Promise<string> {
  const entry = join(folder, "venv/bin/litellm");
  if (!existsSync(entry)) {
    await mkdir(folder, { recursive: true });
    await run("python3", ["-m", "venv", join(folder, "venv")], folder);
    await run(join(folder, "venv/bin/pip"), ["install", "--quiet", litellmRequirement], folder);
  }
  return entry;
}

/** A free port on 127.0.0.1, one the system handed out and that was closed again: nothing listens on it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("No port.");
  return address.port;
}

/** A forked benchmark helper (its own process group) and the first message it sends. */
export async function forkHelper(
  script: URL,
  args: string[],
  execArgv: string[] = [],
): Promise<{ child: ChildProcess; message: unknown }> {
  const child = fork(script, args, {
    detached: true,
    execArgv,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const message = await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("error", reject);
    child.once("exit", (code) => {
      reject(new Error(`${script.pathname} exited (${String(code)})`));
    });
  });
  return { child, message };
}

/** Start a peer's server, detached (its own process group), its output thrown away. */
export function startDetached(command: string, args: string[], cwd: string): ChildProcess {
  return spawn(command, args, {
    cwd,
    detached: true,
    stdio: ["ignore", "ignore", "ignore"],
    env: { ...process.env, PYTHONUNBUFFERED: "1" },
  });
}

/** Wait until `target` answers a chat completion with 200 (at most `seconds`). */
export async function waitReady(target: Target, body: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  let last = "";
  while (Date.now() < deadline) {
    if (target.child?.exitCode !== null && target.child?.exitCode !== undefined) {
      throw new Error(`${target.name} exited (${target.child.exitCode}) before it was ready`);
    }
    try {
      const response = await request(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...target.headers },
        body,
      });
      last = `HTTP ${response.statusCode}: ${(await response.body.text()).slice(0, 200)}`;
      if (response.statusCode === 200) return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${target.name} was not ready after ${seconds} s (${last})`);
}

/** The LiteLLM proxy's config: gpt-4o-mini is the stub, one master key, no database. */
export function litellmConfig(stubBaseUrl: string, masterKey: string): string {
  return [
    "model_list:",
    "  - model_name: gpt-4o-mini",
    "    litellm_params:",
    "      model: openai/gpt-4o-mini",
    `      api_base: ${stubBaseUrl}`,
    "      api_key: sk-stub",
    "general_settings:",
    `  master_key: ${masterKey}`,
    "litellm_settings:",
    "  telemetry: false",
    "",
  ].join("\n");
}

/** Stop a target's whole process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopGroup(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  const pid = child?.pid;
  if (child === undefined || pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      resolve();
    });
  });
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone already
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}
