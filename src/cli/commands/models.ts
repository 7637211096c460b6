import type { Command } from "commander";
import { formatBytes } from "../../models/byte-size.js";
import { readMachine } from "../../config/machine.js";
import {
  catalog,
  catalogSizeBytes,
  defaultModelName,
  findCatalogEntry,
} from "../../models/catalog.js";
import { recommendationContextSize, recommendModels } from "../../models/recommend.js";
import { parseModelSource } from "../../models/model-source.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import { plural } from "../plural.js";
import { registryEntries } from "../model-registry-entries.js";
import { registerModels } from "../../serving/model-roles.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import { registerAddAdapterCommand } from "./models-adapter.js";
import { registerModelRolloutCommands, servingRows } from "./models-rollout.js";

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
  /** For a LoRA adapter (colibri models add-adapter): the model it adapts. */
  adapterOf: string | null;
}

export function registerModelsCommand(program: Command, context: CliContext): void {
  const models = databaseOption(program.command("models"));
  models
    .description(
      "List installed models and the catalog models you can pull; * marks the default model.",
    )
    .option("--json", "print the list as JSON")
    .option(
      "--recommend",
      "show which catalog models fit this machine's RAM and cores, and the one to use",
    )
    .addHelpText(
      "after",
      `
Examples:
  colibri models
  colibri models --recommend
  colibri models --json | jq '.models[] | select(.status == "installed") | .name'
  colibri models candidate smollm2-135m-instruct --mode canary --share 0.1
  colibri models promote | withdraw | history
  colibri models add-adapter smollm2-clinica --base smollm2-135m-instruct --file ./clinica.gguf`,
    )
    .action(async (options: DatabaseOptions & { json?: boolean; recommend?: boolean }) => {
      const config = await context.loadConfig({ database: options.database });
      if (options.recommend === true) {
        printRecommendation(context, config.model.default, options.json === true);
        return;
      }
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
          adapterOf: model.adapter?.base ?? null,
        };
      });
      for (const entry of catalog) {
        if (rows.some((row) => row.name === entry.name)) continue;
        rows.push({
          name: entry.name,
          default: entry.name === defaultName,
          status: "available",
          sizeBytes: catalogSizeBytes(entry),
          quantization: entry.quantization,
          instructionTuned: entry.instructionTuned,
          path: null,
          source: entry.name,
          description: entry.description,
          adapterOf: null,
        });
      }

      // Cloud models clients can name, as /v1/models lists them (nothing is contacted).
      const cloud = config.providers.flatMap((provider) =>
        (Array.isArray(provider.models) ? provider.models : Object.keys(provider.models)).map(
          (model) => ({ name: model, provider: provider.name, kind: provider.kind }),
        ),
      );
      // Which model serves whom, per the registry (filled from the installed models here).
      const installed = await store.list();
      // The list does not depend on the store: a database that cannot be read only hides this.
      const serving = await withStore(context, options, async (database) => {
        await registerModels(database, registryEntries(installed));
        return {
          rows: await servingRows(database),
          assignments: (await database.models.assignments()).filter(
            (row) => row.role !== "retired",
          ),
        };
      }).catch((error: unknown) => {
        context.stderr.write(
          `colibri: which model serves whom is not shown: the store could not be read (${error instanceof Error ? error.message : String(error)}).\n`,
        );
        return { rows: [], assignments: [] };
      });
      if (options.json === true) {
        context.stdout.write(
          `${JSON.stringify({ default: config.model.default, folder: store.folder, models: rows, cloud, serving: serving.assignments }, null, 2)}\n`,
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
          row.adapterOf !== null
            ? `adapter of ${row.adapterOf}`
            : catalog.find((entry) => entry.name === row.name)?.task === "embedding"
              ? "no (embedding)"
              : row.instructionTuned === null
                ? "?"
                : row.instructionTuned
                  ? "yes"
                  : "no (base)",
        ]),
      ];
      context.stdout.write(`${formatTable(table)}\n`);
      context.stdout.write(
        `\n* default model (${config.model.default}). Models folder: ${store.folder}\nPull one with: colibri pull NAME. Which fits this machine: colibri models --recommend\n`,
      );
      if (serving.rows.length > 0) {
        const servingTable = [["SERVING", "FOR", "ROLE", "MODE", "SHARE"], ...serving.rows];
        context.stdout.write(`\n${formatTable(servingTable)}\n`);
      }
      if (cloud.length > 0) {
        const cloudTable = [
          ["CLOUD MODEL", "PROVIDER", "PROTOCOL"],
          ...cloud.map((model) => [model.name, model.provider, model.kind]),
        ];
        context.stdout.write(`\n${formatTable(cloudTable)}\n`);
      }
    });
  registerModelRolloutCommands(models, context);
  registerAddAdapterCommand(models, context);
}

function printRecommendation(context: CliContext, defaultModel: string, json: boolean): void {
  const machine = readMachine();
  const reports = recommendModels(catalog, machine, findCatalogEntry(defaultModelName));
  if (json) {
    context.stdout.write(
      `${JSON.stringify(
        {
          machine,
          contextSize: recommendationContextSize,
          models: reports.map((report) => ({
            name: report.entry.name,
            sizeBytes: catalogSizeBytes(report.entry),
            ramBytes: report.ramBytes,
            fitsInFree: report.fitsInFree,
            relativeSpeed: Number(report.relativeSpeed.toFixed(2)),
            recommended: report.recommended,
            licence: report.entry.licence,
            checksum: report.entry.checksum,
          })),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const table = [
    ["NAME", "PARAMS", "SIZE", "RAM", "FITS", "SPEED", "ES/PT", "LICENCE", "FROM"],
    ...reports.map((report) => {
      const { entry } = report;
      const approximate = entry.checksum === "pinned" ? "" : "~";
      const spanishPortuguese = ["es", "pt"].every((code) => entry.languages.strong.includes(code))
        ? "strong"
        : "weak";
      return [
        `${entry.name}${report.recommended ? " ←" : ""}${entry.name === nameOf(defaultModel) ? " *" : ""}`,
        `${(entry.parameterCount / 1e9).toFixed(2)}B`,
        `${approximate}${formatBytes(catalogSizeBytes(entry))}`,
        `${approximate}${formatBytes(report.ramBytes)}${report.ramIncludesKvCache ? "" : "+KV"}`,
        report.fitsInFree ? "yes" : "no",
        `×${report.relativeSpeed.toFixed(1)}`,
        entry.instructionTuned ? spanishPortuguese : "base",
        entry.licence,
        entry.source.kind === "huggingface" ? "Hugging Face" : "package index",
      ];
    }),
  ];
  const chosen = reports.find((report) => report.recommended);
  context.stdout.write(`${formatTable(table)}\n`);
  context.stdout.write(
    `\nThis machine: ${plural(machine.cores, "core", "cores")}, ${formatBytes(machine.freeMemoryBytes)} free of ${formatBytes(machine.totalMemoryBytes)}. RAM: one ${recommendationContextSize}-token sequence; fits: within 75% of free RAM. SPEED: generation relative to the default (${defaultModelName}), from file size (decoding reads every weight once per token). ~ marks sizes Hugging Face gives exactly at download; those models are checked against the sha256 it publishes.\n`,
  );
  context.stdout.write(
    chosen === undefined
      ? "No catalog model fits in the free RAM: close other programs, or lower engine.contextSize.\n"
      : `← recommended here: ${chosen.entry.name}${chosen.entry.name === nameOf(defaultModel) ? " (the configured default)" : ` — colibri pull ${chosen.entry.name}, then set model.default or pass --model`}\n`,
  );
}

/** The name a configured default installs under (undefined if it cannot be parsed). */
function nameOf(defaultModel: string): string | undefined {
  try {
    return parseModelSource(defaultModel).name;
  } catch {
    return undefined;
  }
}
