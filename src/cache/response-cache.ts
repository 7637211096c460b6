import { withTaskPrompt } from "../embedding/task-prompts.js";
import { z } from "zod";
import type { ColibriConfig } from "../config/schema.js";
import type { ChatBackend, ChatEvent, ChatRequest, FinishReason, Usage } from "../core/chat.js";
import type { ResponseCacheRepository } from "../core/records/response-cache.js";
import { cacheKey, semanticScope } from "./cache-key.js";
import { cosineSimilarity } from "./similarity.js";
import { SingleFlight } from "./single-flight.js";

/** What is kept of an answer: enough to replay it, never the prompt. */
export interface CachedAnswer {
  text: string;
  finishReason: FinishReason;
  usage: Usage;
  /** The model that answered, and where ("local" or a provider). */
  model: string;
  target: string;
  route: string;
}

const cachedAnswerSchema = z.object({
  text: z.string(),
  finishReason: z.enum(["stop", "length"]),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }),
  model: z.string(),
  target: z.string(),
  route: z.string(),
});

export interface ResponseCacheOptions {
  repository: ResponseCacheRepository;
  settings: ColibriConfig["cache"];
  /** A text's embedding, computed locally (the semantic cache only). */
  embed?: (text: string) => Promise<number[]>;
  now?: () => number;
}

/** Where one request's answer is looked up and kept. */
export interface CacheSlot {
  tenantId: string;
  model: string;
  key: string;
  /** For the semantic cache, when it is on and the request ends with a user message. */
  semantic?: { scope: string; query: string; embedding?: number[] };
}

/** A cached answer found for a request, and how. */
export interface CacheHit {
  answer: CachedAnswer;
  kind: "exact" | "semantic";
  /** For a semantic hit: the cosine similarity of the two prompts. */
  similarity?: number;
}

/** Entries written between two prunes: the size limit is kept to within this many. */
const pruneEvery = 100;

/**
 * The response cache over the store (so replicas on PostgreSQL share it). Answers are keyed by
 * tenant, model and normalized request; with the semantic cache on, a prompt that means the same
 * as a cached one of the same scope reuses its answer. Entries expire after `ttlSeconds` and the
 * oldest go beyond `maxEntries`.
 */
export class ResponseCache {
  readonly #options: ResponseCacheOptions;
  readonly #now: () => number;
  #writesSincePrune = 0;
  /** Identical requests in flight in this process share one answer (see `SingleFlight`). */
  readonly flights = new SingleFlight();

  constructor(options: ResponseCacheOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Whether a request may be answered from (and stored in) the cache: as `cache.exact.mode`
   * says; never when the client wants token probabilities (they are not kept), nor when it holds
   * personal data unless `cache.personalData` allows it.
   */
  accepts(request: ChatRequest, hasPersonalData: boolean): boolean {
    const { settings } = this.#options;
    const { mode } = settings.exact;
    if (mode === "off" || request.logprobs !== undefined || usesTools(request)) return false;
    // A text to continue: its key would collapse the white space that shapes the continuation.
    if (request.continuation === true) return false;
    if (mode === "deterministic" && !isDeterministic(request)) return false;
    return !hasPersonalData || settings.personalData;
  }

  /** The slot of one request: its exact key and, with the semantic cache on, its scope. */
  slot(tenantId: string, model: string, request: ChatRequest): CacheSlot {
    const slot: CacheSlot = { tenantId, model, key: cacheKey(tenantId, model, request) };
    const semantic =
      this.#options.settings.semantic.enabled && this.#options.embed !== undefined
        ? semanticScope(tenantId, model, request)
        : undefined;
    return semantic === undefined ? slot : { ...slot, semantic };
  }

  /** The exact entry, else (semantic cache on) the closest one in scope above the threshold. */
  async lookup(slot: CacheSlot): Promise<CacheHit | undefined> {
    const now = this.#now();
    const exact = await this.#take(slot.key, now);
    if (exact !== undefined) return { answer: exact, kind: "exact" };
    if (slot.semantic === undefined) return undefined;
    const embedding = await this.#embeddingOf(slot.semantic);
    const { threshold, candidates } = this.#options.settings.semantic;
    let best: { key: string; similarity: number } | undefined;
    for (const entry of await this.#options.repository.inScope(
      slot.semantic.scope,
      now,
      candidates,
    )) {
      // Entries embedded by another model (other dimensions) cannot be compared.
      if (entry.embedding === null || entry.embedding.length !== embedding.length) continue;
      const similarity = cosineSimilarity(embedding, entry.embedding);
      if (similarity >= threshold && similarity > (best?.similarity ?? -1)) {
        best = { key: entry.key, similarity };
      }
    }
    if (best === undefined) return undefined;
    const answer = await this.#take(best.key, now);
    return answer === undefined
      ? undefined
      : { answer, kind: "semantic", similarity: best.similarity };
  }

  async store(slot: CacheSlot, answer: CachedAnswer): Promise<void> {
    const now = this.#now();
    await this.#options.repository.put({
      key: slot.key,
      tenantId: slot.tenantId,
      model: slot.model,
      createdAt: now,
      expiresAt: now + this.#options.settings.exact.ttlSeconds * 1000,
      body: JSON.stringify(answer),
      hits: 0,
      scope: slot.semantic?.scope ?? null,
      embedding: slot.semantic === undefined ? null : await this.#embeddingOf(slot.semantic),
    });
    this.#writesSincePrune += 1;
    if (this.#writesSincePrune >= pruneEvery) {
      this.#writesSincePrune = 0;
      await this.prune();
    }
  }

  async #take(key: string, now: number): Promise<CachedAnswer | undefined> {
    const entry = await this.#options.repository.take(key, now);
    if (entry === undefined) return undefined;
    const parsed = cachedAnswerSchema.safeParse(JSON.parse(entry.body));
    return parsed.success ? parsed.data : undefined;
  }

  /** The query's embedding, computed once per request. */
  async #embeddingOf(semantic: NonNullable<CacheSlot["semantic"]>): Promise<number[]> {
    const embed = this.#options.embed;
    if (embed === undefined) throw new Error("The semantic cache needs an embed function.");
    semantic.embedding ??= await embed(semantic.query);
    return semantic.embedding;
  }

  /** Drop expired entries and the oldest beyond the size limit; returns how many went. */
  prune(): Promise<number> {
    return this.#options.repository.prune(this.#now(), this.#options.settings.exact.maxEntries);
  }
}

/** The semantic cache's embed function over a backend (the local engine). */
export function embedder(
  backend: Pick<ChatBackend, "embed" | "localEmbeddingModel">,
): (text: string) => Promise<number[]> {
  // A sentence-embedding model sees a query as it was trained to (EmbeddingGemma: "task: search
  // result | query: "): paraphrases then score higher than different questions on one topic.
  const architecture = backend.localEmbeddingModel?.architecture;
  return async (text) => {
    const [embedding] = (await backend.embed([withTaskPrompt(text, "query", architecture)]))
      .embeddings;
    if (embedding === undefined) throw new Error("The backend returned no embedding.");
    return embedding;
  };
}

/** A request that asks for the same answer every time: temperature 0, or a fixed seed. */
function isDeterministic(request: ChatRequest): boolean {
  return request.sampling.temperature === 0 || request.sampling.seed !== undefined;
}

/** A cached answer as the events a backend would have sent. */
export function cachedEvents(answer: CachedAnswer): ChatEvent[] {
  return [
    { type: "delta", text: answer.text, logprobs: [] },
    { type: "done", finishReason: answer.finishReason, usage: answer.usage },
  ];
}

/**
 * A request that offers tools, or whose conversation holds tool calls and results, is never
 * cached: its answer is a call to run, not text to reuse, and its key would not see the calls.
 */
function usesTools(request: ChatRequest): boolean {
  return (
    request.tools !== undefined ||
    request.messages.some((message) => message.toolCalls !== undefined || message.role === "tool")
  );
}
