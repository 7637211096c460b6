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

/**
 * A spending budget is used up until its day or month resets (OpenAI's insufficient_quota), or
 * (`freesSoon`) held by requests in flight that should leave room for this one when they settle.
 */
export class BudgetExceededError extends ColibriError {
  readonly retryAfterSeconds: number;
  /** Which budget, e.g. "budget_usd_month". */
  readonly limit: string;
  readonly freesSoon: boolean;
  constructor(message: string, retryAfterSeconds: number, limit: string, freesSoon = false) {
    super(message, { code: "budget_exceeded", status: 429, type: "insufficient_quota" });
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = limit;
    this.freesSoon = freesSoon;
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

/** The privacy policy forbids sending this request's personal data where it would go. */
export class PiiBlockedError extends ColibriError {
  /** The data types that decided it (never their values). */
  readonly types: readonly string[];

  constructor(message: string, types: readonly string[]) {
    super(message, { code: "pii_blocked", status: 400, param: "messages" });
    this.types = types;
  }
}

/**
 * A request holds more personal data than one request may be scanned for (privacy.maxFindingsPerRequest);
 * the scan stops there rather than spend seconds on one request.
 */
export class TooManyFindingsError extends ColibriError {
  /** Findings counted when the scan stopped (more than `limit`; the text may hold more). */
  readonly found: number;
  readonly limit: number;

  constructor(found: number, limit: number, param: string) {
    super(
      `This request holds more personal data than one request may: the privacy scan stopped after ${found} findings, over the limit of ${limit}. Send the text in smaller requests, or raise privacy.maxFindingsPerRequest in the config.`,
      { code: "too_many_findings", status: 413, param },
    );
    this.found = found;
    this.limit = limit;
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

/**
 * A cloud provider's call failed. `unavailable` is true when the cloud cannot answer now
 * (network, timeouts, 5xx, 429 after retries, circuit open): the router may answer locally
 * instead. It is false when the provider rejected this request (400, 401, 404, 422…).
 */
export class UpstreamError extends ColibriError {
  readonly provider: string;
  readonly unavailable: boolean;
  /** The provider's HTTP status, when it answered with one. */
  readonly upstreamStatus: number | undefined;

  constructor(
    message: string,
    options: ColibriErrorOptions & {
      provider: string;
      unavailable: boolean;
      upstreamStatus?: number | undefined;
    },
  ) {
    super(message, options);
    this.provider = options.provider;
    this.unavailable = options.unavailable;
    this.upstreamStatus = options.upstreamStatus;
  }
}

export interface CloudUnavailableOptions {
  provider: string;
  upstreamStatus?: number | undefined;
  /** How long the provider (Retry-After) or the circuit breaker says to wait. */
  retryAfterMs?: number | undefined;
  /** Whether another attempt could succeed (false for e.g. an unknown host). Default true. */
  isRetryable?: boolean;
  cause?: unknown;
}

/** The provider cannot answer now: unreachable, overloaded, rate-limited, or its circuit is open. */
export class CloudUnavailableError extends UpstreamError {
  readonly retryAfterMs: number | undefined;
  /** Present only when known, so the server sends Retry-After only then. */
  declare readonly retryAfterSeconds?: number;

  constructor(message: string, options: CloudUnavailableOptions) {
    super(message, {
      code: "cloud_unavailable",
      status: 503,
      type: "service_unavailable",
      isRetryable: options.isRetryable ?? true,
      provider: options.provider,
      unavailable: true,
      upstreamStatus: options.upstreamStatus,
      cause: options.cause,
    });
    this.retryAfterMs = options.retryAfterMs;
    if (options.retryAfterMs !== undefined) {
      Object.defineProperty(this, "retryAfterSeconds", {
        value: Math.max(1, Math.ceil(options.retryAfterMs / 1000)),
        enumerable: true,
      });
    }
  }
}

/** Which of a provider's timeouts ran out. */
export type UpstreamTimeoutPhase = "connect" | "firstByte" | "idle" | "total";

const timeoutDescriptions: Record<UpstreamTimeoutPhase, (provider: string, ms: number) => string> =
  {
    connect: (provider, ms) => `Could not connect to provider "${provider}" within ${ms} ms`,
    firstByte: (provider, ms) =>
      `Provider "${provider}" sent no response within ${ms} ms of the request`,
    idle: (provider, ms) =>
      `Provider "${provider}" stalled: no data for ${ms} ms in the middle of its response`,
    total: (provider, ms) =>
      `The call to provider "${provider}" took longer than ${ms} ms in all, retries included`,
  };

/** One of the provider's timeouts ran out; says which, after how long, and what to raise. */
export class UpstreamTimeoutError extends UpstreamError {
  readonly timeout: UpstreamTimeoutPhase;
  readonly timeoutMs: number;
  /** The config field that sets this timeout, e.g. `providers[].timeouts.firstByteMs`. */
  readonly configField: string;

  constructor(provider: string, timeout: UpstreamTimeoutPhase, timeoutMs: number, cause?: unknown) {
    const configField = `providers[].timeouts.${timeout}Ms`;
    super(
      `${timeoutDescriptions[timeout](provider, timeoutMs)}. Check the provider's status, or raise ${configField} for "${provider}".`,
      {
        code: "upstream_timeout",
        status: 504,
        isRetryable: true,
        provider,
        unavailable: true,
        cause,
      },
    );
    this.timeout = timeout;
    this.timeoutMs = timeoutMs;
    this.configField = configField;
  }
}

export interface UpstreamRejectedOptions {
  provider: string;
  /** The provider's HTTP status (400, 401, 403, 404, 422…). */
  upstreamStatus: number;
  /** The provider's own explanation, passed on to the client. */
  providerMessage: string;
  /** The provider's error code or type, e.g. "invalid_request_error". */
  upstreamCode?: string | undefined;
  /** The environment variable holding the provider's key, named when the key is refused. */
  apiKeyEnv?: string | undefined;
  cause?: unknown;
}

/**
 * The provider refused this request. Its 4xx status reaches our client with its message, except
 * 401/403: the gateway's own key for the provider is at fault, so the client sees a 502.
 */
export class UpstreamRejectedError extends UpstreamError {
  readonly upstreamCode: string | undefined;

  constructor(options: UpstreamRejectedOptions) {
    const { provider, upstreamStatus, providerMessage } = options;
    const label = options.upstreamCode === undefined ? "" : ` ${options.upstreamCode}`;
    const refusedKey = upstreamStatus === 401 || upstreamStatus === 403;
    const clientError = upstreamStatus >= 400 && upstreamStatus < 500 && !refusedKey;
    const keyHint =
      options.apiKeyEnv === undefined
        ? `Provider "${provider}" has no providers[].apiKeyEnv; set it to the environment variable holding its API key.`
        : `Check the API key in the environment variable ${options.apiKeyEnv}.`;
    const message = refusedKey
      ? `Provider "${provider}" refused the gateway's credentials (${upstreamStatus}${label}: ${providerMessage}). ${keyHint}`
      : clientError
        ? `Provider "${provider}" rejected the request (${upstreamStatus}${label}): ${providerMessage}`
        : `Provider "${provider}" answered with an unexpected HTTP ${upstreamStatus} (${providerMessage}). Check providers[].baseUrl for "${provider}".`;
    super(message, {
      code: refusedKey ? "upstream_authentication_failed" : "upstream_rejected",
      status: clientError ? upstreamStatus : 502,
      type:
        upstreamStatus === 404
          ? "not_found_error"
          : clientError
            ? "invalid_request_error"
            : "server_error",
      isRetryable: false,
      provider,
      unavailable: false,
      upstreamStatus,
      cause: options.cause,
    });
    this.upstreamCode = options.upstreamCode;
  }
}

/**
 * The provider answered, but not in its protocol (a body that is not the JSON or the event stream
 * it should send, a stream cut before its end). Counts as unavailable: the router may go local.
 */
export class UpstreamProtocolError extends UpstreamError {
  constructor(provider: string, detail: string, cause?: unknown) {
    super(
      `Provider "${provider}" sent a response the gateway cannot read: ${detail}. Check that providers[].baseUrl and providers[].kind for "${provider}" match the server.`,
      { code: "upstream_bad_response", status: 502, provider, unavailable: true, cause },
    );
  }
}
