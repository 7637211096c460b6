import { arch, version } from "node:process";
import type { Command } from "commander";
import { readMachine, type MachineInfo } from "../../config/machine.js";
import type { ColibriConfig } from "../../config/schema.js";
import { defaultThreads, resolveEngineSettings } from "../../engine/engine-settings.js";
import { readModelFootprint } from "../../engine/model-footprint.js";
import { loadLlamaRuntime } from "../../engine/llama-runtime.js";
import { formatBytes } from "../../models/byte-size.js";
import { catalog, defaultModelName, findCatalogEntry } from "../../models/catalog.js";
import { estimateMemory, memoryFit } from "../../models/memory-estimate.js";
import { recommendModels } from "../../models/recommend.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import { runCommand } from "../../models/command-runner.js";
import { defaultDatabaseUrl } from "../../store/database-url.js";
import { openStore } from "../../store/open-store.js";
import type { CliContext } from "../context.js";
import {
  checkCpuFeatures,
  checkMemory,
  checkModelChoice,
  checkNode,
  checkPort,
  checkThreads,
  readCpuinfo,
  summarize,
  type CheckResult,
} from "../doctor-checks.js";
import { plural } from "../plural.js";

const marks = { ok: "✓", warn: "!", fail: "✗" } as const;

export function registerDoctorCommand(program: Command, context: CliContext): void {
  program
    .command("doctor")
    .description(
      "Check that this machine can run Colibrí: Node, RAM, CPU, inference runtime, model, store, port.",
    )
    .option("--json", "print the checks as JSON")
    .option("--database <url>", "check this database instead of the configured one")
    .addHelpText(
      "after",
      "\nExits 1 when a check fails (warnings exit 0).\n\nExample:\n  colibri doctor",
    )
    .action(async (options: { json?: boolean; database?: string }) => {
      const config = await context.loadConfig({ database: options.database });
      const machine = readMachine();
      const threads = config.engine.threads ?? defaultThreads(machine.cores);
      const results: CheckResult[] = [
        checkNode(version),
        checkMemory(machine),
        checkCpuFeatures(await readCpuinfo(), arch),
        checkThreads(threads, machine.cores),
        await checkRuntime(threads),
        await checkPython(),
        await checkModel(config, machine),
        checkModelChoice(
          recommendModels(catalog, machine, findCatalogEntry(defaultModelName)),
          config.model.default,
          machine,
        ),
        await checkStore(config),
        await checkPort(config.server.host, config.server.port),
      ];
      const overall = summarize(results);
      if (options.json === true) {
        context.stdout.write(`${JSON.stringify({ status: overall, checks: results }, null, 2)}\n`);
      } else {
        for (const result of results) {
          context.stdout.write(
            `${marks[result.status]} ${result.name.padEnd(8)} ${result.detail}\n`,
          );
        }
      }
      if (overall === "fail") context.setExitCode(1);
    });
}

async function checkRuntime(threads: number): Promise<CheckResult> {
  try {
    const llama = await loadLlamaRuntime({ threads, logger: () => undefined });
    const detail = `the prebuilt node-llama-cpp CPU binary loads (${plural(threads, "thread", "threads")}, nothing compiled)`;
    await llama.dispose();
    return { name: "runtime", status: "ok", detail };
  } catch (error) {
    return {
      name: "runtime",
      status: "fail",
      detail: `the inference runtime does not load: ${(error as Error).message}. Reinstall with \`npm ci\`.`,
    };
  }
}

async function checkPython(): Promise<CheckResult> {
  const result = await runCommand("python3", ["-m", "pip", "--version"]).catch(() => undefined);
  return result?.exitCode === 0
    ? { name: "pip", status: "ok", detail: result.stdout.trim().split(" from ")[0] ?? "pip" }
    : {
        name: "pip",
        status: "warn",
        detail:
          "python3 -m pip is not available; models from the Python package index (the default) cannot be pulled. Install python3-pip, or pull from hf: or a URL.",
      };
}

/** Installed, and fits in free RAM with the settings `serve` would choose (config or defaults)? */
async function checkModel(config: ColibriConfig, machine: MachineInfo): Promise<CheckResult> {
  const name = config.model.default;
  let path: string;
  try {
    path = (await modelStoreFromConfig(config).resolve(name)).path;
  } catch (error) {
    return {
      name: "model",
      status: "warn",
      detail: `${name} is not installed (${(error as Error).message.split(". ")[0]}). Run \`colibri pull\` (or \`colibri serve\` pulls it).`,
    };
  }
  const footprint = await readModelFootprint(path);
  const { contextSize, sequences, embeddingContextSize } = resolveEngineSettings({
    machine,
    model: footprint,
    requested: {
      ...(config.engine.contextSize === undefined
        ? {}
        : { contextSize: config.engine.contextSize }),
      ...(config.engine.sequences === undefined ? {} : { sequences: config.engine.sequences }),
      ...(config.engine.embeddingContextSize === undefined
        ? {}
        : { embeddingContextSize: config.engine.embeddingContextSize }),
    },
  });
  const estimate = estimateMemory({ ...footprint, contextSize, sequences, embeddingContextSize });
  const need = `~${formatBytes(estimate.totalBytes)} of RAM for ${plural(sequences, "sequence", "sequences")} × ${plural(contextSize, "token", "tokens")}`;
  return memoryFit(estimate, machine).fitsInFree
    ? { name: "model", status: "ok", detail: `${name} installed, needs ${need}` }
    : {
        name: "model",
        status: "fail",
        detail: `${name} needs ${need}, more than is free; lower engine.sequences or engine.contextSize, or use a smaller model.`,
      };
}

/** The store opens, its migrations are applied, and it answers a query. */
async function checkStore(config: ColibriConfig): Promise<CheckResult> {
  try {
    const store = await openStore({
      url: config.database ?? defaultDatabaseUrl(config.home),
      home: config.home,
    });
    try {
      const tenants = await store.tenants.list();
      return {
        name: "store",
        status: "ok",
        detail: `${store.location} (up to date, ${plural(tenants.length, "tenant", "tenants")})`,
      };
    } finally {
      await store.close();
    }
  } catch (error) {
    return { name: "store", status: "fail", detail: (error as Error).message };
  }
}
