import type { FastifyInstance, FastifyReply } from "fastify";
import type { ChatPipeline } from "../../chat/chat-pipeline.js";
import type { Meter } from "../../chat/metering.js";
import { cacheControl } from "../../chat/response-caching.js";
import type { ChatEvent, FinishReason, ToolCall } from "../../core/chat.js";
import { toColibriError } from "../../core/errors.js";
import {
  responsesBodySchema,
  toChatCompletionBody,
  type ResponsesBody,
} from "../../openai/responses-request.js";
import {
  functionCallItem,
  itemId,
  messageItem,
  outputItems,
  outputText,
  responseId,
  responseObject,
  type OutputItem,
  type ResponseIdentity,
} from "../../openai/responses-response.js";
import { validateBody } from "../../openai/validate-body.js";
import type { InFlight } from "../in-flight.js";
import { requestMetadata } from "../request-metadata.js";
import { principalOf } from "../request-state.js";
import { deferAllowed, setDeliveryHeaders, setRouteHeaders } from "./answer-headers.js";
import { openEventStream } from "./event-stream.js";

export interface ResponsesRouteOptions {
  pipeline: ChatPipeline;
  inFlight: InFlight;
  now: () => number;
}

/**
 * POST /v1/responses (OpenAI's Responses API): the request is turned into a chat body and runs the
 * chat flow unchanged (admission, privacy guard, cache, router, accounting); the answer is written
 * as a response object, or as the Responses API's stream of events. Nothing is stored.
 */
export function registerResponses(app: FastifyInstance, options: ResponsesRouteOptions): void {
  const { pipeline, inFlight } = options;

  app.post("/v1/responses", { config: { access: "tenant" } }, async (request, reply) => {
    const body = validateBody(responsesBodySchema, request.body);
    const chatBody = toChatCompletionBody(body);
    const stream = body.stream === true;
    const abort = inFlight.begin(reply);
    try {
      return await pipeline.complete(
        {
          origin: request,
          principal: principalOf(request),
          body: chatBody,
          endpoint: "responses",
          mode: "live",
          stream,
          metadata: requestMetadata(request.headers["x-colibri-metadata"], chatBody.metadata),
          signal: abort.signal,
          cache: cacheControl(request.headers["cache-control"]),
          deferAllowed: deferAllowed(request),
        },
        async (delivery) => {
          const { answer, plan, meter } = delivery;
          setDeliveryHeaders(reply, delivery);
          const identity: ResponseIdentity = {
            id: responseId(),
            createdAt: Math.floor(options.now() / 1000),
            model: answer.model,
          };
          if (stream) {
            const streamed = await streamResponse(reply, identity, body, answer.events, meter);
            return { ...streamed, answer, result: undefined };
          }
          const collected = await pipeline.collect(delivery, {
            id: identity.id,
            created: identity.createdAt,
            model: answer.model,
          });
          if (collected.answer !== answer) setRouteHeaders(reply, plan, collected.answer);
          const result = responseObject({ ...identity, model: collected.answer.model }, body, {
            status: "completed",
            output: outputItems(collected.text, collected.toolCalls, collected.finishReason),
            finishReason: collected.finishReason,
            usage: meter.usage,
          });
          return { ...collected, result };
        },
      );
    } finally {
      inFlight.end(abort);
      if (stream && reply.raw.headersSent) reply.raw.end();
    }
  });
}

/**
 * Write the answer as the Responses API's events, each with its `sequence_number`: the response
 * created and in progress; its text as one message item (added, its part added, text deltas, the
 * text done, the part done, the item done); each tool call as a function_call item (added, its
 * arguments, done); then `response.completed` with the whole response. A failure after the
 * headers went out is an `error` event. Records on the meter what was generated.
 */
async function streamResponse(
  reply: FastifyReply,
  identity: ResponseIdentity,
  body: ResponsesBody,
  events: AsyncIterator<ChatEvent>,
  meter: Meter,
): Promise<{ text: string; finishReason: FinishReason | undefined }> {
  const stream = openEventStream(reply);
  let sequence = 0;
  const send = (type: string, payload: Record<string, unknown>): Promise<void> =>
    stream.write(
      `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...payload })}\n\n`,
    );

  const output: OutputItem[] = [];
  let text = "";
  let message: { id: string; index: number } | undefined;
  let finishReason: FinishReason | undefined;
  const calls: ToolCall[] = [];

  const openMessage = async (): Promise<{ id: string; index: number }> => {
    if (message !== undefined) return message;
    message = { id: itemId("msg"), index: output.length };
    output.push(messageItem(message.id, "", "in_progress"));
    await send("response.output_item.added", {
      output_index: message.index,
      item: { ...messageItem(message.id, "", "in_progress"), content: [] },
    });
    await send("response.content_part.added", {
      item_id: message.id,
      output_index: message.index,
      content_index: 0,
      part: outputText(""),
    });
    return message;
  };
  const closeMessage = async (status: "completed" | "incomplete"): Promise<void> => {
    if (message === undefined) return;
    const item = messageItem(message.id, text, status);
    output[message.index] = item;
    const where = { item_id: message.id, output_index: message.index, content_index: 0 };
    await send("response.output_text.done", { ...where, text, logprobs: [] });
    await send("response.content_part.done", { ...where, part: outputText(text) });
    await send("response.output_item.done", { output_index: message.index, item });
  };

  try {
    await send("response.created", {
      response: responseObject(identity, body, { status: "in_progress" }),
    });
    await send("response.in_progress", {
      response: responseObject(identity, body, { status: "in_progress" }),
    });
    for (
      let result = await events.next();
      !result.done && !stream.closed;
      result = await events.next()
    ) {
      const event = result.value;
      if (event.type === "delta") {
        if (event.usage !== undefined) meter.usage = event.usage;
        if (event.text === "") continue;
        const { id, index } = await openMessage();
        text += event.text;
        await send("response.output_text.delta", {
          item_id: id,
          output_index: index,
          content_index: 0,
          delta: event.text,
          logprobs: [],
        });
        continue;
      }
      if (event.type === "tool_call") {
        await closeMessage("completed");
        message = undefined;
        calls.push(event.call);
        await writeCall(send, output, event.call);
        continue;
      }
      meter.usage = event.usage;
      finishReason = event.finishReason;
      if (meter.confidence === null && event.confidence !== undefined) {
        meter.confidence = Math.exp(event.confidence.meanLogprob);
      }
      if (calls.length === 0) await openMessage();
      await closeMessage(event.finishReason === "length" ? "incomplete" : "completed");
      await send("response.completed", {
        response: responseObject(identity, body, {
          status: "completed",
          output,
          finishReason: event.finishReason,
          usage: event.usage,
        }),
      });
    }
  } catch (error) {
    const colibriError = toColibriError(error);
    meter.status = colibriError.status;
    meter.outcome = colibriError.status === 499 ? "abandoned" : "failed";
    await send("error", {
      code: colibriError.code,
      message: colibriError.message,
      param: colibriError.param,
    });
  }
  if (stream.closed && meter.outcome === "completed") {
    meter.status = 499;
    meter.outcome = "abandoned";
  }
  return { text, finishReason };
}

/** A function_call item: added with empty arguments, its arguments in one delta, done. */
async function writeCall(
  send: (type: string, payload: Record<string, unknown>) => Promise<void>,
  output: OutputItem[],
  call: ToolCall,
): Promise<void> {
  const index = output.length;
  const added = functionCallItem(call, "in_progress");
  const done = { ...functionCallItem(call, "completed"), id: added.id };
  output.push(done);
  await send("response.output_item.added", { output_index: index, item: added });
  const where = { item_id: added.id, output_index: index };
  await send("response.function_call_arguments.delta", { ...where, delta: call.arguments });
  await send("response.function_call_arguments.done", { ...where, arguments: call.arguments });
  await send("response.output_item.done", { output_index: index, item: done });
}
