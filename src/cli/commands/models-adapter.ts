import type { Command } from "commander";
import { assertAdapterMatches, readLoraAdapter } from "../../engine/lora-adapter.js";
import { readModelFootprint } from "../../engine/model-footprint.js";
import { formatBytes } from "../../models/byte-size.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import { registerModels } from "../../serving/model-roles.js";
import type { CliContext } from "../context.js";
import { registryEntries } from "../model-registry-entries.js";
import { parseNumber } from "../router-flags.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";

interface AddAdapterOptions extends DatabaseOptions {
  base: string;
  file: string;
  scale: string;
}

/**
 * `colibri models add-adapter`: install a LoRA adapter (llama.cpp's GGUF format) of an installed
 * model under its own name and register it, so it is tried and promoted like a model.
 */
export function registerAddAdapterCommand(models: Command, context: CliContext): void {
  databaseOption(
    models
      .command("add-adapter")
      .description(
        "Install a LoRA adapter (GGUF, llama.cpp's format) of an installed model under its own name, to try it like a model.",
      )
      .argument("<name>", "the name it is served and tried under")
      .requiredOption("--base <model>", "the installed model it adapts (see: colibri models)")
      .requiredOption("--file <path>", "the adapter's .gguf file")
      .option("--scale <n>", "how strongly it is applied, above 0 up to 4", "1"),
  )
    .addHelpText(
      "after",
      `
The adapter is loaded with its base model in an engine of its own (RAM checked first), so it
goes through the same path as a model: shadow, canary, promotion, automatic rollback.

Examples:
  colibri models add-adapter smollm2-clinica --base smollm2-135m-instruct --file ./clinica.gguf
  colibri models candidate smollm2-clinica --mode canary --share 0.1 --tenant clinica`,
    )
    .action(async (name: string, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<AddAdapterOptions>();
      const scale = parseNumber("--scale", options.scale, Number.MIN_VALUE, 4);
      await withStore(context, options, async (store, config) => {
        const models = modelStoreFromConfig(config);
        const added = await models.addAdapter(name, {
          base: options.base,
          file: options.file,
          scale,
          check: async (adapterPath, basePath) => {
            const adapter = await readLoraAdapter(adapterPath, name);
            const base = await readModelFootprint(basePath);
            assertAdapterMatches(adapter, base.architecture, { adapter: name, base: options.base });
          },
        });
        await registerModels(store, registryEntries(await models.list()));
        context.stderr.write(
          `Installed adapter ${added.name} of ${options.base} (${formatBytes(added.sizeBytes)}, sha256 ${added.sha256.slice(0, 12)}…). Try it: colibri models candidate ${added.name} --mode shadow\n`,
        );
      });
    });
}
