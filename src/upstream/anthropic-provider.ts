import type { BackendStatus, ChatEvent, ChatRequest, EmbeddingResult } from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";
import { anthropicAnswerEvents } from "./anthropic-answer-events.js";
import { anthropicMessagesBody } from "./anthropic-request-body.js";
import type { CloudProvider, CloudProviderOptions, ProviderHealth } from "./cloud-provider.js";
import { ProviderRuntime } from "./provider-runtime.js";

/** The Messages API version this provider speaks. */
export const anthropicVersion = "2023-06-01";

/**
 * Anthropic's Messages API: `POST {baseUrl}/messages` (always streamed) with `x-api-key` and
 * `anthropic-version`. Anthropic has no embeddings endpoint, so `embed` always fails.
 */
export class AnthropicProvider implements CloudProvider {
  readonly kind = "anthropic";
  readonly name: string;
  readonly region: string | undefined;
  readonly models: readonly string[];
  readonly defaultModel: string;
  private readonly runtime: ProviderRuntime;

  constructor(options: CloudProviderOptions) {
    const headers: Record<string, string> = { "anthropic-version": anthropicVersion };
    if (options.apiKey !== undefined) headers["x-api-key"] = options.apiKey;
    this.runtime = new ProviderRuntime(options, headers);
    this.name = options.config.name;
    this.region = options.config.region;
    this.models = this.runtime.catalog.names;
    this.defaultModel = this.runtime.catalog.defaultModel;
  }

  get model(): string {
    return this.defaultModel;
  }

  chat(request: ChatRequest): AsyncIterable<ChatEvent> {
    return this.runtime.streamAnswer(
      request,
      "/messages",
      anthropicMessagesBody,
      anthropicAnswerEvents,
    );
  }

  embed(_input: string[], _signal?: AbortSignal): Promise<EmbeddingResult> {
    return Promise.reject(
      new InvalidRequestError(
        `Provider "${this.name}" speaks Anthropic's Messages API, which has no embeddings endpoint. Send embeddings to the local model or to an OpenAI-compatible provider.`,
        "model",
      ),
    );
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
