/** One strategy's result on one task. */
export interface StrategyRun {
  correct: boolean;
  /** Whether an answer (a letter, a number) could be read at all. */
  answered: boolean;
  /** Whether the cloud model answered this task. */
  cloud: boolean;
  costUsd: number;
  latencyMs: number;
}

export type StrategyName = "local" | "cloud" | "cascade" | "cascade-replay";

export interface StrategySummary {
  strategy: StrategyName;
  tasks: number;
  accuracy: number;
  /** Share of tasks where an answer could be read. */
  answeredShare: number;
  cloudShare: number;
  /** Total over the tasks. */
  costUsd: number;
  meanLatencyMs: number;
  p50LatencyMs: number;
  p95LatencyMs: number;
}

export function summariseStrategy(
  strategy: StrategyName,
  runs: readonly StrategyRun[],
): StrategySummary {
  const count = Math.max(1, runs.length);
  const share = (test: (run: StrategyRun) => boolean) => runs.filter(test).length / count;
  const latencies = runs.map((run) => run.latencyMs).sort((a, b) => a - b);
  return {
    strategy,
    tasks: runs.length,
    accuracy: share((run) => run.correct),
    answeredShare: share((run) => run.answered),
    cloudShare: share((run) => run.cloud),
    costUsd: runs.reduce((sum, run) => sum + run.costUsd, 0),
    meanLatencyMs: latencies.reduce((sum, value) => sum + value, 0) / count,
    p50LatencyMs: percentile(latencies, 0.5),
    p95LatencyMs: percentile(latencies, 0.95),
  };
}

/** Nearest-rank percentile of ascending values; 0 for none. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? 0;
}
