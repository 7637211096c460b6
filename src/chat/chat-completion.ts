import type { Principal } from "../tenancy/gatekeeper.js";
import type { SpendEstimate } from "../accounting/spend-estimate.js";
import { chatSpendEstimate } from "../accounting/spend-estimate.js";
import { BudgetExceededError } from "../core/errors.js";
import type { RoutePlan } from "../router/decide-route.js";
import type { ChatMessage, FinishReason, TokenLogprob } from "../core/chat.js";
import type { RequestScan } from "../privacy/privacy-guard.js";
import type { GuardedPlan } from "../privacy/egress-guard.js";
import type { HybridRouter, RouteMode } from "../router/hybrid-router.js";
import { extractFeatures, type RequestedModel } from "../router/request-features.js";
import { cloudCannotAnswer, type RoutedAnswer } from "../router/run-route.js";
import { completionObject, type CompletionIdentity } from "../openai/chat-response.js";
import type { Meter, MeteringContext } from "./metering.js";
import type { ChatCompletionBody } from "../openai/openai-schemas.js";

/*
 * The steps of a chat completion that do not depend on HTTP, shared by the live route and the
 * queue worker so a batch line goes through the same router, privacy guard and budgets.
 */

export interface PlanInput {
  requestId: string;
  body: ChatCompletionBody;
  requested: RequestedModel;
  messages: ChatMessage[];
  scan: RequestScan;
  metadata: Readonly<Record<string, string>>;
  mode: RouteMode;
  /** The most completion tokens the answer may take (max_tokens or the default). */
  maxTokens: number;
}

/**
 * Decide the route from the request's features, hold what it may spend against the caller's
 * budgets and token limits (`reserve`), then let the privacy guard check it — so a request the
 * limits refuse never reaches the guard, nor its egress audit. A routed (`auto`) request whose
 * cloud estimate does not fit what is left of a budget stays local, as with a spent budget.
 */
export async function planRoute(
  router: HybridRouter,
  metering: MeteringContext,
  principal: Principal,
  input: PlanInput,
  reserve: (estimate: SpendEstimate) => Promise<void>,
): Promise<GuardedPlan> {
  const { body, requested, messages, scan } = input;
  const features = extractFeatures({
    model: body.model,
    requested,
    messages,
    tenant: principal.tenant.name,
    metadata: input.metadata,
    // Read the budget's counters only when the decision can depend on them.
    budgetSpent: router.needsBudgetState && (await metering.gatekeeper.budgetSpent(principal)),
    cloudUp: router.cloudUp(requested),
    personalData: scan.types,
  });
  let plan = router.decide(features, input.mode);
  try {
    await reserve(planEstimate(router, plan, input));
  } catch (error) {
    if (!(error instanceof BudgetExceededError) || plan.route === "local") throw error;
    plan = router.decide({ ...features, budget: "spent" }, input.mode);
    if (plan.route !== "local") throw error;
    await reserve(planEstimate(router, plan, input));
  }
  return guardRoute(router, metering, principal, input, plan);
}

/** The most a plan may spend: a cascade may end in the cloud, so it is held at the cloud's price. */
export function planEstimate(
  router: HybridRouter,
  plan: RoutePlan,
  input: Pick<PlanInput, "messages" | "maxTokens">,
): SpendEstimate {
  const where =
    plan.route === "local"
      ? { target: "local", model: router.localModel }
      : { target: plan.target.provider, model: plan.target.model };
  return chatSpendEstimate(where, input.messages, input.maxTokens);
}

/** Only what the privacy policy lets leave goes to a cloud provider. */
export async function guardRoute(
  router: HybridRouter,
  metering: MeteringContext,
  principal: Principal,
  input: Pick<PlanInput, "requestId" | "scan">,
  plan: GuardedPlan["plan"],
): Promise<GuardedPlan> {
  const guarded = await router.guard(plan, {
    requestId: input.requestId,
    tenantId: principal.tenant.id,
    tenant: principal.tenant.name,
    scan: input.scan,
  });
  const { review } = guarded;
  if (review !== undefined) {
    metering.metrics.observeEgress(review.destination.name, review.verdict, review.action);
  }
  return guarded;
}

/** What the privacy guard found, per type, for the usage record (never the values). */
export function recordFindings(meter: Meter, scan: RequestScan): void {
  if (scan.findings.length === 0) return;
  const counts: Record<string, number> = {};
  for (const { finding } of scan.findings) counts[finding.type] = (counts[finding.type] ?? 0) + 1;
  meter.findings = counts;
}

/** What answered, for the usage record; never the prompt. */
export function recordAnswer(meter: Meter, answer: RoutedAnswer): void {
  meter.model = answer.model;
  meter.target = answer.target;
  meter.route = answer.route;
  meter.reason = answer.reason;
  meter.confidence = answer.confidence ?? null;
}

/** A whole (not streamed) answer: its text, the OpenAI body, and a plain local answer's confidence. */
export interface CollectedCompletion {
  text: string;
  finishReason: FinishReason;
  body: ReturnType<typeof completionObject>;
  /** The geometric mean probability of a plain local answer's tokens. */
  confidence: number | undefined;
  /** What gave it: the answer asked for, or its local fallback when the cloud failed midway. */
  answer: RoutedAnswer;
}

/**
 * Read a whole answer. An escalated answer whose cloud stalls or drops before it is complete
 * gives the complete local answer it escalated from instead, marked degraded: nothing was sent
 * to the client yet, so the switch is invisible but for the headers.
 */
export async function collectCompletion(
  identity: CompletionIdentity,
  answer: RoutedAnswer,
  meter: Meter,
): Promise<CollectedCompletion> {
  try {
    return await collectEvents(identity, answer, meter);
  } catch (error) {
    const { fallback } = answer;
    if (fallback === undefined || !cloudCannotAnswer(error)) throw error;
    await answer.events.close();
    recordAnswer(meter, fallback);
    return await collectEvents({ ...identity, model: fallback.model }, fallback, meter);
  }
}

async function collectEvents(
  identity: CompletionIdentity,
  answer: RoutedAnswer,
  meter: Meter,
): Promise<CollectedCompletion> {
  let text = "";
  let logprobs: TokenLogprob[] | undefined;
  for await (const event of answer.events) {
    if (event.type === "delta") {
      text += event.text;
      if (event.usage !== undefined) meter.usage = event.usage;
      if (event.logprobs.length > 0) (logprobs ??= []).push(...event.logprobs);
      continue;
    }
    meter.usage = event.usage;
    const confidence =
      answer.confidence === undefined && event.confidence !== undefined
        ? Math.exp(event.confidence.meanLogprob)
        : undefined;
    if (confidence !== undefined) meter.confidence = confidence;
    return {
      text,
      finishReason: event.finishReason,
      body: completionObject(identity, text, event.finishReason, event.usage, logprobs),
      confidence,
      answer,
    };
  }
  throw new Error("The backend ended without a final event.");
}
