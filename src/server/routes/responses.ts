import type { FastifyInstance } from "fastify";
import type { ChatEvent, ToolCall } from "../../core/chat.js";
import { ColibriError } from "../../core/errors.js";
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
import { sseEvent } from "../sse.js";
import { answerChat, type ChatAnswerOptions } from "./chat-answer.js";
import { openEventStream, type EventStream } from "./event-stream.js";
import { relayEvents } from "./relay-events.js";

/**
 * POST /v1/responses (OpenAI's Responses API): the request is turned into a chat body and runs the
 * chat flow unchanged (admission, privacy guard, cache, router, accounting); the answer is written
 * as a response object, or as the Responses API's stream of events. Nothing is stored.
 */
export function registerResponses(
  app: FastifyInstance,
  options: ChatAnswerOptions & { now: () => number },
): void {
  app.post("/v1/responses", { config: { access: "tenant" } }, async (request, reply) => {
    const body = validateBody(responsesBodySchema, request.body);
    const id = responseId();
    const createdAt = Math.floor(options.now() / 1000);
    return answerChat(
      request,
      reply,
      options,
      {
        body: toChatCompletionBody(body),
        endpoint: "responses",
        identity: { id, created: createdAt },
      },
      {
        stream: async ({ answer, meter }) => {
          const stream = openEventStream(reply);
          const writer = new ResponseEventWriter(
            stream,
            { id, createdAt, model: answer.model },
            body,
          );
          await writer.start();
          return relayEvents(
            stream,
            answer.events,
            meter,
            (event) => writer.write(event),
            (error) =>
              writer.frame("error", {
                code: error.code,
                message: error.message,
                param: error.param,
              }),
          );
        },
        whole: (collected, meter) =>
          responseObject({ id, createdAt, model: collected.answer.model }, body, {
            status: "completed",
            output: outputItems(collected.text, collected.toolCalls, collected.finishReason),
            finishReason: collected.finishReason,
            usage: meter.usage,
          }),
      },
    );
  });

  // What the OpenAI client offers on stored responses: a 404 that says why, not "unknown route".
  const stored = { config: { access: "tenant" as const } };
  const refuse = (request: { params: unknown }) => {
    throw notStored((request.params as { id: string }).id);
  };
  app.get("/v1/responses/:id", stored, refuse);
  app.delete("/v1/responses/:id", stored, refuse);
  app.post("/v1/responses/:id/cancel", stored, refuse);
  app.get("/v1/responses/:id/input_items", stored, refuse);
}

/** Why a stored response cannot be read, deleted or cancelled: none is stored. */
function notStored(id: string): ColibriError {
  return new ColibriError(
    `No response "${id}": Colibrí does not store responses (every response has store: false). Keep the output you need, and send the whole conversation in input.`,
    { code: "response_not_stored", status: 404, type: "not_found_error" },
  );
}

/**
 * The Responses API's events for one answer, each with its `sequence_number`: the response created
 * and in progress; its text as one message item (added, its part added, text deltas, the text
 * done, the part done, the item done); each tool call as a function_call item (added, its
 * arguments, done); then `response.completed` with the whole response.
 */
class ResponseEventWriter {
  readonly #output: OutputItem[] = [];
  #sequence = 0;
  #text = "";
  #message: { id: string; index: number } | undefined;
  #calls = 0;

  constructor(
    private readonly stream: EventStream,
    private readonly identity: ResponseIdentity,
    private readonly body: ResponsesBody,
  ) {}

  /** A frame of the stream, numbered. */
  frame(type: string, payload: Record<string, unknown>): string {
    const event = { type, sequence_number: this.#sequence++, ...payload };
    return sseEvent(event);
  }

  async start(): Promise<void> {
    const response = responseObject(this.identity, this.body, { status: "in_progress" });
    await this.#send("response.created", { response });
    await this.#send("response.in_progress", { response });
  }

  async write(event: ChatEvent): Promise<void> {
    switch (event.type) {
      case "delta": {
        if (event.text === "") return;
        const { id, index } = await this.#openMessage();
        this.#text += event.text;
        await this.#send("response.output_text.delta", {
          item_id: id,
          output_index: index,
          content_index: 0,
          delta: event.text,
          logprobs: [],
        });
        return;
      }
      case "tool_call":
        await this.#closeMessage("completed");
        this.#calls += 1;
        await this.#writeCall(event.call);
        return;
      case "done":
        if (this.#calls === 0) await this.#openMessage();
        await this.#closeMessage(event.finishReason === "length" ? "incomplete" : "completed");
        await this.#send("response.completed", {
          response: responseObject(this.identity, this.body, {
            status: "completed",
            output: this.#output,
            finishReason: event.finishReason,
            usage: event.usage,
          }),
        });
    }
  }

  #send(type: string, payload: Record<string, unknown>): Promise<void> {
    return this.stream.write(this.frame(type, payload));
  }

  async #openMessage(): Promise<{ id: string; index: number }> {
    if (this.#message !== undefined) return this.#message;
    const message = { id: itemId("msg"), index: this.#output.length };
    this.#message = message;
    this.#output.push(messageItem(message.id, "", "in_progress"));
    await this.#send("response.output_item.added", {
      output_index: message.index,
      item: { ...messageItem(message.id, "", "in_progress"), content: [] },
    });
    await this.#send("response.content_part.added", {
      item_id: message.id,
      output_index: message.index,
      content_index: 0,
      part: outputText(""),
    });
    return message;
  }

  async #closeMessage(status: "completed" | "incomplete"): Promise<void> {
    const message = this.#message;
    if (message === undefined) return;
    this.#message = undefined;
    const text = this.#text;
    this.#text = "";
    const item = messageItem(message.id, text, status);
    this.#output[message.index] = item;
    const where = { item_id: message.id, output_index: message.index, content_index: 0 };
    await this.#send("response.output_text.done", { ...where, text, logprobs: [] });
    await this.#send("response.content_part.done", { ...where, part: outputText(text) });
    await this.#send("response.output_item.done", { output_index: message.index, item });
  }

  /** A function_call item: added with empty arguments, its arguments in one delta, done. */
  async #writeCall(call: ToolCall): Promise<void> {
    const index = this.#output.length;
    const added = functionCallItem(call, "in_progress");
    const done = functionCallItem(call, "completed", added.id);
    this.#output.push(done);
    await this.#send("response.output_item.added", { output_index: index, item: added });
    const where = { item_id: added.id, output_index: index };
    await this.#send("response.function_call_arguments.delta", { ...where, delta: call.arguments });
    await this.#send("response.function_call_arguments.done", {
      ...where,
      arguments: call.arguments,
    });
    await this.#send("response.output_item.done", { output_index: index, item: done });
  }
}
