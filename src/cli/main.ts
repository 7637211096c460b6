import { Command, CommanderError } from "commander";
import { loadConfig } from "../config/load.js";
import { toColibriError } from "../core/errors.js";
import { registerAuditCommand } from "./commands/audit.js";
import { registerChatCommand } from "./commands/chat.js";
import { registerDoctorCommand } from "./commands/doctor.js";
import { registerInspectCommand } from "./commands/inspect.js";
import { registerKbCommand } from "./commands/kb.js";
import { registerKeysCommand } from "./commands/keys.js";
import { registerLangCommand } from "./commands/lang.js";
import { registerModelsCommand } from "./commands/models.js";
import { registerPrivacyCommand } from "./commands/privacy.js";
import { registerPullCommand } from "./commands/pull.js";
import { registerPurgeCommand } from "./commands/purge.js";
import { registerQueueCommand } from "./commands/queue.js";
import { registerRmCommand } from "./commands/rm.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerStatsCommand } from "./commands/stats.js";
import { registerTenantsCommand } from "./commands/tenants.js";
import { registerUsageCommand } from "./commands/usage.js";
import type { CliContext } from "./context.js";
import { loadOfflineCommands, mayRunOfflineCommand, notBuiltCommand } from "./offline-commands.js";

export interface CliOutput {
  /** Default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * The CLI's composition root: the one place that reads flags, environment and config.
 * Resolves to the exit code; errors are printed as one line on stderr.
 */
export async function main(
  argv: string[],
  output: CliOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const program = new Command("colibri")
    .description(
      "Colibrí — a local-first language-model gateway with an OpenAI-compatible API.\nData folder: $COLIBRI_HOME (default ~/.colibri).",
    )
    .version("0.1.0")
    .option("--config <file>", "config file (default: $COLIBRI_HOME/config.json)")
    .showHelpAfterError("(add --help for usage and examples)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.stdout.write(text),
      writeErr: (text) => output.stderr.write(text),
    });

  let exitCode = 0;
  const context: CliContext = {
    loadConfig: (overrides) => {
      const file = program.opts<{ config?: string }>().config;
      return loadConfig({
        ...(file === undefined ? {} : { file }),
        ...(overrides === undefined ? {} : { overrides }),
      });
    },
    stdin: output.stdin ?? process.stdin,
    stdout: output.stdout,
    stderr: output.stderr,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  // The offline commands (bench, router, eval) come from tools/, built apart, loaded only when
  // asked for; each keeps its place in the list, so `colibri --help` reads as before.
  const offline = mayRunOfflineCommand(argv.slice(2)) ? await loadOfflineCommands() : undefined;
  for (const register of [
    registerServeCommand,
    registerPullCommand,
    registerModelsCommand,
    registerInspectCommand,
    registerRmCommand,
    registerChatCommand,
    registerDoctorCommand,
    offline?.registerBenchCommand ?? notBuiltCommand("bench"),
    registerKeysCommand,
    registerTenantsCommand,
    registerUsageCommand,
    registerStatsCommand,
    registerAuditCommand,
    offline?.registerRouterCommand ?? notBuiltCommand("router"),
    offline?.registerEvalCommand ?? notBuiltCommand("eval"),
    offline?.registerTuneCommand ?? notBuiltCommand("tune"),
    registerPrivacyCommand,
    registerLangCommand,
    registerKbCommand,
    registerQueueCommand,
    registerPurgeCommand,
  ]) {
    register(program, context);
  }
  for (const command of program.commands) {
    command.exitOverride().configureOutput(program.configureOutput());
  }

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode; // commander already printed it
    const message = offline?.errorMessage(error) ?? toColibriError(error).message;
    output.stderr.write(`colibri: ${message}\n`);
    return 1;
  }
}
