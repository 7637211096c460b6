import { createInterface } from "node:readline";
import type { Command } from "commander";
import { ColibriError, InvalidRequestError } from "../../core/errors.js";
import { formatBytes } from "../../models/byte-size.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import type { CliContext } from "../context.js";
import { findRunningServer, type RunningServer } from "../running-server.js";

interface RmOptions {
  json?: boolean;
  force?: boolean;
  yes?: boolean;
}

export function registerRmCommand(program: Command, context: CliContext): void {
  program
    .command("rm")
    .description("Remove an installed model (its file and its manifest) from the models folder.")
    .argument("<name>", "installed model name (see: colibri models)")
    .option("--force", "remove it even while a running Colibrí server is serving it")
    .option("--yes", "with --force: do not ask for confirmation (scripts)")
    .option("--json", "print the removed model's manifest as JSON")
    .addHelpText(
      "after",
      `
A model that the Colibrí server on the configured host and port (server.host, server.port)
is serving is not removed unless --force is given; --force asks first on a terminal.

Examples:
  colibri rm gemma3-270m
  colibri rm smollm2-135m-instruct --force       # in use: asks "Remove it anyway? [y/N]"
  colibri rm smollm2-135m-instruct --force --yes # in use, in a script`,
    )
    .action(async (name: string, options: RmOptions) => {
      const config = await context.loadConfig();
      const store = modelStoreFromConfig(config);
      // An unknown name is refused by remove() without asking any server.
      if ((await store.installed(name)) !== undefined) {
        const server = await findRunningServer(config.server.host, config.server.port);
        if (server !== undefined && server.model === name) {
          await confirmRemovalInUse(context, name, server, options);
        }
      }
      const removed = await store.remove(name);
      context.stdout.write(
        options.json === true
          ? `${JSON.stringify(removed, null, 2)}\n`
          : `Removed ${removed.name} (${formatBytes(removed.sizeBytes)} freed).\n`,
      );
    });
}

/** Refuse without --force; with it, ask on a terminal unless --yes. Throws unless confirmed. */
async function confirmRemovalInUse(
  context: CliContext,
  name: string,
  server: RunningServer,
  options: RmOptions,
): Promise<void> {
  const inUse = `The Colibrí server at ${server.address} is serving ${name}`;
  if (options.force !== true) {
    throw new ColibriError(
      `${inUse}: stop it first, or remove the model anyway with --force (the server keeps it in memory until it stops, then cannot start with it).`,
      { code: "model_in_use", status: 409, param: "model" },
    );
  }
  if (options.yes === true) return;
  if (!("isTTY" in context.stdin && context.stdin.isTTY === true)) {
    throw new InvalidRequestError(
      `${inUse}, and there is no terminal to confirm on: add --yes to remove it anyway. Nothing was removed.`,
    );
  }
  context.stderr.write(`${inUse}. Remove it anyway? [y/N] `);
  const lines = createInterface({ input: context.stdin, crlfDelay: Infinity });
  let answer = "";
  for await (const line of lines) {
    answer = line.trim();
    break;
  }
  lines.close();
  if (!/^y(es)?$/i.test(answer)) {
    throw new InvalidRequestError(`Not confirmed: ${name} was not removed.`);
  }
}
