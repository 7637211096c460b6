import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { DownloadError } from "../core/errors.js";

/**
 * The files of one folder inside a zip archive: their total unpacked size (to check the disk
 * first), and a way to unpack them. yauzl refuses absolute paths and `..` in entry names, so
 * nothing lands outside the destination.
 */
export async function archiveFolderSize(archivePath: string, folder: string): Promise<number> {
  let total = 0;
  await eachFolderEntry(archivePath, folder, (entry) => {
    total += entry.uncompressedSize;
    return Promise.resolve();
  });
  return total;
}

/** Unpack every file under `folder/` in the archive into `destination`, keeping relative paths. */
export async function unpackArchiveFolder(
  archivePath: string,
  folder: string,
  destination: string,
  signal?: AbortSignal,
): Promise<void> {
  let files = 0;
  await eachFolderEntry(archivePath, folder, async (entry, relativePath, zip) => {
    signal?.throwIfAborted();
    const target = join(destination, relativePath);
    await mkdir(dirname(target), { recursive: true });
    await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target), { signal });
    files += 1;
  });
  if (files === 0) {
    throw new DownloadError(
      `${archivePath} has no folder ${folder}/: it is not the archive the catalog pinned.`,
    );
  }
}

async function eachFolderEntry(
  archivePath: string,
  folder: string,
  visit: (entry: yauzl.Entry, relativePath: string, zip: yauzl.ZipFile) => Promise<void>,
): Promise<void> {
  const prefix = `${folder.replace(/\/+$/, "")}/`;
  const zip = await yauzl.openPromise(archivePath, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.startsWith(prefix) || entry.fileName.endsWith("/")) continue;
      await visit(entry, entry.fileName.slice(prefix.length), zip);
    }
  } finally {
    zip.close();
  }
}
