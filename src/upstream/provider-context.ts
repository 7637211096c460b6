import type { ProviderConfig } from "../config/schema.js";

/** What error messages and the transport need to know about the provider being called. */
export interface ProviderContext {
  /** The provider's name from config, e.g. "openai". */
  name: string;
  baseUrl: string;
  /** The environment variable holding the provider's key, named when the key is refused. */
  apiKeyEnv: string | undefined;
  timeouts: ProviderConfig["timeouts"];
}

export function providerContext(config: ProviderConfig): ProviderContext {
  return {
    name: config.name,
    baseUrl: config.baseUrl,
    apiKeyEnv: config.apiKeyEnv,
    timeouts: config.timeouts,
  };
}
