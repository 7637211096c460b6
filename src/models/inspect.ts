import { stat } from "node:fs/promises";
import type { GgufFileInfo } from "node-llama-cpp";
import { InvalidRequestError } from "../core/errors.js";
import { ggufModelShape } from "./gguf-model-shape.js";
import {
  estimateMemory,
  memoryEstimateMethod,
  memoryFit,
  type MemoryEstimate,
  type MemoryFit,
  type ModelShape,
} from "./memory-estimate.js";

export interface MachineMemory {
  totalMemoryBytes: number;
  freeMemoryBytes: number;
}

export interface InspectOptions {
  /** Tokens per sequence for the RAM estimate; default min(trained context, 4096). */
  contextSize?: number | undefined;
  sequences?: number | undefined;
  /** Longest embeddings input; default min(512, contextSize). */
  embeddingContextSize?: number | undefined;
  /** This machine's memory (`os.totalmem()` / `os.freemem()`), passed in. */
  machine: MachineMemory;
}

export interface ModelInspection {
  path: string;
  fileSizeBytes: number;
  architecture: string;
  name: string | undefined;
  /** Exact count from the tensor shapes. */
  parameterCount: number;
  /** The size label the file declares, e.g. "270M". */
  sizeLabel: string | undefined;
  /** Dominant tensor type, e.g. "Q4_K_M". */
  quantization: string | undefined;
  /** Context length the model was trained for. */
  contextLength: number | undefined;
  hasChatTemplate: boolean;
  tokenCount: number;
  shape: ModelShape | undefined;
  memory: MemoryEstimate & { method: string };
  fits: MemoryFit;
  machine: MachineMemory;
}

/** Read a GGUF file's metadata (not its weights) and estimate the RAM it needs. */
export async function inspectModelFile(
  path: string,
  options: InspectOptions,
): Promise<ModelInspection> {
  // Loaded on demand: node-llama-cpp is large and only this command needs it here.
  const { readGgufFileInfo, GgufFileType } = await import("node-llama-cpp");
  let info: GgufFileInfo;
  let fileSizeBytes: number;
  try {
    fileSizeBytes = (await stat(path)).size;
    info = await readGgufFileInfo(path, { logWarnings: false, sourceType: "filesystem" });
  } catch (error) {
    throw new InvalidRequestError(
      `Cannot read ${path} as a GGUF model: ${(error as Error).message}`,
      "model",
      error,
    );
  }
  const { general, tokenizer } = info.metadata;
  const architecture = info.architectureMetadata;
  const shape = ggufModelShape(info);
  const contextLength = architecture.context_length;
  const contextSize = options.contextSize ?? Math.min(contextLength ?? 4096, 4096);
  const estimate = estimateMemory({
    fileSizeBytes,
    shape,
    contextSize,
    sequences: options.sequences ?? 1,
    embeddingContextSize: options.embeddingContextSize,
  });
  const fileType = general.file_type === undefined ? undefined : GgufFileType[general.file_type];
  return {
    path,
    fileSizeBytes,
    architecture: general.architecture,
    name: general.name,
    parameterCount: (info.fullTensorInfo ?? []).reduce(
      (sum, tensor) =>
        sum + tensor.dimensions.reduce<number>((size, dimension) => size * Number(dimension), 1),
      0,
    ),
    sizeLabel: general.size_label,
    quantization: fileType?.replace(/^(MOSTLY|ALL)_/, ""),
    contextLength,
    hasChatTemplate: typeof tokenizer.chat_template === "string" && tokenizer.chat_template !== "",
    tokenCount: tokenizer.ggml.tokens.length,
    shape,
    memory: { ...estimate, method: memoryEstimateMethod },
    fits: memoryFit(estimate, options.machine),
    machine: options.machine,
  };
}
