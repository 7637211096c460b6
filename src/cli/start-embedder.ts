import type { LlamaEmbeddingContext } from "node-llama-cpp";
import type { ColibriConfig } from "../config/schema.js";
import { readMachine } from "../config/machine.js";
import { createTextEmbedder, unitVector, type TextEmbedder } from "../embedding/index.js";
import { defaultThreads } from "../engine/engine-settings.js";
import { loadLlamaRuntime } from "../engine/llama-runtime.js";
import { defaultEmbeddingContextSize } from "../models/memory-estimate.js";
import { modelStoreFromConfig } from "../models/model-store-from-config.js";
import type { CliContext } from "./context.js";
import { createDownloadProgress } from "./download-progress.js";

/** The sentence-embedding model the catalog offers (decision 0020). */
export const catalogEmbeddingModel = "embeddinggemma-300m";

/** A sentence embedder for the command line, holding its own model: close it when done. */
export interface CliEmbedder extends TextEmbedder {
  close(): Promise<void>;
}

/**
 * The sentence-embedding model alone (no chat model), for `colibri kb`: `name` when given (pulled
 * if missing), else `engine.embeddingModel` (likewise), else — only with `installedDefault` —
 * the catalog's embedding model if it is already installed. Undefined when there is none: retrieval
 * is then BM25 alone. A text longer than the embedding context is cut to fit (its start is kept).
 */
export async function startEmbedder(
  config: ColibriConfig,
  context: CliContext,
  options: { name?: string | undefined; installedDefault?: boolean } = {},
): Promise<CliEmbedder | undefined> {
  const store = modelStoreFromConfig(config);
  let name = options.name ?? config.engine.embeddingModel;
  if (name === undefined && options.installedDefault === true) {
    const installed = await store.installed(catalogEmbeddingModel);
    if (installed?.present === true) name = catalogEmbeddingModel;
  }
  if (name === undefined) return undefined;
  const progress = createDownloadProgress(context.stderr);
  let path: string;
  try {
    path = (
      await store.ensure(name, { onProgress: progress.onProgress, onStatus: progress.onStatus })
    ).path;
  } finally {
    progress.stop();
  }
  const threads = config.engine.threads ?? defaultThreads(readMachine().cores);
  const contextSize = config.engine.embeddingContextSize ?? defaultEmbeddingContextSize;
  const llama = await loadLlamaRuntime({ threads });
  let embedding: LlamaEmbeddingContext;
  let architecture: string | undefined;
  try {
    const model = await llama.loadModel({ modelPath: path });
    architecture = model.fileInfo.metadata.general.architecture;
    embedding = await model.createEmbeddingContext({
      contextSize,
      batchSize: contextSize,
      threads,
    });
  } catch (error) {
    await llama.dispose().catch(() => undefined);
    throw error;
  }
  const embedder = createTextEmbedder({
    localEmbeddingModel: { name, architecture },
    async embed(input) {
      const embeddings: number[][] = [];
      let promptTokens = 0;
      for (const text of input) {
        // llama.cpp adds BOS and EOS and wants the input shorter than the context.
        const tokens = embedding.model.tokenize(text).slice(0, contextSize - 4);
        promptTokens += tokens.length;
        const { vector } = await embedding.getEmbeddingFor(tokens.length > 0 ? tokens : "");
        embeddings.push([...unitVector(vector)]);
      }
      return { embeddings, promptTokens };
    },
  });
  return {
    ...embedder,
    async close() {
      await embedding.dispose().catch(() => undefined);
      await llama.dispose();
    },
  };
}
