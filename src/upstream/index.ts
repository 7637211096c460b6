export { AnthropicProvider, anthropicVersion } from "./anthropic-provider.js";
export { defaultAnthropicMaxTokens } from "./anthropic-request-body.js";
export {
  CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitSnapshot,
  type CircuitState,
} from "./circuit-breaker.js";
export type {
  CloudProvider,
  CloudProviderOptions,
  ProviderHealth,
  ProviderKind,
} from "./cloud-provider.js";
export {
  OpenAICompatibleProvider,
  type OpenAICompatibleProviderOptions,
} from "./openai-compatible-provider.js";
export { ProviderRegistry, type ResolvedModel } from "./provider-registry.js";
export { providersFromConfig, type ProvidersFromConfigOptions } from "./providers-from-config.js";
export type { Sleep } from "./resilient-caller.js";
export { parseRetryAfter, RetryPolicy, type RetryOptions } from "./retry-policy.js";
export type { UpstreamFailure, UpstreamFailureClass } from "../core/upstream-failure.js";
export type { UpstreamLogger, UpstreamLogLevel } from "./upstream-logger.js";
