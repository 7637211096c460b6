import type { Command } from "commander";
import { formatBytes } from "../../models/byte-size.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import type { CliContext } from "../context.js";

export function registerRmCommand(program: Command, context: CliContext): void {
  program
    .command("rm")
    .description("Remove an installed model (its file and its manifest) from the models folder.")
    .argument("<name>", "installed model name (see: colibri models)")
    .option("--json", "print the removed model's manifest as JSON")
    .addHelpText(
      "after",
      `
Example:
  colibri rm gemma3-270m`,
    )
    .action(async (name: string, options: { json?: boolean }) => {
      const store = modelStoreFromConfig(await context.loadConfig());
      const removed = await store.remove(name);
      context.stdout.write(
        options.json === true
          ? `${JSON.stringify(removed, null, 2)}\n`
          : `Removed ${removed.name} (${formatBytes(removed.sizeBytes)} freed).\n`,
      );
    });
}
