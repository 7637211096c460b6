import type { FastifyReply, FastifyRequest } from "fastify";
import type { ChatDelivery, ChatPipeline } from "../../chat/chat-pipeline.js";
import type { CollectedCompletion } from "../../chat/collect-completion.js";
import type { Meter, MeteredCall } from "../../chat/metering.js";
import { cacheControl } from "../../chat/response-caching.js";
import type { CompletionIdentity } from "../../openai/chat-response.js";
import type { ChatCompletionBody } from "../../openai/openai-schemas.js";
import { InvalidRequestError } from "../../core/errors.js";
import type { Copilots } from "../../knowledge/copilots.js";
import type { InFlight } from "../in-flight.js";
import { requestMetadata } from "../request-metadata.js";
import { principalOf } from "../request-state.js";
import {
  deferAllowed,
  setDeliveryHeaders,
  setRouteHeaders,
  warnOfMismatches,
} from "./answer-headers.js";
import type { RelayedAnswer } from "./relay-events.js";

export interface ChatAnswerOptions {
  /** The chat flow: admission, privacy, cache, routing and accounting. */
  pipeline: ChatPipeline;
  inFlight: InFlight;
  /** Models named `copilot:<name>`: a request for one is grounded in its knowledge bases first. */
  copilots?: Copilots;
}

/** One HTTP request for a chat answer, its body already in the pipeline's (OpenAI) shape. */
export interface ChatAnswerCall {
  body: ChatCompletionBody;
  endpoint: MeteredCall["endpoint"];
  /** The whole answer's id and time, for the OpenAI body `collect` also builds. */
  identity: Omit<CompletionIdentity, "model">;
  /** A legacy text completion: the prompt is text to continue (ChatCall.continuation). */
  continuation?: boolean;
}

/** How a route writes the answer in its API's shape. */
export interface ChatAnswerWriter<T> {
  /** Write the answer as events on the hijacked reply (`openEventStream`); what it relayed. */
  stream(delivery: ChatDelivery): Promise<RelayedAnswer>;
  /** The body of a whole answer (`collected.answer.model`: the model that gave it). */
  whole(collected: CollectedCompletion, meter: Meter): T;
}

/**
 * Answer a chat-style HTTP request (chat completions, messages, responses) through the chat flow:
 * the x-colibri-* headers before the first byte, then the answer streamed or whole. The route
 * only parses its body and writes its shapes. A stream ends only after its usage is settled, so a
 * client holding the last event can already see it. Undefined: the answer was streamed.
 */
export async function answerChat<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: ChatAnswerOptions,
  call: ChatAnswerCall,
  writer: ChatAnswerWriter<T>,
): Promise<T | undefined> {
  const { pipeline, inFlight } = options;
  const body = await copilotBody(request, reply, options, call);
  const stream = body.stream === true;
  const abort = inFlight.begin(reply);
  try {
    return await pipeline.complete(
      {
        origin: request,
        principal: principalOf(request),
        body,
        endpoint: call.endpoint,
        mode: "live",
        stream,
        metadata: requestMetadata(request.headers["x-colibri-metadata"], body.metadata),
        signal: abort.signal,
        cache: cacheControl(request.headers["cache-control"]),
        deferAllowed: deferAllowed(request),
        responseId: call.identity.id,
        ...(call.continuation === true ? { continuation: true } : {}),
      },
      async (delivery) => {
        const { answer, plan, meter } = delivery;
        // The route is decided and the first event read before any byte is sent, so a full
        // queue or an unreachable cloud still gets a proper status code (or a fallback).
        setDeliveryHeaders(reply, delivery);
        if (stream) return { ...(await writer.stream(delivery)), answer, result: undefined };
        const collected = await pipeline.collect(delivery, {
          ...call.identity,
          model: answer.model,
        });
        // The cloud failed midway: the local answer it escalated from was given instead.
        if (collected.answer !== answer) setRouteHeaders(reply, plan, collected.answer);
        // A plain local answer reports the geometric mean probability of its tokens.
        if (collected.confidence !== undefined)
          void reply.header("x-colibri-confidence", collected.confidence.toFixed(4));
        // The answer fell into a loop and was cut short.
        if (collected.runaway) void reply.header("x-colibri-runaway", "true");
        return { ...collected, result: writer.whole(collected, meter) };
      },
    );
  } finally {
    inFlight.end(abort);
    if (stream && reply.raw.headersSent) reply.raw.end();
  }
}

/** The body the chat flow runs: a copilot's request grounded in its knowledge bases, or as sent. */
async function copilotBody(
  request: FastifyRequest,
  reply: FastifyReply,
  options: ChatAnswerOptions,
  call: ChatAnswerCall,
): Promise<ChatCompletionBody> {
  const copilot = await options.copilots?.prepare(call.body, principalOf(request).tenant.id);
  if (copilot === undefined) return call.body;
  if (call.continuation === true) {
    throw new InvalidRequestError(
      "A copilot answers conversations: call it through /v1/chat/completions, /v1/messages or /v1/responses, not /v1/completions.",
      "model",
    );
  }
  warnOfMismatches(request, reply, copilot.mismatches);
  return copilot.body;
}
