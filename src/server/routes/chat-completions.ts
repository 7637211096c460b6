import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Principal } from "../../tenancy/gatekeeper.js";
import type { CacheHit, ResponseCache } from "../../cache/response-cache.js";
import type { ChatEvent, FinishReason } from "../../core/chat.js";
import { toColibriError } from "../../core/errors.js";
import type { RoutePlan } from "../../router/decide-route.js";
import { maskedCounts } from "../../privacy/privacy-guard.js";
import type { EgressPermit, GuardedPlan } from "../../privacy/egress-guard.js";
import type { HybridRouter } from "../../router/hybrid-router.js";
import type { RoutedAnswer } from "../../router/run-route.js";
import { toChatMessages, toChatRequest } from "../../openai/chat-request.js";
import { requestMetadata } from "../request-metadata.js";
import {
  collectCompletion,
  planRoute,
  recordAnswer,
  recordFindings,
} from "../../chat/chat-completion.js";
import {
  chunkObject,
  usageChunkObject,
  type CompletionIdentity,
} from "../../openai/chat-response.js";
import { errorBody } from "../../openai/error-body.js";
import type { InFlight } from "../in-flight.js";
import { metered, sentToCloud, type Meter, type MeteringContext } from "../../chat/metering.js";
import { cachedAnswer, cachingFor, type RequestCaching } from "../../chat/response-caching.js";
import { chatCompletionBodySchema, type ChatCompletionBody } from "../../openai/openai-schemas.js";
import type { Deferral } from "../../queue/batch-service.js";
import type { CloudTarget } from "../../router/decide-route.js";
import { sseData, sseDone } from "../sse.js";
import { validateBody } from "../../openai/validate-body.js";

export interface ChatRouteOptions {
  router: HybridRouter;
  /** The exact-match response cache; undefined: none. */
  cache: ResponseCache | undefined;
  defaultMaxTokens: number;
  /** Debug only: log prompt and completion text. */
  logPrompts: boolean;
  inFlight: InFlight;
  metering: MeteringContext;
  /** Where `x-colibri-defer: allow` requests leave their cloud work; undefined: no deferral. */
  deferral: Deferral | undefined;
  now: () => number;
}

export function registerChatCompletions(app: FastifyInstance, options: ChatRouteOptions): void {
  const { router, inFlight, metering } = options;

  app.post("/v1/chat/completions", { config: { access: "tenant" } }, async (request, reply) => {
    const body = validateBody(chatCompletionBodySchema, request.body);
    const requested = router.resolve(body.model);
    const stream = body.stream === true;
    if (options.logPrompts) request.log.info({ messages: body.messages }, "prompt (logPrompts on)");
    const principal = request.principal;
    if (principal === null) throw new Error("/v1/chat/completions was not authenticated.");

    const messages = toChatMessages(body.messages);
    const baseRequest = toChatRequest(body, messages, options.defaultMaxTokens, neverAborted);
    const maxTokens = baseRequest.sampling.maxTokens ?? options.defaultMaxTokens;
    // Until the route is decided, a rejection is recorded against what was asked for.
    const call = {
      endpoint: "chat.completions" as const,
      ...(requested.kind === "cloud"
        ? { model: requested.model, target: requested.provider }
        : { model: router.localModel, target: "local" }),
      stream,
    };
    try {
      // Admitted (a request slot taken) before anything else is done, the privacy scan included.
      return await metered(metering, request, call, async (meter, reserve) => {
        const abort = inFlight.begin(reply);
        let caching: RequestCaching | undefined;
        let answer: RoutedAnswer | undefined;
        try {
          const scan = await router.scan(
            messages,
            options.cache?.accepts(baseRequest, false) === true,
          );
          metering.metrics.observeFindings(scan.findings.map((entry) => entry.finding.type));
          recordFindings(meter, scan);
          caching = cachingFor(
            options.cache,
            request,
            principal.tenant.id,
            body.model,
            baseRequest,
            scan,
          );
          const hit = await caching?.lookup(abort.signal);
          if (caching !== undefined) metering.metrics.observeCacheLookup(hit !== undefined);

          let source: AnswerSource;
          if (hit !== undefined) {
            source = { kind: "cache", hit };
            meter.model = hit.answer.model;
            meter.target = "cache";
            meter.route = "cache";
            meter.reason = hit.kind;
            const { usage } = hit.answer;
            await reserve({ target: "cache", model: hit.answer.model, usage, kind: "chat" });
          } else {
            const guarded = await planRoute(
              router,
              metering,
              principal,
              {
                requestId: request.id,
                body,
                requested,
                messages,
                scan,
                metadata: requestMetadata(request.headers["x-colibri-metadata"], body.metadata),
                mode: "live",
                maxTokens,
              },
              reserve,
            );
            source = { kind: "route", guarded };
            const { plan } = guarded;
            if (plan.route === "local") {
              meter.model = router.localModel;
              meter.target = "local";
            } else {
              meter.model = plan.target.model;
              meter.target = plan.target.provider;
            }
            meter.route = plan.route;
            meter.reason = plan.reason;
            if (guarded.blocked !== undefined) {
              meter.reason = "privacy-blocked";
              throw guarded.blocked;
            }
          }
          const plan = source.kind === "route" ? source.guarded.plan : undefined;
          // The route is decided and the first event read before any byte is sent, so a full
          // queue or an unreachable cloud still gets a proper status code (or a fallback).
          answer =
            source.kind === "cache"
              ? cachedAnswer(source.hit)
              : await router.run(
                  source.guarded.plan,
                  { ...baseRequest, signal: abort.signal, ...sentToCloud(meter, messages) },
                  stream,
                  source.guarded.permit,
                );
          recordAnswer(meter, answer);
          metering.metrics.observeDecision(answer.route, answer.reason);
          setRouteHeaders(reply, plan, answer);
          if (source.kind === "cache") setCacheHeaders(reply, source.hit);
          const permit = source.kind === "route" ? source.guarded.permit : undefined;
          if (permit !== undefined && answer.target !== "local") setRedactionHeader(reply, permit);
          const identity: CompletionIdentity = {
            id: `chatcmpl-${randomUUID()}`,
            created: Math.floor(options.now() / 1000),
            model: answer.model,
          };
          if (answer.degraded && answer.wanted !== undefined && deferAllowed(request)) {
            await deferToCloud(options.deferral, request, principal, body, answer.wanted, reply);
          }
          let completion: { text: string; finishReason: FinishReason | undefined; body?: unknown };
          if (stream) {
            completion = await streamCompletion(reply, identity, answer.events, meter, {
              includeUsage: body.stream_options?.include_usage === true,
            });
          } else {
            const collected = await collectCompletion(identity, answer, meter);
            if (collected.answer !== answer) {
              // The cloud failed midway: the local answer it escalated from was given instead.
              answer = collected.answer;
              metering.metrics.observeDecision(answer.route, answer.reason);
              setRouteHeaders(reply, plan, answer);
            }
            // A plain local answer reports the geometric mean probability of its tokens.
            if (collected.confidence !== undefined)
              void reply.header("x-colibri-confidence", collected.confidence.toFixed(4));
            completion = collected;
          }
          if (options.logPrompts) request.log.info({ completion: completion.text }, "completion");
          if (meter.outcome === "completed" && completion.finishReason !== undefined) {
            await caching?.save(answer, {
              text: completion.text,
              finishReason: completion.finishReason,
              usage: meter.usage,
            });
          }
          return completion.body; // undefined when a stream was hijacked
        } finally {
          // Requests waiting for this one's answer in the cache may look again now.
          caching?.finish();
          await answer?.events.close();
          inFlight.end(abort);
        }
      });
    } finally {
      // A stream ends only after its usage is settled, so a client holding [DONE] can see it.
      if (stream && reply.raw.headersSent) reply.raw.end();
    }
  });
}

/** Whether the client accepts a local answer now and the cloud's later (`x-colibri-defer: allow`). */
function deferAllowed(request: FastifyRequest): boolean {
  const header = request.headers["x-colibri-defer"];
  return typeof header === "string" && header.trim().toLowerCase() === "allow";
}

/**
 * Queue the request for the cloud it could not reach and name the batch that will hold the
 * answer. A store failure leaves the local answer standing, without the header.
 */
async function deferToCloud(
  deferral: Deferral | undefined,
  request: FastifyRequest,
  principal: Principal,
  body: ChatCompletionBody,
  target: CloudTarget,
  reply: FastifyReply,
): Promise<void> {
  if (deferral === undefined) return;
  try {
    const batch = await deferral.defer(principal, { ...body, stream: false }, target, request.id);
    void reply.header("x-colibri-deferred-batch", batch.id);
  } catch (error) {
    request.log.error({ err: error }, "Could not queue the request for the cloud");
  }
}

/** The request's own signal is set per attempt; the cache key is computed without one. */
const neverAborted = new AbortController().signal;

/** Where the answer comes from: the cache, or the route the router and the guard chose. */
type AnswerSource = { kind: "cache"; hit: CacheHit } | { kind: "route"; guarded: GuardedPlan };

function setRouteHeaders(
  reply: FastifyReply,
  plan: RoutePlan | undefined,
  answer: RoutedAnswer,
): void {
  void reply.header("x-colibri-route", answer.route);
  void reply.header("x-colibri-reason", answer.reason);
  if (answer.confidence !== undefined) {
    void reply.header("x-colibri-confidence", answer.confidence.toFixed(4));
  }
  if (plan?.score !== undefined) void reply.header("x-colibri-score", plan.score.toFixed(4));
  if (answer.degraded) void reply.header("x-colibri-degraded", "cloud-unavailable");
}

function setCacheHeaders(reply: FastifyReply, hit: CacheHit): void {
  void reply.header("x-colibri-cache", hit.kind);
  if (hit.similarity !== undefined) {
    void reply.header("x-colibri-cache-similarity", hit.similarity.toFixed(4));
  }
}

/** What the guard masked before the request left, per data type: `BR_CPF=1, EMAIL=2`. */
function setRedactionHeader(reply: FastifyReply, permit: EgressPermit): void {
  const counts = Object.entries(maskedCounts(permit.review));
  if (counts.length === 0) return;
  void reply.header(
    "x-colibri-redactions",
    counts.map(([type, count]) => `${type}=${count}`).join(", "),
  );
}

/**
 * Write the completion as SSE frames. Does not end the response: the caller ends it after
 * settling usage. Records on the meter what was generated, also when the client goes away.
 */
async function streamCompletion(
  reply: FastifyReply,
  identity: CompletionIdentity,
  events: AsyncIterator<ChatEvent>,
  meter: Meter,
  options: { includeUsage: boolean },
): Promise<{ text: string; finishReason: FinishReason | undefined }> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  const write = async (frame: string): Promise<void> => {
    if (raw.destroyed) return;
    if (!raw.write(frame))
      await new Promise<void>((resolve) => raw.once("drain", resolve).once("close", resolve));
  };

  let text = "";
  let finishReason: FinishReason | undefined;
  try {
    await write(sseData(chunkObject(identity, { role: "assistant", content: "" }, null)));
    for (
      let result = await events.next();
      !result.done && !raw.destroyed;
      result = await events.next()
    ) {
      const event = result.value;
      if (event.type === "delta") {
        text += event.text;
        if (event.usage !== undefined) meter.usage = event.usage;
        const logprobs = event.logprobs.length > 0 ? event.logprobs : undefined;
        await write(sseData(chunkObject(identity, { content: event.text }, null, logprobs)));
        continue;
      }
      meter.usage = event.usage;
      finishReason = event.finishReason;
      // A plain local answer's confidence: the geometric mean probability of its tokens.
      if (meter.confidence === null && event.confidence !== undefined) {
        meter.confidence = Math.exp(event.confidence.meanLogprob);
      }
      await write(sseData(chunkObject(identity, {}, event.finishReason)));
      if (options.includeUsage) await write(sseData(usageChunkObject(identity, event.usage)));
    }
    await write(sseDone);
  } catch (error) {
    // Headers are gone: report the failure in-band the way OpenAI does.
    const colibriError = toColibriError(error);
    meter.status = colibriError.status;
    meter.outcome = colibriError.status === 499 ? "abandoned" : "failed";
    await write(sseData(errorBody(colibriError)));
  }
  if (raw.destroyed && meter.outcome === "completed") {
    meter.status = 499;
    meter.outcome = "abandoned";
  }
  return { text, finishReason };
}
