import { copyFile, link, mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { InvalidRequestError } from "../core/errors.js";
import { ensureFreeDisk, statfs as realStatfs, type StatFs } from "./disk-space.js";
import { commitPartial, partialPathFor, removeQuietly } from "./partial-file.js";
import { sha256File } from "./sha256-file.js";

export interface LocalFileInstallOptions {
  source: string;
  destination: string;
  expectedSha256?: string | undefined;
  /** Checks the file before it gets its final name (see commitPartial). */
  checkContent?: ((partialPath: string) => Promise<void>) | undefined;
  statfs?: StatFs;
}

/**
 * Put a local .gguf file into the models folder: a hard link where the file system allows it
 * (instant, no extra space), else a copy; either way through `.partial`, verified, renamed.
 */
export async function installLocalFile(
  options: LocalFileInstallOptions,
): Promise<{ path: string; sha256: string; sizeBytes: number }> {
  const { source, destination } = options;
  let sizeBytes: number;
  try {
    const stats = await stat(source);
    if (!stats.isFile()) throw new Error("not a regular file");
    sizeBytes = stats.size;
  } catch (error) {
    throw new InvalidRequestError(
      `Cannot read the model file ${source}: ${(error as Error).message}.`,
      "model",
      error,
    );
  }
  const directory = dirname(destination);
  const partialPath = partialPathFor(destination);
  await mkdir(directory, { recursive: true });
  await removeQuietly(partialPath);
  try {
    await link(source, partialPath);
  } catch {
    await ensureFreeDisk(directory, sizeBytes, options.statfs ?? realStatfs);
    try {
      await copyFile(source, partialPath);
    } catch (error) {
      await removeQuietly(partialPath);
      throw error;
    }
  }
  const sha256 = await sha256File(partialPath);
  return commitPartial({
    partialPath,
    finalPath: destination,
    actualSha256: sha256,
    actualSizeBytes: sizeBytes,
    expectedSha256: options.expectedSha256,
    checkContent: options.checkContent,
  });
}
