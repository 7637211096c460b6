import type { CacheHit, ResponseCache } from "../cache/response-cache.js";
import type { ChatMessage, ChatRequest, FinishReason } from "../core/chat.js";
import { toChatMessages, toChatRequest } from "../openai/chat-request.js";
import type { CompletionIdentity } from "../openai/chat-response.js";
import type { ChatCompletionBody } from "../openai/openai-schemas.js";
import { guardedCloud, type EgressControl } from "../privacy/egress-guard.js";
import { maskedCounts, noPersonalData, type RequestScan } from "../privacy/privacy-guard.js";
import type { CloudTarget, RoutePlan } from "../router/decide-route.js";
import type { HybridRouter, RouteMode } from "../router/hybrid-router.js";
import {
  extractFeatures,
  requestLanguage,
  type RequestedModel,
  type RequestFeatures,
} from "../router/request-features.js";
import type { RoutedAnswer } from "../router/run-route.js";
import type { Principal } from "../tenancy/gatekeeper.js";
import { collectCompletion, recordAnswer, type CollectedCompletion } from "./collect-completion.js";
import type { Deferral } from "./deferral.js";
import {
  metered,
  sentToCloud,
  type Admitted,
  type Meter,
  type MeteredCall,
  type MeteredRequest,
  type MeteringContext,
} from "./metering.js";
import { decideAndReserve, guardPlan, planEstimate, type GuardedPlan } from "./route-planning.js";
import {
  cachedAnswer,
  cachingFor,
  type CacheControl,
  type RequestCaching,
} from "./response-caching.js";

export interface ChatPipelineOptions {
  router: HybridRouter;
  /** The privacy guard and its audit; undefined: nothing is scanned, text leaves unaudited. */
  privacy: EgressControl | undefined;
  /** The exact-match response cache; undefined: none. */
  cache: ResponseCache | undefined;
  metering: MeteringContext;
  /** Where requests that accept the cloud's answer later leave their cloud work; undefined: none. */
  deferral: Deferral | undefined;
  /** max_tokens when a request sets none. */
  defaultMaxTokens: number;
}

/** One chat completion to answer, whoever asks (an HTTP route, the queue worker). */
export interface ChatCall {
  /** Who asks, for metering: the HTTP request or a queued line. */
  origin: MeteredRequest;
  principal: Principal;
  /** The validated OpenAI body. */
  body: ChatCompletionBody;
  endpoint: MeteredCall["endpoint"];
  /** `live` degrades to the local model when the cloud is down; `queued` waits for it. */
  mode: RouteMode;
  /** Whether the answer is streamed (a cascade then holds only a prefix of its local answer). */
  stream: boolean;
  metadata: Readonly<Record<string, string>>;
  /** Fires when the caller goes away (the client disconnects, the gateway stops). */
  signal: AbortSignal;
  /** What the response cache may do with it; undefined: the cache is not used. */
  cache?: CacheControl;
  /** A deferred request's cloud target: it goes there (reason `deferred`), not through the router. */
  target?: CloudTarget;
  /** Sent upstream so a request sent again after a crash is done once (queued requests). */
  idempotencyKey?: string;
  /** See MeteredCall.retried. */
  retried?: MeteredCall["retried"];
  /** The client accepts a local answer now and the cloud's later, when the cloud is down. */
  deferAllowed?: boolean;
  /** A legacy text completion: the user message is text to continue (ChatRequest.continuation). */
  continuation?: boolean;
  /** The id the answer is given (chatcmpl-…), kept in its usage record for feedback. */
  responseId?: string;
}

/** The answer, ready to be written: what answered and why, and how to read it. */
export interface ChatDelivery {
  answer: RoutedAnswer;
  /** The router's plan; undefined for a cache hit. */
  plan: RoutePlan | undefined;
  cacheHit: CacheHit | undefined;
  /** What the guard masked before the request left, per data type (an answer from a cloud). */
  redactions: Readonly<Record<string, number>>;
  /** The batch that will hold the cloud's answer of a deferred request. */
  deferredBatch: string | undefined;
  /** Where the writer reports what it read (usage, outcome). */
  meter: Meter;
}

/** What the writer did with the answer: its result, and the text for the cache. */
export interface Delivered<T> {
  result: T;
  text: string;
  /** Undefined when the answer did not end (the client left, it failed midway). */
  finishReason: FinishReason | undefined;
  /** What gave the text: the delivery's answer, or the local fallback `collect` gave. */
  answer: RoutedAnswer;
}

/**
 * The chat flow, with no HTTP in it: admit (rate limits) → scan → cache → plan (reserve what it
 * may spend) → guard → run → deliver → settle, in that order, for every way of asking for a chat
 * answer. The caller writes the answer (`deliver`); usage is settled after it returns, so a
 * client that has its whole answer can already see its usage.
 */
export class ChatPipeline {
  readonly #options: ChatPipelineOptions;

  constructor(options: ChatPipelineOptions) {
    this.#options = options;
  }

  async complete<T>(
    call: ChatCall,
    deliver: (delivery: ChatDelivery) => Promise<Delivered<T>>,
  ): Promise<T> {
    const { router, metering, defaultMaxTokens } = this.#options;
    const { body, principal } = call;
    // An unknown model is a 404 before anything is counted.
    const requested = router.resolve(body.model);
    const messages = toChatMessages(body.messages);
    // The request's own signal is set per attempt; the cache key is computed without one.
    const baseRequest = toChatRequest(body, messages, defaultMaxTokens);
    if (call.continuation === true) baseRequest.continuation = true;
    const maxTokens = baseRequest.sampling.maxTokens ?? defaultMaxTokens;
    const { target } = call;
    // Until the route is decided, a rejection is recorded against what was asked for.
    const asked =
      target !== undefined
        ? { model: target.model, target: target.provider }
        : requested.kind === "cloud"
          ? { model: requested.model, target: requested.provider }
          : { model: router.localModel, target: "local" };
    const meteredCall: MeteredCall = {
      endpoint: call.endpoint,
      ...asked,
      stream: call.stream,
      // Read the budget's counters only when the decision can depend on them.
      budgetState: target === undefined && router.needsBudgetState,
      ...(call.retried === undefined ? {} : { retried: call.retried }),
      ...(call.responseId === undefined ? {} : { responseId: call.responseId }),
    };
    // Admitted (a request slot taken) before anything else is done, the privacy scan included.
    return metered(metering, call.origin, meteredCall, async (meter, admitted) => {
      let caching: RequestCaching | undefined;
      let answer: RoutedAnswer | undefined;
      try {
        const forCache =
          call.cache !== undefined && this.#options.cache?.accepts(baseRequest, false) === true;
        const scan = await this.#scan(baseRequest, forCache, principal.tenant.id);
        metering.metrics.observeFindings(scan.findings.map((entry) => entry.finding.type));
        recordFindings(meter, scan);
        // Once per request, for the router's rules and the usage record (cache hits too).
        const language = requestLanguage(messages);
        meter.language = language;
        if (call.cache !== undefined) {
          caching = cachingFor(
            this.#options.cache,
            call.cache,
            call.origin.log,
            principal.tenant.id,
            body.model,
            baseRequest,
            scan,
          );
        }
        const hit = await caching?.lookup(call.signal);
        if (caching !== undefined) metering.metrics.observeCacheLookup(hit !== undefined);

        let guarded: GuardedPlan | undefined;
        if (hit !== undefined) {
          meter.model = hit.answer.model;
          meter.target = "cache";
          meter.route = "cache";
          meter.reason = hit.kind;
          const { usage } = hit.answer;
          await admitted.reserve({ target: "cache", model: hit.answer.model, usage, kind: "chat" });
          answer = cachedAnswer(hit);
        } else {
          guarded = await this.#plan(
            call,
            { requested, messages, maxTokens, scan, language, body: baseRequest },
            admitted,
          );
          recordPlan(meter, guarded.plan, router.localModel);
          if (guarded.blocked !== undefined) {
            meter.reason = "privacy-blocked";
            throw guarded.blocked;
          }
          answer = await this.#run(guarded, call, {
            ...baseRequest,
            signal: call.signal,
            ...(call.idempotencyKey === undefined ? {} : { idempotencyKey: call.idempotencyKey }),
            ...sentToCloud(meter, messages),
            serving: {
              tenantId: principal.tenant.id,
              tenant: principal.tenant.name,
              ...(call.responseId === undefined ? {} : { responseId: call.responseId }),
            },
          });
        }
        recordAnswer(meter, answer);
        metering.metrics.observeDecision(answer.route, answer.reason);
        const permit = guarded?.permit;
        const delivered = await deliver({
          answer,
          plan: guarded?.plan,
          cacheHit: hit,
          redactions:
            permit !== undefined && answer.target !== "local" ? maskedCounts(permit.review) : {},
          deferredBatch: await this.#deferred(call, answer),
          meter,
        });
        // A candidate model's answer (a canary) is not kept: it may be rolled back.
        const byCandidate =
          delivered.answer.target === "local" && delivered.answer.model !== router.localModel;
        if (meter.outcome === "completed" && delivered.finishReason !== undefined && !byCandidate) {
          await caching?.save(delivered.answer, {
            text: delivered.text,
            finishReason: delivered.finishReason,
            usage: meter.usage,
          });
        }
        return delivered.result;
      } finally {
        // Requests waiting for this one's answer in the cache may look again now.
        caching?.finish();
        await answer?.events.close();
      }
    });
  }

  /**
   * Decide the route (or take a deferred request's target), hold what it may spend, then let the
   * privacy guard check it: only a request whose spending is held reaches the guard and its audit.
   */
  async #plan(
    call: ChatCall,
    request: {
      requested: RequestedModel;
      messages: ChatMessage[];
      maxTokens: number;
      scan: RequestScan;
      language: RequestFeatures["language"];
      /** The request as it would leave, for the guard's model pass. */
      body: ChatRequest;
    },
    admitted: Admitted,
  ): Promise<GuardedPlan> {
    const { router, metering } = this.#options;
    const { body, principal, target } = call;
    const { requested, messages, maxTokens, scan, language } = request;
    let plan: RoutePlan;
    if (target === undefined) {
      const features = extractFeatures({
        model: body.model,
        requested,
        messages,
        tenant: principal.tenant.name,
        metadata: call.metadata,
        budgetSpent: admitted.budgetSpent,
        cloudUp: router.cloudUp(requested),
        personalData: scan.types,
        language,
        tools: request.body.tools !== undefined && request.body.tools.choice !== "none",
      });
      plan = await decideAndReserve(
        router,
        features,
        call.mode,
        { messages, maxTokens },
        (estimate) => admitted.reserve(estimate),
      );
    } else {
      plan = { route: "cloud", target, reason: "deferred" };
      await admitted.reserve(planEstimate(router, plan, { messages, maxTokens }));
    }
    const context = {
      requestId: call.origin.id,
      tenantId: principal.tenant.id,
      tenant: principal.tenant.name,
      scan,
      keepTrainingPair: principal.tenant.keepTrainingPairs,
    };
    return guardPlan(router, this.#options.privacy, metering.metrics, context, plan, {
      body: request.body,
      signal: call.signal,
    });
  }

  /**
   * Read a whole answer for a delivery. An escalated answer whose cloud fails midway gives the
   * local answer it escalated from instead (see collectCompletion), recorded as what answered.
   */
  async collect(
    delivery: ChatDelivery,
    identity: CompletionIdentity,
  ): Promise<CollectedCompletion> {
    const collected = await collectCompletion(identity, delivery.answer, delivery.meter);
    if (collected.answer !== delivery.answer) {
      this.#options.metering.metrics.observeDecision(
        collected.answer.route,
        collected.answer.reason,
      );
    }
    return collected;
  }

  /**
   * The personal data in every text of a request that could leave (messages, stop sequences,
   * response format), giving other requests a turn of the event loop while a large request is
   * read; throws TooManyFindingsError (413) past privacy.maxFindingsPerRequest. Skipped when
   * nothing could leave, no rule asks and no cache must be kept clean (`forCache`: a cache must
   * not keep personal data).
   */
  async #scan(request: ChatRequest, forCache: boolean, tenant: string): Promise<RequestScan> {
    const { privacy, router } = this.#options;
    if (privacy === undefined || !(forCache || router.readsPersonalData)) return noPersonalData;
    return privacy.guard.scan(request, undefined, { tenant });
  }

  /** Carry out the guarded plan; with a permit, cloud calls go masked, audited and restored. */
  #run(
    guarded: GuardedPlan,
    call: ChatCall,
    request: Parameters<HybridRouter["run"]>[1],
  ): Promise<RoutedAnswer> {
    const { router, privacy } = this.#options;
    const { permit } = guarded;
    return router.run(
      guarded.plan,
      request,
      call.stream,
      call.mode,
      permit === undefined || privacy === undefined
        ? undefined
        : (provider) => guardedCloud(provider, permit, privacy),
    );
  }

  /**
   * Queue a degraded answer's cloud work when the client accepts it later, and name the batch
   * that will hold the answer. A store failure leaves the local answer standing.
   */
  async #deferred(call: ChatCall, answer: RoutedAnswer): Promise<string | undefined> {
    const { deferral } = this.#options;
    const wanted = answer.wanted;
    if (deferral === undefined || call.deferAllowed !== true || !answer.degraded) return undefined;
    if (wanted === undefined) return undefined;
    try {
      const batch = await deferral.defer(
        call.principal,
        { ...call.body, stream: false },
        wanted,
        call.origin.id,
      );
      return batch.id;
    } catch (error) {
      call.origin.log.error({ err: error }, "Could not queue the request for the cloud");
      return undefined;
    }
  }
}

/** What the guarded plan will use, for the usage record, until the answer says what did. */
function recordPlan(meter: Meter, plan: RoutePlan, localModel: string): void {
  meter.model = plan.route === "local" ? localModel : plan.target.model;
  meter.target = plan.route === "local" ? "local" : plan.target.provider;
  meter.route = plan.route;
  meter.reason = plan.reason;
}

/** What the privacy guard found, per type, for the usage record (never the values). */
function recordFindings(meter: Meter, scan: RequestScan): void {
  if (scan.findings.length === 0) return;
  const counts: Record<string, number> = {};
  for (const { finding } of scan.findings) counts[finding.type] = (counts[finding.type] ?? 0) + 1;
  meter.findings = counts;
}
