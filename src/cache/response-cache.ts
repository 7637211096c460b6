import { z } from "zod";
import type { ColibriConfig } from "../config/schema.js";
import type { ChatEvent, ChatRequest, FinishReason, Usage } from "../core/chat.js";
import type { ResponseCacheRepository } from "../store/store.js";
import { cacheKey } from "./cache-key.js";

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
  now?: () => number;
}

/** Entries written between two prunes: the size limit is kept to within this many. */
const pruneEvery = 100;

/**
 * The exact-match response cache over the store (so replicas on PostgreSQL share it). Answers
 * are keyed by tenant, model and normalized request; entries expire after `ttlSeconds` and the
 * oldest go beyond `maxEntries`.
 */
export class ResponseCache {
  readonly #options: ResponseCacheOptions;
  readonly #now: () => number;
  #writesSincePrune = 0;

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
    if (mode === "off" || request.logprobs !== undefined) return false;
    if (mode === "deterministic" && !isDeterministic(request)) return false;
    return !hasPersonalData || settings.personalData;
  }

  key(tenantId: string, model: string, request: ChatRequest): string {
    return cacheKey(tenantId, model, request);
  }

  async lookup(key: string): Promise<CachedAnswer | undefined> {
    const entry = await this.#options.repository.take(key, this.#now());
    if (entry === undefined) return undefined;
    const parsed = cachedAnswerSchema.safeParse(JSON.parse(entry.body));
    return parsed.success ? parsed.data : undefined;
  }

  async store(key: string, tenantId: string, requestedModel: string, answer: CachedAnswer) {
    const now = this.#now();
    await this.#options.repository.put({
      key,
      tenantId,
      model: requestedModel,
      createdAt: now,
      expiresAt: now + this.#options.settings.exact.ttlSeconds * 1000,
      body: JSON.stringify(answer),
      hits: 0,
    });
    this.#writesSincePrune += 1;
    if (this.#writesSincePrune >= pruneEvery) {
      this.#writesSincePrune = 0;
      await this.prune();
    }
  }

  /** Drop expired entries and the oldest beyond the size limit; returns how many went. */
  prune(): Promise<number> {
    return this.#options.repository.prune(this.#now(), this.#options.settings.exact.maxEntries);
  }
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
