import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";

const cliMain = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

// The fast suite runs the source, not dist/ (which may be stale or absent): the child process
// loads src/cli/main.ts through Vite's module runner, as vitest does, then runs it as bin/ does.
const launcher = `
import { runnerImport } from "vite";
const { module } = await runnerImport(${JSON.stringify(cliMain)}, {
  configFile: false,
  logLevel: "error",
  oxc: { target: "node20" },
});
process.exitCode = await module.main(["node", "colibri", ...process.argv.slice(1)]);
`;

export interface SpawnedCli {
  child: ChildProcessWithoutNullStreams;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal that ended it). */
  exited: Promise<number | NodeJS.Signals>;
}

/** Start `colibri ...args` as its own process (pipes for stdin, stdout and stderr). */
export function spawnColibri(args: string[], env: NodeJS.ProcessEnv): SpawnedCli {
  const child = spawn(process.execPath, ["--input-type=module", "-e", launcher, "--", ...args], {
    env,
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once("exit", (code, signal) => {
      resolve(code ?? signal ?? -1);
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Poll `done` every 20 ms until it holds; fail after `ms` with `describe()`'s account. */
export async function until(done: () => boolean, describe: () => string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Not done after ${ms} ms. ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
