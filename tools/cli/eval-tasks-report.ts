import { formatTable } from "../../src/cli/format-table.js";
import { plural } from "../../src/cli/plural.js";
import type { ServedTaskRecord } from "../router-evaluation/served-model-tasks.js";
import type { CascadeReplay, ServedTaskSummary } from "../router-evaluation/served-task-summary.js";

export interface EvalTasksReport extends ServedTaskSummary {
  url: string;
  model: string;
  tasksFiles: string[];
  maxTokens: number;
  signal: string;
  style: string;
  records: ServedTaskRecord[];
  /** With --cascade-with: the cascade replayed against that (stronger) model's run. */
  cascade?: CascadeReplay & { cloudFile: string; cloudModel: string; pricedAs: string };
}

/** The figures as text: a table per language, the flaws, the AUROCs, and the replayed cascade. */
export function formatEvalTasksReport(report: EvalTasksReport): string {
  const lines = [
    `${report.model} at ${report.url} on ${plural(report.records.length, "task", "tasks")} from ${report.tasksFiles.join(", ")} (${report.style} prompts, max ${report.maxTokens} tokens, temperature 0).`,
    "",
    formatTable(
      [
        ["language", "tasks", "accuracy", "answered", "runaway", "flawed"],
        ...report.byLanguage.map((entry) => [
          entry.language,
          String(entry.tasks),
          percent(entry.accuracy),
          percent(entry.answeredShare),
          percent(entry.runawayShare),
          percent(entry.flawedShare),
        ]),
      ],
      [1, 2, 3, 4, 5],
    ),
    "",
    `${report.tokensPerSecond.toFixed(1)} tokens/s (completion tokens over request time, prompt included); ${Math.round(report.meanMilliseconds)} ms per task.`,
  ];
  const flaws = Object.entries(report.flaws);
  lines.push(
    flaws.length === 0
      ? "No answer had a flaw a cascade escalates for."
      : `Flaws a cascade escalates for: ${flaws.map(([flaw, count]) => `${flaw} ${count}`).join(", ")}.`,
  );
  if (report.auroc.probability === null && report.auroc.confidence === null) {
    lines.push(
      "AUROC: not defined (the server sent no token probabilities, or every answer was right, or none).",
    );
  } else {
    lines.push(
      `AUROC for "the answer is right": token probability (${report.signal}) ${auroc(report.auroc.probability)}, with the answer checks ${auroc(report.auroc.confidence)}.`,
    );
  }
  const { cascade } = report;
  if (cascade !== undefined) {
    lines.push(
      "",
      `Cascade replayed at threshold ${cascade.threshold} against ${cascade.cloudModel} (${cascade.cloudFile}), on the ${plural(cascade.tasks, "task", "tasks")} both ran; cloud tokens priced as ${cascade.pricedAs}.`,
      formatTable(
        [
          ["strategy", "accuracy", "cloud", "cloud cost USD", "runaways kept", "right escalated"],
          ...cascade.strategies.map((entry) => [
            entry.strategy,
            percent(entry.accuracy),
            percent(entry.cloudShare),
            entry.cloudCostUsd === 0 ? "0" : entry.cloudCostUsd.toPrecision(3),
            String(entry.runawaysKept),
            String(entry.rightEscalated),
          ]),
        ],
        [1, 2, 3, 4, 5],
      ),
    );
  }
  return lines.join("\n");
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function auroc(value: number | null): string {
  return value === null ? "—" : value.toFixed(3);
}
