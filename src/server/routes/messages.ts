import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { toChatCompletionBody } from "../../anthropic/messages-request.js";
import {
  messageObject,
  MessageStreamTranslator,
  type MessageIdentity,
} from "../../anthropic/messages-response.js";
import { messagesBodySchema } from "../../anthropic/messages-schema.js";
import { validateBody } from "../../openai/validate-body.js";
import { anthropicErrorBody } from "../error-shape.js";
import { sseEvent } from "../sse.js";
import { answerChat, type ChatAnswerOptions } from "./chat-answer.js";
import { openEventStream } from "./event-stream.js";
import { relayEvents } from "./relay-events.js";

/**
 * POST /v1/messages, Anthropic's Messages API, served by any model through the same chat flow as
 * /v1/chat/completions: the body is translated to the OpenAI one the pipeline runs, and the
 * answer written as Anthropic's Message (JSON) or its event stream. Errors, auth ones included,
 * are answered in Anthropic's shape (`errorShape`), in the stream as an `error` event. The
 * `anthropic-version` header is accepted whatever its value: there is one version of the API here.
 */
export function registerMessages(app: FastifyInstance, options: ChatAnswerOptions): void {
  app.post(
    "/v1/messages",
    { config: { access: "tenant", errorShape: "anthropic" } },
    async (request, reply) => {
      const body = toChatCompletionBody(validateBody(messagesBodySchema, request.body));
      const id = `msg_${randomUUID().replaceAll("-", "")}`;
      const identity = (model: string): MessageIdentity => ({ id, model });
      return answerChat(
        request,
        reply,
        options,
        { body, endpoint: "messages", identity: { id, created: 0 } },
        {
          stream: ({ answer, meter }) => {
            const stream = openEventStream(reply);
            const translator = new MessageStreamTranslator(identity(answer.model));
            return relayEvents(
              stream,
              answer.events,
              meter,
              async (event) => {
                for (const frame of translator.translate(event)) {
                  await stream.write(sseEvent(frame));
                }
              },
              (error) => sseEvent(anthropicErrorBody(error)),
            );
          },
          whole: (collected, meter) =>
            messageObject(identity(collected.answer.model), collected, meter.usage),
        },
      );
    },
  );
}
