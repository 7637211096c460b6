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
import { assertServesModel } from "../model-aliases.js";
import { chatCompletionBodySchema } from "../openai-schemas.js";
import { sseData, sseDone } from "../sse.js";
import { validateBody } from "../validate-body.js";

export interface ChatRouteOptions {
  backend: ChatBackend;
  defaultMaxTokens: number;
  inFlight: InFlight;
  now: () => number;
}

export function registerChatCompletions(app: FastifyInstance, options: ChatRouteOptions): void {
  const { backend, inFlight } = options;

  app.post("/v1/chat/completions", async (request, reply) => {
    const body = validateBody(chatCompletionBodySchema, request.body);
    assertServesModel(body.model, backend.model);

    const abort = inFlight.begin(reply);
    const chatRequest = toChatRequest(body, options.defaultMaxTokens, abort.signal);
    const identity: CompletionIdentity = {
      id: `chatcmpl-${randomUUID()}`,
      created: Math.floor(options.now() / 1000),
      model: backend.model,
    };
    const events = backend.chat(chatRequest)[Symbol.asyncIterator]();
    try {
      // The first event is awaited before any byte is sent, so queue-full and validation errors
      // still get a proper status code instead of an error inside a 200 stream.
      const first = await events.next();
      void reply.header("x-colibri-route", "local");
      if (body.stream === true) {
        await streamCompletion(reply, identity, first, events, body.stream_options?.include_usage);
        return undefined; // hijacked: the stream has been written and ended
      }
      return await collectCompletion(reply, identity, first, events);
    } finally {
      await events.return?.();
      inFlight.end(abort);
    }
  });
}

async function collectCompletion(
  reply: FastifyReply,
  identity: CompletionIdentity,
  first: IteratorResult<ChatEvent>,
  events: AsyncIterator<ChatEvent>,
) {
  let text = "";
  let logprobs: TokenLogprob[] | undefined;
  for (let result = first; !result.done; result = await events.next()) {
    const event = result.value;
    if (event.type === "delta") {
      text += event.text;
      if (event.logprobs.length > 0) (logprobs ??= []).push(...event.logprobs);
      continue;
    }
    void reply.header("x-colibri-confidence", Math.exp(event.confidence.meanLogprob).toFixed(4));
    return completionObject(identity, text, event.finishReason, event.usage, logprobs);
  }
  throw new Error("The backend ended without a final event.");
}

async function streamCompletion(
  reply: FastifyReply,
  identity: CompletionIdentity,
  first: IteratorResult<ChatEvent>,
  events: AsyncIterator<ChatEvent>,
  includeUsage: boolean | undefined,
): Promise<void> {
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

  try {
    await write(sseData(chunkObject(identity, { role: "assistant", content: "" }, null)));
    for (let result = first; !result.done && !raw.destroyed; result = await events.next()) {
      const event = result.value;
      if (event.type === "delta") {
        const logprobs = event.logprobs.length > 0 ? event.logprobs : undefined;
        await write(sseData(chunkObject(identity, { content: event.text }, null, logprobs)));
        continue;
      }
      await write(sseData(chunkObject(identity, {}, event.finishReason)));
      if (includeUsage === true) await write(sseData(usageChunkObject(identity, event.usage)));
    }
    await write(sseDone);
  } catch (error) {
    // Headers are gone: report the failure in-band the way OpenAI does, then end the stream.
    await write(sseData(errorBody(toColibriError(error))));
  } finally {
    raw.end();
  }
}
