import { InvalidArgumentError, type Command } from "commander";
import type { ChatMessage } from "../../core/chat.js";
import { readMachine } from "../../config/machine.js";
import { benchmarkHttp, type HttpBenchmarkRun } from "../../bench/http-benchmark.js";
import { benchmarkDirect, type DirectBenchmarkRun } from "../../engine/direct-benchmark.js";
import { LocalEngine } from "../../engine/local-engine.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import { createServer } from "../../server/app.js";
import type { CliContext } from "../context.js";
import { integer } from "../engine-options.js";

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
  json?: boolean;
}

export function registerBenchCommand(program: Command, context: CliContext): void {
  program
    .command("bench")
    .description(
      "Benchmark the local engine: node-llama-cpp called directly, then the same work through the HTTP server.",
    )
    .option("--model <name>", "model to measure (default: the configured default model)")
    .option("--threads <n>", "CPU threads (default: the machine's cores)", integer("--threads"))
    .option("--max-tokens <n>", "tokens generated per stream", integer("--max-tokens"), 128)
    .option(
      "--concurrency <list>",
      "concurrent streams to measure, comma-separated",
      parseList,
      [1, 4],
    )
    .option("--json", "print the measurements as JSON")
    .addHelpText(
      "after",
      `
Greedy decoding, a ~100-token Spanish prompt, the same context layout on both paths. The ratio
server ÷ direct shows what the gateway costs (goal: ≥ 0.95). Run it on an idle machine.

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
      const threads = config.engine.threads ?? machine.cores;
      const sequences = Math.max(...options.concurrency);
      const contextSize = 2048;
      const quiet = () => undefined;
      const progress = (text: string) => context.stderr.write(`${text}\n`);

      progress(
        `bench: ${model.name}, ${threads} threads, streams ${options.concurrency.join("/")}, ${options.maxTokens} tokens each`,
      );
      progress("bench: node-llama-cpp directly…");
      const direct = await benchmarkDirect({
        modelPath: model.path,
        threads,
        concurrency: options.concurrency,
        messages: benchmarkMessages,
        maxTokens: options.maxTokens,
        contextSize,
        logger: quiet,
      });
      const directPeakRssBytes = process.resourceUsage().maxRSS * 1024;

      progress("bench: through the HTTP server…");
      const engine = await LocalEngine.load({
        modelPath: model.path,
        modelName: model.name,
        machine,
        threads,
        sequences,
        contextSize,
        logger: quiet,
      });
      const server = createServer({
        backend: engine,
        server: { ...config.server, host: "127.0.0.1", port: 0 },
        defaultMaxTokens: options.maxTokens,
      });
      let http: HttpBenchmarkRun[];
      try {
        const baseUrl = await server.listen();
        http = await benchmarkHttp({
          baseUrl,
          concurrency: options.concurrency,
          messages: benchmarkMessages,
          maxTokens: options.maxTokens,
        });
      } finally {
        await server.close();
        await engine.close();
      }
      const report = {
        model: model.name,
        threads,
        maxTokens: options.maxTokens,
        direct: summarize(direct),
        server: summarize(http),
        directPeakRssBytes,
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
      };
      context.stdout.write(
        options.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report),
      );
    });
}

type Run = DirectBenchmarkRun | HttpBenchmarkRun;

function summarize(runs: Run[]) {
  const single = runs.find((run) => run.concurrency === 1) ?? runs[0];
  const first = single?.streams[0];
  return {
    promptTokens: first?.promptTokens ?? 0,
    promptTokensPerSecond: first?.promptTokensPerSecond ?? 0,
    generationTokensPerSecond: first?.generationTokensPerSecond ?? 0,
    timeToFirstTokenMs: first?.timeToFirstTokenMs ?? 0,
    aggregate: runs.map((run) => ({
      concurrency: run.concurrency,
      tokensPerSecond: run.aggregateTokensPerSecond,
      completionTokens: run.streams.reduce((sum, stream) => sum + stream.completionTokens, 0),
    })),
  };
}

function formatReport(report: {
  model: string;
  threads: number;
  direct: ReturnType<typeof summarize>;
  server: ReturnType<typeof summarize>;
  directPeakRssBytes: number;
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
    `peak RSS: ${mebibytes(report.directPeakRssBytes)} after the direct run, ${mebibytes(report.peakRssBytes)} for the whole run`,
    "(ratio = server ÷ direct; for time to first token, above 1 means the server is slower)",
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
