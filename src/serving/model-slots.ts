import { createHash, randomUUID } from "node:crypto";
import type {
  BackendStatus,
  ChatBackend,
  ChatEvent,
  ChatRequest,
  EmbeddingResult,
} from "../core/chat.js";
import type { CandidateMode, ModelScope, ModelTrial } from "../core/records/model-registry.js";
import { answerAgreement, measureAnswer, type MeasuredAnswer } from "./answer-measure.js";

/** A candidate model loaded beside the current one, and how it is tried. */
export interface CandidatePlan {
  backend: ChatBackend;
  scope: ModelScope;
  mode: CandidateMode;
  /** Share of the scope's requests it shadows or serves, 0–1. */
  share: number;
}

export interface ModelSlotsOptions {
  current: ChatBackend;
  /** Keep one measured answer (fire and forget: a failure is the recorder's to log). */
  record: (trial: ModelTrial) => void;
  /** Cascade threshold and signal: an answer under it counts as escalated. */
  threshold: number;
  signal: "mean" | "min" | "tail";
  /** 0–1, for sampling requests without an answer id; default Math.random. */
  random?: () => number;
  now?: () => number;
  /** A shadow answer that failed or could not start (logged; never the user's concern). */
  onShadowError?: (error: unknown) => void;
}

/**
 * The local backend as the router sees it, serving the current model and, beside it, a candidate
 * being tried (issue 25). In `canary` mode the candidate answers `share` of its scope's requests
 * (sticky per answer id); in `shadow` mode the current model answers every request and, for a
 * sampled share, the candidate answers the same request afterwards in the background — only when
 * the current model has nobody waiting and the candidate is idle — and its answer is measured and
 * dropped, never sent. While a candidate is tried, both models' answers in its scope are measured
 * (`record`). `promote()` and `dropCandidate()` swap without dropping a request: what runs on the
 * old engine finishes there, new requests go to the new one, and the old one is closed after.
 */
export class ModelSlots implements ChatBackend {
  #current: ChatBackend;
  #candidate: CandidatePlan | undefined;
  readonly #options: ModelSlotsOptions;
  /** Requests under way per engine, and who waits for an engine to be idle. */
  readonly #active = new Map<ChatBackend, number>();
  readonly #idle = new Map<ChatBackend, (() => void)[]>();
  /** Which model answers a request that the candidate serves. */
  readonly #answeredBy = new WeakMap<ChatRequest, string>();
  readonly #shadows = new Set<Promise<void>>();
  readonly #closing = new AbortController();

  constructor(options: ModelSlotsOptions) {
    this.#options = options;
    this.#current = options.current;
  }

  get model(): string {
    return this.#current.model;
  }

  get localEmbeddingModel(): NonNullable<ChatBackend["localEmbeddingModel"]> {
    return (
      this.#current.localEmbeddingModel ?? { name: this.#current.model, architecture: undefined }
    );
  }

  /** The current engine (tests, the rollout). */
  get current(): ChatBackend {
    return this.#current;
  }

  /** The candidate's plan, or undefined when none is tried. */
  candidatePlan(): (Omit<CandidatePlan, "backend"> & { model: string }) | undefined {
    const plan = this.#candidate;
    return plan === undefined
      ? undefined
      : { model: plan.backend.model, scope: plan.scope, mode: plan.mode, share: plan.share };
  }

  /** Try a candidate (replacing any other, which is closed once its requests are done). */
  setCandidate(plan: CandidatePlan): void {
    const previous = this.#candidate?.backend;
    this.#candidate = plan;
    if (previous !== undefined && previous !== plan.backend) void this.#retire(previous);
  }

  /** Change how the candidate is tried, keeping its engine. */
  retune(change: { scope: ModelScope; mode: CandidateMode; share: number }): void {
    if (this.#candidate !== undefined) this.#candidate = { ...this.#candidate, ...change };
  }

  /** Stop trying the candidate; its engine is closed once its requests are done. */
  async dropCandidate(): Promise<void> {
    const plan = this.#candidate;
    this.#candidate = undefined;
    if (plan !== undefined) await this.#retire(plan.backend);
  }

  /**
   * The candidate becomes the current model: new requests go to it at once, the old engine
   * finishes what it runs and is closed. Resolves once it is.
   */
  async promote(): Promise<void> {
    const plan = this.#candidate;
    if (plan === undefined) throw new Error("No candidate model to promote.");
    const previous = this.#current;
    this.#current = plan.backend;
    this.#candidate = undefined;
    await this.#retire(previous);
  }

  answeredBy(request: ChatRequest): string | undefined {
    return this.#answeredBy.get(request);
  }

  chat(request: ChatRequest): AsyncIterable<ChatEvent> {
    const plan = this.#inScope(request);
    const canary = plan?.mode === "canary" && this.#draw(request) < plan.share;
    const engine = canary ? plan.backend : this.#current;
    // Named now: a promotion while the answer is under way does not rename it.
    this.#answeredBy.set(request, engine.model);
    if (plan === undefined) return this.#run(engine, request);
    return canary
      ? this.#measured(plan, engine, request, "candidate", "canary")
      : this.#measured(plan, engine, request, "current", "serve");
  }

  embed(input: string[], signal?: AbortSignal): Promise<EmbeddingResult> {
    return this.#current.embed(input, signal);
  }

  countTokens(request: ChatRequest): number {
    return this.#current.countTokens?.(request) ?? 0;
  }

  status(): BackendStatus {
    return this.#current.status();
  }

  /** Stop shadow answers and close both engines (the server has drained its requests first). */
  async close(): Promise<void> {
    this.#closing.abort();
    await Promise.allSettled([...this.#shadows]);
    const engines = [this.#current, this.#candidate?.backend].filter(
      (engine): engine is ChatBackend => engine !== undefined,
    );
    this.#candidate = undefined;
    await Promise.all(engines.map((engine) => engine.close()));
  }

  #inScope(request: ChatRequest): CandidatePlan | undefined {
    const plan = this.#candidate;
    if (plan === undefined) return undefined;
    if (plan.scope === "all") return plan;
    return plan.scope === `tenant:${request.serving?.tenant ?? ""}` ? plan : undefined;
  }

  /** 0–1: from the answer's id when there is one (the same answer always draws the same). */
  #draw(request: ChatRequest): number {
    const id = request.serving?.responseId;
    if (id === undefined) return (this.#options.random ?? Math.random)();
    return createHash("sha256").update(id).digest().readUInt32BE(0) / 2 ** 32;
  }

  /** Run on one engine, counted as under way there until the caller stops reading. */
  async *#run(engine: ChatBackend, request: ChatRequest): AsyncGenerator<ChatEvent> {
    this.#active.set(engine, (this.#active.get(engine) ?? 0) + 1);
    try {
      yield* engine.chat(request);
    } finally {
      const left = (this.#active.get(engine) ?? 1) - 1;
      this.#active.set(engine, left);
      if (left === 0) for (const resolve of this.#idle.get(engine)?.splice(0) ?? []) resolve();
    }
  }

  /** A served answer, measured when it ends (one abandoned before its end is not). */
  async *#measured(
    plan: CandidatePlan,
    engine: ChatBackend,
    request: ChatRequest,
    role: ModelTrial["role"],
    mode: ModelTrial["mode"],
  ): AsyncGenerator<ChatEvent> {
    const started = performance.now();
    const events: ChatEvent[] = [];
    let ended = false;
    let failed = false;
    try {
      for await (const event of this.#run(engine, request)) {
        events.push(event);
        // The reader may stop at the last event without asking for more.
        if (event.type === "done") ended = true;
        yield event;
      }
      ended = true;
    } catch (error) {
      failed = !(request.signal?.aborted ?? false);
      throw error;
    } finally {
      if (ended || failed) {
        const measured = this.#measure(events, request, failed);
        this.#keep(plan, engine, request, role, mode, measured, performance.now() - started, null);
        if (ended && role === "current" && plan.mode === "shadow") {
          this.#shadow(plan, request, measured.text);
        }
      }
    }
  }

  #measure(events: readonly ChatEvent[], request: ChatRequest, failed: boolean): MeasuredAnswer {
    return measureAnswer(events, request.messages, {
      threshold: this.#options.threshold,
      signal: this.#options.signal,
      failed,
      ...(request.responseFormat === undefined ? {} : { responseFormat: request.responseFormat }),
    });
  }

  #keep(
    plan: CandidatePlan,
    engine: ChatBackend,
    request: ChatRequest,
    role: ModelTrial["role"],
    mode: ModelTrial["mode"],
    measured: MeasuredAnswer,
    latencyMs: number,
    agreement: number | null,
  ): void {
    this.#options.record({
      id: randomUUID(),
      createdAt: (this.#options.now ?? Date.now)(),
      scope: plan.scope,
      tenantId: request.serving?.tenantId ?? null,
      responseId: mode === "shadow" ? null : (request.serving?.responseId ?? null),
      model: engine.model,
      role,
      mode,
      escalated: measured.escalated,
      runaway: measured.runaway,
      languageMismatch: measured.languageMismatch,
      failed: measured.failed,
      finishReason: measured.finishReason,
      latencyMs,
      confidence: measured.confidence,
      agreement,
    });
  }

  /**
   * For a sampled share, the candidate answers the same request in the background, only when
   * the current model has nobody waiting and the candidate nothing under way: user traffic first.
   */
  #shadow(plan: CandidatePlan, request: ChatRequest, currentText: string): void {
    if (this.#closing.signal.aborted || this.#candidate !== plan) return;
    if (this.#draw(request) >= plan.share) return;
    if (this.#current.status().queued > 0 || (this.#active.get(plan.backend) ?? 0) > 0) return;
    // Not the client's signal: the user may leave; only closing the gateway stops it.
    const shadowRequest: ChatRequest = { ...request, signal: this.#closing.signal };
    const run = (async () => {
      const started = performance.now();
      const events: ChatEvent[] = [];
      let failed = false;
      try {
        for await (const event of this.#run(plan.backend, shadowRequest)) events.push(event);
      } catch (error) {
        if (this.#closing.signal.aborted) return;
        failed = true;
        this.#options.onShadowError?.(error);
      }
      const measured = this.#measure(events, shadowRequest, failed);
      this.#keep(
        plan,
        plan.backend,
        request,
        "candidate",
        "shadow",
        measured,
        performance.now() - started,
        failed ? null : answerAgreement(currentText, measured.text),
      );
    })();
    this.#shadows.add(run);
    void run.finally(() => this.#shadows.delete(run));
  }

  /** Close an engine once nothing runs on it (no new request reaches it any more). */
  async #retire(engine: ChatBackend): Promise<void> {
    if ((this.#active.get(engine) ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const waiting = this.#idle.get(engine) ?? [];
        waiting.push(resolve);
        this.#idle.set(engine, waiting);
      });
    }
    this.#active.delete(engine);
    this.#idle.delete(engine);
    await engine.close();
  }
}
