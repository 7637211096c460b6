/**
 * `npm run bench:stall`: how long one big request holds the gateway's event loop. A real gateway
 * listens on 127.0.0.1; a client in a worker thread sends GET /v1/models every 10 ms while it
 * sends, one after the other, a 4 MB chat body full of CPFs and a 3.6 MB /v1/privacy/scan text
 * full of CPFs. Printed: the small requests' latency (p50, p99, worst), the gateway's event-loop
 * delay (perf_hooks.monitorEventLoopDelay: p99 and max), and what the big requests got.
 *
 *   node dist-tools/tools/bench/event-loop-stall-benchmark.js [--repetitions 3] [--max-findings N] [--json]
 *
 * `--max-findings` sets privacy.maxFindingsPerRequest (default: the config's); a large value
 * shows a whole 3.6 MB text scanned with the event loop shared. It prints numbers, never judges.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { summarize } from "./gateway-benchmark.js";
import { cpfTextForJson } from "./cpf-text.js";
import type { BigRequest, LoadClientResult, LoadClientTask } from "./stall-load-client.js";
import { startStallGateway } from "./stall-gateway.js";

interface Scenario {
  label: string;
  big: BigRequest | undefined;
}

interface ScenarioResult extends LoadClientResult {
  label: string;
  eventLoopDelay: { p99: number; max: number };
}

const { values } = parseArgs({
  options: {
    repetitions: { type: "string", default: "3" },
    "max-findings": { type: "string" },
    json: { type: "boolean", default: false },
  },
  strict: true,
});
const repetitions = Number.parseInt(values.repetitions, 10);
const maxFindings =
  values["max-findings"] === undefined ? undefined : Number.parseInt(values["max-findings"], 10);
const progress = (text: string) => process.stderr.write(`bench:stall: ${text}\n`);

const scenarios: Scenario[] = [
  { label: "small requests alone", big: undefined },
  { label: "4 MB chat body of CPFs", big: { kind: "chat", bytes: 4_000_000, repetitions } },
  {
    label: "3.6 MB /v1/privacy/scan of CPFs",
    big: { kind: "scan", bytes: 3_600_000, repetitions },
  },
];

const home = await mkdtemp(join(tmpdir(), "colibri-bench-"));
const gateway = await startStallGateway(home, maxFindings);
try {
  const address = await gateway.server.listen();
  const parse = measureJsonParse(4_000_000);
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    progress(`${scenario.label}…`);
    results.push(await runScenario(address, scenario));
  }
  const machine = `${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${availableParallelism()} cores, Node ${process.version}`;
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ machine, maxFindings: gateway.maxFindings, parse, results }, null, 2)}\n`
      : report(results, machine, gateway.maxFindings, parse),
  );
} finally {
  await gateway.close();
  await rm(home, { recursive: true, force: true });
}

async function runScenario(address: string, scenario: Scenario): Promise<ScenarioResult> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const task: LoadClientTask = {
    address,
    big: scenario.big,
    intervalMilliseconds: 10,
    idleMilliseconds: scenario.big === undefined ? 2_000 : 300,
  };
  const worker = new Worker(new URL("./stall-load-client.js", import.meta.url), {
    workerData: task,
  });
  histogram.enable();
  const result = await new Promise<LoadClientResult>((resolve, reject) => {
    worker.once("message", (message: LoadClientResult) => {
      resolve(message);
    });
    worker.once("error", reject);
  });
  histogram.disable();
  await worker.terminate();
  return {
    label: scenario.label,
    ...result,
    eventLoopDelay: { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 },
  };
}

/** Milliseconds JSON.parse takes over a chat body of `bytes` full of CPFs (median of 5). */
function measureJsonParse(bytes: number): number {
  const body = JSON.stringify({
    model: "cloud-model",
    messages: [{ role: "user", content: cpfTextForJson(bytes - 70) }],
  });
  const durations: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    JSON.parse(body);
    durations.push(performance.now() - started);
  }
  return durations.sort((left, right) => left - right)[2] ?? 0;
}

function report(
  results: readonly ScenarioResult[],
  machine: string,
  maxFindings: number,
  parse: number,
): string {
  const lines = [
    `Event-loop stall (${machine}); privacy.maxFindingsPerRequest ${maxFindings}; GET /v1/models every 10 ms from a worker thread.`,
    `JSON.parse of a 4 MB chat body: ${parse.toFixed(1)} ms.`,
    "",
    "scenario                          small n  p50 ms  p99 ms  max ms  loop p99 ms  loop max ms  big requests",
  ];
  for (const result of results) {
    const latency = summarize(result.small.map((milliseconds) => milliseconds * 1e6));
    const big = result.big
      .map(
        (entry) =>
          `${entry.status}${entry.code === null ? "" : ` ${entry.code}`} in ${entry.milliseconds.toFixed(0)} ms`,
      )
      .join(", ");
    lines.push(
      `${result.label.padEnd(33)} ${String(result.small.length).padStart(7)} ${(latency.p50 / 1000).toFixed(1).padStart(7)} ${(latency.p99 / 1000).toFixed(1).padStart(7)} ${(latency.max / 1000).toFixed(1).padStart(7)} ${result.eventLoopDelay.p99.toFixed(1).padStart(12)} ${result.eventLoopDelay.max.toFixed(1).padStart(12)}  ${big === "" ? "-" : big}${result.smallFailures > 0 ? `; ${result.smallFailures} small failed` : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
