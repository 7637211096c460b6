import { cachedEvents, type CacheHit, type ResponseCache } from "../cache/response-cache.js";
import type { ChatRequest, FinishReason, Usage } from "../core/chat.js";
import type { RequestScan } from "../privacy/privacy-guard.js";
import { PrefetchedEvents } from "../router/prefetched-events.js";
import type { RoutedAnswer } from "../router/run-route.js";

/**
 * The cache as one request uses it: look up before routing, save once the answer is complete,
 * and `finish` however the request ends.
 */
export interface RequestCaching {
  /**
   * A cached answer, or undefined. When an identical request is already being answered in this
   * process, waits for it (until `signal` fires) and looks again, so both are not paid for.
   */
  lookup(signal: AbortSignal): Promise<CacheHit | undefined>;
  save(
    answer: RoutedAnswer,
    completed: { text: string; finishReason: FinishReason; usage: Usage },
  ): Promise<void>;
  /** Lets identical requests waiting for this one look in the cache again. */
  finish(): void;
}

/** What the client allows the cache to do with one request (`Cache-Control`). */
export interface CacheControl {
  /** `no-cache`: do not answer from the cache. */
  reuse: boolean;
  /** `no-store`: do not keep the answer. */
  keep: boolean;
}

/** The client's `Cache-Control` header as what it allows. */
export function cacheControl(header: string | undefined): CacheControl {
  const control = (header ?? "").toLowerCase();
  return { reuse: !control.includes("no-cache"), keep: !control.includes("no-store") };
}

/**
 * Caching for one chat request, or undefined when the cache does not take it. The client can opt
 * out per request (see CacheControl). A store failure is logged and the request goes on as a
 * miss: the cache never costs an answer.
 */
export function cachingFor(
  cache: ResponseCache | undefined,
  control: CacheControl,
  log: { warn(details: object, message: string): void },
  tenantId: string,
  model: string,
  chatRequest: ChatRequest,
  scan: RequestScan,
): RequestCaching | undefined {
  if (cache === undefined || !cache.accepts(chatRequest, scan.types.length > 0)) return undefined;
  const slot = cache.slot(tenantId, model, chatRequest);
  const read = async () => {
    try {
      return await cache.lookup(slot);
    } catch (error) {
      log.warn(
        { err: error },
        "Could not read the response cache (or embed the prompt); answering as a miss",
      );
      return undefined;
    }
  };
  let leading: (() => void) | undefined;
  return {
    async lookup(signal) {
      if (!control.reuse) return undefined;
      const hit = await read();
      if (hit !== undefined) return hit;
      const flight = cache.flights.join(slot.key);
      if (flight.leader) {
        leading = flight.done;
        return undefined;
      }
      await landedOrAborted(flight.landed, signal);
      signal.throwIfAborted();
      // The leader failed or its answer was not kept: this request goes on by itself.
      return await read();
    },
    finish() {
      leading?.();
      leading = undefined;
    },
    async save(answer, completed) {
      // A degraded answer (the cloud was wanted but down) must not outlive the outage.
      if (!control.keep || answer.route === "cache" || answer.degraded) return;
      try {
        await cache.store(slot, {
          ...completed,
          model: answer.model,
          target: answer.target,
          route: answer.route,
        });
      } catch (error) {
        log.warn({ err: error }, "Could not write the response cache");
      }
    },
  };
}

function landedOrAborted(landed: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = () => {
      resolve();
    };
    signal.addEventListener("abort", stop, { once: true });
    void landed.then(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    });
  });
}

/** A cache hit as an answer the route writes like any other; its reason says which cache. */
export function cachedAnswer(hit: CacheHit): RoutedAnswer {
  return {
    route: "cache",
    reason: hit.kind,
    target: "cache",
    model: hit.answer.model,
    degraded: false,
    events: new PrefetchedEvents(cachedEvents(hit.answer), nothingMore(), { finished: true }),
  };
}

async function* nothingMore(): AsyncGenerator<never> {}
