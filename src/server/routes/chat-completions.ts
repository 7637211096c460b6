import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ChatPipeline } from "../../chat/chat-pipeline.js";
import type { Meter } from "../../chat/metering.js";
import { cacheControl } from "../../chat/response-caching.js";
import type { ChatEvent, FinishReason } from "../../core/chat.js";
import { toColibriError } from "../../core/errors.js";
import {
  chunkObject,
  toOpenAIToolCall,
  usageChunkObject,
  type CompletionIdentity,
} from "../../openai/chat-response.js";
import { errorBody } from "../../openai/error-body.js";
import { chatCompletionBodySchema } from "../../openai/openai-schemas.js";
import { validateBody } from "../../openai/validate-body.js";
import type { InFlight } from "../in-flight.js";
import { requestMetadata } from "../request-metadata.js";
import { principalOf } from "../request-state.js";
import { sseData, sseDone } from "../sse.js";
import { deferAllowed, setDeliveryHeaders, setRouteHeaders } from "./answer-headers.js";
import { openEventStream } from "./event-stream.js";

export interface ChatRouteOptions {
  /** The chat flow: admission, privacy, cache, routing and accounting. */
  pipeline: ChatPipeline;
  /** Debug only: log prompt and completion text. */
  logPrompts: boolean;
  inFlight: InFlight;
  now: () => number;
}

/** POST /v1/chat/completions: parse, run the chat flow, write the answer (JSON or SSE). */
export function registerChatCompletions(app: FastifyInstance, options: ChatRouteOptions): void {
  const { pipeline, inFlight } = options;

  app.post("/v1/chat/completions", { config: { access: "tenant" } }, async (request, reply) => {
    const body = validateBody(chatCompletionBodySchema, request.body);
    const stream = body.stream === true;
    if (options.logPrompts) request.log.info({ messages: body.messages }, "prompt (logPrompts on)");
    const abort = inFlight.begin(reply);
    try {
      return await pipeline.complete(
        {
          origin: request,
          principal: principalOf(request),
          body,
          endpoint: "chat.completions",
          mode: "live",
          stream,
          metadata: requestMetadata(request.headers["x-colibri-metadata"], body.metadata),
          signal: abort.signal,
          cache: cacheControl(request.headers["cache-control"]),
          deferAllowed: deferAllowed(request),
        },
        async (delivery) => {
          const { answer, plan, meter } = delivery;
          // The route is decided and the first event read before any byte is sent, so a full
          // queue or an unreachable cloud still gets a proper status code (or a fallback).
          setDeliveryHeaders(reply, delivery);
          const identity: CompletionIdentity = {
            id: `chatcmpl-${randomUUID()}`,
            created: Math.floor(options.now() / 1000),
            model: answer.model,
          };
          if (stream) {
            const streamed = await streamCompletion(reply, identity, answer.events, meter, {
              includeUsage: body.stream_options?.include_usage === true,
            });
            logCompletion(request, options.logPrompts, streamed.text);
            // Undefined: the stream was hijacked and is written already.
            return { ...streamed, answer, result: undefined };
          }
          const collected = await pipeline.collect(delivery, identity);
          // The cloud failed midway: the local answer it escalated from was given instead.
          if (collected.answer !== answer) setRouteHeaders(reply, plan, collected.answer);
          // A plain local answer reports the geometric mean probability of its tokens.
          if (collected.confidence !== undefined)
            void reply.header("x-colibri-confidence", collected.confidence.toFixed(4));
          // The answer fell into a loop and was cut short (finish_reason "length").
          if (collected.runaway) void reply.header("x-colibri-runaway", "true");
          logCompletion(request, options.logPrompts, collected.text);
          return { ...collected, result: collected.body };
        },
      );
    } finally {
      inFlight.end(abort);
      // A stream ends only after its usage is settled, so a client holding [DONE] can see it.
      if (stream && reply.raw.headersSent) reply.raw.end();
    }
  });
}

function logCompletion(request: FastifyRequest, logPrompts: boolean, text: string): void {
  if (logPrompts) request.log.info({ completion: text }, "completion");
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
  const stream = openEventStream(reply);
  const write = (frame: string): Promise<void> => stream.write(frame);

  let text = "";
  let finishReason: FinishReason | undefined;
  try {
    await write(sseData(chunkObject(identity, { role: "assistant", content: "" }, null)));
    for (
      let result = await events.next();
      !result.done && !stream.closed;
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
      if (event.type === "tool_call") {
        // A whole call in one chunk: its id, name and all its arguments (clients join fragments).
        const call = { index: event.index, ...toOpenAIToolCall(event.call) };
        await write(sseData(chunkObject(identity, { tool_calls: [call] }, null)));
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
  if (stream.closed && meter.outcome === "completed") {
    meter.status = 499;
    meter.outcome = "abandoned";
  }
  return { text, finishReason };
}
