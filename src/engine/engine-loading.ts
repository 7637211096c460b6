import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from "node-llama-cpp";
import { ColibriError, InsufficientMemoryError, ModelNotFoundError } from "../core/errors.js";
import { estimateMemory } from "../models/memory-estimate.js";
import { resolveEngineSettings, type EngineSettings } from "./engine-settings.js";
import { loadLlamaRuntime, type EngineLogger } from "./llama-runtime.js";
import type { LocalEngineOptions } from "./local-engine-options.js";
import { assertAdapterMatches, readLoraAdapter } from "./lora-adapter.js";
import { assertMemoryFits } from "./memory-check.js";
import { readModelFootprint, type ModelFootprint } from "./model-footprint.js";

export interface LoadedEngine {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  sequences: LlamaContextSequence[];
  settings: EngineSettings;
  /** The separate embedding model, when one is configured. */
  embeddingModel: LlamaModel | undefined;
}

/**
 * Read the GGUF header, settle the settings, check RAM, then load: runtime, model, one context
 * with every sequence. Frees whatever was loaded when a later step fails.
 */
export async function loadEngine(
  options: LocalEngineOptions,
  logger: EngineLogger,
): Promise<LoadedEngine> {
  const footprint = await readFootprint(options.modelPath, options.modelName);
  const adapter =
    options.adapter === undefined
      ? undefined
      : await readLoraAdapter(options.adapter.path, options.modelName);
  if (adapter !== undefined) {
    assertAdapterMatches(adapter, footprint.architecture, {
      adapter: options.modelName,
      base: options.modelPath,
    });
  }
  const embeddingFootprint =
    options.embeddingModel === undefined
      ? undefined
      : await readFootprint(options.embeddingModel.path, options.embeddingModel.name);
  const settings = resolveEngineSettings({
    machine: options.machine,
    model: footprint,
    requested: {
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(options.sequences === undefined ? {} : { sequences: options.sequences }),
      ...(options.contextSize === undefined ? {} : { contextSize: options.contextSize }),
      ...(options.embeddingContextSize === undefined
        ? {}
        : { embeddingContextSize: options.embeddingContextSize }),
    },
  });
  validateSettings(settings);
  const estimate = estimateMemory({
    // An embedding model's weights and an adapter's add to the chat model's (the embedding
    // model's small context is not counted).
    fileSizeBytes:
      footprint.fileSizeBytes +
      (embeddingFootprint?.fileSizeBytes ?? 0) +
      (adapter?.fileSizeBytes ?? 0),
    shape: footprint.shape,
    contextSize: settings.contextSize,
    sequences: settings.sequences,
    embeddingContextSize: settings.embeddingContextSize,
  });
  assertMemoryFits(estimate, options.machine.freeMemoryBytes, options.modelName);

  const llama = await loadLlamaRuntime({ threads: settings.threads, logger });
  try {
    const model = await llama.loadModel({ modelPath: options.modelPath });
    const context = await model.createContext({
      contextSize: settings.contextSize,
      sequences: settings.sequences,
      threads: settings.threads,
      ...(options.adapter === undefined
        ? {}
        : {
            lora: {
              adapters: [{ filePath: options.adapter.path, scale: options.adapter.scale ?? 1 }],
            },
          }),
    });
    const sequences = Array.from({ length: settings.sequences }, () => context.getSequence());
    const embeddingModel =
      options.embeddingModel === undefined
        ? undefined
        : await llama.loadModel({ modelPath: options.embeddingModel.path });
    return { llama, model, context, sequences, settings, embeddingModel };
  } catch (error) {
    await llama.dispose().catch(() => undefined);
    throw translateLoadError(error, options.modelName, settings);
  }
}

async function readFootprint(modelPath: string, modelName: string): Promise<ModelFootprint> {
  try {
    return await readModelFootprint(modelPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ModelNotFoundError(
        modelName,
        `No model file at ${modelPath}. Run: colibri pull ${modelName}`,
      );
    }
    throw new ColibriError(
      `Cannot read the model file ${modelPath} as GGUF: ${describeError(error)}. Is it a complete GGUF file? Pull it again if it was cut short.`,
      { code: "invalid_model_file", status: 500, cause: error },
    );
  }
}

function validateSettings(settings: EngineSettings): void {
  const problems: string[] = [];
  if (!(Number.isInteger(settings.threads) && settings.threads >= 1)) {
    problems.push(`threads=${settings.threads} (at least 1)`);
  }
  const { sequences, contextSize } = settings;
  if (!(Number.isInteger(sequences) && sequences >= 1 && sequences <= 256)) {
    problems.push(`sequences=${sequences} (1 to 256)`);
  }
  if (!(Number.isInteger(contextSize) && contextSize >= 16)) {
    problems.push(`contextSize=${contextSize} (at least 16)`);
  }
  if (problems.length > 0) {
    throw new ColibriError(`Invalid engine settings: ${problems.join(", ")}.`, {
      code: "invalid_config",
      status: 500,
    });
  }
}

function translateLoadError(error: unknown, modelName: string, settings: EngineSettings): unknown {
  if (error instanceof Error && error.name === "InsufficientMemoryError") {
    return new InsufficientMemoryError(
      `node-llama-cpp refused to create the context for "${modelName}" (${settings.sequences} sequences × ${settings.contextSize} tokens): ${error.message}. Lower engine.contextSize or engine.sequences, or use a smaller model.`,
    );
  }
  return error;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
