import type { ChatMessage } from "../core/chat.js";

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
  fetch?: typeof fetch;
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

async function streamOnce(
  options: HttpBenchmarkOptions,
  now: () => number,
): Promise<HttpStreamFigures> {
  const fetchFunction = options.fetch ?? fetch;
  const start = now();
  const response = await fetchFunction(`${options.baseUrl}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "local",
      messages: options.messages,
      max_tokens: options.maxTokens,
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
    }),
  });
  if (!response.ok || !response.body) {
    throw new Error(`benchmark request failed: HTTP ${response.status} ${await response.text()}`);
  }
  let firstTokenAt = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  let buffered = "";
  const decoder = new TextDecoder();
  for await (const bytes of response.body as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(bytes, { stream: true });
    let boundary: number;
    while ((boundary = buffered.indexOf("\n\n")) >= 0) {
      const frame = buffered.slice(0, boundary);
      buffered = buffered.slice(boundary + 2);
      if (!frame.startsWith("data: ") || frame === "data: [DONE]") continue;
      const chunk = JSON.parse(frame.slice(6)) as {
        choices: { delta: { content?: string } }[];
        usage?: { prompt_tokens: number; completion_tokens: number };
      };
      if (firstTokenAt === 0 && (chunk.choices[0]?.delta.content ?? "") !== "")
        firstTokenAt = now();
      if (chunk.usage) {
        promptTokens = chunk.usage.prompt_tokens;
        completionTokens = chunk.usage.completion_tokens;
      }
    }
  }
  const end = now();
  const timeToFirstTokenMs = firstTokenAt - start;
  return {
    promptTokens,
    completionTokens,
    timeToFirstTokenMs,
    promptTokensPerSecond: (promptTokens / timeToFirstTokenMs) * 1000,
    generationTokensPerSecond:
      end > firstTokenAt ? ((completionTokens - 1) / (end - firstTokenAt)) * 1000 : 0,
  };
}
