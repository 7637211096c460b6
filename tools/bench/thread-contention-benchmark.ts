/**
 * `npm run bench:threads`: how the local engine's speed depends on its thread count when other
 * work shares the CPU. For each thread count and each number of busy-loop processes (each one
 * `node -e 'for(;;){}'`, a core's worth of competing work), node-llama-cpp is called as the engine
 * calls it (benchmarkDirect: greedy, token probabilities on, one stream) and the medians of
 * time to first token, prompt tokens/s and generation tokens/s are printed, with the load
 * average at the end of each measurement (other work on the machine shows there). A stream
 * ends at --max-tokens or after --max-seconds, whichever comes first.
 *
 *   node dist-tools/tools/bench/thread-contention-benchmark.js --model-path FILE
 *     [--threads 1,2] [--busy 0,1,2] [--max-tokens 64] [--max-seconds 30] [--runs 3] [--json]
 *
 * The busy loops are started before and killed (by PID) after each measurement. It prints
 * numbers and judges none; run it on an otherwise idle machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { ChatMessage } from "../../src/core/chat.js";
import { benchmarkDirect, type DirectStreamFigures } from "./direct-benchmark.js";

/** The same ~100-token Spanish prompt as `colibri bench`. */
const messages: ChatMessage[] = [
  {
    role: "user",
    content:
      "Una clínica rural en Bolivia atiende a pacientes de varias comunidades. El personal registra las consultas en papel y después las pasa a una computadora cuando hay electricidad. Quieren un asistente que ayude a resumir las notas de cada consulta, que funcione sin internet y que no envíe datos personales fuera del país. Escribe una explicación larga y detallada, paso a paso, de cómo organizar ese trabajo durante una semana típica.",
  },
];

const { values } = parseArgs({
  options: {
    "model-path": { type: "string" },
    threads: { type: "string", default: "1,2" },
    busy: { type: "string", default: "0,1,2" },
    "max-tokens": { type: "string", default: "64" },
    "max-seconds": { type: "string", default: "30" },
    runs: { type: "string", default: "3" },
    json: { type: "boolean", default: false },
  },
});
const modelPath = values["model-path"];
if (modelPath === undefined) {
  console.error("thread-contention-benchmark: --model-path FILE is required.");
  process.exit(2);
}
const threadCounts = numbers(values.threads, "--threads");
const busyCounts = numbers(values.busy, "--busy", 0);
const maxTokens = numbers(values["max-tokens"], "--max-tokens")[0] ?? 64;
const runs = numbers(values.runs, "--runs")[0] ?? 3;
const maxSeconds = numbers(values["max-seconds"], "--max-seconds")[0] ?? 30;

interface Row {
  threads: number;
  busyLoops: number;
  promptTokens: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  promptTokensPerSecond: number;
  generationTokensPerSecond: number;
  /** The 1-minute load average as the measurement ended (its own threads and busy loops count). */
  loadAverage: number;
}

const rows: Row[] = [];
for (const busyLoops of busyCounts) {
  for (const threads of threadCounts) {
    const loops = startBusyLoops(busyLoops);
    try {
      // Let the busy loops reach full speed before measuring.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const streams: DirectStreamFigures[] = [];
      for (let run = 0; run < runs; run++) {
        const [result] = await benchmarkDirect({
          modelPath,
          threads,
          concurrency: [1],
          messages,
          maxTokens,
          contextSize: 2048,
          maxStreamMs: maxSeconds * 1000,
          logger: () => undefined,
        });
        streams.push(...(result?.streams ?? []));
      }
      const row: Row = {
        threads,
        busyLoops,
        promptTokens: streams[0]?.promptTokens ?? 0,
        completionTokens: median(streams.map((stream) => stream.completionTokens)),
        timeToFirstTokenMs: median(streams.map((stream) => stream.timeToFirstTokenMs)),
        promptTokensPerSecond: median(streams.map((stream) => stream.promptTokensPerSecond)),
        generationTokensPerSecond: median(
          streams.map((stream) => stream.generationTokensPerSecond),
        ),
        loadAverage: loadavg()[0] ?? 0,
      };
      rows.push(row);
      if (!values.json) console.error(describe(row));
    } finally {
      stopBusyLoops(loops);
    }
  }
}

if (values.json) {
  console.log(JSON.stringify({ model: basename(modelPath), maxTokens, runs, rows }, null, 2));
} else {
  console.log(`${basename(modelPath)}; ${cpus()[0]?.model ?? "?"} × ${cpus().length}`);
  console.log(
    `greedy, up to ${maxTokens} tokens or ${maxSeconds} s a stream, median of ${runs} runs, one stream`,
  );
  console.log(
    "threads  busy loops  prompt tokens  TTFT ms  prompt tok/s  generation tok/s  tokens  load",
  );
  for (const row of rows) {
    console.log(
      [
        String(row.threads).padStart(7),
        String(row.busyLoops).padStart(11),
        String(row.promptTokens).padStart(14),
        row.timeToFirstTokenMs.toFixed(0).padStart(8),
        row.promptTokensPerSecond.toFixed(1).padStart(13),
        row.generationTokensPerSecond.toFixed(1).padStart(17),
        String(row.completionTokens).padStart(7),
        row.loadAverage.toFixed(2).padStart(5),
      ].join(" "),
    );
  }
}

function describe(row: Row): string {
  return `threads ${row.threads}, busy loops ${row.busyLoops}: TTFT ${row.timeToFirstTokenMs.toFixed(0)} ms, prompt ${row.promptTokensPerSecond.toFixed(1)} tok/s, generation ${row.generationTokensPerSecond.toFixed(1)} tok/s`;
}

function startBusyLoops(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" }),
  );
}

function stopBusyLoops(loops: readonly ChildProcess[]): void {
  for (const loop of loops) loop.kill("SIGKILL");
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function numbers(text: string, flag: string, minimum = 1): number[] {
  const list = text.split(",").map((part) => Number(part.trim()));
  if (list.length === 0 || list.some((value) => !Number.isInteger(value) || value < minimum)) {
    console.error(
      `thread-contention-benchmark: ${flag} expects whole numbers ≥ ${minimum}, got '${text}'.`,
    );
    process.exit(2);
  }
  return list;
}
