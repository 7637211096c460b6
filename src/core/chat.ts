/**
 * The backend contract shared by the local engine and every cloud provider: a chat request
 * in, an async stream of events out, with usage and token probabilities where available.
 * Plain data only: no HTTP, no node-llama-cpp.
 */
export type ChatRole = "system" | "user" | "assistant" | "tool";

export interface ChatMessage {
  role: ChatRole;
  content: string;
  /** An assistant message's calls of the request's tools (OpenAI `tool_calls`). */
  toolCalls?: ToolCall[];
  /** A tool message: the id of the call whose result it carries (OpenAI `tool_call_id`). */
  toolCallId?: string;
}

/** One call of a tool the request declared; `arguments` is the JSON text of its parameters. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** A function the model may call (OpenAI `tools[].function`, Anthropic `tools[]`). */
export interface ToolDefinition {
  name: string;
  description?: string;
  /** The JSON schema of its arguments; undefined: it takes none. */
  parameters?: Record<string, unknown>;
}

/**
 * Whether the model must call a tool: `auto` lets it choose, `none` forbids it, `required` asks for
 * at least one call, `{ name }` for a call of that function.
 */
export type ToolChoice = "auto" | "none" | "required" | { name: string };

export interface ToolUse {
  definitions: ToolDefinition[];
  choice: ToolChoice;
  /** Whether several calls may come in one answer (OpenAI `parallel_tool_calls`, default true). */
  parallel: boolean;
}

export interface SamplingOptions {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
  seed?: number;
  /**
   * OpenAI's `frequency_penalty` and `presence_penalty` (-2 to 2): subtracted from a token's logit
   * per earlier occurrence, and once for having occurred. Cloud providers that have them get them
   * unchanged; the local engine applies them over its recent answer tokens.
   */
  frequencyPenalty?: number;
  presencePenalty?: number;
}

export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: Record<string, unknown> };

export interface ChatRequest {
  /**
   * For a backend that serves several models (a cloud provider): the client-facing model name to
   * use; default the backend's own default. The local engine serves one model and ignores it.
   */
  model?: string;
  messages: ChatMessage[];
  sampling: SamplingOptions;
  responseFormat?: ResponseFormat;
  /** The tools the model may call; undefined: none declared. */
  tools?: ToolUse;
  /**
   * A legacy text completion: the one user message is text to continue, not a turn to answer.
   * The local engine continues it without its chat template; a cloud provider, which serves chat
   * only, answers it as a turn.
   */
  continuation?: boolean;
  /** When set, return log-probabilities; `topLogprobs` alternatives per token (0–20). */
  logprobs?: { topLogprobs: number };
  /** Aborting stops generation and frees the backend's resources at once. */
  signal?: AbortSignal;
  /**
   * Sent to a cloud provider as `Idempotency-Key`, the same on every retry and after a restart,
   * so a request the gateway sends twice is done once upstream. The local engine ignores it.
   */
  idempotencyKey?: string;
  /**
   * Told, once per call, when a cloud provider's connection is open and the request's body is
   * being written to it (by any attempt): from then on its text has left the machine. A call
   * refused, unreachable or cut short before that never calls it. The local engine ignores it.
   */
  onSent?: () => void;
  /**
   * Who asks, for a local backend that tries a candidate model beside the current one on a
   * tenant's traffic (src/serving): the tenant and the id the answer is given. Never sent upstream.
   */
  serving?: { tenantId: string; tenant: string; responseId?: string };
}

export interface TopLogprob {
  token: string;
  logprob: number;
  bytes: number[];
}

export interface TokenLogprob extends TopLogprob {
  topLogprobs: TopLogprob[];
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

/** `tool_calls`: the answer ends with calls of the request's tools, for the client to run. */
export type FinishReason = "stop" | "length" | "tool_calls";

export type ChatEvent =
  | {
      type: "delta";
      text: string;
      logprobs: TokenLogprob[];
      /**
       * Tokens used so far, when the backend knows them: lets a request the client abandons
       * still be accounted for what was actually generated.
       */
      usage?: Usage;
    }
  | {
      /** A whole call of one of the request's tools, after the text (if any) before it. */
      type: "tool_call";
      /** Its place among the answer's calls, from 0. */
      index: number;
      call: ToolCall;
    }
  | {
      type: "done";
      finishReason: FinishReason;
      usage: Usage;
      /** Present when the backend saw every token's probability (always for the local engine). */
      confidence?: ConfidenceSummary;
      /**
       * True when the backend stopped the answer early because it was repeating the same span
       * over and over (a runaway loop); `finishReason` is then "length" and a whole (not
       * streamed) answer carries `x-colibri-runaway: true`. The cascade should escalate it.
       */
      runaway?: boolean;
    };

/**
 * Length-normalised confidence over the generated tokens, recorded for every generation
 * (the router will use it), whether or not the client asked for logprobs.
 */
export interface ConfidenceSummary {
  tokens: number;
  meanLogprob: number;
  minLogprob: number;
}

export interface EmbeddingResult {
  embeddings: number[][];
  promptTokens: number;
}

export interface BackendStatus {
  model: string;
  sequencesTotal: number;
  sequencesInUse: number;
  queued: number;
  maxQueue: number;
}

/** A cloud provider as the router and the privacy guard use it. */
export interface CloudBackend {
  /** `reason`: why the router calls the cloud now (the plan's reason, or why a cascade escalated). */
  chat(request: ChatRequest, reason?: string): AsyncIterable<ChatEvent>;
  /** Whether a call may be attempted now (its circuit is not open). */
  isAvailable(): boolean;
}

export interface ChatBackend {
  /** The model name this backend answers for. */
  readonly model: string;
  chat(request: ChatRequest): AsyncIterable<ChatEvent>;
  embed(input: string[], signal?: AbortSignal): Promise<EmbeddingResult>;
  /**
   * The model `embed()` runs on when it is not the chat model (a sentence-embedding model), with
   * its GGUF architecture; absent: the chat model embeds.
   */
  readonly localEmbeddingModel?: { name: string; architecture: string | undefined };
  /**
   * The model that answers this request when it is not `model` (a candidate serving a share of
   * the traffic); call after `chat(request)`. Absent or undefined: `model`.
   */
  answeredBy?(request: ChatRequest): string | undefined;
  /** The prompt tokens a request takes on this backend's model (its template and tools included). */
  countTokens?(request: ChatRequest): number;
  status(): BackendStatus;
  close(): Promise<void>;
}
