import { open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { ChecksumMismatchError, DownloadError } from "../core/errors.js";

/**
 * Downloads land in `<final>.partial` in the same folder and become `<final>` only by an atomic
 * rename after they are complete, flushed and verified: a half file never has the final name.
 */
export function partialPathFor(finalPath: string): string {
  return `${finalPath}.partial`;
}

/** Size of the file, or 0 when it does not exist. */
export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true, recursive: true });
}

export interface CommitOptions {
  partialPath: string;
  finalPath: string;
  actualSha256: string;
  actualSizeBytes: number;
  expectedSha256?: string | undefined;
  expectedSizeBytes?: number | undefined;
  /** Checks the complete file's content (e.g. its GGUF header); throws to reject it. */
  checkContent?: ((partialPath: string) => Promise<void>) | undefined;
}

/**
 * Verify a complete `.partial` file and move it to its final name. On a size or sha256 mismatch the
 * partial file is deleted and ChecksumMismatchError (or DownloadError for a wrong size) is thrown;
 * when `checkContent` rejects the file, it is deleted and that error is thrown.
 * Resolves to the committed file's path, sha256 and size.
 */
export interface CommittedFile {
  path: string;
  sha256: string;
  sizeBytes: number;
}

export async function commitPartial(options: CommitOptions): Promise<CommittedFile> {
  const { partialPath, finalPath, actualSha256, actualSizeBytes } = options;
  const expectedSha256 = options.expectedSha256?.toLowerCase();
  if (expectedSha256 !== undefined && expectedSha256 !== actualSha256) {
    await removeQuietly(partialPath);
    throw new ChecksumMismatchError(finalPath, expectedSha256, actualSha256);
  }
  if (options.expectedSizeBytes !== undefined && options.expectedSizeBytes !== actualSizeBytes) {
    await removeQuietly(partialPath);
    throw new DownloadError(
      `${finalPath} has ${actualSizeBytes} bytes, expected ${options.expectedSizeBytes}. The partial file was removed; run the pull again.`,
    );
  }
  if (options.checkContent !== undefined) {
    try {
      await options.checkContent(partialPath);
    } catch (error) {
      await removeQuietly(partialPath);
      throw error;
    }
  }
  await syncFile(partialPath);
  await rename(partialPath, finalPath);
  await syncDirectory(dirname(finalPath));
  return { path: finalPath, sha256: actualSha256, sizeBytes: actualSizeBytes };
}

export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Make a rename durable. Some platforms (Windows) cannot open a folder; skip there. */
async function syncDirectory(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // fsync on a directory is unsupported on some file systems; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}
