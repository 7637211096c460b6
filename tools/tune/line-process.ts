import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { createInterface } from "node:readline";

export interface LineProcessOptions {
  /** Each line the program writes on stdout, as it comes. */
  onStdoutLine?: (line: string) => void;
  /** Each line it writes on stderr, as it comes. */
  onStderrLine?: (line: string) => void;
  /** Niceness to run at (0–19): training runs at 10 so a gateway on the same cores keeps them. */
  niceness?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

export interface LineProcessResult {
  exitCode: number;
  /** The last lines of stderr, for an error message. */
  stderrTail: string[];
}

/** Runs a program to completion, line by line; injectable so tests need no Python. */
export type LineRunner = (
  command: string,
  args: readonly string[],
  options?: LineProcessOptions,
) => Promise<LineProcessResult>;

const tailLines = 20;

/** Rejects only when the program cannot start (e.g. ENOENT). */
export const runLines: LineRunner = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: options.env ?? process.env,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    if (options.niceness !== undefined && child.pid !== undefined) {
      try {
        setPriority(child.pid, options.niceness);
      } catch {
        // Not allowed here (some containers): it runs at normal priority.
      }
    }
    const stderrTail: string[] = [];
    createInterface({ input: child.stdout }).on("line", (line) => options.onStdoutLine?.(line));
    createInterface({ input: child.stderr }).on("line", (line) => {
      stderrTail.push(line);
      if (stderrTail.length > tailLines) stderrTail.shift();
      options.onStderrLine?.(line);
    });
    child.once("error", reject);
    child.once("close", (code, signal) => {
      resolve({ exitCode: code ?? (signal === null ? 1 : 128), stderrTail });
    });
  });
