import type { BackendStatus, ChatEvent, ChatRequest, EmbeddingResult } from "../core/chat.js";
import type { CloudProvider, CloudProviderOptions, ProviderHealth } from "./cloud-provider.js";
import { parseJsonPayload } from "./json-payload.js";
import { openAIAnswerEvents } from "./openai-answer-events.js";
import { openAIChatBody, openAIEmbeddingsBody } from "./openai-request-body.js";
import { openAIEmbeddingsSchema } from "./openai-schemas.js";
import { ProviderRuntime } from "./provider-runtime.js";

export interface OpenAICompatibleProviderOptions extends CloudProviderOptions {
  /** The provider's own name of the model `embed` uses; default the default model's. */
  embeddingModel?: string;
}

/**
 * Any server speaking OpenAI's chat completions: OpenAI, Azure OpenAI (api-key header and
 * api-version query from config), Groq, OpenRouter, Together, vLLM, Ollama, llama.cpp's server,
 * another Colibrí. Calls `POST {baseUrl}/chat/completions` (always streamed) and
 * `POST {baseUrl}/embeddings`, with `Authorization: Bearer <apiKey>` when a key is given.
 */
export class OpenAICompatibleProvider implements CloudProvider {
  readonly kind = "openai";
  readonly name: string;
  readonly region: string | undefined;
  readonly models: readonly string[];
  readonly defaultModel: string;
  private readonly runtime: ProviderRuntime;
  private readonly embeddingModel: string | undefined;

  constructor(options: OpenAICompatibleProviderOptions) {
    const auth: Record<string, string> =
      options.apiKey === undefined ? {} : { authorization: `Bearer ${options.apiKey}` };
    this.runtime = new ProviderRuntime(options, auth);
    this.name = options.config.name;
    this.region = options.config.region;
    this.models = this.runtime.catalog.names;
    this.defaultModel = this.runtime.catalog.defaultModel;
    this.embeddingModel = options.embeddingModel;
  }

  get model(): string {
    return this.defaultModel;
  }

  chat(request: ChatRequest): AsyncIterable<ChatEvent> {
    return this.runtime.streamAnswer(
      request,
      "/chat/completions",
      openAIChatBody,
      openAIAnswerEvents,
    );
  }

  async embed(input: string[], signal?: AbortSignal): Promise<EmbeddingResult> {
    this.runtime.assertOpen();
    const model = this.embeddingModel ?? this.runtime.catalog.upstreamName(undefined);
    const { transport, context } = this.runtime;
    const result = await this.runtime.caller.call(signal, async (attemptSignal) => {
      const response = await transport.post(
        "/embeddings",
        openAIEmbeddingsBody(input, model),
        attemptSignal,
      );
      try {
        return parseJsonPayload(
          await response.text(),
          openAIEmbeddingsSchema,
          context.name,
          "The embeddings",
        );
      } finally {
        response.close();
      }
    });
    const embeddings = [...result.data]
      .sort((a, b) => a.index - b.index)
      .map((item) => item.embedding);
    return {
      embeddings,
      promptTokens: result.usage?.prompt_tokens ?? Math.ceil(input.join("").length / 4),
    };
  }

  status(): BackendStatus {
    return this.runtime.status();
  }

  probe(signal?: AbortSignal): Promise<void> {
    return this.runtime.probe(signal);
  }

  health(): ProviderHealth {
    return this.runtime.health(this.kind);
  }

  isAvailable(): boolean {
    return this.runtime.isAvailable();
  }

  close(): Promise<void> {
    return this.runtime.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
