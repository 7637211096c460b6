import type { ColibriConfig } from "../config/schema.js";
import { readMachine } from "../config/machine.js";
import type { EngineLogger } from "../engine/llama-runtime.js";
import { LocalEngine } from "../engine/local-engine.js";
import { modelStoreFromConfig } from "../models/model-store-from-config.js";
import type { CliContext } from "./context.js";
import { createDownloadProgress } from "./download-progress.js";

/**
 * The configured model, downloaded first if it is missing (with a progress bar), loaded into a
 * LocalEngine with the configured engine settings.
 */
export async function startEngine(
  config: ColibriConfig,
  context: CliContext,
  logger?: EngineLogger,
): Promise<LocalEngine> {
  const progress = createDownloadProgress(context.stderr);
  const model = await modelStoreFromConfig(config)
    .ensure(config.model.default, { onProgress: progress.onProgress, onStatus: progress.onStatus })
    .finally(() => {
      progress.stop();
    });
  return LocalEngine.load({
    modelPath: model.path,
    modelName: model.name,
    machine: readMachine(),
    threads: config.engine.threads,
    sequences: config.engine.sequences,
    contextSize: config.engine.contextSize,
    embeddingContextSize: config.engine.embeddingContextSize,
    maxQueue: config.engine.maxQueue,
    defaultMaxTokens: config.engine.defaultMaxTokens,
    repetition: {
      repeatPenalty: config.engine.repeatPenalty,
      lastTokens: config.engine.repeatLastTokens,
      stopRunaway: config.engine.stopRunaway,
    },
    ...(logger === undefined ? {} : { logger }),
  });
}
