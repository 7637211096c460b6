import { ConfigError } from "../config/load.js";
import type { ProviderConfig } from "../config/schema.js";
import { AnthropicProvider } from "./anthropic-provider.js";
import type { CloudProvider, CloudProviderOptions } from "./cloud-provider.js";
import { OpenAICompatibleProvider } from "./openai-compatible-provider.js";
import { ProviderRegistry } from "./provider-registry.js";
import type { UpstreamLogger } from "./upstream-logger.js";

export interface ProvidersFromConfigOptions {
  /** Milliseconds since the epoch, for the circuit breakers; default Date.now. */
  now?: () => number;
  logger?: UpstreamLogger;
}

/**
 * Build the providers of `config.providers`, each with the API key read from `env[apiKeyEnv]`.
 * Throws a ConfigError naming the provider and the variable when the variable is unset or empty,
 * and when names or model names clash.
 */
export function providersFromConfig(
  configs: readonly ProviderConfig[],
  env: NodeJS.ProcessEnv,
  options: ProvidersFromConfigOptions = {},
): ProviderRegistry {
  const built: CloudProvider[] = [];
  try {
    for (const config of configs) {
      const shared: CloudProviderOptions = { config, apiKey: apiKey(config, env) };
      if (options.now !== undefined) shared.now = options.now;
      if (options.logger !== undefined) shared.logger = options.logger;
      built.push(
        config.kind === "anthropic"
          ? new AnthropicProvider(shared)
          : new OpenAICompatibleProvider(shared),
      );
    }
    return new ProviderRegistry(built);
  } catch (error) {
    // Nothing has connected yet, but each provider owns an agent: close what was built.
    for (const provider of built) void provider.close();
    throw error;
  }
}

function apiKey(config: ProviderConfig, env: NodeJS.ProcessEnv): string | undefined {
  if (config.apiKeyEnv === undefined) return undefined;
  const value = env[config.apiKeyEnv]?.trim();
  if (value === undefined || value === "") {
    throw new ConfigError(
      `Provider "${config.name}" reads its API key from the environment variable ${config.apiKeyEnv}, which is ${value === undefined ? "not set" : "empty"}. Set it (export ${config.apiKeyEnv}=…), or remove providers[].apiKeyEnv if the server needs no key.`,
    );
  }
  return value;
}
