import type { HuggingfaceCheckedCatalogEntry } from "./catalog-entry.js";
import { qwen05bShape, qwen15bShape } from "./catalog-shapes.js";

/**
 * Bits per weight of a Q4_K_M file, measured on qwen2.5-coder-1.5b-instruct (1,117,320,768 bytes
 * for 1,777,088,000 parameters = 5.03): sizes below are estimated from it where no file of the
 * same shape was measured. The exact size and sha256 come from Hugging Face at download.
 */
const q4KmBitsPerWeight = 5.03;

function approximateQ4KmSize(parameterCount: number): number {
  return Math.round((parameterCount * q4KmBitsPerWeight) / 8);
}

const verified =
  "Checksum verified against Hugging Face at download (the file's published sha256); not measured here.";

/**
 * Strong multilingual instruct models by size, for machines that reach Hugging Face (the normal
 * `colibri pull` path there). Repositories and file names are the publishers' own; parameter
 * counts, shapes and context lengths are from the models' published configurations.
 */
export const huggingfaceCatalog: readonly HuggingfaceCheckedCatalogEntry[] = [
  {
    name: "qwen2.5-0.5b-instruct",
    checksum: "huggingface",
    source: {
      kind: "huggingface",
      owner: "Qwen",
      repository: "Qwen2.5-0.5B-Instruct-GGUF",
      path: "qwen2.5-0.5b-instruct-q4_k_m.gguf",
    },
    fileName: "qwen2.5-0.5b-instruct-q4_k_m.gguf",
    // Same tensors as qwen2.5-coder-0.5b-instruct Q4_K_M (measured: 491,400,064 bytes).
    approximateSizeBytes: 491_400_064,
    quantization: "Q4_K_M",
    parameterCount: 630_167_424,
    languages: { strong: ["en"], weak: ["es", "pt"] },
    licence: "apache-2.0",
    contextLength: 32768,
    instructionTuned: true,
    shape: qwen05bShape,
    description: `Qwen2.5 0.5B Instruct (Alibaba Qwen), Q4_K_M, from Qwen's own GGUF repository. The smallest general Qwen2.5 chat model. ${verified}`,
  },
  {
    name: "qwen2.5-1.5b-instruct",
    checksum: "huggingface",
    source: {
      kind: "huggingface",
      owner: "Qwen",
      repository: "Qwen2.5-1.5B-Instruct-GGUF",
      path: "qwen2.5-1.5b-instruct-q4_k_m.gguf",
    },
    fileName: "qwen2.5-1.5b-instruct-q4_k_m.gguf",
    // Same tensors as qwen2.5-coder-1.5b-instruct Q4_K_M (measured: 1,117,320,768 bytes).
    approximateSizeBytes: 1_117_320_768,
    quantization: "Q4_K_M",
    parameterCount: 1_777_088_000,
    languages: { strong: ["en", "es", "pt"], weak: [] },
    licence: "apache-2.0",
    contextLength: 32768,
    instructionTuned: true,
    shape: qwen15bShape,
    description: `Qwen2.5 1.5B Instruct (Alibaba Qwen), Q4_K_M, from Qwen's own GGUF repository: the general-purpose sibling of the default. ${verified}`,
  },
  {
    name: "qwen2.5-3b-instruct",
    checksum: "huggingface",
    source: {
      kind: "huggingface",
      owner: "Qwen",
      repository: "Qwen2.5-3B-Instruct-GGUF",
      path: "qwen2.5-3b-instruct-q4_k_m.gguf",
    },
    fileName: "qwen2.5-3b-instruct-q4_k_m.gguf",
    approximateSizeBytes: approximateQ4KmSize(3_090_000_000),
    quantization: "Q4_K_M",
    parameterCount: 3_090_000_000,
    languages: { strong: ["en", "es", "pt"], weak: [] },
    licence: "qwen-research",
    contextLength: 32768,
    instructionTuned: true,
    shape: {
      layers: 36,
      embeddingLength: 2048,
      headCount: 16,
      headCountKv: 2,
      vocabularySize: 151_936,
    },
    description: `Qwen2.5 3B Instruct (Alibaba Qwen), Q4_K_M, from Qwen's own GGUF repository. Under the Qwen Research licence (not Apache-2.0): check it allows your use. ${verified}`,
  },
  {
    name: "llama3.2-1b-instruct",
    checksum: "huggingface",
    source: {
      kind: "huggingface",
      owner: "bartowski",
      repository: "Llama-3.2-1B-Instruct-GGUF",
      path: "Llama-3.2-1B-Instruct-Q4_K_M.gguf",
    },
    fileName: "Llama-3.2-1B-Instruct-Q4_K_M.gguf",
    approximateSizeBytes: approximateQ4KmSize(1_240_000_000),
    quantization: "Q4_K_M",
    parameterCount: 1_240_000_000,
    languages: { strong: ["en"], weak: ["es", "pt"] },
    licence: "llama3.2",
    contextLength: 131072,
    instructionTuned: true,
    shape: {
      layers: 16,
      embeddingLength: 2048,
      headCount: 32,
      headCountKv: 8,
      vocabularySize: 128_256,
    },
    description: `Llama 3.2 1B Instruct (Meta), Q4_K_M, quantized by bartowski. Under the Llama 3.2 Community License. ${verified}`,
  },
  {
    name: "llama3.2-3b-instruct",
    checksum: "huggingface",
    source: {
      kind: "huggingface",
      owner: "bartowski",
      repository: "Llama-3.2-3B-Instruct-GGUF",
      path: "Llama-3.2-3B-Instruct-Q4_K_M.gguf",
    },
    fileName: "Llama-3.2-3B-Instruct-Q4_K_M.gguf",
    approximateSizeBytes: approximateQ4KmSize(3_210_000_000),
    quantization: "Q4_K_M",
    parameterCount: 3_210_000_000,
    languages: { strong: ["en", "es", "pt"], weak: [] },
    licence: "llama3.2",
    contextLength: 131072,
    instructionTuned: true,
    shape: {
      layers: 28,
      embeddingLength: 3072,
      headCount: 24,
      headCountKv: 8,
      vocabularySize: 128_256,
    },
    description: `Llama 3.2 3B Instruct (Meta), Q4_K_M, quantized by bartowski. Under the Llama 3.2 Community License. ${verified}`,
  },
];
