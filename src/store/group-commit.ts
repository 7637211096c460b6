import type { QueuedWrite } from "../core/records/store.js";

/** A queued write and what to tell its caller once its transaction ends. */
interface Job<Context> {
  work: (context: Context) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions<Context> {
  /** Run `work` in one transaction, with that transaction's context. */
  transaction: <T>(work: (context: Context) => Promise<T>) => Promise<T>;
  /** How long a write may wait for others to share its transaction (default 5 ms). */
  intervalMs?: number;
  /** Writes per transaction at most; a full batch is written at once (default 256). */
  maxBatch?: number;
  /** Writes queued at most; beyond it `enqueue` waits for room (default 4,096). */
  maxQueued?: number;
}

/**
 * Group commit: writes queued here are written together, one transaction per flush, within
 * `intervalMs` of the first (or at once when `soon` or a batch is full). A flush that fails is
 * retried write by write, each in its own transaction, so one bad write loses only itself.
 * The queue is bounded: past `maxQueued`, `enqueue` waits until a flush makes room.
 */
export class GroupCommitWriter<Context> {
  readonly #options: Required<GroupCommitOptions<Context>>;
  #queue: Job<Context>[] = [];
  #timer: NodeJS.Timeout | undefined;
  #immediate: NodeJS.Immediate | undefined;
  /** The flush under way; the next one starts when it ends. */
  #flushing: Promise<void> | undefined;
  /** Callers waiting for room in the queue. */
  #waitingForRoom: (() => void)[] = [];
  #closed = false;

  constructor(options: GroupCommitOptions<Context>) {
    this.#options = { intervalMs: 5, maxBatch: 256, maxQueued: 4096, ...options };
  }

  /** Writes queued or being written. */
  get pending(): number {
    return this.#queue.length + (this.#flushing === undefined ? 0 : 1);
  }

  /**
   * Queue `work`; resolves once it is queued (at once unless the queue is full). `soon`: a caller
   * waits for the commit, so it is written on the next turn of the event loop, not the timer.
   */
  async enqueue<T>(
    work: (context: Context) => Promise<T>,
    options: { soon?: boolean } = {},
  ): Promise<QueuedWrite<T>> {
    while (this.#queue.length >= this.#options.maxQueued && !this.#closed) {
      await new Promise<void>((resolve) => {
        this.#waitingForRoom.push(resolve);
        this.#schedule(true);
      });
    }
    if (this.#closed) throw new Error("The store is closed: nothing more can be written.");
    let job!: Job<Context>;
    const committed = new Promise<T>((resolve, reject) => {
      job = { work, resolve: resolve as (value: unknown) => void, reject };
    });
    // Handled here so an unawaited write never becomes an unhandled rejection; callers that
    // await `committed` still see the error.
    committed.catch(() => undefined);
    this.#queue.push(job);
    this.#schedule(options.soon === true || this.#queue.length >= this.#options.maxBatch);
    return { committed };
  }

  /**
   * Write everything queued so far (and whatever is queued meanwhile); resolves when it is
   * committed. Undefined when nothing is pending, so a caller can skip the wait.
   */
  flush(): Promise<void> | undefined {
    if (this.pending === 0) return undefined;
    return this.#drain();
  }

  /** Write what is queued and take no more writes. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const resolve of this.#waitingForRoom.splice(0)) resolve();
    await this.#drain();
  }

  async #drain(): Promise<void> {
    this.#clearTimers();
    while (this.#queue.length > 0 || this.#flushing !== undefined) {
      await (this.#flushing ?? this.#flushNext());
    }
  }

  #schedule(now: boolean): void {
    if (now) {
      if (this.#immediate !== undefined) return;
      this.#immediate = setImmediate(() => {
        this.#immediate = undefined;
        void this.#flushNext();
      });
      return;
    }
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      void this.#flushNext();
    }, this.#options.intervalMs);
  }

  #clearTimers(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#immediate !== undefined) clearImmediate(this.#immediate);
    this.#timer = undefined;
    this.#immediate = undefined;
  }

  /** Start writing the next batch, unless one is being written (it starts the next itself). */
  #flushNext(): Promise<void> {
    if (this.#flushing !== undefined) return this.#flushing;
    const batch = this.#queue.splice(0, this.#options.maxBatch);
    if (batch.length === 0) return Promise.resolve();
    for (const resolve of this.#waitingForRoom.splice(0)) resolve();
    this.#flushing = this.#write(batch).finally(() => {
      this.#flushing = undefined;
      if (this.#queue.length > 0) this.#schedule(this.#queue.length >= this.#options.maxBatch);
    });
    return this.#flushing;
  }

  async #write(batch: Job<Context>[]): Promise<void> {
    const { transaction } = this.#options;
    try {
      const results = await transaction(async (context) => {
        const values: unknown[] = [];
        for (const job of batch) values.push(await job.work(context));
        return values;
      });
      batch.forEach((job, index) => {
        job.resolve(results[index]);
      });
      return;
    } catch {
      // Some write failed and took the batch with it: write each on its own to find which.
    }
    for (const job of batch) {
      try {
        job.resolve(await transaction((context) => job.work(context)));
      } catch (error) {
        job.reject(error);
      }
    }
  }
}
