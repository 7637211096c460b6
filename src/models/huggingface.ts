import { DownloadError } from "../core/errors.js";
import type { Fetch } from "./download.js";
import type { ModelSource } from "./model-source-types.js";

export const defaultHuggingfaceEndpoint = "https://huggingface.co";

export interface HuggingfaceOptions {
  /** Base URL of the Hub (or a mirror); default the public Hugging Face Hub. */
  endpoint?: string;
  /** Access token for gated or private repositories; sent as a Bearer token. */
  token?: string;
}

export interface HttpRequestTarget {
  url: string;
  headers: Record<string, string>;
}

/** The download URL and headers of a file in a Hugging Face repository (branch `main`). */
export function huggingfaceRequest(
  source: Extract<ModelSource, { kind: "huggingface" }>,
  options: HuggingfaceOptions = {},
): HttpRequestTarget {
  const endpoint = (options.endpoint ?? defaultHuggingfaceEndpoint).replace(/\/+$/, "");
  const path = source.path.split("/").map(encodeURIComponent).join("/");
  const url = `${endpoint}/${encodeURIComponent(source.owner)}/${encodeURIComponent(source.repository)}/resolve/main/${path}`;
  const headers: Record<string, string> = {};
  if (options.token !== undefined && options.token !== "") {
    headers["authorization"] = `Bearer ${options.token}`;
  }
  return { url, headers };
}

/** The sha256 and size Hugging Face publishes for a file stored in Git LFS. */
export interface PublishedChecksum {
  sha256: string;
  sizeBytes: number | undefined;
}

/**
 * Ask Hugging Face, without downloading, what a file's sha256 is: for a file in Git LFS (every
 * GGUF model) the resolve URL answers with the LFS object id, which is the file's sha256, in
 * `x-linked-etag` and its size in `x-linked-size`, on the response before the redirect to the
 * storage host. Undefined when it publishes none (a file outside LFS, or a mirror that drops
 * the headers). Throws DownloadError when the file is not there or not accessible.
 */
export async function fetchPublishedChecksum(
  request: HttpRequestTarget,
  fetch: Fetch = globalThis.fetch,
  signal?: AbortSignal,
): Promise<PublishedChecksum | undefined> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: "HEAD",
      headers: { ...request.headers, "accept-encoding": "identity" },
      redirect: "manual",
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    if (signal?.aborted === true) throw signal.reason;
    throw new DownloadError(
      `Cannot reach ${request.url} to read its published sha256: ${(error as Error).message}`,
      { isRetryable: true, cause: error },
    );
  }
  await response.body?.cancel();
  if (response.status >= 400) {
    const hint =
      response.status === 401 || response.status === 403
        ? " The file may be gated or private: accept the licence on the model page and set HF_TOKEN."
        : response.status === 404
          ? " Check the owner, repository and file name."
          : "";
    throw new DownloadError(`${request.url} answered HTTP ${response.status}.${hint}`, {
      isRetryable: response.status === 429 || response.status >= 500,
    });
  }
  const sha256 = sha256Of(response.headers.get("x-linked-etag") ?? response.headers.get("etag"));
  if (sha256 === undefined) return undefined;
  const size = Number(response.headers.get("x-linked-size") ?? Number.NaN);
  return { sha256, sizeBytes: Number.isSafeInteger(size) && size >= 0 ? size : undefined };
}

/** The 64-hex-digit value of an ETag (quoted, maybe weak), or undefined when it is not a sha256. */
function sha256Of(entityTag: string | null): string | undefined {
  const value = entityTag
    ?.trim()
    .replace(/^W\//, "")
    .replace(/^"(.*)"$/, "$1")
    .toLowerCase();
  return value !== undefined && /^[0-9a-f]{64}$/.test(value) ? value : undefined;
}
