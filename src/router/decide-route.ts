import type { RoutingRule } from "../config/schema.js";
import type { RequestFeatures } from "./request-features.js";
import { firstMatchingRule } from "./rules.js";

/** A cloud model to call: which provider, and the client-facing model name it serves. */
export interface CloudTarget {
  provider: string;
  model: string;
}

interface PlanBase {
  /** A short code naming the rule or signal: `rule:<name>`, `pre-router`, `budget-spent`, … */
  reason: string;
  /** The pre-router's score, when it was computed. */
  score?: number;
}

export type RoutePlan =
  | (PlanBase & {
      route: "local";
      degraded: boolean;
      /** When degraded: the cloud target that could not be reached. */
      wanted?: CloudTarget;
    })
  | (PlanBase & { route: "cloud"; target: CloudTarget })
  | (PlanBase & { route: "cascade"; target: CloudTarget });

export interface RoutingPolicy {
  rules: readonly RoutingRule[];
  /** Where `auto` escalates; undefined when no provider is configured. */
  defaultCloud: CloudTarget | undefined;
  /** A rule's provider (and model) as a target; the names were checked at start-up. */
  cloudTarget(provider: string | undefined, model: string | undefined): CloudTarget | undefined;
  /** Providers whose circuit is open now. */
  isDown(provider: string): boolean;
  whenCloudUnavailable: "local" | "fail";
  localWhenBudgetSpent: boolean;
  /** The learned pre-router: a score in [0, 1] (higher = needs the cloud) and its threshold. */
  preRouter: { score(prompt: string): number; cloudThreshold: number } | undefined;
  /** Whether `auto` tries the local model first and escalates when unsure. */
  cascade: boolean;
}

/**
 * The routing decision for one request, as plain computation over its features: policy rules
 * first (first match wins), then what the client asked for, then the learned pre-router and the
 * cascade. Every plan names its reason.
 */
export function decideRoute(features: RequestFeatures, policy: RoutingPolicy): RoutePlan {
  const rule = firstMatchingRule(policy.rules, features);
  if (rule !== undefined) return applyRule(rule, features, policy);
  const { requested } = features;
  if (requested.kind === "local") return local("requested-local");
  if (requested.kind === "cloud") {
    const { provider, model } = requested;
    return toCloud("cloud", { provider, model }, "requested-cloud", policy);
  }
  return learned(features, policy);
}

function applyRule(rule: RoutingRule, features: RequestFeatures, policy: RoutingPolicy): RoutePlan {
  const reason = `rule:${rule.name}`;
  if (rule.route === "local") return local(reason);
  if (rule.route === "auto") return learned(features, policy);
  const { requested } = features;
  const target =
    rule.provider === undefined && rule.model === undefined
      ? requested.kind === "cloud"
        ? { provider: requested.provider, model: requested.model }
        : policy.defaultCloud
      : policy.cloudTarget(rule.provider, rule.model);
  if (target === undefined) return local("no-cloud");
  if (budgetKeepsLocal(features, policy)) return local("budget-spent");
  return toCloud(rule.route, target, reason, policy);
}

/** `auto`: the pre-router sends prompts it expects the local model to fail straight to the cloud. */
function learned(features: RequestFeatures, policy: RoutingPolicy): RoutePlan {
  const target = policy.defaultCloud;
  if (target === undefined) return local("no-cloud");
  if (budgetKeepsLocal(features, policy)) return local("budget-spent");
  const preRouter = policy.preRouter;
  const score = preRouter?.score(features.prompt);
  const scored = score === undefined ? {} : { score };
  if (preRouter !== undefined && score !== undefined && score >= preRouter.cloudThreshold) {
    return { ...toCloud("cloud", target, "pre-router", policy), ...scored };
  }
  if (policy.cascade) return { route: "cascade", target, reason: "cascade", ...scored };
  return { ...local(preRouter === undefined ? "default-local" : "pre-router"), ...scored };
}

/** Once a budget is spent, routed requests stay local (if the policy allows local answers). */
function budgetKeepsLocal(features: RequestFeatures, policy: RoutingPolicy): boolean {
  return features.budget === "spent" && policy.localWhenBudgetSpent;
}

function toCloud(
  route: "cloud" | "cascade",
  target: CloudTarget,
  reason: string,
  policy: RoutingPolicy,
): RoutePlan {
  // A cascade answers locally first and checks the link only if it must escalate.
  if (
    route === "cloud" &&
    policy.isDown(target.provider) &&
    policy.whenCloudUnavailable === "local"
  ) {
    return { route: "local", reason: "cloud-unavailable", degraded: true, wanted: target };
  }
  return { route, target, reason };
}

function local(reason: string): RoutePlan {
  return { route: "local", reason, degraded: false };
}
