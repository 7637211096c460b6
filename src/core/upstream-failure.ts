import {
  UpstreamError,
  UpstreamProtocolError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
} from "./errors.js";

/** What kind of failure a call to a provider met, in words that never quote the provider. */
export type UpstreamFailureClass =
  | "timeout"
  | "connection_refused"
  | "connection_reset"
  | "dns"
  | "network"
  | "rate_limited"
  | "http_5xx"
  | "http_4xx"
  | "invalid_response"
  | "circuit_open"
  | "unavailable"
  | "unknown";

/**
 * What state shared by every tenant (`/ready`, the dashboard, the circuit breaker, the link
 * monitor, logs) keeps of a failed call: its class, the provider's HTTP status and the time.
 * Never the provider's text: an error body may echo the prompt it was sent.
 */
export interface UpstreamFailure {
  class: UpstreamFailureClass;
  /** The provider's HTTP status, when it answered with one. */
  status: number | null;
  /** ISO time of the failure. */
  at: string;
}

const networkClasses: Record<string, UpstreamFailureClass> = {
  ECONNREFUSED: "connection_refused",
  ECONNRESET: "connection_reset",
  EPIPE: "connection_reset",
  UND_ERR_SOCKET: "connection_reset",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
};

/** The `code` of a network error, or of its cause (fetch wraps socket errors). */
export function networkErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 3; depth++) {
    if (typeof current !== "object" || current === null) return undefined;
    if ("code" in current && typeof current.code === "string") return current.code;
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}

/** The class of anything a call to a provider threw. */
export function upstreamFailureClass(error: unknown): UpstreamFailureClass {
  if (!(error instanceof UpstreamError)) return "unknown";
  if (error instanceof UpstreamTimeoutError) return "timeout";
  if (error instanceof UpstreamProtocolError) return "invalid_response";
  const status = error.upstreamStatus;
  if (status === 429) return "rate_limited";
  if (status === 408) return "timeout";
  if (status !== undefined && status >= 500) return "http_5xx";
  if (status !== undefined || error instanceof UpstreamRejectedError) return "http_4xx";
  const code = networkErrorCode(error.cause);
  if (code !== undefined) return networkClasses[code] ?? "network";
  return "unavailable";
}

/** The failure as shared state keeps it. */
export function upstreamFailure(error: unknown, atMs: number): UpstreamFailure {
  return {
    class: upstreamFailureClass(error),
    status: error instanceof UpstreamError ? (error.upstreamStatus ?? null) : null,
    at: new Date(atMs).toISOString(),
  };
}

/** A short label for messages and logs, e.g. "http_5xx (HTTP 503)" or "connection_refused". */
export function failureLabel(failure: Pick<UpstreamFailure, "class" | "status">): string {
  return failure.status === null ? failure.class : `${failure.class} (HTTP ${failure.status})`;
}
