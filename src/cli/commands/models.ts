import type { Command } from "commander";
import { formatBytes } from "../../models/byte-size.js";
import { catalog } from "../../models/catalog.js";
import { parseModelSource } from "../../models/model-source.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";

type ModelStatus = "installed" | "missing file" | "available";

interface ModelRow {
  name: string;
  default: boolean;
  status: ModelStatus;
  sizeBytes: number;
  quantization: string | null;
  instructionTuned: boolean | null;
  path: string | null;
  source: string;
  description: string | null;
}

export function registerModelsCommand(program: Command, context: CliContext): void {
  program
    .command("models")
    .description(
      "List installed models and the catalog models you can pull; * marks the default model.",
    )
    .option("--json", "print the list as JSON")
    .addHelpText(
      "after",
      `
Examples:
  colibri models
  colibri models --json | jq '.models[] | select(.status == "installed") | .name'`,
    )
    .action(async (options: { json?: boolean }) => {
      const config = await context.loadConfig();
      const store = modelStoreFromConfig(config);
      const defaultName = nameOf(config.model.default);
      const rows: ModelRow[] = (await store.list()).map((model) => {
        const entry = catalog.find((candidate) => candidate.name === model.name);
        return {
          name: model.name,
          default: model.name === defaultName,
          status: model.present ? "installed" : "missing file",
          sizeBytes: model.sizeBytes,
          quantization: model.quantization ?? null,
          instructionTuned: entry?.instructionTuned ?? null,
          path: model.path,
          source: model.source,
          description: entry?.description ?? null,
        };
      });
      for (const entry of catalog) {
        if (rows.some((row) => row.name === entry.name)) continue;
        rows.push({
          name: entry.name,
          default: entry.name === defaultName,
          status: "available",
          sizeBytes: entry.sizeBytes,
          quantization: entry.quantization,
          instructionTuned: entry.instructionTuned,
          path: null,
          source: entry.name,
          description: entry.description,
        });
      }

      // Cloud models clients can name, as /v1/models lists them (nothing is contacted).
      const cloud = config.providers.flatMap((provider) =>
        (Array.isArray(provider.models) ? provider.models : Object.keys(provider.models)).map(
          (model) => ({ name: model, provider: provider.name, kind: provider.kind }),
        ),
      );
      if (options.json === true) {
        context.stdout.write(
          `${JSON.stringify({ default: config.model.default, folder: store.folder, models: rows, cloud }, null, 2)}\n`,
        );
        return;
      }
      const table = [
        ["NAME", "SIZE", "QUANT", "STATUS", "CHAT"],
        ...rows.map((row) => [
          `${row.name}${row.default ? " *" : ""}`,
          formatBytes(row.sizeBytes),
          row.quantization ?? "-",
          row.status,
          row.instructionTuned === null ? "?" : row.instructionTuned ? "yes" : "no (base)",
        ]),
      ];
      context.stdout.write(`${formatTable(table)}\n`);
      context.stdout.write(
        `\n* default model (${config.model.default}). Models folder: ${store.folder}\nPull one with: colibri pull NAME\n`,
      );
      if (cloud.length > 0) {
        const cloudTable = [
          ["CLOUD MODEL", "PROVIDER", "PROTOCOL"],
          ...cloud.map((model) => [model.name, model.provider, model.kind]),
        ];
        context.stdout.write(`\n${formatTable(cloudTable)}\n`);
      }
    });
}

/** The name a configured default installs under (undefined if it cannot be parsed). */
function nameOf(defaultModel: string): string | undefined {
  try {
    return parseModelSource(defaultModel).name;
  } catch {
    return undefined;
  }
}
