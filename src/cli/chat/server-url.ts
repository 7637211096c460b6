import { InvalidArgumentError } from "commander";

/**
 * A `--url` value as a base URL without a trailing slash or `/v1` (the address `colibri serve`
 * prints ends in `/v1`, and either form is accepted).
 */
export function parseServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(
      `--url expects an http(s) address such as http://127.0.0.1:8080, got '${value}'.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError(
      `--url expects an http(s) address such as http://127.0.0.1:8080, got '${value}'.`,
    );
  }
  return url.href.replace(/\/+$/, "").replace(/\/v1$/, "");
}
