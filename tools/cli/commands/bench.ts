import { InvalidArgumentError, type Command } from "commander";
import type { ChatMessage } from "../../../src/core/chat.js";
import { readMachine } from "../../../src/config/machine.js";
import { benchmarkHttp, type HttpBenchmarkRun } from "../../bench/http-benchmark.js";
import { benchmarkDirect, type DirectBenchmarkRun } from "../../bench/direct-benchmark.js";
import { defaultThreads } from "../../../src/engine/engine-settings.js";
import { LocalEngine } from "../../../src/engine/local-engine.js";
import { modelStoreFromConfig } from "../../../src/models/model-store-from-config.js";
import { buildGateway } from "../../../src/gateway/build-gateway.js";
import type { CliContext } from "../../../src/cli/context.js";
import { integer } from "../../../src/cli/engine-options.js";
import { plural } from "../../../src/cli/plural.js";

/** About 100 prompt tokens once the chat template is applied. */
const benchmarkMessages: ChatMessage[] = [
  {
    role: "user",
    content:
      "Una clínica rural en Bolivia atiende a pacientes de varias comunidades. El personal registra las consultas en papel y después las pasa a una computadora cuando hay electricidad. Quieren un asistente que ayude a resumir las notas de cada consulta, que funcione sin internet y que no envíe datos personales fuera del país. Escribe una explicación larga y detallada, paso a paso, de cómo organizar ese trabajo durante una semana típica.",
  },
];

interface BenchOptions {
  model?: string;
  threads?: number;
  maxTokens: number;
  concurrency: number[];
  runs: number;
  json?: boolean;
}

export function registerBenchCommand(program: Command, context: CliContext): void {
  program
    .command("bench")
    .description(
      "Benchmark the local engine: node-llama-cpp called directly, then the same work through the HTTP server.",
    )
    .option("--model <name>", "model to measure (default: the configured default model)")
    .option(
      "--threads <n>",
      "CPU threads (default: the cores less one, at most 8)",
      integer("--threads"),
    )
    .option("--max-tokens <n>", "tokens generated per stream", integer("--max-tokens"), 128)
    .option(
      "--concurrency <list>",
      "concurrent streams to measure, comma-separated",
      parseList,
      [1, 4],
    )
    .option(
      "--runs <n>",
      "repetitions of each measurement; medians are reported",
      integer("--runs"),
      5,
    )
    .option("--json", "print the measurements as JSON")
    .addHelpText(
      "after",
      `
Greedy decoding, a ~100-token Spanish prompt, the same context layout on both paths, each
measurement repeated --runs times and the median reported. The ratio server ÷ direct shows what
the gateway costs (goal: ≥ 0.95). Run it on an idle machine.

Example:
  colibri bench --concurrency 1,4 --max-tokens 128`,
    )
    .action(async (options: BenchOptions) => {
      const config = await context.loadConfig({
        model: { default: options.model },
        engine: { threads: options.threads },
      });
      const model = await modelStoreFromConfig(config).ensure(config.model.default);
      const machine = readMachine();
      const threads = config.engine.threads ?? defaultThreads(machine.cores);
      const sequences = Math.max(...options.concurrency);
      const contextSize = 2048;
      const quiet = () => undefined;
      const progress = (text: string) => context.stderr.write(`${text}\n`);

      progress(
        `bench: ${model.name}, ${plural(threads, "thread", "threads")}, streams ${options.concurrency.join("/")}, ${plural(options.maxTokens, "token", "tokens")} each, ${plural(options.runs, "run", "runs")}`,
      );
      const engine = await LocalEngine.load({
        modelPath: model.path,
        modelName: model.name,
        machine,
        threads,
        sequences,
        contextSize,
        logger: quiet,
      });
      // The server path includes the platform (auth, limits, accounting) on a throwaway store.
      const gateway = await buildGateway(
        {
          ...config,
          database: "sqlite::memory:",
          server: { ...config.server, host: "127.0.0.1", port: 0, auth: false },
        },
        {
          backend: engine,
          auditKey: "bench-audit-key-0123456789abcdef0123456789",
          defaultMaxTokens: options.maxTokens,
          features: [],
        },
      );
      const { server } = gateway;
      // The two paths alternate run by run, so a machine that drifts (other tenants, thermal
      // limits) weighs on both alike.
      const direct: DirectBenchmarkRun[] = [];
      const http: HttpBenchmarkRun[] = [];
      let serverPeakRssBytes = 0;
      try {
        const baseUrl = await server.listen();
        for (let run = 1; run <= options.runs; run++) {
          progress(`bench: run ${run}/${options.runs}: through the HTTP server, then directly…`);
          http.push(
            ...(await benchmarkHttp({
              baseUrl,
              concurrency: options.concurrency,
              messages: benchmarkMessages,
              maxTokens: options.maxTokens,
            })),
          );
          if (run === 1) serverPeakRssBytes = process.resourceUsage().maxRSS * 1024;
          direct.push(
            ...(await benchmarkDirect({
              modelPath: model.path,
              threads,
              concurrency: options.concurrency,
              messages: benchmarkMessages,
              maxTokens: options.maxTokens,
              contextSize,
              logger: quiet,
            })),
          );
        }
      } finally {
        await gateway.close();
        await engine.close();
      }
      const report = {
        model: model.name,
        threads,
        maxTokens: options.maxTokens,
        runs: options.runs,
        direct: summarize(direct, options.concurrency),
        server: summarize(http, options.concurrency),
        serverPeakRssBytes,
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
      };
      context.stdout.write(
        options.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report),
      );
    });
}

type Run = DirectBenchmarkRun | HttpBenchmarkRun;

/** Medians over the repetitions: single-stream figures from the 1-stream runs, aggregates per level. */
function summarize(runs: Run[], levels: readonly number[]) {
  const singles = runs
    .filter((run) => run.concurrency === Math.min(...levels))
    .flatMap((run) => run.streams);
  return {
    promptTokens: singles[0]?.promptTokens ?? 0,
    promptTokensPerSecond: median(singles.map((stream) => stream.promptTokensPerSecond)),
    generationTokensPerSecond: median(singles.map((stream) => stream.generationTokensPerSecond)),
    timeToFirstTokenMs: median(singles.map((stream) => stream.timeToFirstTokenMs)),
    aggregate: levels.map((concurrency) => {
      const level = runs.filter((run) => run.concurrency === concurrency);
      return {
        concurrency,
        tokensPerSecond: median(level.map((run) => run.aggregateTokensPerSecond)),
        completionTokens: median(
          level.map((run) => run.streams.reduce((sum, stream) => sum + stream.completionTokens, 0)),
        ),
      };
    }),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function formatReport(report: {
  model: string;
  threads: number;
  runs: number;
  direct: ReturnType<typeof summarize>;
  server: ReturnType<typeof summarize>;
  serverPeakRssBytes: number;
  peakRssBytes: number;
}): string {
  const rows: [string, number, number][] = [
    [
      "prompt tokens/s (1 stream)",
      report.direct.promptTokensPerSecond,
      report.server.promptTokensPerSecond,
    ],
    [
      "generation tokens/s (1 stream)",
      report.direct.generationTokensPerSecond,
      report.server.generationTokensPerSecond,
    ],
    [
      `time to first token, ms (${report.direct.promptTokens}-token prompt)`,
      report.direct.timeToFirstTokenMs,
      report.server.timeToFirstTokenMs,
    ],
    ...report.direct.aggregate.map((run, index): [string, number, number] => [
      `aggregate tokens/s, ${run.concurrency} stream${run.concurrency === 1 ? "" : "s"}`,
      run.tokensPerSecond,
      report.server.aggregate[index]?.tokensPerSecond ?? 0,
    ]),
  ];
  const lines = [
    `${"metric".padEnd(44)}${"direct".padStart(10)}${"server".padStart(10)}${"ratio".padStart(8)}`,
    ...rows.map(
      ([name, direct, server]) =>
        `${name.padEnd(44)}${direct.toFixed(1).padStart(10)}${server.toFixed(1).padStart(10)}${(server / direct).toFixed(3).padStart(8)}`,
    ),
    `peak RSS: ${mebibytes(report.serverPeakRssBytes)} serving (engine, server and client, after run 1), ${mebibytes(report.peakRssBytes)} for the whole run (with the direct baseline's own model and context loaded beside)`,
    `(medians of ${plural(report.runs, "run", "runs")}; ratio = server ÷ direct; for time to first token, above 1 means the server is slower)`,
  ];
  return `${lines.join("\n")}\n`;
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function parseList(value: string): number[] {
  const numbers = value.split(",").map((part) => Number(part.trim()));
  if (numbers.length === 0 || numbers.some((number) => !Number.isInteger(number) || number < 1)) {
    throw new InvalidArgumentError(`--concurrency expects whole numbers like 1,4; got '${value}'.`);
  }
  return numbers;
}
