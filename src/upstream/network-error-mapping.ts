import { CloudUnavailableError, UpstreamError, UpstreamTimeoutError } from "../core/errors.js";
import { networkErrorCode } from "../core/upstream-failure.js";
import type { ProviderContext } from "./provider-context.js";

/** Failures another attempt may get past; others (DNS, TLS, unknown) are not retried. */
const transientCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);

/**
 * Turn what undici (or the socket under it) threw into an UpstreamError: its timeouts into
 * UpstreamTimeoutError naming the config field, everything else (refused, reset, DNS, TLS) into
 * CloudUnavailableError. UpstreamErrors pass through unchanged.
 */
export function upstreamErrorFromNetwork(error: unknown, context: ProviderContext): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const code = networkErrorCode(error);
  const { name, timeouts } = context;
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
      return new UpstreamTimeoutError(name, "connect", timeouts.connectMs, error);
    case "UND_ERR_HEADERS_TIMEOUT":
      return new UpstreamTimeoutError(name, "firstByte", timeouts.firstByteMs, error);
    case "UND_ERR_BODY_TIMEOUT":
      return new UpstreamTimeoutError(name, "idle", timeouts.idleMs, error);
  }
  const detail = error instanceof Error ? error.message : String(error);
  const what =
    code === "ENOTFOUND" || code === "EAI_AGAIN"
      ? `the host of ${context.baseUrl} does not resolve`
      : code === "ECONNREFUSED"
        ? `${context.baseUrl} refused the connection`
        : code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE"
          ? `the connection to ${context.baseUrl} was cut`
          : `the call to ${context.baseUrl} failed`;
  return new CloudUnavailableError(
    `Provider "${name}" cannot be reached: ${what} (${code ?? "no code"}: ${detail}). Check providers[].baseUrl for "${name}" and the network.`,
    { provider: name, isRetryable: code !== undefined && transientCodes.has(code), cause: error },
  );
}
