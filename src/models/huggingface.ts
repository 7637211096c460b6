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
