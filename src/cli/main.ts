#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { loadConfig } from "../config/load.js";
import { toColibriError } from "../core/errors.js";
import { registerBenchCommand } from "./commands/bench.js";
import { registerChatCommand } from "./commands/chat.js";
import { registerDoctorCommand } from "./commands/doctor.js";
import { registerInspectCommand } from "./commands/inspect.js";
import { registerModelsCommand } from "./commands/models.js";
import { registerPullCommand } from "./commands/pull.js";
import { registerRmCommand } from "./commands/rm.js";
import { registerServeCommand } from "./commands/serve.js";
import type { CliContext } from "./context.js";

/** The CLI's composition root: the one place that reads flags, environment and config. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command("colibri")
    .description(
      "Colibrí — a local-first language-model gateway with an OpenAI-compatible API.\nData folder: $COLIBRI_HOME (default ~/.colibri).",
    )
    .version("0.1.0")
    .option("--config <file>", "config file (default: $COLIBRI_HOME/config.json)")
    .showHelpAfterError("(add --help for usage and examples)")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const context: CliContext = {
    loadConfig: (overrides) => {
      const file = program.opts<{ config?: string }>().config;
      return loadConfig({
        ...(file === undefined ? {} : { file }),
        ...(overrides === undefined ? {} : { overrides }),
      });
    },
    stdout: process.stdout,
    stderr: process.stderr,
  };
  for (const register of [
    registerServeCommand,
    registerPullCommand,
    registerModelsCommand,
    registerInspectCommand,
    registerRmCommand,
    registerChatCommand,
    registerDoctorCommand,
    registerBenchCommand,
  ]) {
    register(program, context);
  }
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode; // commander already printed it
    process.stderr.write(`colibri: ${toColibriError(error).message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
