import { request as httpRequest } from "node:http";
import type { ChatMessage } from "../../src/core/chat.js";

/** Figures for one streamed request, measured by the client (HTTP, SSE parsing included). */
export interface HttpStreamFigures {
  promptTokens: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  promptTokensPerSecond: number;
  generationTokensPerSecond: number;
}

export interface HttpBenchmarkRun {
  concurrency: number;
  streams: HttpStreamFigures[];
  wallMs: number;
  aggregateTokensPerSecond: number;
}

export interface HttpBenchmarkOptions {
  /** Base URL of a running Colibrí, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  concurrency: readonly number[];
  messages: readonly ChatMessage[];
  maxTokens: number;
  now?: () => number;
}

/**
 * The same workload as the direct benchmark, through `/v1/chat/completions` with `stream: true`
 * and greedy sampling, so the two can be divided.
 */
export async function benchmarkHttp(options: HttpBenchmarkOptions): Promise<HttpBenchmarkRun[]> {
  const runs: HttpBenchmarkRun[] = [];
  const now = options.now ?? (() => performance.now());
  for (const concurrency of options.concurrency) {
    const start = now();
    const streams = await Promise.all(
      Array.from({ length: concurrency }, () => streamOnce(options, now)),
    );
    const wallMs = now() - start;
    const total = streams.reduce((sum, stream) => sum + stream.completionTokens, 0);
    runs.push({ concurrency, streams, wallMs, aggregateTokensPerSecond: (total / wallMs) * 1000 });
  }
  return runs;
}

/**
 * One streamed request over node:http (lighter on the shared CPU than fetch's web streams, so the
 * load generator disturbs the measurement less).
 */
function streamOnce(options: HttpBenchmarkOptions, now: () => number): Promise<HttpStreamFigures> {
  const body = JSON.stringify({
    model: "local",
    messages: options.messages,
    max_tokens: options.maxTokens,
    temperature: 0,
    stream: true,
    stream_options: { include_usage: true },
  });
  return new Promise((resolve, reject) => {
    const start = now();
    let firstTokenAt = 0;
    let promptTokens = 0;
    let completionTokens = 0;
    let buffered = "";
    const request = httpRequest(
      new URL("/v1/chat/completions", options.baseUrl),
      { method: "POST", headers: { "content-type": "application/json" }, agent: false },
      (response) => {
        response.setEncoding("utf8");
        if (response.statusCode !== 200) {
          reject(new Error(`benchmark request failed: HTTP ${response.statusCode ?? "?"}`));
          response.resume();
          return;
        }
        response.on("data", (text: string) => {
          buffered += text;
          let boundary: number;
          while ((boundary = buffered.indexOf("\n\n")) >= 0) {
            const frame = buffered.slice(0, boundary);
            buffered = buffered.slice(boundary + 2);
            if (
              firstTokenAt === 0 &&
              frame.includes('"content":"') &&
              !frame.includes('"content":""')
            ) {
              firstTokenAt = now();
            }
            if (frame.includes('"usage"')) {
              const usage = (
                JSON.parse(frame.slice(6)) as {
                  usage: { prompt_tokens: number; completion_tokens: number };
                }
              ).usage;
              promptTokens = usage.prompt_tokens;
              completionTokens = usage.completion_tokens;
            }
          }
        });
        response.on("end", () => {
          const end = now();
          const timeToFirstTokenMs = firstTokenAt - start;
          resolve({
            promptTokens,
            completionTokens,
            timeToFirstTokenMs,
            promptTokensPerSecond: (promptTokens / timeToFirstTokenMs) * 1000,
            generationTokensPerSecond:
              end > firstTokenAt ? ((completionTokens - 1) / (end - firstTokenAt)) * 1000 : 0,
          });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
