import { InvalidArgumentError, type Command } from "commander";
import { readMachine } from "../../config/machine.js";
import { formatBytes } from "../../models/byte-size.js";
import { inspectModelFile, type ModelInspection } from "../../models/inspect.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import type { CliContext } from "../context.js";
import { plural } from "../plural.js";

interface InspectCommandOptions {
  contextSize?: number;
  sequences?: number;
  json?: boolean;
}

export function registerInspectCommand(program: Command, context: CliContext): void {
  program
    .command("inspect")
    .description(
      "Show a model's GGUF metadata, estimate the RAM it needs and whether it fits on this machine.",
    )
    .argument("<model>", "installed model name, or a path to a .gguf file")
    .option(
      "--context-size <tokens>",
      "tokens per sequence for the RAM estimate (default: engine.contextSize, else min(trained, 4096))",
      positiveInteger("--context-size"),
    )
    .option(
      "--sequences <count>",
      "concurrent sequences for the RAM estimate (default: engine.sequences, else 1)",
      positiveInteger("--sequences"),
    )
    .option("--json", "print the inspection as JSON")
    .addHelpText(
      "after",
      `
Examples:
  colibri inspect smollm2-135m-instruct
  colibri inspect ./my-model.gguf --context-size 8192 --sequences 4`,
    )
    .action(async (model: string, options: InspectCommandOptions) => {
      const config = await context.loadConfig();
      const resolved = await modelStoreFromConfig(config).resolve(model);
      const contextSize = options.contextSize ?? config.engine.contextSize;
      const sequences = options.sequences ?? config.engine.sequences;
      const inspection = await inspectModelFile(resolved.path, {
        contextSize,
        sequences,
        embeddingContextSize: config.engine.embeddingContextSize,
        machine: readMachine(),
      });
      context.stdout.write(
        options.json === true
          ? `${JSON.stringify({ model: resolved.name, ...inspection }, null, 2)}\n`
          : formatInspection(resolved.name, inspection),
      );
    });
}

function formatInspection(model: string, inspection: ModelInspection): string {
  const { memory, fits, machine } = inspection;
  const parameters = `${(inspection.parameterCount / 1e6).toFixed(1)}M${
    inspection.sizeLabel === undefined ? "" : ` (labelled ${inspection.sizeLabel})`
  }`;
  const fitText = fits.fitsInFree
    ? "yes"
    : fits.fitsInTotal
      ? "only after freeing memory"
      : "no: the machine has too little RAM; pick a smaller model, context or sequence count";
  const lines: [string, string][] = [
    ["Model", model],
    ["File", `${inspection.path} (${formatBytes(inspection.fileSizeBytes)})`],
    ["Name", inspection.name ?? "-"],
    ["Architecture", inspection.architecture],
    ["Parameters", parameters],
    ["Quantization", inspection.quantization ?? "-"],
    [
      "Trained context",
      inspection.contextLength === undefined
        ? "-"
        : plural(inspection.contextLength, "token", "tokens"),
    ],
    ["Chat template", inspection.hasChatTemplate ? "yes" : "no (base model or needs a template)"],
    ["Vocabulary", plural(inspection.tokenCount, "token", "tokens")],
    [
      "RAM estimate",
      `${formatBytes(memory.totalBytes)} for ${plural(memory.contextSize, "token", "tokens")} × ${plural(memory.sequences, "sequence", "sequences")}: weights ${formatBytes(memory.weightsBytes)} + KV cache ${formatBytes(memory.kvCacheBytes)} + embedding context ${formatBytes(memory.embeddingContextBytes)} + compute and runtime ${formatBytes(memory.computeBytes)}`,
    ],
    [
      "Fits here",
      `${fitText} (${formatBytes(machine.totalMemoryBytes)} total, ${formatBytes(machine.freeMemoryBytes)} free)`,
    ],
    ["How estimated", memory.method],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  return `${lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n")}\n`;
}

function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isSafeInteger(number) || number < 1) {
      throw new InvalidArgumentError(`${flag} must be a whole number above 0, got "${value}".`);
    }
    return number;
  };
}
