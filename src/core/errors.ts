/**
 * One error family for the whole gateway. Every error carries a stable `code`, the HTTP `status`
 * it maps to, whether retrying can help, and the OpenAI error `type` used on the wire.
 */
export type OpenAIErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "not_found_error"
  | "rate_limit_error"
  | "insufficient_quota"
  | "permission_error"
  | "server_error"
  | "service_unavailable";

export interface ColibriErrorOptions {
  code: string;
  status: number;
  type?: OpenAIErrorType;
  isRetryable?: boolean;
  param?: string | null;
  cause?: unknown;
}

export class ColibriError extends Error {
  readonly code: string;
  readonly status: number;
  readonly type: OpenAIErrorType;
  readonly isRetryable: boolean;
  readonly param: string | null;

  constructor(message: string, options: ColibriErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.status = options.status;
    this.type = options.type ?? (options.status >= 500 ? "server_error" : "invalid_request_error");
    this.isRetryable = options.isRetryable ?? false;
    this.param = options.param ?? null;
  }
}

export class InvalidRequestError extends ColibriError {
  constructor(message: string, param: string | null = null, cause?: unknown) {
    super(message, { code: "invalid_request", status: 400, param, cause });
  }
}

export class AuthenticationError extends ColibriError {
  constructor(message: string) {
    super(message, { code: "invalid_api_key", status: 401, type: "authentication_error" });
  }
}

export class PermissionDeniedError extends ColibriError {
  constructor(message: string) {
    super(message, { code: "permission_denied", status: 403, type: "permission_error" });
  }
}

/** A request or token rate limit was reached; it frees up when the window resets. */
export class RateLimitError extends ColibriError {
  readonly retryAfterSeconds: number;
  /** Which limit, e.g. "requests_per_minute". */
  readonly limit: string;
  constructor(message: string, retryAfterSeconds: number, limit: string) {
    super(message, {
      code: "rate_limit_exceeded",
      status: 429,
      type: "rate_limit_error",
      isRetryable: true,
    });
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = limit;
  }
}

/** A spending budget is used up until its day or month resets (OpenAI's insufficient_quota). */
export class BudgetExceededError extends ColibriError {
  readonly retryAfterSeconds: number;
  /** Which budget, e.g. "budget_usd_month". */
  readonly limit: string;
  constructor(message: string, retryAfterSeconds: number, limit: string) {
    super(message, { code: "budget_exceeded", status: 429, type: "insufficient_quota" });
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = limit;
  }
}

export class ModelNotFoundError extends ColibriError {
  constructor(model: string, hint = "Run `colibri models` to list installed models.") {
    super(`The model '${model}' does not exist or is not installed. ${hint}`, {
      code: "model_not_found",
      status: 404,
      type: "not_found_error",
      param: "model",
    });
  }
}

/** The local engine's wait queue is full; the client should retry after `retryAfterSeconds`. */
export class EngineBusyError extends ColibriError {
  readonly retryAfterSeconds: number;
  constructor(queued: number, retryAfterSeconds: number) {
    super(
      `The local model is busy (${queued} requests already waiting). Retry after ${retryAfterSeconds}s, or raise engine.maxQueue / engine.sequences in the config.`,
      { code: "engine_busy", status: 429, type: "rate_limit_error", isRetryable: true },
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class InsufficientMemoryError extends ColibriError {
  constructor(message: string) {
    super(message, { code: "insufficient_memory", status: 503, type: "service_unavailable" });
  }
}

export class DownloadError extends ColibriError {
  constructor(message: string, options: { isRetryable?: boolean; cause?: unknown } = {}) {
    super(message, { code: "download_failed", status: 502, ...options });
  }
}

export class ChecksumMismatchError extends ColibriError {
  constructor(file: string, expected: string, actual: string) {
    super(
      `sha256 mismatch for ${file}: expected ${expected}, got ${actual}. The partial file was removed; run the pull again, and if it keeps failing the source is serving a different file than the catalog expects.`,
      { code: "checksum_mismatch", status: 502 },
    );
  }
}

export class InsufficientDiskError extends ColibriError {
  constructor(directory: string, neededBytes: number, freeBytes: number) {
    super(
      `Not enough disk space in ${directory}: need ${formatMegabytes(neededBytes)}, ${formatMegabytes(freeBytes)} free. Free some space or set COLIBRI_HOME to a larger disk.`,
      { code: "insufficient_disk", status: 507 },
    );
  }
}

export class ServiceUnavailableError extends ColibriError {
  constructor(message: string) {
    super(message, { code: "service_unavailable", status: 503, type: "service_unavailable" });
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Turn anything thrown into a ColibriError (unknown failures become 500s). */
export function toColibriError(error: unknown): ColibriError {
  if (error instanceof ColibriError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ColibriError(`Internal error: ${message}`, {
    code: "internal_error",
    status: 500,
    cause: error,
  });
}
