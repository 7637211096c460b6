import type { ConfigOverrides } from "../config/load.js";
import type { ColibriConfig } from "../config/schema.js";

/** What every command gets from the CLI's composition root (src/cli/main.ts). */
export interface CliContext {
  /** The config (defaults ← file ← environment ← the given flag overrides), read and validated. */
  loadConfig(overrides?: ConfigOverrides): Promise<ColibriConfig>;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The exit code once the command ends without an error (default 0). */
  setExitCode(code: number): void;
}
