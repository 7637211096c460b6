import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from "node-llama-cpp";
import type {
  BackendStatus,
  ChatBackend,
  ChatEvent,
  ChatRequest,
  EmbeddingResult,
} from "../core/chat.js";
import { InvalidRequestError, ServiceUnavailableError } from "../core/errors.js";
import { generateChat, type RepetitionSettings } from "./chat-generation.js";
import { generateWithTools } from "./tool-call-generation.js";
import { assertCallable } from "./tool-call-syntax.js";
import { ChatPromptRenderer } from "./chat-prompt.js";
import { resolveSampling, resolveTopLogprobs } from "./chat-request-options.js";
import { EmbeddingRunner } from "./embedding-runner.js";
import { describeError, loadEngine } from "./engine-loading.js";
import type { EngineSettings } from "./engine-settings.js";
import { linkAbortSignals } from "../core/linked-abort.js";
import { stderrEngineLogger, type EngineLogger } from "./llama-runtime.js";
import {
  defaultMaxQueue,
  defaultMaxTokens,
  defaultRepetition,
  type LocalEngineOptions,
} from "./local-engine-options.js";
import { releaseOnAbort } from "./release-on-abort.js";
import { ResourcePool } from "./resource-pool.js";
import { ResponseFormatGrammars } from "./response-format-grammars.js";
import { ClearingGate, recycleSequence } from "./sequence-recycling.js";

const promptChunkSize = 256;
/** How long close() waits for running generations to notice the abort before disposing. */
const closeDrainMilliseconds = 5_000;

/**
 * The local inference backend: one model, one context with `sequences` sequences handed out one
 * per request (FIFO wait queue, bounded), generation on node-llama-cpp's sequence API with the
 * probability of every token recorded, JSON grammars, and embeddings. Create with `load()`.
 */
export class LocalEngine implements ChatBackend, AsyncDisposable {
  readonly model: string;
  /** The settings in effect (config values, or the defaults chosen from machine and model). */
  readonly settings: EngineSettings;
  /** Tokens of context each request may use (prompt + answer). */
  readonly contextSize: number;
  /** The chat template in use (node-llama-cpp's wrapper name, e.g. "ChatML" or "JinjaTemplate"). */
  readonly chatTemplate: string;
  /**
   * The model `embed()` runs on: the configured embedding model, else the chat model. Its GGUF
   * architecture tells which task prompts it was trained with (see src/embedding).
   */
  readonly localEmbeddingModel: { name: string; architecture: string | undefined };

  private readonly pool: ResourcePool<LlamaContextSequence>;
  private readonly prompts: ChatPromptRenderer;
  private readonly grammars: ResponseFormatGrammars;
  private readonly embeddings: EmbeddingRunner;
  private readonly closing = new AbortController();
  private readonly running = new Set<Promise<void>>();
  /** Finished answers' sequences waiting to be cleared, and generations holding back for them. */
  private readonly clearing = new ClearingGate();
  private closed: Promise<void> | undefined;
  private readonly defaultMaxTokens: number;
  private readonly repetition: RepetitionSettings;
  private readonly logger: EngineLogger;

  private constructor(
    private readonly llama: Llama,
    private readonly llamaModel: LlamaModel,
    private readonly context: LlamaContext,
    sequences: LlamaContextSequence[],
    private readonly separateEmbeddingModel: LlamaModel | undefined,
    options: {
      modelName: string;
      embeddingModelName: string | undefined;
      settings: EngineSettings;
      maxQueue: number;
      defaultMaxTokens: number;
      repetition: RepetitionSettings;
      logger: EngineLogger;
    },
  ) {
    this.model = options.modelName;
    this.settings = options.settings;
    this.contextSize = context.contextSize;
    this.defaultMaxTokens = options.defaultMaxTokens;
    this.repetition = options.repetition;
    this.logger = options.logger;
    this.pool = new ResourcePool({ resources: sequences, maxQueue: options.maxQueue });
    this.prompts = new ChatPromptRenderer(llamaModel);
    this.chatTemplate = this.prompts.wrapperName;
    this.grammars = new ResponseFormatGrammars(llama);
    const embeddingModel = separateEmbeddingModel ?? llamaModel;
    this.localEmbeddingModel = {
      name: options.embeddingModelName ?? options.modelName,
      architecture: embeddingModel.fileInfo.metadata.general.architecture,
    };
    this.embeddings = new EmbeddingRunner(embeddingModel, {
      threads: options.settings.threads,
      contextSize: options.settings.embeddingContextSize,
      maxQueue: options.maxQueue,
    });
  }

  /**
   * Check RAM, then load the model and create the context. Throws ModelNotFoundError when the
   * file is missing and InsufficientMemoryError (with the numbers and the fix) when it won't fit.
   */
  static async load(options: LocalEngineOptions): Promise<LocalEngine> {
    const logger = options.logger ?? stderrEngineLogger;
    const loaded = await loadEngine(options, logger);
    return new LocalEngine(
      loaded.llama,
      loaded.model,
      loaded.context,
      loaded.sequences,
      loaded.embeddingModel,
      {
        modelName: options.modelName,
        embeddingModelName: options.embeddingModel?.name,
        settings: loaded.settings,
        maxQueue: options.maxQueue ?? defaultMaxQueue,
        defaultMaxTokens: options.defaultMaxTokens ?? defaultMaxTokens,
        repetition: { ...defaultRepetition, ...definedValues(options.repetition ?? {}) },
        logger,
      },
    );
  }

  /**
   * Stream an answer. Queue full → the first `next()` rejects with EngineBusyError; aborting
   * `request.signal` (or stopping the iteration) ends generation within a token and frees the
   * sequence at once.
   */
  chat(request: ChatRequest): AsyncIterable<ChatEvent> {
    return this.runChat(request);
  }

  private async *runChat(request: ChatRequest): AsyncGenerator<ChatEvent, void, undefined> {
    this.assertOpen();
    const sampling = resolveSampling(request, this.defaultMaxTokens);
    const topLogprobs = resolveTopLogprobs(request);
    const tools = request.tools?.choice === "none" ? undefined : request.tools;
    const syntax = tools === undefined ? undefined : this.prompts.callSyntax;
    if (tools !== undefined) assertCallable(syntax, this.model, this.chatTemplate);
    const prompt =
      request.continuation === true
        ? this.prompts.continuation(request.messages)
        : this.prompts.render(request.messages, tools?.definitions);
    if (prompt.tokens.length >= this.contextSize) {
      throw new InvalidRequestError(
        `The messages use ${prompt.tokens.length} tokens, but "${this.model}" holds at most ${this.contextSize} tokens per request (prompt and answer). Shorten the messages, or raise engine.contextSize.`,
        "messages",
      );
    }
    const grammar = await this.grammars.forFormat(request.responseFormat);
    const link = linkAbortSignals([request.signal, this.closing.signal]);
    const signal = link.signal;
    let sequence: LlamaContextSequence;
    try {
      sequence = await this.pool.acquire(signal);
    } catch (error) {
      link.dispose();
      throw error;
    }
    let recycled!: () => void;
    const run = new Promise<void>((resolve) => (recycled = resolve));
    this.running.add(run);
    // The answer ends as soon as it is complete; the sequence is cleared afterwards, in the
    // background, and stays leased (busy) until then, so no request ever gets a dirty one.
    // Clearing waits for the context's lock, which other running generations keep re-taking.
    const release = (): Promise<void> => {
      link.dispose();
      void this.recycle(sequence)
        .catch((error: unknown) => {
          this.logger("error", `Could not recycle a sequence: ${describeError(error)}`);
        })
        .finally(() => {
          this.running.delete(run);
          recycled();
        });
      return Promise.resolve();
    };
    const input = {
      sequence,
      model: this.llamaModel,
      prompt,
      sampling,
      repetition: this.repetition,
      grammar,
      topLogprobs,
      signal,
      promptChunkSize,
      holdForClearing: () => this.clearing.pause(),
    };
    const generation =
      tools === undefined || syntax === undefined
        ? generateChat(input)
        : generateWithTools({
            ...input,
            tools,
            syntax,
            grammars: {
              names: (texts) => this.grammars.forOneOf(texts),
              arguments: (tool, index) =>
                this.grammars.forSchema(
                  tool.parameters ?? { type: "object", properties: {} },
                  {
                    field: `tools[${index}].function.parameters`,
                    param: `tools[${index}].function.parameters`,
                    unenforceable: "ignore",
                  },
                  `the parameters of tool "${tool.name}"`,
                ),
            },
            tokenize: (text) => this.llamaModel.tokenize(text),
          });
    yield* releaseOnAbort(generation, signal, release);
  }

  countTokens(request: ChatRequest): number {
    const tools = request.tools?.choice === "none" ? undefined : request.tools;
    return this.prompts.render(request.messages, tools?.definitions).tokens.length;
  }

  async embed(input: string[], signal?: AbortSignal): Promise<EmbeddingResult> {
    this.assertOpen();
    const link = linkAbortSignals([signal, this.closing.signal]);
    try {
      return await this.embeddings.embed(input, link.signal);
    } finally {
      link.dispose();
    }
  }

  status(): BackendStatus {
    const pool = this.pool.status();
    return {
      model: this.model,
      sequencesTotal: pool.total,
      sequencesInUse: pool.inUse,
      queued: pool.queued,
      maxQueue: pool.maxQueue,
    };
  }

  /** Stop running generations, reject waiting requests, and free the model and context. */
  close(): Promise<void> {
    this.closed ??= this.shutdown();
    return this.closed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private async shutdown(): Promise<void> {
    const error = this.closedError();
    this.closing.abort(error);
    this.pool.close(error);
    let timer: NodeJS.Timeout | undefined;
    const drained = Promise.allSettled([...this.running]);
    const timeout = new Promise<void>(
      (resolve) => (timer = setTimeout(resolve, closeDrainMilliseconds)),
    );
    await Promise.race([drained, timeout]);
    clearTimeout(timer);
    await this.embeddings.close(error);
    await this.context.dispose();
    await this.llamaModel.dispose();
    await this.separateEmbeddingModel?.dispose();
    await this.llama.dispose();
  }

  private recycle(sequence: LlamaContextSequence): Promise<void> {
    return this.clearing.around(() =>
      recycleSequence(sequence, {
        pool: this.pool,
        fresh: () => this.context.getSequence(),
        closing: () => this.closed !== undefined,
        logger: this.logger,
      }),
    );
  }

  private assertOpen(): void {
    if (this.closed !== undefined) throw this.closedError();
  }

  private closedError(): ServiceUnavailableError {
    return new ServiceUnavailableError(
      `The local engine for "${this.model}" has been closed; load it again (LocalEngine.load) to serve requests.`,
    );
  }
}

/** The entries that are set: `{ a: undefined }` must not override a default. */
function definedValues<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
