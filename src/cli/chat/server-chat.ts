import { z } from "zod";
import type { ChatEvent } from "../../core/chat.js";
import { ColibriError } from "../../core/errors.js";
import { parseJsonText } from "../../upstream/json-payload.js";
import { OpenAIAnswerTranslator } from "../../upstream/openai-answer-translator.js";
import { openAIChunkSchema } from "../../upstream/openai-schemas.js";
import { readServerSentEvents } from "../../upstream/server-sent-events.js";
import type { AnswerStream, ChatTarget, ChatTurn } from "./chat-target.js";

const healthSchema = z.object({ status: z.literal("ok") });
const modelsSchema = z.object({ data: z.array(z.object({ id: z.string() })) });
const errorSchema = z.object({
  error: z.object({ message: z.string(), code: z.string().nullish() }),
});

/**
 * Whether a Colibrí server answers `GET /health` at `url` within `timeoutMs`. Nothing listening,
 * no answer in time, or an answer of another kind: false.
 */
export async function isColibriServer(
  url: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<boolean> {
  try {
    const response = await (options.fetch ?? fetch)(`${url}/health`, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 1000),
    });
    return healthSchema.safeParse(parseJsonText(await response.text())).success;
  } catch {
    return false;
  }
}

export interface ServerChatOptions {
  /** Base URL, e.g. http://127.0.0.1:8080 (no /v1). */
  url: string;
  /** Sent as `Authorization: Bearer`; undefined: no header. */
  apiKey: string | undefined;
  /** `auto`, `local`, the local model's name or a cloud model's. */
  model: string;
  fetch?: typeof fetch;
}

/** Answers from a running Colibrí server, through its OpenAI-compatible streaming API. */
export class ServerChat implements ChatTarget {
  readonly where: string;
  #model: string;
  #served: string[] | undefined;
  readonly #options: ServerChatOptions;
  readonly #fetch: typeof fetch;

  constructor(options: ServerChatOptions) {
    this.#options = options;
    this.#model = options.model;
    this.#fetch = options.fetch ?? fetch;
    this.where = `the Colibrí server at ${options.url}`;
  }

  get model(): string {
    return this.#model;
  }

  /** What `GET /v1/models` lists (read once); a wrong key fails here with the server's 401. */
  async models(): Promise<string[]> {
    if (this.#served === undefined) {
      const response = await this.#request("/v1/models", {});
      const listed = modelsSchema.safeParse(parseJsonText(await response.text()));
      if (!listed.success) throw this.#unreadable("its model list (GET /v1/models)");
      this.#served = listed.data.data.map((entry) => entry.id);
    }
    return this.#served;
  }

  async useModel(name: string): Promise<string | undefined> {
    const served = await this.models();
    if (!served.includes(name)) {
      return `${capitalized(this.where)} does not serve '${name}'. It serves: ${served.join(", ")}.`;
    }
    this.#model = name;
    return undefined;
  }

  async answer(turn: ChatTurn): Promise<AnswerStream> {
    const { temperature, maxTokens } = turn.sampling;
    const response = await this.#request("/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: this.#model,
        messages: turn.messages,
        stream: true,
        stream_options: { include_usage: true },
        ...(temperature === undefined ? {} : { temperature }),
        ...(maxTokens === undefined ? {} : { max_tokens: maxTokens }),
      }),
      signal: turn.signal,
    });
    const route = response.headers.get("x-colibri-route");
    return {
      ...(route === null
        ? {}
        : { route: { route, reason: response.headers.get("x-colibri-reason") ?? "" } }),
      events: this.#events(response, turn.signal),
    };
  }

  [Symbol.asyncDispose](): Promise<void> {
    return Promise.resolve();
  }

  async #request(path: string, init: RequestInit): Promise<Response> {
    const { apiKey } = this.#options;
    let response: Response;
    try {
      response = await this.#fetch(`${this.#options.url}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string> | undefined),
          ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }),
        },
      });
    } catch (error) {
      if (init.signal?.aborted === true) throw error;
      throw this.#unreachable(error);
    }
    if (!response.ok) {
      const failure = errorSchema.safeParse(parseJsonText(await response.text()));
      const message = failure.success ? failure.data.error.message : response.statusText;
      const hint =
        response.status === 401
          ? ' (chat sends --api-key, else COLIBRI_API_KEY, else "local")'
          : "";
      throw new ColibriError(
        `${capitalized(this.where)} refused the request (${response.status}): ${oneLine(message)}${hint}`,
        {
          code: (failure.success ? failure.data.error.code : undefined) ?? "server_refused",
          status: response.status,
        },
      );
    }
    return response;
  }

  /** The answer's events from its SSE body, up to `data: [DONE]`. */
  async *#events(response: Response, signal: AbortSignal): AsyncGenerator<ChatEvent> {
    if (response.body === null) throw this.#unreadable("an empty answer");
    const translator = new OpenAIAnswerTranslator(0);
    try {
      for await (const message of readServerSentEvents(response.body)) {
        if (message.data.trim() === "[DONE]") {
          yield* translator.finish();
          return;
        }
        const payload = parseJsonText(message.data);
        const failure = errorSchema.safeParse(payload);
        if (failure.success) {
          throw new ColibriError(
            `${capitalized(this.where)} stopped the answer: ${oneLine(failure.data.error.message)}`,
            { code: failure.data.error.code ?? "server_error", status: 502 },
          );
        }
        const chunk = openAIChunkSchema.safeParse(payload);
        if (!chunk.success) throw this.#unreadable(`a stream chunk (${message.data.slice(0, 80)})`);
        const event = translator.chunk(chunk.data);
        if (event !== undefined) yield event;
      }
    } catch (error) {
      if (signal.aborted || error instanceof ColibriError) throw error;
      throw this.#unreachable(error);
    }
    throw new ColibriError(`${capitalized(this.where)} ended the answer before its end ([DONE]).`, {
      code: "server_bad_response",
      status: 502,
    });
  }

  #unreachable(error: unknown): ColibriError {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new ColibriError(
      `Could not reach ${this.where} (${detail}). Is \`colibri serve\` still running?`,
      { code: "server_unreachable", status: 503, isRetryable: true, cause: error },
    );
  }

  #unreadable(what: string): ColibriError {
    return new ColibriError(
      `${capitalized(this.where)} sent ${what} that chat cannot read. Is --url a Colibrí server?`,
      { code: "server_bad_response", status: 502 },
    );
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
