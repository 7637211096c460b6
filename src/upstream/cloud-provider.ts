import type { ChatBackend } from "../core/chat.js";
import type { ProviderConfig } from "../config/schema.js";
import type { CircuitState } from "./circuit-breaker.js";
import type { Sleep } from "./resilient-caller.js";
import type { UpstreamFailure } from "../core/upstream-failure.js";
import type { UpstreamLogger } from "./upstream-logger.js";

export type ProviderKind = ProviderConfig["kind"];

/** A provider's state for `/ready` and the router: plain JSON. */
export interface ProviderHealth {
  name: string;
  kind: ProviderKind;
  state: CircuitState;
  /** Whether a call would be let through now. */
  available: boolean;
  consecutiveFailures: number;
  /** The last failure that counted: class, status and time; never the provider's text. */
  lastError: UpstreamFailure | null;
  /** ISO time when an open circuit lets the next probe through. */
  retryAt: string | null;
  lastSuccessAt: string | null;
}

/**
 * A cloud provider (or any remote OpenAI-compatible or Anthropic server) behind the same
 * ChatBackend contract as the local engine. Every `chat`/`embed` call runs under the provider's
 * circuit breaker, retries and timeouts; failures are UpstreamErrors, and
 * `error instanceof UpstreamError && error.unavailable` means "answer locally instead".
 */
export interface CloudProvider extends ChatBackend, AsyncDisposable {
  readonly name: string;
  readonly kind: ProviderKind;
  readonly region: string | undefined;
  /** The model names clients may ask for (`request.model`). */
  readonly models: readonly string[];
  readonly defaultModel: string;
  health(): ProviderHealth;
  /** Whether the circuit breaker would let a call through now (without taking the probe). */
  isAvailable(): boolean;
  /**
   * Check the link without sending work; resolves when reachable. Closes the circuit only when
   * link failures alone opened it, never one that calls reaching the provider opened.
   */
  probe(signal?: AbortSignal): Promise<void>;
}

export interface CloudProviderOptions {
  /** The provider's config entry as `providerSchema` parsed it (defaults filled in). */
  config: ProviderConfig;
  /** The key itself, read from `env[config.apiKeyEnv]` at start-up; none for keyless servers. */
  apiKey?: string | undefined;
  /** Milliseconds since the epoch, for the circuit breaker; default Date.now. */
  now?: () => number;
  /** Jitter for retry backoff; default Math.random. */
  random?: () => number;
  /** Wait between retries; default a timer that an abort cuts short. */
  sleep?: Sleep;
  /** Retries and circuit changes; default silent. */
  logger?: UpstreamLogger;
}
