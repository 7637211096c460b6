import type { ColibriConfig } from "../config/schema.js";
import { readMachine } from "../config/machine.js";
import type { EngineLogger } from "../engine/llama-runtime.js";
import { LocalEngine } from "../engine/local-engine.js";
import { modelStoreFromConfig } from "../models/model-store-from-config.js";
import type { ResolvedModel } from "../models/model-store.js";
import type { CliContext } from "./context.js";
import { createDownloadProgress } from "./download-progress.js";

/**
 * The configured model, downloaded first if it is missing (with a progress bar), loaded into a
 * LocalEngine with the configured engine settings; an installed adapter's name loads its base
 * model with the adapter.
 */
export async function startEngine(
  config: ColibriConfig,
  context: CliContext,
  logger?: EngineLogger,
): Promise<LocalEngine> {
  const progress = createDownloadProgress(context.stderr);
  const store = modelStoreFromConfig(config);
  const pulling = { onProgress: progress.onProgress, onStatus: progress.onStatus };
  let model: ResolvedModel;
  let embeddingModel: ResolvedModel | undefined;
  try {
    model = await store.ensure(config.model.default, pulling);
    if (config.engine.embeddingModel !== undefined) {
      embeddingModel = await store.ensure(config.engine.embeddingModel, pulling);
    }
  } finally {
    progress.stop();
  }
  return LocalEngine.load({
    modelPath: model.path,
    modelName: model.name,
    adapter: model.adapter,
    machine: readMachine(),
    threads: config.engine.threads,
    sequences: config.engine.sequences,
    contextSize: config.engine.contextSize,
    embeddingContextSize: config.engine.embeddingContextSize,
    embeddingModel:
      embeddingModel === undefined
        ? undefined
        : { path: embeddingModel.path, name: embeddingModel.name },
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
