import type { ChatMessage } from "../../src/core/chat.js";
import { ChatPromptRenderer } from "../../src/engine/chat-prompt.js";
import { loadLlamaRuntime, type EngineLogger } from "../../src/engine/llama-runtime.js";

export interface DirectBenchmarkOptions {
  modelPath: string;
  threads: number;
  /** Concurrent streams to measure, e.g. [1, 4]; the context gets max(concurrency) sequences. */
  concurrency: readonly number[];
  /** The conversation every stream answers (rendered with the model's chat template). */
  messages: readonly ChatMessage[];
  /** Tokens generated per stream (a stream may end earlier at end-of-generation). */
  maxTokens: number;
  /** Default 0 (greedy). */
  temperature?: number;
  /**
   * Ask node-llama-cpp for each token's probability, as the engine always does. Default true.
   * Measured on SmolLM2-135M (49k vocabulary): free when sampling (temperature > 0), but it
   * halves greedy generation speed (llama.cpp sorts the whole vocabulary for it).
   */
  confidence?: boolean;
  /**
   * End a stream after this many milliseconds even short of maxTokens (its speed is still
   * measured over what it generated); default no limit. Keeps runs on a starved CPU bounded.
   */
  maxStreamMs?: number;
  /** Tokens per sequence; default 4096. */
  contextSize?: number;
  logger?: EngineLogger;
  /** Milliseconds clock, injected for tests. */
  now?: () => number;
}

export interface DirectStreamFigures {
  promptTokens: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  /** Prompt tokens over the time to the first token. */
  promptTokensPerSecond: number;
  /** Tokens after the first over the time after the first. */
  generationTokensPerSecond: number;
}

export interface DirectBenchmarkRun {
  concurrency: number;
  streams: DirectStreamFigures[];
  wallMs: number;
  /** All streams' completion tokens over the wall time. */
  aggregateTokensPerSecond: number;
}

/**
 * The baseline for the engine benchmark: node-llama-cpp called directly, the same way the engine
 * calls it (same runtime options, chat template, context layout and sequence API, with the
 * token probability on by default) but with none of the engine's own work (no queue, no
 * detokenizing, no stop filtering, no HTTP).
 */
export async function benchmarkDirect(
  options: DirectBenchmarkOptions,
): Promise<DirectBenchmarkRun[]> {
  const now = options.now ?? (() => performance.now());
  const llama = await loadLlamaRuntime({
    threads: options.threads,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  try {
    const model = await llama.loadModel({ modelPath: options.modelPath });
    const sequenceCount = Math.max(1, ...options.concurrency);
    const context = await model.createContext({
      contextSize: options.contextSize ?? 4096,
      sequences: sequenceCount,
      threads: options.threads,
    });
    const sequences = Array.from({ length: sequenceCount }, () => context.getSequence());
    const prompt = new ChatPromptRenderer(model).render(options.messages);

    const runs: DirectBenchmarkRun[] = [];
    for (const concurrency of options.concurrency) {
      const start = now();
      const streams = await Promise.all(
        sequences.slice(0, concurrency).map(async (sequence) => {
          await sequence.clearHistory();
          const streamStart = now();
          let firstTokenAt = 0;
          let completionTokens = 0;
          const steps = sequence.evaluateWithMetadata(
            prompt.tokens,
            { confidence: options.confidence ?? true },
            { temperature: options.temperature ?? 0, seed: 1 },
          );
          for await (const { token } of steps) {
            if (prompt.stopTokens.has(token)) break;
            completionTokens += 1;
            if (completionTokens === 1) firstTokenAt = now();
            if (completionTokens >= options.maxTokens) break;
            if (options.maxStreamMs !== undefined && now() - streamStart >= options.maxStreamMs) {
              break;
            }
          }
          const end = now();
          const timeToFirstTokenMs = firstTokenAt - streamStart;
          return {
            promptTokens: prompt.tokens.length,
            completionTokens,
            timeToFirstTokenMs,
            promptTokensPerSecond: (prompt.tokens.length / timeToFirstTokenMs) * 1000,
            generationTokensPerSecond:
              end > firstTokenAt ? ((completionTokens - 1) / (end - firstTokenAt)) * 1000 : 0,
          };
        }),
      );
      const wallMs = now() - start;
      const total = streams.reduce((sum, stream) => sum + stream.completionTokens, 0);
      runs.push({
        concurrency,
        streams,
        wallMs,
        aggregateTokensPerSecond: (total / wallMs) * 1000,
      });
    }
    return runs;
  } finally {
    await llama.dispose();
  }
}
