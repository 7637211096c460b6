import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ChatPipeline } from "../../chat/chat-pipeline.js";
import type { ChatEvent } from "../../core/chat.js";
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
import { sseData, sseDone } from "../sse.js";
import { answerChat } from "./chat-answer.js";
import { openEventStream } from "./event-stream.js";
import { relayEvents } from "./relay-events.js";

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
  app.post("/v1/chat/completions", { config: { access: "tenant" } }, async (request, reply) => {
    const body = validateBody(chatCompletionBodySchema, request.body);
    if (options.logPrompts) request.log.info({ messages: body.messages }, "prompt (logPrompts on)");
    const identity = { id: `chatcmpl-${randomUUID()}`, created: Math.floor(options.now() / 1000) };
    return answerChat(
      request,
      reply,
      options,
      { body, endpoint: "chat.completions", identity },
      {
        stream: async ({ answer, meter }) => {
          const stream = openEventStream(reply);
          const streamed = { ...identity, model: answer.model };
          const includeUsage = body.stream_options?.include_usage === true;
          await stream.write(
            sseData(chunkObject(streamed, { role: "assistant", content: "" }, null)),
          );
          const relayed = await relayEvents(
            stream,
            answer.events,
            meter,
            async (event) => {
              for (const frame of chunkFrames(streamed, event, includeUsage)) {
                await stream.write(frame);
              }
            },
            (error) => sseData(errorBody(error)),
          );
          // An answer that ended ends with [DONE]; a failure was written in-band instead.
          if (relayed.finishReason !== undefined) await stream.write(sseDone);
          logCompletion(request, options.logPrompts, relayed.text);
          return relayed;
        },
        whole: (collected) => {
          logCompletion(request, options.logPrompts, collected.text);
          return collected.body;
        },
      },
    );
  });
}

/** One answer event as OpenAI's chunks: text, a whole tool call, the finish (and usage). */
function chunkFrames(
  identity: CompletionIdentity,
  event: ChatEvent,
  includeUsage: boolean,
): string[] {
  switch (event.type) {
    case "delta": {
      const logprobs = event.logprobs.length > 0 ? event.logprobs : undefined;
      return [sseData(chunkObject(identity, { content: event.text }, null, logprobs))];
    }
    case "tool_call": {
      // A whole call in one chunk: its id, name and all its arguments (clients join fragments).
      const call = { index: event.index, ...toOpenAIToolCall(event.call) };
      return [sseData(chunkObject(identity, { tool_calls: [call] }, null))];
    }
    case "done":
      return [
        sseData(chunkObject(identity, {}, event.finishReason)),
        ...(includeUsage ? [sseData(usageChunkObject(identity, event.usage))] : []),
      ];
  }
}

function logCompletion(request: FastifyRequest, logPrompts: boolean, text: string): void {
  if (logPrompts) request.log.info({ completion: text }, "completion");
}
