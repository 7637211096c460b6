import { EngineBusyError, ServiceUnavailableError } from "../core/errors.js";

export interface ResourcePoolOptions<T> {
  resources: readonly T[];
  /** Requests allowed to wait when every resource is in use; beyond it, EngineBusyError. */
  maxQueue: number;
  /** Milliseconds clock, injected for tests. */
  now?: () => number;
  /** Assumed hold time before any has been measured, for Retry-After. */
  initialHoldSeconds?: number;
}

export interface PoolStatus {
  total: number;
  inUse: number;
  queued: number;
  maxQueue: number;
}

interface Waiter<T> {
  resolve(resource: T): void;
  reject(error: Error): void;
}

const holdSmoothing = 0.2;
const maximumRetryAfterSeconds = 300;

/**
 * A fixed set of resources handed out one per request, with a bounded FIFO wait queue.
 * A released resource goes straight to the longest-waiting request.
 */
export class ResourcePool<T> {
  private readonly free: T[];
  private readonly leasedAt = new Map<T, number>();
  private readonly waiters: Waiter<T>[] = [];
  private readonly maxQueue: number;
  private readonly now: () => number;
  private total: number;
  private averageHoldSeconds: number;
  private closedWith: Error | undefined;

  constructor(options: ResourcePoolOptions<T>) {
    this.free = [...options.resources];
    this.total = this.free.length;
    this.maxQueue = options.maxQueue;
    this.now = options.now ?? (() => performance.now());
    this.averageHoldSeconds = options.initialHoldSeconds ?? 5;
  }

  /** Wait for a free resource (FIFO). Rejects at once when the queue is full or the pool closed. */
  acquire(signal?: AbortSignal): Promise<T> {
    if (this.closedWith !== undefined) return Promise.reject(this.closedWith);
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    const resource = this.free.pop(); // the most recently used: warm in cache
    if (resource !== undefined) return Promise.resolve(this.lease(resource));
    if (this.waiters.length >= this.maxQueue) {
      return Promise.reject(new EngineBusyError(this.waiters.length, this.retryAfterSeconds()));
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(abortReason(signal));
      };
      const waiter: Waiter<T> = {
        resolve: (value) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(value);
        },
        reject: (error) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Give a resource back; the first waiter, if any, gets it at once. */
  release(resource: T): void {
    this.recordHold(resource);
    if (this.closedWith !== undefined) return;
    const waiter = this.waiters.shift();
    if (waiter === undefined) {
      this.free.push(resource);
      return;
    }
    waiter.resolve(this.lease(resource));
  }

  /** Drop a leased resource that can no longer be used (the pool shrinks by one). */
  retire(resource: T): void {
    this.recordHold(resource);
    this.total -= 1;
    if (this.total === 0) {
      this.close(
        new ServiceUnavailableError("No usable sequence is left in the local engine; restart it."),
      );
    }
  }

  /** Swap a leased resource for a fresh one and release that. */
  replace(broken: T, replacement: T): void {
    this.recordHold(broken);
    this.leasedAt.set(replacement, this.now());
    this.release(replacement);
  }

  /** Seconds a client should wait before retrying, from measured hold times and queue depth. */
  retryAfterSeconds(): number {
    const rounds = Math.ceil((this.waiters.length + 1) / Math.max(1, this.total));
    const seconds = Math.ceil(this.averageHoldSeconds * rounds);
    return Math.min(maximumRetryAfterSeconds, Math.max(1, seconds));
  }

  status(): PoolStatus {
    return {
      total: this.total,
      inUse: this.leasedAt.size,
      queued: this.waiters.length,
      maxQueue: this.maxQueue,
    };
  }

  get inUse(): number {
    return this.leasedAt.size;
  }

  /** Reject every waiter and every later acquire with `error`. */
  close(error: Error): void {
    this.closedWith ??= error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  private lease(resource: T): T {
    this.leasedAt.set(resource, this.now());
    return resource;
  }

  private recordHold(resource: T): void {
    const start = this.leasedAt.get(resource);
    if (start === undefined) throw new Error("Released a resource that was not leased.");
    this.leasedAt.delete(resource);
    const seconds = (this.now() - start) / 1000;
    this.averageHoldSeconds =
      this.averageHoldSeconds * (1 - holdSmoothing) + seconds * holdSmoothing;
  }
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  const message = typeof reason === "string" ? reason : "The operation was aborted.";
  return new DOMException(message, "AbortError");
}
