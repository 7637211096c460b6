import { spawn } from "node:child_process";

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; rejects only when it cannot start (e.g. ENOENT). Injectable. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  options?: { signal?: AbortSignal | undefined },
) => Promise<CommandResult>;

const outputLimit = 64 * 1024;

export const runCommand: CommandRunner = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout = (stdout + text).slice(-outputLimit);
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr = (stderr + text).slice(-outputLimit);
    });
    child.once("error", reject);
    child.once("close", (code, signal) => {
      resolve({ exitCode: code ?? (signal === null ? 1 : 128), stdout, stderr });
    });
  });
