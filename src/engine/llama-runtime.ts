import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";

export type EngineLogLevel = "error" | "warn" | "info" | "debug";
export type EngineLogger = (level: EngineLogLevel, message: string) => void;

/** Default logger: llama.cpp warnings and errors to stderr, one line each. */
export const stderrEngineLogger: EngineLogger = (level, message) => {
  process.stderr.write(`[engine ${level}] ${message.trimEnd()}\n`);
};

export interface LlamaRuntimeOptions {
  /** CPU threads; set explicitly: node-llama-cpp's default of 4 is ~100× slower on 2 cores. */
  threads: number;
  logger?: EngineLogger;
}

/**
 * The node-llama-cpp runtime, CPU only, with a prebuilt binary: `build: "never"` so that a machine
 * without a matching prebuilt binary fails at once instead of compiling llama.cpp for minutes.
 */
export async function loadLlamaRuntime(options: LlamaRuntimeOptions): Promise<Llama> {
  const logger = options.logger ?? stderrEngineLogger;
  return getLlama({
    build: "never",
    gpu: false,
    maxThreads: options.threads,
    logLevel: LlamaLogLevel.warn,
    logger: (level, message) => {
      logger(toEngineLevel(level), message);
    },
  });
}

function toEngineLevel(level: LlamaLogLevel): EngineLogLevel {
  switch (level) {
    case LlamaLogLevel.disabled:
    case LlamaLogLevel.fatal:
    case LlamaLogLevel.error:
      return "error";
    case LlamaLogLevel.warn:
      return "warn";
    case LlamaLogLevel.info:
    case LlamaLogLevel.log:
      return "info";
    case LlamaLogLevel.debug:
      return "debug";
  }
}
