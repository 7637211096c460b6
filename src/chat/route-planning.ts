import { chatSpendEstimate, type SpendEstimate } from "../accounting/spend-estimate.js";
import type { ChatMessage } from "../core/chat.js";
import { BudgetExceededError, type PiiBlockedError } from "../core/errors.js";
import {
  guardEgress,
  type EgressContext,
  type EgressControl,
  type EgressPermit,
} from "../privacy/egress-guard.js";
import type { EgressReview } from "../privacy/privacy-guard.js";
import type { RoutePlan } from "../router/decide-route.js";
import type { HybridRouter, RouteMode } from "../router/hybrid-router.js";
import type { RequestFeatures } from "../router/request-features.js";
import type { ChatMetrics } from "./chat-metrics.js";

/** A plan after the guard: possibly turned local, possibly refused (thrown inside metering). */
export interface GuardedPlan {
  plan: RoutePlan;
  /** The guard's verdict, when the plan could reach a provider. */
  review?: EgressReview;
  permit?: EgressPermit;
  blocked?: PiiBlockedError;
}

/**
 * Decide the route from the request's features and hold what it may spend against the caller's
 * budgets and token limits (`reserve`). A routed (`auto`) request whose cloud estimate does not
 * fit what is left of a budget stays local, as with a spent budget.
 */
export async function decideAndReserve(
  router: HybridRouter,
  features: RequestFeatures,
  mode: RouteMode,
  request: Pick<PlanEstimateInput, "messages" | "maxTokens">,
  reserve: (estimate: SpendEstimate) => Promise<void>,
): Promise<RoutePlan> {
  let plan = router.decide(features, mode);
  try {
    await reserve(planEstimate(router, plan, request));
  } catch (error) {
    if (!(error instanceof BudgetExceededError) || plan.route === "local") throw error;
    plan = router.decide({ ...features, budget: "spent" }, mode);
    if (plan.route !== "local") throw error;
    await reserve(planEstimate(router, plan, request));
  }
  return plan;
}

interface PlanEstimateInput {
  messages: readonly ChatMessage[];
  /** The most completion tokens the answer may take (max_tokens or the default). */
  maxTokens: number;
}

/** The most a plan may spend: a cascade may end in the cloud, so it is held at the cloud's price. */
export function planEstimate(
  router: HybridRouter,
  plan: RoutePlan,
  input: PlanEstimateInput,
): SpendEstimate {
  const where =
    plan.route === "local"
      ? { target: "local", model: router.localModel }
      : { target: plan.target.provider, model: plan.target.model };
  return chatSpendEstimate(where, input.messages, input.maxTokens);
}

/**
 * Only what the privacy policy lets leave goes to a cloud provider: a plan that may reach one
 * goes through the guard, which may turn it local or refuse it. Without a guard, text leaves
 * unchanged and unaudited.
 */
export async function guardPlan(
  router: HybridRouter,
  privacy: EgressControl | undefined,
  metrics: ChatMetrics,
  context: EgressContext,
  plan: RoutePlan,
  request: Parameters<typeof guardEgress>[3],
): Promise<GuardedPlan> {
  if (plan.route === "local" || privacy === undefined) return { plan };
  const { provider, model } = plan.target;
  const decision = await guardEgress(
    { provider, model, region: router.providers.get(provider)?.region, reason: plan.reason },
    context,
    privacy,
    request,
  );
  const { review } = decision;
  metrics.observeEgress(review.destination.name, review.verdict, review.action);
  switch (decision.verdict) {
    case "send":
      return { plan, review, permit: decision.permit };
    case "local-only":
      return { plan: { route: "local", reason: decision.reason, degraded: false }, review };
    case "block":
      return { plan, review, blocked: decision.error };
  }
}
