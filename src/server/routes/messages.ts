import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { toChatCompletionBody } from "../../anthropic/messages-request.js";
import {
  messageObject,
  MessageStreamTranslator,
  type MessageIdentity,
} from "../../anthropic/messages-response.js";
import { countTokensBodySchema, messagesBodySchema } from "../../anthropic/messages-schema.js";
import type { ChatBackend } from "../../core/chat.js";
import { ServiceUnavailableError } from "../../core/errors.js";
import { toChatMessages, toChatRequest } from "../../openai/chat-request.js";
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
export function registerMessages(
  app: FastifyInstance,
  options: ChatAnswerOptions & { backend: ChatBackend },
): void {
  // The prompt's tokens on the local model, its template and tools included: what clients budget
  // a context with. A cloud model's tokenizer would count otherwise, and no cloud is asked.
  app.post(
    "/v1/messages/count_tokens",
    { config: { access: "tenant", errorShape: "anthropic" } },
    (request) => {
      const parsed = validateBody(countTokensBodySchema, request.body);
      const body = toChatCompletionBody({ ...parsed, max_tokens: parsed.max_tokens ?? 1 });
      const { backend } = options;
      if (backend.countTokens === undefined) {
        throw new ServiceUnavailableError("This server's local model cannot count tokens.");
      }
      const chat = toChatRequest(body, toChatMessages(body.messages), 1);
      return { input_tokens: backend.countTokens(chat) };
    },
  );

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
