import type { FastifyReply, FastifyRequest } from "fastify";
import type { CacheHit } from "../../cache/response-cache.js";
import type { ChatDelivery } from "../../chat/chat-pipeline.js";
import {
  embeddingMismatchHeader,
  embeddingMismatchMessage,
  type EmbeddingModelMismatch,
} from "../../knowledge/embedding-model-check.js";
import type { RoutePlan } from "../../router/decide-route.js";
import type { RoutedAnswer } from "../../router/run-route.js";

/** Whether the client accepts a local answer now and the cloud's later (`x-colibri-defer: allow`). */
export function deferAllowed(request: FastifyRequest): boolean {
  const header = request.headers["x-colibri-defer"];
  return typeof header === "string" && header.trim().toLowerCase() === "allow";
}

/**
 * The `x-colibri-*` headers every chat-style route (chat completions, messages, responses) writes
 * on its answer before the first byte: what answered and why, the cache, what the guard masked,
 * the batch that will hold a deferred request's cloud answer.
 */
export function setDeliveryHeaders(reply: FastifyReply, delivery: ChatDelivery): void {
  setRouteHeaders(reply, delivery.plan, delivery.answer);
  if (delivery.cacheHit !== undefined) setCacheHeaders(reply, delivery.cacheHit);
  setRedactionHeader(reply, delivery.redactions);
  if (delivery.deferredBatch !== undefined) {
    void reply.header("x-colibri-deferred-batch", delivery.deferredBatch);
  }
}

/** What answered and why; written again when a whole answer falls back to the local model. */
export function setRouteHeaders(
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
function setRedactionHeader(
  reply: FastifyReply,
  redactions: Readonly<Record<string, number>>,
): void {
  const counts = Object.entries(redactions);
  if (counts.length === 0) return;
  void reply.header(
    "x-colibri-redactions",
    counts.map(([type, count]) => `${type}=${count}`).join(", "),
  );
}

/**
 * Knowledge bases a request searched by full text only, because another embedding model made
 * their vectors: the operator's log and the caller (`x-colibri-warning`) are told.
 */
export function warnOfMismatches(
  request: FastifyRequest,
  reply: FastifyReply,
  mismatches: readonly EmbeddingModelMismatch[],
): void {
  if (mismatches.length === 0) return;
  for (const mismatch of mismatches) {
    request.log.warn({ vectorStore: mismatch.base.id }, embeddingMismatchMessage(mismatch));
  }
  void reply.header("x-colibri-warning", embeddingMismatchHeader(mismatches));
}
