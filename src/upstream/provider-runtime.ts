import type { BackendStatus, ChatEvent, ChatRequest } from "../core/chat.js";
import { ServiceUnavailableError } from "../core/errors.js";
import { CircuitBreaker } from "./circuit-breaker.js";
import type { CloudProviderOptions, ProviderHealth } from "./cloud-provider.js";
import { HttpTransport, type UpstreamResponse } from "./http-transport.js";
import { upstreamErrorFromResponse } from "./upstream-error-response.js";
import { ModelCatalog } from "./model-catalog.js";
import { providerContext, type ProviderContext } from "./provider-context.js";
import { ResilientCaller, realSleep } from "./resilient-caller.js";
import { RetryPolicy } from "./retry-policy.js";
import { failureLabel } from "../core/upstream-failure.js";
import { silentUpstreamLogger } from "./upstream-logger.js";
import { estimatePromptTokens } from "./usage-estimate.js";

/** Reads one protocol's answer (SSE or a whole JSON body) as ChatEvents. */
export type AnswerReader = (
  response: UpstreamResponse,
  promptEstimate: number,
  context: ProviderContext,
) => AsyncIterable<ChatEvent>;

/**
 * What every cloud provider holds whatever its protocol: its models, its HTTP transport, its
 * circuit breaker and the caller that applies breaker, retries and timeouts, and its lifecycle.
 */
export class ProviderRuntime {
  readonly context: ProviderContext;
  readonly catalog: ModelCatalog;
  readonly transport: HttpTransport;
  readonly breaker: CircuitBreaker;
  readonly caller: ResilientCaller;
  private readonly closing = new AbortController();
  private closed: Promise<void> | undefined;

  constructor(options: CloudProviderOptions, authHeaders: Record<string, string>) {
    const { config } = options;
    const now = options.now ?? Date.now;
    const logger = options.logger ?? silentUpstreamLogger;
    this.context = providerContext(config);
    this.catalog = new ModelCatalog(config.name, config.models, config.defaultModel);
    this.transport = new HttpTransport({
      context: this.context,
      headers: { ...authHeaders, ...config.headers },
      query: config.query,
      now,
    });
    this.breaker = new CircuitBreaker({
      ...config.breaker,
      now,
      onChange: (state, snapshot) => {
        if (state === "open") {
          const last =
            snapshot.lastFailure === undefined ? "unknown" : failureLabel(snapshot.lastFailure);
          logger(
            "warn",
            `Provider "${config.name}": circuit open after ${snapshot.consecutiveFailures} consecutive failures (last: ${last}); next probe in ${config.breaker.openMs} ms.`,
          );
        } else logger("info", `Provider "${config.name}": circuit closed, calls go through again.`);
      },
    });
    this.caller = new ResilientCaller({
      context: this.context,
      breaker: this.breaker,
      retry: new RetryPolicy(config.retry, options.random),
      sleep: options.sleep ?? realSleep,
      now,
      closing: this.closing.signal,
      closedError: () => this.closedError(),
      logger,
    });
  }

  /**
   * POST the protocol's body for `request` to `path` and read the answer's events, under the
   * breaker, retries and timeouts; the response is closed however the reading ends. Nothing runs
   * (not even the model lookup) until the first event is asked for.
   */
  async *streamAnswer(
    request: ChatRequest,
    path: string,
    buildBody: (request: ChatRequest, upstreamModel: string) => Record<string, unknown>,
    readAnswer: AnswerReader,
  ): AsyncGenerator<ChatEvent, void, undefined> {
    this.assertOpen();
    const body = buildBody(request, this.catalog.upstreamName(request.model));
    const promptEstimate = estimatePromptTokens(request.messages);
    const { transport, context } = this;
    const headers =
      request.idempotencyKey === undefined ? {} : { "idempotency-key": request.idempotencyKey };
    const { onSent } = request;
    yield* this.caller.stream(request.signal, async function* (signal) {
      const response = await transport.post(path, body, signal, headers, onSent);
      try {
        yield* readAnswer(response, promptEstimate, context);
      } finally {
        response.close();
      }
    });
  }

  /**
   * Check the link without sending work: GET `/models`. Any answer below 500 proves the provider
   * reachable: a circuit that only link failures opened (refused, DNS, connect timeout) closes, so
   * calls go through again at once; one opened by calls that reached the provider and failed stays
   * open for its `openMs`, then a trial call decides (`CircuitBreaker.recordReachable`). A 5xx, a
   * network failure or a timeout is thrown as an UpstreamError (and leaves the circuit as it is).
   */
  async probe(signal?: AbortSignal): Promise<void> {
    this.assertOpen();
    const { timeouts } = this.context;
    const limit = AbortSignal.timeout(
      Math.min(timeouts.totalMs, timeouts.connectMs + timeouts.firstByteMs),
    );
    const status = await this.transport.reach(
      "/models",
      signal === undefined ? limit : AbortSignal.any([signal, limit]),
    );
    if (status >= 500) {
      throw upstreamErrorFromResponse(
        { status, retryAfter: undefined, text: "" },
        this.context,
        Date.now(),
      );
    }
    this.breaker.recordReachable();
  }

  assertOpen(): void {
    if (this.closed !== undefined) throw this.closedError();
  }

  /** Whether a call would be let through now: open for calls, and the breaker allows one. */
  isAvailable(): boolean {
    return this.closed === undefined && this.breaker.canAcquire();
  }

  status(): BackendStatus {
    return {
      model: this.catalog.defaultModel,
      sequencesTotal: 0,
      sequencesInUse: 0,
      queued: 0,
      maxQueue: 0,
    };
  }

  health(kind: ProviderHealth["kind"]): ProviderHealth {
    const snapshot = this.breaker.snapshot();
    return {
      name: this.context.name,
      kind,
      state: snapshot.state,
      available: this.isAvailable(),
      consecutiveFailures: snapshot.consecutiveFailures,
      lastError: snapshot.lastFailure ?? null,
      retryAt: isoTime(snapshot.retryAt),
      lastSuccessAt: isoTime(snapshot.lastSuccessAt),
    };
  }

  /** Cut running calls (they throw the closed error) and close the connections. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing.abort(this.closedError());
      await this.transport.close();
    })();
    return this.closed;
  }

  private closedError(): ServiceUnavailableError {
    return new ServiceUnavailableError(
      `Provider "${this.context.name}" has been closed; build it again (providersFromConfig) to call it.`,
    );
  }
}

function isoTime(milliseconds: number | undefined): string | null {
  return milliseconds === undefined ? null : new Date(milliseconds).toISOString();
}
