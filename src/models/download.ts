import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { DownloadError } from "../core/errors.js";
import { backoffDelayMs, sleep as realSleep, type BackoffOptions, type Sleep } from "./backoff.js";
import { ensureFreeDisk, statfs as realStatfs, type StatFs } from "./disk-space.js";
import { commitPartial, fileSize, partialPathFor, removeQuietly } from "./partial-file.js";
import { ProgressMeter, type ProgressCallback } from "./progress-meter.js";
import { sha256File } from "./sha256-file.js";

export type Fetch = typeof globalThis.fetch;

export interface DownloadOptions {
  url: string;
  /** Final path; bytes go to `<destination>.partial` until complete and verified. */
  destination: string;
  headers?: Record<string, string>;
  expectedSha256?: string | undefined;
  /** Known size (from the catalog); checked against free disk before the first request. */
  expectedSizeBytes?: number | undefined;
  /** Checks the complete file before it gets its final name (see commitPartial). */
  checkContent?: ((partialPath: string) => Promise<void>) | undefined;
  onProgress?: ProgressCallback | undefined;
  signal?: AbortSignal | undefined;
  /** Failed attempts in a row (without receiving any byte) before giving up. Default 5. */
  maxRetries?: number;
  backoff?: BackoffOptions;
  fetch?: Fetch;
  sleep?: Sleep;
  statfs?: StatFs;
  now?: () => number;
}

export interface DownloadResult {
  path: string;
  sha256: string;
  sizeBytes: number;
}

interface TransferState {
  /** Bytes already in the `.partial` file. */
  offset: number;
  /** Full size of the file, once known. */
  total: number | undefined;
  /** A strong ETag seen earlier, sent as If-Range so a changed file restarts from zero. */
  entityTag: string | undefined;
  diskChecked: boolean;
}

/**
 * Download `url` to `destination` over HTTP: resumes with `Range` after a dropped connection,
 * retries transient failures with exponential backoff and jitter, checks free disk against the
 * expected size, verifies sha256 over the whole file and renames it into place atomically.
 */
export async function downloadFile(options: DownloadOptions): Promise<DownloadResult> {
  const { destination, signal } = options;
  const directory = dirname(destination);
  const partialPath = partialPathFor(destination);
  await mkdir(directory, { recursive: true });

  // A partial file from an earlier run is resumed only when a checksum will vouch for the result.
  if (options.expectedSha256 === undefined) await removeQuietly(partialPath);
  const state: TransferState = {
    offset: await fileSize(partialPath),
    total: options.expectedSizeBytes,
    entityTag: undefined,
    diskChecked: false,
  };
  if (state.total !== undefined && state.offset > state.total) {
    await removeQuietly(partialPath);
    state.offset = 0;
  }
  if (state.total !== undefined) {
    await ensureFreeDisk(directory, state.total - state.offset, options.statfs ?? realStatfs);
    state.diskChecked = true;
  }

  const meter = new ProgressMeter({
    total: state.total,
    onProgress: options.onProgress,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  meter.update(state.offset);
  const maxRetries = options.maxRetries ?? 5;
  let failures = 0;
  for (;;) {
    signal?.throwIfAborted();
    const before = state.offset;
    try {
      await transfer(options, state, partialPath, meter);
      break;
    } catch (error) {
      if (signal?.aborted === true) throw signal.reason;
      if (!(error instanceof DownloadError) || !error.isRetryable) throw error;
      failures = state.offset > before ? 1 : failures + 1;
      if (failures > maxRetries) {
        throw new DownloadError(
          `Download of ${options.url} failed after ${failures} attempts in a row: ${error.message}`,
          { cause: error },
        );
      }
      await (options.sleep ?? realSleep)(backoffDelayMs(failures, options.backoff), signal);
    }
  }
  meter.finish();

  const sha256 = await sha256File(partialPath);
  const sizeBytes = await fileSize(partialPath);
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

/** One HTTP request: appends what arrives to the partial file. Throws retryable DownloadErrors. */
async function transfer(
  options: DownloadOptions,
  state: TransferState,
  partialPath: string,
  meter: ProgressMeter,
): Promise<void> {
  const headers: Record<string, string> = { ...options.headers };
  if (state.offset > 0) {
    headers["range"] = `bytes=${state.offset}-`;
    if (state.entityTag !== undefined) headers["if-range"] = state.entityTag;
  }
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(options.url, {
      headers,
      redirect: "follow",
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    throw new DownloadError(`cannot reach ${options.url}: ${describe(error)}`, {
      isRetryable: true,
      cause: error,
    });
  }

  if (response.status === 416 && state.offset > 0) {
    await response.body?.cancel();
    if (state.total !== undefined && state.offset === state.total) return;
    // The server cannot continue from here: start over.
    const refusedAt = state.offset;
    await removeQuietly(partialPath);
    state.offset = 0;
    throw new DownloadError(`the server refused to resume at byte ${refusedAt}`, {
      isRetryable: true,
    });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw httpError(options.url, response);
  }

  const range = response.status === 206 ? parseContentRange(response.headers) : undefined;
  if (range === undefined || range.start !== state.offset) {
    // A full response (200), or a range we did not ask for: restart cleanly from byte 0.
    state.offset = 0;
    const length = Number(response.headers.get("content-length") ?? Number.NaN);
    if (response.status === 200 && Number.isSafeInteger(length)) state.total = length;
    if (response.status === 206) {
      await response.body?.cancel();
      await removeQuietly(partialPath);
      throw new DownloadError("the server answered an unexpected byte range", {
        isRetryable: true,
      });
    }
  } else if (range.total !== undefined) {
    state.total = range.total;
  }
  const entityTag = response.headers.get("etag");
  if (entityTag !== null && !entityTag.startsWith("W/")) state.entityTag = entityTag;

  if (!state.diskChecked && state.total !== undefined) {
    try {
      await ensureFreeDisk(
        dirname(partialPath),
        state.total - state.offset,
        options.statfs ?? realStatfs,
      );
    } catch (error) {
      await response.body?.cancel();
      throw error;
    }
    state.diskChecked = true;
  }

  meter.update(state.offset, state.total);
  const body = response.body;
  const handle = await open(partialPath, state.offset === 0 ? "w" : "a");
  try {
    if (body !== null) {
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        await handle.write(chunk);
        state.offset += chunk.byteLength;
        meter.update(state.offset, state.total);
      }
    }
  } catch (error) {
    if (options.signal?.aborted === true) throw options.signal.reason;
    throw new DownloadError(
      `the connection dropped after ${state.offset} of ${state.total ?? "?"} bytes (${describe(error)})`,
      { isRetryable: true, cause: error },
    );
  } finally {
    await handle.close();
  }
  if (state.total !== undefined && state.offset < state.total) {
    throw new DownloadError(`the response ended after ${state.offset} of ${state.total} bytes`, {
      isRetryable: true,
    });
  }
}

function parseContentRange(headers: Headers): { start: number; total?: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(headers.get("content-range") ?? "");
  if (match === null) return undefined;
  const start = Number(match[1]);
  return match[3] === "*" || match[3] === undefined
    ? { start }
    : { start, total: Number(match[3]) };
}

function httpError(url: string, response: Response): DownloadError {
  const status = `HTTP ${response.status}${response.statusText === "" ? "" : ` ${response.statusText}`}`;
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    return new DownloadError(`${url} answered ${status}`, { isRetryable: true });
  }
  const hint =
    response.status === 401 || response.status === 403
      ? " The file may be gated or private: for Hugging Face, accept the licence on the model page and set HF_TOKEN."
      : response.status === 404
        ? " Check the owner, repository and file name."
        : "";
  return new DownloadError(`Download of ${url} failed: ${status}.${hint}`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
