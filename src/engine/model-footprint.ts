import { stat } from "node:fs/promises";
import { readGgufFileInfo } from "node-llama-cpp";
import { ggufModelShape } from "../models/gguf-model-shape.js";
import type { ModelShape } from "../models/memory-estimate.js";

/** What the engine needs to know about a model file before loading it (sizes, not weights). */
export interface ModelFootprint {
  /** Size of the GGUF file; the weights are memory-mapped, so roughly what loading costs. */
  fileSizeBytes: number;
  /** Context length the model was trained with; undefined when the GGUF does not say. */
  trainContextSize: number | undefined;
  /** The shape the RAM estimate needs; undefined when the GGUF lacks it. */
  shape: ModelShape | undefined;
  /** `general.architecture` (llama, qwen2, gemma3…); undefined when the GGUF does not say. */
  architecture: string | undefined;
}

/** Read the GGUF header (not the weights) and the file size. */
export async function readModelFootprint(modelPath: string): Promise<ModelFootprint> {
  const [fileStat, info] = await Promise.all([
    stat(modelPath),
    readGgufFileInfo(modelPath, {
      readTensorInfo: false,
      logWarnings: false,
      // The token list stays: it gives the vocabulary size when `vocab_size` is missing.
      ignoreKeys: ["tokenizer.ggml.merges", "tokenizer.ggml.token_type", "tokenizer.ggml.scores"],
    }),
  ]);
  return {
    fileSizeBytes: fileStat.size,
    trainContextSize: info.architectureMetadata.context_length,
    shape: ggufModelShape(info),
    architecture: info.metadata.general.architecture,
  };
}
