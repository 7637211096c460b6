import type { ModelShape } from "./memory-estimate.js";
import type { ModelSource } from "./model-source-types.js";

interface CatalogEntryBase {
  name: string;
  /** File name in the models folder. */
  fileName: string;
  quantization: string;
  parameterCount: number;
  /** ISO 639-1 codes; `strong` answer well, `weak` are usable but rough. */
  languages: { strong: string[]; weak: string[] };
  licence: string;
  contextLength: number;
  /** False for base models: they continue text, they do not follow chat instructions. */
  instructionTuned: boolean;
  /** What the model is for; absent means chat (text generation). Embedding models only embed. */
  task?: "chat" | "embedding";
  /** What decides the KV cache's size, for the RAM a model needs before it is pulled. */
  shape?: ModelShape;
  description: string;
}

/** The file's sha256 and size are pinned here: the download must match them. */
export interface PinnedCatalogEntry extends CatalogEntryBase {
  checksum: "pinned";
  source: ModelSource;
  sha256: string;
  sizeBytes: number;
}

/**
 * The file's sha256 and size are what Hugging Face publishes for it (its Git LFS object id and
 * size), read when the download starts: the download must match them, and a file for which
 * Hugging Face publishes none is refused.
 */
export interface HuggingfaceCheckedCatalogEntry extends CatalogEntryBase {
  checksum: "huggingface";
  source: Extract<ModelSource, { kind: "huggingface" }>;
  /** Approximate, for choosing: the exact size comes from Hugging Face at download. */
  approximateSizeBytes: number;
}

/** One named model Colibrí knows how to fetch and verify. */
export type CatalogEntry = PinnedCatalogEntry | HuggingfaceCheckedCatalogEntry;

/** The file size: exact when pinned, approximate otherwise. */
export function catalogSizeBytes(entry: CatalogEntry): number {
  return entry.checksum === "pinned" ? entry.sizeBytes : entry.approximateSizeBytes;
}
