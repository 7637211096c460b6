import type { ChatBackend, ChatRequest, CloudBackend } from "../core/chat.js";
import { unservedModel } from "../models/unserved-model-hint.js";
import type { ColibriConfig } from "../config/schema.js";
import { ConfigError } from "../config/load.js";
import {
  decideRoute,
  type CloudTarget,
  type RoutePlan,
  type RoutingPolicy,
} from "./decide-route.js";
import type { RequestFeatures, RequestedModel } from "./request-features.js";
import { runRoute, type RoutedAnswer } from "./run-route.js";

/** A cloud provider as the router sees it. */
export interface RoutableProvider extends CloudBackend {
  readonly name: string;
  /** Client-facing model names. */
  readonly models: readonly string[];
  readonly defaultModel: string;
  /** Where the provider processes data, for residency rules. */
  readonly region: string | undefined;
  /** Circuit state and recent failures, JSON-friendly, for `/ready` and the metrics. */
  health(): ProviderStatus;
  /** Check the link without sending work (resolves when reachable); absent: trust the circuit. */
  probe?(signal?: AbortSignal): Promise<void>;
}

/** What the router reads of a provider's health (the provider reports more). */
export interface ProviderStatus {
  name: string;
  available: boolean;
  consecutiveFailures: number;
}

/** The configured providers, looked up by name or by the models they serve. */
export interface ProviderDirectory {
  list(): readonly RoutableProvider[];
  get(name: string): RoutableProvider | undefined;
  /** A client-facing model name, or `provider/model`. */
  find(model: string): { provider: RoutableProvider; model: string } | undefined;
}

/** The learned pre-router as the router uses it. */
export interface PromptScorer {
  /** In [0, 1]: higher means the local model is less likely to answer well. */
  score(prompt: string): number;
  /** The score above which about `share` of the training prompts lie. */
  thresholdForShare(share: number): number;
}

export interface HybridRouterOptions {
  local: ChatBackend;
  providers: ProviderDirectory;
  router: ColibriConfig["router"];
  localWhenBudgetSpent: boolean;
  /** The learned pre-router; undefined when disabled. */
  preRouter: PromptScorer | undefined;
}

/** A directory with no providers: everything is answered locally. */
export const noProviders: ProviderDirectory = {
  list: () => [],
  get: () => undefined,
  find: () => undefined,
};

export interface RouterSettings {
  defaultCloud: CloudTarget | null;
  cascade: { enabled: boolean; threshold: number; holdTokens: number };
  preRouter: { enabled: boolean; cloudThreshold: number | null };
  whenCloudUnavailable: "local" | "fail";
  rules: { name: string; route: string }[];
}

/** Live requests degrade to the local model when the cloud is down; queued ones wait for it. */
export type RouteMode = "live" | "queued";

/** A model clients can name, and who serves it. */
export interface ServedModel {
  id: string;
  /** "colibri" for the local model and the router's names, else the provider's name. */
  ownedBy: string;
}

/**
 * The router in the request path: resolves the requested model name, decides the route (pure,
 * over the request's features) and carries it out over the local engine and the providers.
 */
export class HybridRouter {
  readonly #options: HybridRouterOptions;
  readonly #policy: RoutingPolicy;
  /** The same policy for queued work, which waits for the cloud instead of degrading. */
  readonly #queuedPolicy: RoutingPolicy;

  constructor(options: HybridRouterOptions) {
    this.#options = options;
    const { router, providers } = options;
    const cloudProvider = router.cloudProvider ?? providers.list()[0]?.name;
    const defaultCloud =
      cloudProvider === undefined
        ? undefined
        : this.#target(cloudProvider, undefined, "router.cloudProvider");
    for (const [index, rule] of router.rules.entries()) {
      if (rule.provider !== undefined || rule.model !== undefined) {
        this.#target(rule.provider ?? cloudProvider, rule.model, `router.rules[${index}]`);
      } else if (
        (rule.route === "cloud" || rule.route === "cascade") &&
        defaultCloud === undefined
      ) {
        throw new ConfigError(
          `router.rules[${index}] ("${rule.name}") routes to ${rule.route}, but no cloud provider is configured. Add one under "providers" in the config, or change the rule's route.`,
        );
      }
    }
    const { preRouter } = options;
    this.#policy = {
      rules: router.rules,
      defaultCloud,
      cloudTarget: (provider, model) => this.#target(provider ?? cloudProvider, model, "a rule"),
      isDown: (provider) => providers.get(provider)?.isAvailable() !== true,
      whenCloudUnavailable: router.whenCloudUnavailable,
      localWhenBudgetSpent: options.localWhenBudgetSpent,
      preRouter:
        preRouter === undefined
          ? undefined
          : {
              score: (prompt) => preRouter.score(prompt),
              cloudThreshold:
                router.preRouter.cloudThreshold ?? preRouter.thresholdForShare(defaultDirectShare),
            },
      cascade: router.cascade.enabled,
    };
    this.#queuedPolicy = { ...this.#policy, whenCloudUnavailable: "fail" };
  }

  /**
   * Whether a decision can depend on the budget: with no provider every plan is local, unless a
   * rule names the budget in its reason.
   */
  get needsBudgetState(): boolean {
    return (
      this.#options.providers.list().length > 0 ||
      this.#options.router.rules.some((rule) => rule.when.budget !== undefined)
    );
  }

  /** The local model's name. */
  get localModel(): string {
    return this.#options.local.model;
  }

  /** What a requested model name means; unknown names are a 404 that lists the known ones. */
  resolve(model: string): RequestedModel {
    if (model === "auto") return { kind: "auto" };
    if (model === "local" || model === this.#options.local.model) return { kind: "local" };
    const found = this.#options.providers.find(model);
    if (found !== undefined)
      return { kind: "cloud", provider: found.provider.name, model: found.model };
    const cloud = this.#options.providers.list().flatMap((provider) => provider.models);
    const served = [this.#options.local.model, ...cloud].map((name) => `'${name}'`).join(", ");
    throw unservedModel(model, `${served}, plus 'auto' (routed) and 'local'`);
  }

  /** Every name a client may send: the local model, `local`, `auto`, then each cloud model. */
  models(): ServedModel[] {
    const local = [this.#options.local.model, "local", "auto"].map((id) => ({
      id,
      ownedBy: "colibri",
    }));
    const cloud = this.#options.providers
      .list()
      .flatMap((provider) => provider.models.map((id) => ({ id, ownedBy: provider.name })));
    return [...local, ...cloud];
  }

  /** The configured providers (the queue probes and releases work per provider). */
  get providers(): ProviderDirectory {
    return this.#options.providers;
  }

  /** The routing settings in force, for the dashboard: what decides, and at which thresholds. */
  settings(): RouterSettings {
    const { router } = this.#options;
    return {
      defaultCloud: this.#policy.defaultCloud ?? null,
      cascade: {
        enabled: router.cascade.enabled,
        threshold: router.cascade.threshold,
        holdTokens: router.cascade.holdTokens,
      },
      preRouter: {
        enabled: this.#policy.preRouter !== undefined,
        cloudThreshold: this.#policy.preRouter?.cloudThreshold ?? null,
      },
      whenCloudUnavailable: router.whenCloudUnavailable,
      rules: router.rules.map((rule) => ({ name: rule.name, route: rule.route })),
    };
  }

  /** Each provider's circuit state, for `/ready`. */
  providerHealth(): ProviderStatus[] {
    return this.#options.providers.list().map((provider) => provider.health());
  }

  /** Whether the provider a request would use can be called now. */
  cloudUp(requested: RequestedModel): boolean {
    const provider =
      requested.kind === "cloud" ? requested.provider : this.#policy.defaultCloud?.provider;
    return provider !== undefined && !this.#policy.isDown(provider);
  }

  /**
   * The route for a request. `queued`: the request can wait (a batch line), so an unreachable
   * cloud is never a reason to answer locally instead.
   */
  decide(features: RequestFeatures, mode: RouteMode = "live"): RoutePlan {
    return decideRoute(features, mode === "queued" ? this.#queuedPolicy : this.#policy);
  }

  /**
   * Whether a request's personal data matters to routing: a provider could receive it, or a rule
   * tests it (`when.pii`). When not, and no cache must be kept clean, there is nothing to scan for.
   */
  get readsPersonalData(): boolean {
    const { providers, router } = this.#options;
    return providers.list().length > 0 || router.rules.some((rule) => rule.when.pii !== undefined);
  }

  /**
   * Carry out a plan; `stream` holds back only a prefix of a cascade's local answer. `cloudAccess`
   * is how a provider may be called for this request (the privacy guard wraps it: masked,
   * audited, its answer restored); default: as it is.
   */
  run(
    plan: RoutePlan,
    request: ChatRequest,
    stream: boolean,
    mode: RouteMode = "live",
    cloudAccess: (provider: CloudBackend) => CloudBackend = (provider) => provider,
  ): Promise<RoutedAnswer> {
    const { cascade } = this.#options.router;
    const { whenCloudUnavailable } = mode === "queued" ? this.#queuedPolicy : this.#policy;
    return runRoute(
      plan,
      request,
      {
        local: this.#options.local,
        cloud: (name) => {
          const provider = this.#options.providers.get(name);
          if (provider === undefined)
            throw new Error(`Unknown provider "${name}" in a route plan.`);
          return cloudAccess(provider);
        },
      },
      {
        holdTokens: stream ? cascade.holdTokens : Number.POSITIVE_INFINITY,
        threshold: cascade.threshold,
        signal: cascade.signal,
        whenCloudUnavailable,
      },
    );
  }

  /** A provider and model as a target, or a ConfigError naming the setting. */
  #target(provider: string | undefined, model: string | undefined, setting: string): CloudTarget {
    const found = provider === undefined ? undefined : this.#options.providers.get(provider);
    if (found === undefined) {
      const names = this.#options.providers.list().map((entry) => entry.name);
      throw new ConfigError(
        `${setting} names provider "${provider ?? "(none)"}", which is not configured. Configured providers: ${names.length === 0 ? "none" : names.join(", ")}.`,
      );
    }
    const chosen = model ?? found.defaultModel;
    if (!found.models.includes(chosen)) {
      throw new ConfigError(
        `${setting} names model "${chosen}", which provider "${found.name}" does not serve. Its models: ${found.models.join(", ")}.`,
      );
    }
    return { provider: found.name, model: chosen };
  }
}

/** Without a calibrated threshold, the pre-router sends its top tenth straight to the cloud. */
const defaultDirectShare = 0.1;
