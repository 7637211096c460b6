import {
  embeddingMismatches,
  type EmbeddingModelMismatch,
} from "../../knowledge/embedding-model-check.js";
import type { FastifyInstance } from "fastify";
import { warnOfMismatches } from "./answer-headers.js";
import type { ChatEvent, ToolCall } from "../../core/chat.js";
import { ColibriError, InvalidRequestError } from "../../core/errors.js";
import type {
  KnowledgeBase,
  KnowledgeHit,
  KnowledgeRepository,
} from "../../core/records/knowledge.js";
import { citationsIn, groundingMessage } from "../../knowledge/grounding.js";
import type { TextEmbedder } from "../../embedding/text-embedder.js";
import { searchKnowledge } from "../../knowledge/knowledge-base.js";
import {
  fileSearchOf,
  responsesBodySchema,
  searchQuery,
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
  type FileCitation,
  type FileSearchCallItem,
  type OutputItem,
  type ResponseIdentity,
} from "../../openai/responses-response.js";
import { validateBody } from "../../openai/validate-body.js";
import { principalOf } from "../request-state.js";
import { sseEvent } from "../sse.js";
import { answerChat, type ChatAnswerOptions } from "./chat-answer.js";
import { openEventStream, type EventStream } from "./event-stream.js";
import { relayEvents } from "./relay-events.js";
import { notFound, searchResult } from "./vector-stores.js";

/** Passages a file search gives the model when the request does not say (max_num_results). */
const defaultSearchResults = 5;

/** Passages the model was given: how to read the answer's citations, and the search's item. */
interface Grounding {
  /** The file_search_call item, when the request's file_search tool ran. */
  item?: FileSearchCallItem;
  citations: (text: string) => FileCitation[];
}

/** A file search that ran before the answer. */
interface FileSearch extends Grounding {
  item: FileSearchCallItem;
  /** The system message with the passages found. */
  grounding: string;
}

/**
 * POST /v1/responses (OpenAI's Responses API): the request is turned into a chat body and runs the
 * chat flow unchanged (admission, privacy guard, cache, router, accounting); the answer is written
 * as a response object, or as the Responses API's stream of events. Nothing is stored. With a
 * file_search tool, the tenant's vector stores are searched for the last user message first, the
 * passages found go to the model as a system message (so they pass the privacy guard like any
 * text bound for a cloud), and the [n] citations of the answer become file_citation annotations.
 */
export function registerResponses(
  app: FastifyInstance,
  options: ChatAnswerOptions & {
    now: () => number;
    /** The tenants' vector stores, for file_search; without them it is refused. */
    knowledge?: KnowledgeRepository;
    /** The sentence-embedding model, for hybrid retrieval; without it, BM25 alone. */
    embedder?: TextEmbedder;
  },
): void {
  app.post("/v1/responses", { config: { access: "tenant" } }, async (request, reply) => {
    const body = validateBody(responsesBodySchema, request.body);
    const tenantId = principalOf(request).tenant.id;
    const search = await fileSearch(
      body,
      tenantId,
      options.knowledge,
      options.embedder,
      (mismatches) => {
        warnOfMismatches(request, reply, mismatches);
      },
    );
    // A copilot is grounded here rather than in answerChat, so its citations become annotations.
    const chatBody = toChatCompletionBody(body, search?.grounding);
    const copilot = await options.copilots?.prepare(chatBody, tenantId);
    if (copilot !== undefined) warnOfMismatches(request, reply, copilot.mismatches);
    if (copilot !== undefined && search !== undefined) {
      throw new InvalidRequestError(
        "A copilot searches its own knowledge bases: leave out the file_search tool, or call a model with it.",
        "tools",
      );
    }
    const grounded: Grounding | undefined =
      copilot === undefined ? search : { citations: (text) => fileCitations(text, copilot.hits) };
    const id = responseId();
    const createdAt = Math.floor(options.now() / 1000);
    return answerChat(
      request,
      reply,
      options,
      {
        body: copilot?.body ?? chatBody,
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
            grounded,
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
            output: outputItems(
              collected.text,
              collected.toolCalls,
              collected.finishReason,
              grounded,
            ),
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

/**
 * Run the request's file search, if it has one: the tenant's stores it names (another tenant's
 * are not found), searched for the last user message.
 */
async function fileSearch(
  body: ResponsesBody,
  tenantId: string,
  knowledge: KnowledgeRepository | undefined,
  embedder: TextEmbedder | undefined,
  onMismatch: (mismatches: EmbeddingModelMismatch[]) => void,
): Promise<FileSearch | undefined> {
  const tool = fileSearchOf(body);
  if (tool === undefined) {
    if (typeof body.tool_choice === "object" && body.tool_choice?.type === "file_search") {
      throw new InvalidRequestError(
        'tool_choice names file_search, but no file_search tool is declared: add {"type": "file_search", "vector_store_ids": ["vs_…"]} to tools.',
        "tool_choice",
      );
    }
    return undefined;
  }
  if (knowledge === undefined) {
    throw new InvalidRequestError(
      "file_search needs vector stores, which this server does not serve (the files feature is off).",
      "tools",
    );
  }
  const stores = knowledge.forTenant(tenantId);
  const bases: KnowledgeBase[] = [];
  for (const storeId of tool.vector_store_ids) {
    const base = await stores.getBase(storeId);
    if (base === undefined) throw notFound("vector store", storeId, "tools");
    bases.push(base);
  }
  const mismatches = embeddingMismatches(bases, embedder);
  if (mismatches.length > 0) onMismatch(mismatches);
  const query = searchQuery(body);
  const hits = await searchKnowledge(
    stores,
    bases,
    query,
    tool.max_num_results ?? defaultSearchResults,
    embedder,
  );
  const results = body.include?.includes("file_search_call.results") === true;
  return {
    item: {
      type: "file_search_call",
      id: itemId("fs"),
      status: "completed",
      queries: [query],
      results: results
        ? hits.map((hit) => {
            const { file_id, filename, score, attributes } = searchResult(hit);
            return { file_id, filename, score, text: hit.text, attributes };
          })
        : null,
    },
    grounding: groundingMessage(hits),
    citations: (text) => fileCitations(text, hits),
  };
}

/** The answer's citations of these passages, as file_citation annotations. */
function fileCitations(text: string, hits: readonly KnowledgeHit[]): FileCitation[] {
  return citationsIn(text, hits).map(({ index, hit }) => ({
    type: "file_citation",
    index,
    file_id: hit.documentId,
    filename: hit.documentName,
  }));
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
 * arguments, done); then `response.completed` with the whole response. A file search that ran
 * first is its own item before them (added, in progress, searching, completed, done), and the
 * citations in the text are announced (`response.output_text.annotation.added`) when it is done.
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
    private readonly search: Grounding | undefined,
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
    if (this.search?.item !== undefined) await this.#writeSearch(this.search.item);
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
    const annotations = this.search?.citations(text) ?? [];
    const item = messageItem(message.id, text, status, annotations);
    this.#output[message.index] = item;
    const where = { item_id: message.id, output_index: message.index, content_index: 0 };
    for (const [index, annotation] of annotations.entries()) {
      await this.#send("response.output_text.annotation.added", {
        ...where,
        annotation_index: index,
        annotation,
      });
    }
    await this.#send("response.output_text.done", { ...where, text, logprobs: [] });
    await this.#send("response.content_part.done", {
      ...where,
      part: outputText(text, annotations),
    });
    await this.#send("response.output_item.done", { output_index: message.index, item });
  }

  /** The file search, already run: its item added, its three states, the item done. */
  async #writeSearch(item: FileSearchCallItem): Promise<void> {
    const index = this.#output.length;
    this.#output.push(item);
    await this.#send("response.output_item.added", {
      output_index: index,
      item: { ...item, status: "in_progress", results: null },
    });
    const where = { item_id: item.id, output_index: index };
    await this.#send("response.file_search_call.in_progress", where);
    await this.#send("response.file_search_call.searching", where);
    await this.#send("response.file_search_call.completed", where);
    await this.#send("response.output_item.done", { output_index: index, item });
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
