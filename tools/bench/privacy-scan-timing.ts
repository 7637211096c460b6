import { summarize, type LatencySummary } from "./gateway-benchmark.js";
import type { Scanner } from "./privacy-scan-evaluation.js";

export interface ScanTiming {
  runs: number;
  /** UTF-8 bytes of the text scanned per run. */
  bytes: number;
  findings: number;
  /** Microseconds per scan. */
  latency: LatencySummary;
  /** UTF-8 megabytes (10^6 bytes) scanned per second over all timed runs. */
  megabytesPerSecond: number;
  /** The process's CPU time (user and system) per KB (10^3 bytes) over all timed runs, in ms. */
  cpuMillisecondsPerKilobyte: number;
}

/** Times `scan(text)` one call at a time, after `warmup` untimed calls. */
export function timeScan(scan: Scanner, text: string, runs: number, warmup = 1_000): ScanTiming {
  let findings = 0;
  for (let index = 0; index < warmup; index++) findings = scan(text).length;
  const durations: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let index = 0; index < runs; index++) {
    const started = process.hrtime.bigint();
    scan(text);
    durations.push(Number(process.hrtime.bigint() - started));
  }
  const cpu = process.cpuUsage(cpuBefore);
  const bytes = Buffer.byteLength(text, "utf8");
  const totalSeconds = durations.reduce((sum, value) => sum + value, 0) / 1e9;
  return {
    runs,
    bytes,
    findings,
    latency: summarize(durations),
    megabytesPerSecond: (bytes * runs) / 1e6 / totalSeconds,
    cpuMillisecondsPerKilobyte: (cpu.user + cpu.system) / 1000 / ((bytes * runs) / 1000),
  };
}
