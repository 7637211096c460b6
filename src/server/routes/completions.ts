import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { FinishReason, Usage } from "../../core/chat.js";
import { toOpenAIUsage, type CompletionIdentity } from "../../openai/chat-response.js";
import { completionBodySchema, toChatCompletionBody } from "../../openai/completions-request.js";
import { errorBody } from "../../openai/error-body.js";
import { validateBody } from "../../openai/validate-body.js";
import { sseData, sseDone } from "../sse.js";
import { answerChat, type ChatAnswerOptions } from "./chat-answer.js";
import { openEventStream } from "./event-stream.js";
import { relayEvents } from "./relay-events.js";

/**
 * POST /v1/completions (legacy text completions): the prompt runs the chat flow as a continuation
 * (see completions-request.ts); the answer is written as a `text_completion`, whole or streamed.
 */
export function registerCompletions(
  app: FastifyInstance,
  options: ChatAnswerOptions & { now: () => number },
): void {
  app.post("/v1/completions", { config: { access: "tenant" } }, async (request, reply) => {
    const body = toChatCompletionBody(validateBody(completionBodySchema, request.body));
    const identity = { id: `cmpl-${randomUUID()}`, created: Math.floor(options.now() / 1000) };
    return answerChat(
      request,
      reply,
      options,
      { body, endpoint: "completions", identity, continuation: true },
      {
        stream: async ({ answer, meter }) => {
          const stream = openEventStream(reply);
          const streamed = { ...identity, model: answer.model };
          const includeUsage = body.stream_options?.include_usage === true;
          const relayed = await relayEvents(
            stream,
            answer.events,
            meter,
            async (event) => {
              if (event.type === "delta" && event.text !== "") {
                await stream.write(sseData(textCompletion(streamed, event.text, null)));
              } else if (event.type === "done") {
                await stream.write(sseData(textCompletion(streamed, "", event.finishReason)));
                if (includeUsage) {
                  const usage = { ...textCompletion(streamed, "", null, event.usage), choices: [] };
                  await stream.write(sseData(usage));
                }
              }
            },
            (error) => sseData(errorBody(error)),
          );
          if (relayed.finishReason !== undefined) await stream.write(sseDone);
          return relayed;
        },
        whole: (collected, meter) =>
          textCompletion(
            { ...identity, model: collected.answer.model },
            collected.text,
            collected.finishReason,
            meter.usage,
          ),
      },
    );
  });
}

function textCompletion(
  identity: CompletionIdentity,
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
