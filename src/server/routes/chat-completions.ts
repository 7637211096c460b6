import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ChatBackend, ChatEvent, TokenLogprob } from "../../core/chat.js";
import { toColibriError } from "../../core/errors.js";
import { toChatRequest } from "../chat-request.js";
import {
  chunkObject,
  completionObject,
  usageChunkObject,
  type CompletionIdentity,
} from "../chat-response.js";
import { errorBody } from "../error-body.js";
import type { InFlight } from "../in-flight.js";
import { metered, type Meter, type MeteringContext } from "../metering.js";
import { assertServesModel } from "../model-aliases.js";
import { chatCompletionBodySchema } from "../openai-schemas.js";
import { sseData, sseDone } from "../sse.js";
import { validateBody } from "../validate-body.js";

export interface ChatRouteOptions {
  backend: ChatBackend;
  defaultMaxTokens: number;
  /** Debug only: log prompt and completion text. */
  logPrompts: boolean;
  inFlight: InFlight;
  metering: MeteringContext;
  now: () => number;
}

export function registerChatCompletions(app: FastifyInstance, options: ChatRouteOptions): void {
  const { backend, inFlight } = options;

  app.post("/v1/chat/completions", async (request, reply) => {
    const body = validateBody(chatCompletionBodySchema, request.body);
    assertServesModel(body.model, backend.model);
    const stream = body.stream === true;
    if (options.logPrompts) request.log.info({ messages: body.messages }, "prompt (logPrompts on)");

    const call = {
      endpoint: "chat.completions" as const,
      model: backend.model,
      target: "local",
      stream,
    };
    try {
      return await metered(options.metering, request, call, async (meter) => {
        const abort = inFlight.begin(reply);
        const chatRequest = toChatRequest(body, options.defaultMaxTokens, abort.signal);
        const identity: CompletionIdentity = {
          id: `chatcmpl-${randomUUID()}`,
          created: Math.floor(options.now() / 1000),
          model: backend.model,
        };
        const events = backend.chat(chatRequest)[Symbol.asyncIterator]();
        try {
          // The first event is awaited before any byte is sent, so queue-full and validation
          // errors still get a proper status code instead of an error inside a 200 stream.
          const first = await events.next();
          void reply.header("x-colibri-route", "local");
          if (stream) {
            const { text } = await streamCompletion(reply, identity, first, events, meter, {
              includeUsage: body.stream_options?.include_usage === true,
            });
            if (options.logPrompts) request.log.info({ completion: text }, "completion");
            return undefined; // hijacked: the frames have been written
          }
          const completion = await collectCompletion(reply, identity, first, events, meter);
          if (options.logPrompts) request.log.info({ completion: completion.text }, "completion");
          return completion.body;
        } finally {
          await events.return?.();
          inFlight.end(abort);
        }
      });
    } finally {
      // A stream ends only after its usage is settled, so a client holding [DONE] can see it.
      if (stream && reply.raw.headersSent) reply.raw.end();
    }
  });
}

async function collectCompletion(
  reply: FastifyReply,
  identity: CompletionIdentity,
  first: IteratorResult<ChatEvent>,
  events: AsyncIterator<ChatEvent>,
  meter: Meter,
) {
  let text = "";
  let logprobs: TokenLogprob[] | undefined;
  for (let result = first; !result.done; result = await events.next()) {
    const event = result.value;
    if (event.type === "delta") {
      text += event.text;
      if (event.usage !== undefined) meter.usage = event.usage;
      if (event.logprobs.length > 0) (logprobs ??= []).push(...event.logprobs);
      continue;
    }
    meter.usage = event.usage;
    if (event.confidence !== undefined) {
      void reply.header("x-colibri-confidence", Math.exp(event.confidence.meanLogprob).toFixed(4));
    }
    return {
      text,
      body: completionObject(identity, text, event.finishReason, event.usage, logprobs),
    };
  }
  throw new Error("The backend ended without a final event.");
}

/**
 * Write the completion as SSE frames. Does not end the response: the caller ends it after
 * settling usage. Records on the meter what was generated, also when the client goes away.
 */
async function streamCompletion(
  reply: FastifyReply,
  identity: CompletionIdentity,
  first: IteratorResult<ChatEvent>,
  events: AsyncIterator<ChatEvent>,
  meter: Meter,
  options: { includeUsage: boolean },
): Promise<{ text: string }> {
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
  try {
    await write(sseData(chunkObject(identity, { role: "assistant", content: "" }, null)));
    for (let result = first; !result.done && !raw.destroyed; result = await events.next()) {
      const event = result.value;
      if (event.type === "delta") {
        text += event.text;
        if (event.usage !== undefined) meter.usage = event.usage;
        const logprobs = event.logprobs.length > 0 ? event.logprobs : undefined;
        await write(sseData(chunkObject(identity, { content: event.text }, null, logprobs)));
        continue;
      }
      meter.usage = event.usage;
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
  return { text };
}
