import { scanText } from "../../src/privacy/scan.js";
import { summarize, type LatencySummary } from "./gateway-benchmark.js";

export interface EvaluationTiming {
  lines: number;
  /** UTF-8 kilobytes (1,024 bytes) of all lines together. */
  kilobytes: number;
  repeats: number;
  /**
   * One entry per pass over every line. `cpuMillisecondsPerKilobyte` counts the CPU time the
   * process used in the pass (process.cpuUsage) instead of the time that passed: on a shared
   * machine, the time spent waiting for a core is left out.
   */
  runs: {
    totalMilliseconds: number;
    millisecondsPerKilobyte: number;
    cpuMillisecondsPerKilobyte: number;
  }[];
  /** Microseconds per scanText() call, over every line of every repeat. */
  perLine: LatencySummary;
}

/**
 * Scans every text once per repeat, one scanText() call at a time, after `warmup` untimed
 * passes over all of them.
 */
export function timeEvaluationSet(
  texts: readonly string[],
  repeats: number,
  warmup = 3,
): EvaluationTiming {
  for (let pass = 0; pass < warmup; pass++) for (const text of texts) scanText(text);
  const kilobytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, "utf8"), 0) / 1024;
  const durations: number[] = [];
  const runs: EvaluationTiming["runs"] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    let total = 0;
    const cpuBefore = process.cpuUsage();
    for (const text of texts) {
      const started = process.hrtime.bigint();
      scanText(text);
      const elapsed = Number(process.hrtime.bigint() - started);
      durations.push(elapsed);
      total += elapsed;
    }
    const cpu = process.cpuUsage(cpuBefore);
    const totalMilliseconds = total / 1e6;
    runs.push({
      totalMilliseconds,
      millisecondsPerKilobyte: totalMilliseconds / kilobytes,
      cpuMillisecondsPerKilobyte: (cpu.user + cpu.system) / 1e3 / kilobytes,
    });
  }
  return { lines: texts.length, kilobytes, repeats, runs, perLine: summarize(durations) };
}
