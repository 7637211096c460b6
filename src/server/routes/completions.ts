import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ChatPipeline } from "../../chat/chat-pipeline.js";
import type { Meter } from "../../chat/metering.js";
import type { ChatEvent, FinishReason, Usage } from "../../core/chat.js";
import { toColibriError } from "../../core/errors.js";
import { toOpenAIUsage } from "../../openai/chat-response.js";
import { completionBodySchema, toChatCompletionBody } from "../../openai/completions-request.js";
import { errorBody } from "../../openai/error-body.js";
import { validateBody } from "../../openai/validate-body.js";
import type { InFlight } from "../in-flight.js";
import { requestMetadata } from "../request-metadata.js";
import { principalOf } from "../request-state.js";
import { sseData, sseDone } from "../sse.js";
import { deferAllowed, setDeliveryHeaders, setRouteHeaders } from "./answer-headers.js";
import { openEventStream } from "./event-stream.js";

interface TextCompletionIdentity {
  id: string;
  created: number;
  model: string;
}

/**
 * POST /v1/completions (legacy text completions): the prompt runs the chat flow as a continuation
 * (see completions-request.ts); the answer is written as a `text_completion`, whole or streamed.
 */
export function registerCompletions(
  app: FastifyInstance,
  options: { pipeline: ChatPipeline; inFlight: InFlight; now: () => number },
): void {
  const { pipeline, inFlight } = options;
  app.post("/v1/completions", { config: { access: "tenant" } }, async (request, reply) => {
    const body = toChatCompletionBody(validateBody(completionBodySchema, request.body));
    const stream = body.stream === true;
    const abort = inFlight.begin(reply);
    try {
      return await pipeline.complete(
        {
          origin: request,
          principal: principalOf(request),
          body,
          endpoint: "completions",
          mode: "live",
          stream,
          metadata: requestMetadata(request.headers["x-colibri-metadata"], undefined),
          signal: abort.signal,
          deferAllowed: deferAllowed(request),
          continuation: true,
        },
        async (delivery) => {
          const { answer, plan, meter } = delivery;
          setDeliveryHeaders(reply, delivery);
          const identity: TextCompletionIdentity = {
            id: `cmpl-${randomUUID()}`,
            created: Math.floor(options.now() / 1000),
            model: answer.model,
          };
          if (stream) {
            const includeUsage = body.stream_options?.include_usage === true;
            const streamed = await streamText(reply, identity, answer.events, meter, includeUsage);
            return { ...streamed, answer, result: undefined };
          }
          const collected = await pipeline.collect(delivery, identity);
          if (collected.answer !== answer) setRouteHeaders(reply, plan, collected.answer);
          const result = textCompletion(
            { ...identity, model: collected.answer.model },
            collected.text,
            collected.finishReason,
            meter.usage,
          );
          return { ...collected, result };
        },
      );
    } finally {
      inFlight.end(abort);
      if (stream && reply.raw.headersSent) reply.raw.end();
    }
  });
}

function textCompletion(
  identity: TextCompletionIdentity,
  text: string,
  finishReason: FinishReason | null,
  usage?: Usage,
) {
  return {
    id: identity.id,
    object: "text_completion" as const,
    created: identity.created,
    model: identity.model,
    choices: [{ text, index: 0, logprobs: null, finish_reason: finishReason }],
    ...(usage === undefined ? {} : { usage: toOpenAIUsage(usage) }),
  };
}

/** The continuation as `text_completion` chunks, then `data: [DONE]`; failures in-band. */
async function streamText(
  reply: FastifyReply,
  identity: TextCompletionIdentity,
  events: AsyncIterator<ChatEvent>,
  meter: Meter,
  includeUsage: boolean,
): Promise<{ text: string; finishReason: FinishReason | undefined }> {
  const stream = openEventStream(reply);
  let text = "";
  let finishReason: FinishReason | undefined;
  try {
    for (
      let result = await events.next();
      !result.done && !stream.closed;
      result = await events.next()
    ) {
      const event = result.value;
      if (event.type === "delta") {
        if (event.usage !== undefined) meter.usage = event.usage;
        if (event.text === "") continue;
        text += event.text;
        await stream.write(sseData(textCompletion(identity, event.text, null)));
      } else if (event.type === "done") {
        meter.usage = event.usage;
        finishReason = event.finishReason;
        await stream.write(sseData(textCompletion(identity, "", event.finishReason)));
        if (includeUsage) {
          await stream.write(
            sseData({
              ...textCompletion(identity, "", null),
              choices: [],
              usage: toOpenAIUsage(event.usage),
            }),
          );
        }
      }
    }
    await stream.write(sseDone);
  } catch (error) {
    const colibriError = toColibriError(error);
    meter.status = colibriError.status;
    meter.outcome = colibriError.status === 499 ? "abandoned" : "failed";
    await stream.write(sseData(errorBody(colibriError)));
  }
  if (stream.closed && meter.outcome === "completed") {
    meter.status = 499;
    meter.outcome = "abandoned";
  }
  return { text, finishReason };
}
