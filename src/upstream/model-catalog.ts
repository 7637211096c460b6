import { ModelNotFoundError } from "../core/errors.js";
import { ConfigError } from "../config/load.js";
import type { ProviderConfig } from "../config/schema.js";

/**
 * A provider's models: the names clients use, the provider's own name for each (Azure
 * deployments, OpenRouter's "vendor/model" names), and the default.
 */
export class ModelCatalog {
  /** Client-facing names, in config order. */
  readonly names: readonly string[];
  readonly defaultModel: string;
  private readonly upstreamNames: ReadonlyMap<string, string>;

  constructor(
    private readonly provider: string,
    models: ProviderConfig["models"],
    defaultModel?: string,
  ) {
    const pairs: [string, string][] = Array.isArray(models)
      ? models.map((name) => [name, name])
      : Object.entries(models);
    this.upstreamNames = new Map(pairs);
    this.names = pairs.map(([name]) => name);
    const first = this.names[0];
    if (first === undefined) {
      throw new ConfigError(
        `Provider "${provider}" lists no models; add at least one to providers[].models.`,
      );
    }
    if (defaultModel !== undefined && !this.upstreamNames.has(defaultModel)) {
      throw new ConfigError(
        `Provider "${provider}" has defaultModel "${defaultModel}", which is not one of its models (${this.names.join(", ")}). Add it to providers[].models or pick one of those.`,
      );
    }
    this.defaultModel = defaultModel ?? first;
  }

  has(name: string): boolean {
    return this.upstreamNames.has(name);
  }

  /**
   * The provider's own name for a client-facing model name (also accepted as `provider/model`);
   * undefined means the default model. Unknown names throw ModelNotFoundError listing the models.
   */
  upstreamName(name: string | undefined): string {
    const wanted = name ?? this.defaultModel;
    const prefix = `${this.provider}/`;
    const upstream =
      this.upstreamNames.get(wanted) ??
      (wanted.startsWith(prefix) ? this.upstreamNames.get(wanted.slice(prefix.length)) : undefined);
    if (upstream === undefined) {
      throw new ModelNotFoundError(
        wanted,
        `Provider "${this.provider}" serves: ${this.names.join(", ")}. Add it to providers[].models to use it.`,
      );
    }
    return upstream;
  }
}
