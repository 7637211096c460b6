import { Option, type Command } from "commander";
import { Pricing } from "../../../src/accounting/pricing.js";
import { ConfigError } from "../../../src/config/load.js";
import { confidenceSignals, type ColibriConfig } from "../../../src/config/schema.js";
import type { ConfidenceSignal } from "../../../src/router/confidence.js";
import { evaluateCascade } from "../../router-evaluation/cascade-evaluation.js";
import { loadCascadeTasks } from "../../router-evaluation/cascade-tasks.js";
import type { ProviderRegistry } from "../../../src/upstream/provider-registry.js";
import { providersFromConfig } from "../../../src/upstream/providers-from-config.js";
import type { CliContext } from "../../../src/cli/context.js";
import { engineOptions } from "../../../src/cli/engine-options.js";
import { positive, unit } from "../eval-flags.js";
import { createTaskProgress, formatCascadeReport } from "../eval-cascade-report.js";
import { startEngine } from "../../../src/cli/start-engine.js";

interface EvalCascadeOptions {
  tasks: string;
  limit?: number;
  threshold?: number;
  signal?: ConfidenceSignal;
  maxTokens?: number;
  model?: string;
  json?: boolean;
  threads?: number;
  sequences?: number;
  contextSize?: number;
  maxQueue?: number;
}

/** `colibri eval cascade`: how the local-first cascade does on tasks with verifiable answers. */
export function registerEvalCascadeCommand(evalCommand: Command, context: CliContext): void {
  const command = evalCommand
    .command("cascade")
    .description(
      "Measure the cascade on tasks with known answers: local only, cloud only and local-first with escalation, plus which confidence signal separates right from wrong local answers.",
    )
    .requiredOption("--tasks <file>", "JSONL tasks, or an ENEM-style JSON array")
    .option("--limit <n>", "evaluate only the first n tasks", positive("--limit"))
    .option("--threshold <x>", "cascade threshold, 0–1 (default router.cascade.threshold)", unit)
    .addOption(
      new Option("--signal <signal>", "confidence signal (default router.cascade.signal)").choices(
        confidenceSignals,
      ),
    )
    .option(
      "--max-tokens <n>",
      "longest answer for multiple choice (numbers get 8 more; default 16)",
      positive("--max-tokens"),
    )
    .option("--model <name>", "local model (default: the configured default model)")
    .option("--json", "print one JSON object with the figures and every task's outcome");
  engineOptions(command).addHelpText(
    "after",
    `
Tasks: one JSON object per line, {"id"?, "question", "context"?, "options"?: [..], "answer"}, where
"answer" is the option letter (A–E) or, without options, a number. ENEM-style arrays (question,
options, label) are read as they are; questions with images are skipped.

The cloud is router.cloudProvider (default the first of "providers"), e.g. another Colibrí:
  {"providers": [{"name": "lan", "baseUrl": "http://host:8080/v1", "models": {"big": "local"}}]}

Examples:
  colibri eval cascade --tasks /data/enem/2022.json --limit 50 --threads 1
  colibri --config lan.json eval cascade --tasks tasks.jsonl --signal min --threshold 0.3 --json`,
  );
  command.action(async (options: EvalCascadeOptions) => {
    const config = await context.loadConfig({
      model: { default: options.model },
      engine: {
        threads: options.threads,
        sequences: options.sequences ?? 1,
        contextSize: options.contextSize,
        maxQueue: options.maxQueue,
      },
    });
    // Everything that can be wrong without a model is checked before one is loaded.
    const loaded = await loadCascadeTasks(options.tasks);
    const tasks = loaded.tasks.slice(0, options.limit ?? loaded.tasks.length);
    const threshold = options.threshold ?? config.router.cascade.threshold;
    const signal = options.signal ?? config.router.cascade.signal;
    const pricing = new Pricing(config.pricing);
    const providers = providersFromConfig(requireProviders(config), process.env);
    try {
      const target = cloudTarget(config, providers);
      await using engine = await startEngine(config, context, (level, message) => {
        if (level === "error") context.stderr.write(`${message}\n`);
      });
      const progress = createTaskProgress(context.stderr, tasks.length, options.json === true);
      const evaluation = await evaluateCascade({
        tasks,
        backends: { local: engine, cloud: () => target.provider },
        target: { provider: target.provider.name, model: target.model },
        threshold,
        signal,
        pricing,
        ...(options.maxTokens === undefined
          ? {}
          : { maxTokens: { choice: options.maxTokens, number: options.maxTokens + 8 } }),
        onProgress: progress.update,
      }).finally(progress.stop);
      const report = {
        tasksFile: options.tasks,
        format: loaded.format,
        skipped: loaded.skipped,
        cloudPriced: pricing.priceOf(target.model) !== undefined,
        referenceModel: config.pricing.referenceModel,
        ...evaluation,
      };
      context.stdout.write(
        options.json === true
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${formatCascadeReport(report)}\n`,
      );
    } finally {
      await providers.close();
    }
  });
}

function requireProviders(config: ColibriConfig): ColibriConfig["providers"] {
  if (config.providers.length === 0) {
    throw new ConfigError(
      `No cloud provider is configured, so there is nothing to escalate to. Add one under "providers" in the config file (--config FILE or ${config.home}/config.json), e.g. another Colibrí: {"providers":[{"name":"lan","baseUrl":"http://host:8080/v1","models":{"big":"local"}}]}`,
    );
  }
  return config.providers;
}

function cloudTarget(config: ColibriConfig, providers: ProviderRegistry) {
  const name = config.router.cloudProvider ?? providers.list()[0]?.name ?? "";
  const provider = providers.get(name);
  if (provider === undefined) {
    const names = providers.list().map((entry) => entry.name);
    throw new ConfigError(
      `router.cloudProvider names provider "${name}", which is not configured. Configured providers: ${names.join(", ")}.`,
    );
  }
  return { provider, model: provider.defaultModel };
}
