import type { ColibriConfig, PrivacyAction, PrivacyPolicy } from "../config/schema.js";
import { piiTypeInfo, type PiiType } from "../core/pii-types.js";

/** Where a request's text would go: the local model, or a cloud provider and its region. */
export interface Destination {
  /** "local", or a provider's name. */
  name: string;
  region: string | undefined;
}

/** The action for one data type at one destination, and which part of the policy chose it. */
export interface ResolvedAction {
  action: PrivacyAction;
  /** "policy", or "residency" when residency turned an allow into local-only or block. */
  source: "policy" | "residency";
}

/** Strongest first: one finding that must be blocked blocks the request, and so on down. */
export const actionStrength: Readonly<Record<PrivacyAction, number>> = {
  block: 4,
  "local-only": 3,
  pseudonymize: 2,
  redact: 1,
  allow: 0,
};

/** What the guard does with a finding no policy mentions, on its way to a cloud provider. */
const builtInCloudAction: PrivacyAction = "pseudonymize";

/**
 * The tenant's privacy policy layered over the global one, as plain lookups: per destination,
 * per data type (its own name before its class), then the layer's default; the tenant's layer
 * before the global one. Locally everything is allowed unless `destinations.local` says otherwise.
 */
export class PrivacyPolicyResolver {
  readonly #global: PrivacyPolicy;
  readonly #tenants: Readonly<Record<string, PrivacyPolicy>>;

  constructor(settings: Pick<ColibriConfig["privacy"], "policy" | "tenants">) {
    this.#global = settings.policy;
    this.#tenants = settings.tenants;
  }

  resolve(tenant: string, destination: Destination, type: PiiType): ResolvedAction {
    const layers = this.#layers(tenant);
    const action =
      lookUp(layers, destination.name, type, destination.name !== "local") ??
      (destination.name === "local" ? "allow" : builtInCloudAction);
    if (action !== "allow" || destination.name === "local") return { action, source: "policy" };
    return residencyAllows(layers, destination, type)
      ? { action, source: "policy" }
      : {
          action:
            layers.find((layer) => layer.whenResidencyForbids)?.whenResidencyForbids ??
            "local-only",
          source: "residency",
        };
  }

  #layers(tenant: string): PrivacyPolicy[] {
    const own = this.#tenants[tenant];
    return own === undefined ? [this.#global] : [own, this.#global];
  }
}

function lookUp(
  layers: readonly PrivacyPolicy[],
  destination: string,
  type: PiiType,
  withGeneralEntries: boolean,
): PrivacyAction | undefined {
  const dataClass = piiTypeInfo[type].dataClass;
  for (const layer of layers) {
    const specific = layer.destinations?.[destination];
    const found =
      specific?.types?.[type] ??
      specific?.types?.[dataClass] ??
      specific?.default ??
      (withGeneralEntries
        ? (layer.types?.[type] ?? layer.types?.[dataClass] ?? layer.default)
        : undefined);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A class without a residency rule may go anywhere; with one, only to the providers or regions it names. */
function residencyAllows(
  layers: readonly PrivacyPolicy[],
  destination: Destination,
  type: PiiType,
): boolean {
  const dataClass = piiTypeInfo[type].dataClass;
  const rule = layers.map((layer) => layer.residency?.[dataClass]).find((entry) => entry);
  if (rule === undefined) return true;
  if (rule.providers?.includes(destination.name) === true) return true;
  return destination.region !== undefined && rule.regions?.includes(destination.region) === true;
}
