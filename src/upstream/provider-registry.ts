import { ConfigError } from "../config/load.js";
import type { CloudProvider, ProviderHealth } from "./cloud-provider.js";

export interface ResolvedModel {
  provider: CloudProvider;
  /** The client-facing model name, as the provider's `chat` takes it in `request.model`. */
  model: string;
}

/**
 * The configured cloud providers, by name and by the model names they serve. Provider names and
 * model names are unique across providers (the constructor throws a ConfigError otherwise), so a
 * model name alone says where it goes.
 */
export class ProviderRegistry implements AsyncDisposable {
  private readonly byName = new Map<string, CloudProvider>();
  private readonly byModel = new Map<string, CloudProvider>();
  private closed: Promise<void> | undefined;

  constructor(private readonly providers: readonly CloudProvider[]) {
    for (const provider of providers) {
      if (this.byName.has(provider.name)) {
        throw new ConfigError(
          `Two providers are named "${provider.name}"; give each entry of providers[] its own name.`,
        );
      }
      this.byName.set(provider.name, provider);
      for (const model of provider.models) {
        const other = this.byModel.get(model);
        if (other !== undefined) {
          throw new ConfigError(
            `The model "${model}" is served by both providers "${other.name}" and "${provider.name}"; give it another client-facing name in one of them (providers[].models as a map, e.g. {"${provider.name}-${model}": "${model}"}).`,
          );
        }
        this.byModel.set(model, provider);
      }
    }
  }

  /**
   * Where a model name goes: a client-facing name, or `provider/model`. A name that is itself a
   * model (OpenRouter's "vendor/model" names) wins over the `provider/model` reading.
   */
  find(modelName: string): ResolvedModel | undefined {
    const direct = this.byModel.get(modelName);
    if (direct !== undefined) return { provider: direct, model: modelName };
    const slash = modelName.indexOf("/");
    if (slash <= 0) return undefined;
    const provider = this.byName.get(modelName.slice(0, slash));
    const model = modelName.slice(slash + 1);
    if (provider === undefined || !provider.models.includes(model)) return undefined;
    return { provider, model };
  }

  get(name: string): CloudProvider | undefined {
    return this.byName.get(name);
  }

  /** In config order. */
  list(): readonly CloudProvider[] {
    return this.providers;
  }

  health(): ProviderHealth[] {
    return this.providers.map((provider) => provider.health());
  }

  /** Close every provider (their connections); calls still running are cut. */
  close(): Promise<void> {
    this.closed ??= Promise.all(this.providers.map((provider) => provider.close())).then(
      () => undefined,
    );
    return this.closed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
