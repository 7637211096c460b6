import { SingleBar } from "cli-progress";
import type { CascadeEvaluation } from "../router-evaluation/cascade-evaluation.js";
import type { CascadePoint } from "../router-evaluation/cascade-signal-analysis.js";
import { describeSkipped, type LoadedTasks } from "../router-evaluation/cascade-tasks.js";
import { formatTable } from "../../src/cli/format-table.js";
import { plural } from "../../src/cli/plural.js";

export interface CascadeReport extends CascadeEvaluation {
  tasksFile: string;
  format: LoadedTasks["format"];
  skipped: LoadedTasks["skipped"];
  /** False when the cloud model has no price and was priced as the reference model. */
  cloudPriced: boolean;
  referenceModel: string;
}

export interface TaskProgress {
  update: (progress: { done: number; total: number; id: string }) => void;
  stop: () => void;
}

/** A bar on a terminal; a line every tenth of the tasks otherwise; nothing under --json. */
export function createTaskProgress(
  stream: NodeJS.WritableStream,
  total: number,
  quiet: boolean,
): TaskProgress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (!("isTTY" in stream && stream.isTTY === true)) {
    let lastTenth = 0;
    return {
      update: ({ done }) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`  ${done} of ${plural(total, "task", "tasks")}\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({
    stream,
    format: " {bar} {value}/{total} tasks | {id} | {eta_formatted} left",
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  });
  bar.start(total, 0, { id: "" });
  return {
    update: ({ done, id }) => {
      bar.update(done, { id });
    },
    stop: () => {
      bar.stop();
    },
  };
}

/** The figures as text: one table of strategies, one of signals, and what they suggest. */
export function formatCascadeReport(report: CascadeReport): string {
  const skipped = report.format === "enem" ? ` (skipped ${describeSkipped(report.skipped)})` : "";
  const lines = [
    `Cascade on ${plural(report.tasks, "task", "tasks")} from ${report.tasksFile}${skipped}.`,
    `Local ${report.localModel}; cloud ${report.target.provider}/${report.target.model}; threshold ${report.threshold}, signal ${report.signal}.`,
    "",
    formatTable(
      [
        ["strategy", "accuracy", "answered", "cloud", "cost USD", "mean ms", "p50 ms", "p95 ms"],
        ...report.strategies.map((entry) => [
          entry.strategy,
          percent(entry.accuracy),
          percent(entry.answeredShare),
          percent(entry.cloudShare),
          usd(entry.costUsd),
          milliseconds(entry.meanLatencyMs),
          milliseconds(entry.p50LatencyMs),
          milliseconds(entry.p95LatencyMs),
        ]),
      ],
      [1, 2, 3, 4, 5, 6, 7],
    ),
    "",
    `The real cascade took the route the replay predicts on ${report.agreement.sameRoute} of ${plural(report.tasks, "task", "tasks")} and gave the same text on ${report.agreement.sameAnswer}.`,
  ];
  if (!report.cloudPriced) {
    lines.push(
      `"${report.target.model}" has no price: cloud tokens are priced as ${report.referenceModel} (pricing.models in the config sets one).`,
    );
  }
  const { analysis } = report;
  const shares = analysis.randomAt.map((point) => point.targetShare);
  lines.push(
    "",
    formatTable(
      [
        ["signal", "AUROC", ...shares.map((share) => `accuracy at ${percent(share)} cloud`)],
        ...analysis.signals.map((entry) => [
          entry.signal,
          entry.auroc === null ? "—" : entry.auroc.toFixed(3),
          ...entry.atShares.map(describePoint),
        ]),
        ["random", "0.500", ...analysis.randomAt.map((point) => percent(point.accuracy))],
      ],
      [1],
    ),
    `Either model right (what a perfect signal could reach): ${percent(analysis.oracleAccuracy)}.`,
  );
  const best = analysis.signals.find((entry) => entry.signal === analysis.best);
  if (best === undefined) {
    lines.push("No signal can be ranked: the local model was right on all tasks or on none.");
  } else {
    const thresholds = best.atShares
      .map((point) => `${point.threshold.toFixed(3)} sends ${percent(point.cloudShare)}`)
      .join(", ");
    lines.push(
      `Best signal: ${best.signal} (AUROC ${(best.auroc ?? 0).toFixed(3)}); threshold ${thresholds} to the cloud.`,
    );
  }
  return lines.join("\n");
}

function describePoint(point: CascadePoint): string {
  return `${percent(point.accuracy)} (threshold ${point.threshold.toFixed(3)}, ${percent(point.cloudShare)})`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function usd(value: number): string {
  return value === 0 ? "0" : value.toPrecision(3);
}

function milliseconds(value: number): string {
  return Math.round(value).toString();
}
