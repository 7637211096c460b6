import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { ColibriError } from "../core/errors.js";
import type { CliContext } from "./context.js";

/** Adds one top-level command to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/**
 * The offline commands — `bench`, `router` (train, calibrate), `eval` and `tune` — live in tools/ and are
 * compiled apart from the runtime, into dist-tools/. src/ only knows their shape (this interface):
 * it never imports tools/, and main.ts loads them at run time with loadOfflineCommands().
 */
export interface OfflineCommands {
  registerBenchCommand: RegisterCommand;
  registerRouterCommand: RegisterCommand;
  registerEvalCommand: RegisterCommand;
  /** `tune`: the specialisation loop's offline steps (dataset export; training). */
  registerTuneCommand: RegisterCommand;
  /**
   * The one-line message for an error an offline command threw, when it is one of Colibrí's own
   * errors (undefined otherwise). Built, the tools carry their own copy of src/'s modules
   * (dist-tools/src/), so main.ts's `instanceof ColibriError` cannot recognise their errors.
   */
  errorMessage(error: unknown): string | undefined;
}

/**
 * The offline commands, or undefined when they are not built. Built (dist/cli/), they are
 * dist-tools/tools/cli/register.js, next to dist/. When this module runs as TypeScript source —
 * the tests run src/cli/main.ts in-process under vitest — it imports the tools' source instead
 * (tools/cli/register.ts), so tests need no build. The path is computed, not written as an import,
 * so neither tsc nor a bundler follows it from src/ into tools/.
 */
export async function loadOfflineCommands(): Promise<OfflineCommands | undefined> {
  const url = import.meta.url.endsWith(".ts")
    ? new URL("../../tools/cli/register.ts", import.meta.url)
    : new URL("../../dist-tools/tools/cli/register.js", import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  const tools = (await import(url.href)) as { offlineCommands: OfflineCommands };
  return tools.offlineCommands;
}

/**
 * Whether these arguments (after `node colibri`) may run an offline command or list them all:
 * no command, `help`, or an offline command's name first. Only then does main.ts load the tools,
 * so `colibri serve` and the other runtime commands start as fast as before.
 */
export function mayRunOfflineCommand(args: readonly string[]): boolean {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--config") {
      index++; // the only global option that takes a value
    } else if (!arg.startsWith("-")) {
      return arg === "help" || offlineCommandNames.has(arg);
    }
  }
  return true;
}

const offlineCommandNames = new Set(["bench", "router", "eval", "tune"]);

/**
 * What stands in for an offline command that is not built (or not loaded, as its name was not
 * asked for): a one-line error, whatever follows.
 */
export function notBuiltCommand(name: string): RegisterCommand {
  return (program) => {
    program
      .command(name)
      .description("offline tool, not built: run `npm run build`")
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .argument("[arguments...]")
      .action(() => {
        throw new ColibriError(
          `\`colibri ${name}\` is an offline tool that is not built. Run \`npm run build\` in the repository first.`,
          { code: "not_built", status: 500 },
        );
      });
  };
}
