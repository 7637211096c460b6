import { readFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import { z } from "zod";
import { ColibriError } from "../../../src/core/errors.js";
import { Pricing } from "../../../src/accounting/pricing.js";
import { confidenceSignals } from "../../../src/config/schema.js";
import type { ConfidenceSignal } from "../../../src/router/confidence.js";
import type { CliContext } from "../../../src/cli/context.js";
import { positive, unit } from "../eval-flags.js";
import {
  CascadeTaskError,
  loadCascadeTasks,
  type CascadeTask,
} from "../../router-evaluation/cascade-tasks.js";
import {
  runServedTasks,
  scoreServedAnswer,
  type ServedTaskRecord,
} from "../../router-evaluation/served-model-tasks.js";
import {
  replayCascade,
  summariseServedTasks,
} from "../../router-evaluation/served-task-summary.js";
import type { TaskPromptStyle } from "../../router-evaluation/cascade-task-prompt.js";
import { createTaskProgress } from "../eval-cascade-report.js";
import { formatEvalTasksReport, type EvalTasksReport } from "../eval-tasks-report.js";

interface EvalTasksOptions {
  url?: string;
  from?: string;
  model: string;
  tasks: string[];
  limit?: number;
  maxTokens: number;
  apiKey?: string;
  signal?: ConfidenceSignal;
  threshold?: number;
  cascadeWith?: string;
  style: TaskPromptStyle;
  json?: boolean;
}

/** `colibri eval tasks`: how a served model does on task files with verifiable answers. */
export function registerEvalTasksCommand(evalCommand: Command, context: CliContext): void {
  evalCommand
    .command("tasks")
    .description(
      "Score a served model (any OpenAI-compatible /v1: a Colibrí, a cloud) on task files with known answers: accuracy per language, share of runaway answers (token limit or a loop), tokens/s, and how well the cascade's confidence tells right answers from wrong.",
    )
    .option("--url <url>", "the API's base URL, e.g. http://127.0.0.1:8080/v1")
    .option(
      "--from <file>",
      "instead of asking a model, re-check the answers of a saved run (--json output) against --tasks",
    )
    .option("--model <name>", "model name to ask for", "local")
    .requiredOption(
      "--tasks <files...>",
      "JSONL task files, or ENEM-style JSON arrays (several: one after another)",
    )
    .option("--limit <n>", "only the first n tasks of each file", positive("--limit"))
    .option("--max-tokens <n>", "longest answer, in tokens", positive("--max-tokens"), 384)
    .addOption(new Option("--api-key <key>", "bearer key for the API").env("COLIBRI_EVAL_API_KEY"))
    .addOption(
      new Option(
        "--signal <signal>",
        "token-probability signal (default router.cascade.signal)",
      ).choices(confidenceSignals),
    )
    .option(
      "--threshold <x>",
      "cascade threshold for --cascade-with (default router.cascade.threshold)",
      unit,
    )
    .option(
      "--cascade-with <file>",
      "replay the cascade against another model's run of the same tasks (the --json output of eval tasks)",
    )
    .addOption(
      new Option(
        "--style <style>",
        'how tasks are asked: "reason" asks for a few lines of working before a number answer (tasks with options as in "short"); "short" asks for the letter or number only; "chat" asks as a user would, and the answer is read from free text (its last number)',
      )
        .choices(["reason", "short", "chat"] as const)
        .default("reason"),
    )
    .option("--json", "print one JSON object with the figures and every task's answer")
    .addHelpText(
      "after",
      `
Tasks: one JSON object per line, {"id"?, "question", "context"?, "options"?: [..], "answer",
"language"?: "es"|"pt"|"en"}; "answer" is the option letter (A–E) or, without options, a number.
Each task is asked once at temperature 0 with logprobs; an answer is runaway when it ran into
--max-tokens or loops. The repository ships an everyday es/pt set in eval/tasks/.

Examples:
  colibri serve --port 8080 &
  colibri eval tasks --url http://127.0.0.1:8080/v1 --tasks eval/tasks/everyday-es.jsonl eval/tasks/everyday-pt.jsonl
  colibri eval tasks --url http://127.0.0.1:8080/v1 --tasks /data/enem/2022.json --limit 40 --json > small.json
  colibri eval tasks --url http://127.0.0.1:8080/v1 --tasks eval/tasks/everyday-pt.jsonl --style chat --max-tokens 512
  colibri eval tasks --url http://127.0.0.1:8080/v1 --tasks eval/tasks/maths-es.jsonl --style short

  # The cascade, local-only and cloud-only, from two runs (a bigger model as the cloud):
  colibri eval tasks --url http://127.0.0.1:8081/v1 --tasks eval/tasks/*.jsonl --json > big.json
  colibri eval tasks --url http://127.0.0.1:8080/v1 --tasks eval/tasks/*.jsonl --cascade-with big.json --threshold 0.5

  # Re-check a saved run's answers (no model asked) and replay the cascade from two saved runs:
  colibri eval tasks --from small.json --tasks eval/tasks/*.jsonl --cascade-with big.json`,
    )
    .action(async (options: EvalTasksOptions) => {
      const config = await context.loadConfig();
      const tasks: CascadeTask[] = [];
      for (const file of options.tasks) {
        const loaded = await loadCascadeTasks(file);
        tasks.push(...loaded.tasks.slice(0, options.limit ?? loaded.tasks.length));
      }
      const duplicate = tasks.find(
        (task, index) => tasks.findIndex((other) => other.id === task.id) !== index,
      );
      if (duplicate !== undefined) {
        throw new CascadeTaskError(
          `The task id "${duplicate.id}" appears in more than one file; ids must be unique across --tasks.`,
        );
      }
      const cloud =
        options.cascadeWith === undefined ? undefined : await readRun(options.cascadeWith);
      const signal = options.signal ?? config.router.cascade.signal;
      const threshold = options.threshold ?? config.router.cascade.threshold;
      const { apiKey } = options;
      let records: ServedTaskRecord[];
      let model = options.model;
      let { style } = options;
      if (options.from !== undefined) {
        const saved = await readRun(options.from);
        model = saved.model;
        // Answers are read as they were asked: a saved run's own style, when it says.
        style = saved.style ?? style;
        records = rejudge(tasks, saved.records, options.from, style);
      } else {
        if (options.url === undefined) {
          throw new ColibriError(
            "Say which model to score: --url http://127.0.0.1:8080/v1 (a served model), or --from FILE (a saved run).",
            { code: "invalid_argument", status: 400 },
          );
        }
        const progress = createTaskProgress(context.stderr, tasks.length, options.json === true);
        records = await runServedTasks({
          tasks,
          served: {
            url: options.url,
            model: options.model,
            ...(apiKey === undefined ? {} : { apiKey }),
          },
          maxTokens: options.maxTokens,
          signal,
          style: options.style,
          onProgress: progress.update,
        }).finally(progress.stop);
      }
      const report: EvalTasksReport = {
        url: options.url ?? options.from ?? "",
        model,
        tasksFiles: options.tasks,
        maxTokens: options.maxTokens,
        signal,
        style,
        ...summariseServedTasks(records),
        records,
      };
      if (cloud !== undefined && options.cascadeWith !== undefined) {
        const pricing = new Pricing(config.pricing);
        const pricedAs =
          pricing.priceOf(cloud.model) === undefined ? config.pricing.referenceModel : cloud.model;
        report.cascade = {
          ...replayCascade(
            records,
            cloud.records,
            threshold,
            (usage) => pricing.cost("cloud", pricedAs, usage, "chat").costUsd,
          ),
          cloudFile: options.cascadeWith,
          cloudModel: cloud.model,
          pricedAs,
        };
      }
      context.stdout.write(
        options.json === true
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${formatEvalTasksReport(report)}\n`,
      );
    });
}

const recordSchema = z.looseObject({
  id: z.string(),
  language: z.enum(["pt", "es", "en"]),
  text: z.string(),
  extracted: z.string().optional(),
  correct: z.boolean(),
  finishReason: z.enum(["stop", "length"]),
  flaw: z.string().optional(),
  runaway: z.boolean(),
  markedRunaway: z.boolean().default(false),
  promptTokens: z.number(),
  completionTokens: z.number(),
  milliseconds: z.number(),
  probability: z.number().nullable(),
  confidence: z.number().nullable(),
});
const runSchema = z.looseObject({
  model: z.string(),
  style: z.enum(["reason", "short", "chat"]).optional(),
  records: z.array(recordSchema),
});

/** Another model's run, as `eval tasks --json` wrote it. */
async function readRun(
  file: string,
): Promise<{ model: string; style: TaskPromptStyle | undefined; records: ServedTaskRecord[] }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch (error) {
    throw new CascadeTaskError(
      `Cannot read ${file} for --cascade-with (${error instanceof Error ? error.message : String(error)}). It should be the output of: colibri eval tasks … --json > ${file}`,
      error,
    );
  }
  const parsed = runSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CascadeTaskError(
      `${file} is not the --json output of colibri eval tasks (${issue?.path.join(".") ?? ""}: ${issue?.message ?? "unknown"}).`,
    );
  }
  return {
    model: parsed.data.model,
    style: parsed.data.style,
    records: parsed.data.records.map((record) => ({
      ...record,
      flaw: record.flaw as ServedTaskRecord["flaw"],
      extracted: record.extracted,
    })),
  };
}

/** Saved answers re-checked with today's checks, in the order of the tasks. */
function rejudge(
  tasks: readonly CascadeTask[],
  saved: readonly ServedTaskRecord[],
  file: string,
  style: TaskPromptStyle,
): ServedTaskRecord[] {
  const byId = new Map(saved.map((record) => [record.id, record]));
  return tasks.map((task) => {
    const record = byId.get(task.id);
    if (record === undefined) {
      throw new CascadeTaskError(
        `${file} holds no answer to task "${task.id}": give --from a run of the same --tasks.`,
      );
    }
    return scoreServedAnswer(task, record, style);
  });
}
