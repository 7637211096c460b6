/** One file inside one Python package (wheel) from the Python package index. */
export interface PythonPackagePart {
  package: string;
  version: string;
  /** Path of the file inside the wheel. */
  entry: string;
  /**
   * The entry's own sha256 and size, when pinned: each part is then verified as it arrives and a
   * pull that stopped part-way resumes after the last verified part instead of starting over.
   */
  sha256?: string;
  sizeBytes?: number;
}

/**
 * For parts that do not join into a GGUF file but into a zip archive of the model as its publisher
 * saved it (safetensors and tokenizer files): the archive's pins, the model's folder inside it,
 * and the converter that turns that folder into GGUF after the download.
 */
export interface PackagedModelConversion {
  archive: { sha256: string; sizeBytes: number };
  folder: string;
  converter: "embeddinggemma-q8_0";
  /** `general.name` written into the GGUF file (part of what its pinned sha256 covers). */
  ggufName: string;
}

/** Where a model's bytes come from. */
export type ModelSource =
  | { kind: "huggingface"; owner: string; repository: string; path: string }
  | { kind: "url"; url: string }
  | { kind: "python-package"; parts: PythonPackagePart[]; convert?: PackagedModelConversion }
  | { kind: "local-file"; path: string };
