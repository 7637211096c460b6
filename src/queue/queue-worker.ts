import { randomBytes } from "node:crypto";
import { setImmediate as turn } from "node:timers/promises";
import type { ColibriConfig } from "../config/schema.js";
import type { QueuedRequest, QueuedRequestState, StoredBatch } from "../core/records/batches.js";
import type { Store } from "../core/records/store.js";
import type { StoredFile } from "../core/records/files.js";
import { unansweredLine } from "./batch-lines.js";
import type { ConnectivityMonitor } from "./connectivity-monitor.js";
import { GroupedMoves } from "./grouped-moves.js";
import { moveInChunks } from "./move-in-chunks.js";
import type { RunOutcome } from "./queued-request-runner.js";

export interface QueueLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface QueueWorkerOptions {
  store: Store;
  runner: {
    run(request: QueuedRequest, batch: StoredBatch, signal: AbortSignal): Promise<RunOutcome>;
  };
  monitor: ConnectivityMonitor;
  /** The names of the cloud providers waiting work can be released to. */
  providers: readonly string[];
  config: ColibriConfig["queue"];
  now?: () => number;
  log: QueueLogger;
}

/** The batch statuses whose lines may still run or need their output written. */
const activeStatuses = ["in_progress", "cancelling", "finalizing"] as const;

/** Lines read per page when a finished batch's output is written. */
const finalizePageSize = 1000;

const finishedRequestStates: ReadonlySet<QueuedRequestState> = new Set([
  "completed",
  "failed",
  "expired",
  "cancelled",
]);

/** Thrown inside a transaction to roll it back when another worker finalized the batch first. */
class AlreadyFinalized extends Error {}

/**
 * Runs the durable queue: takes due requests from the store under a lease (renewed while they
 * run, so the requests of a worker that died are taken again once it lapses), runs them, releases
 * waiting ones to each provider at the configured rate once the monitor finds its link up,
 * expires what outlived its batch's window, and writes each finished batch's output and error
 * files. Every step is a conditional update in the store, so replicas can share one queue.
 */
export class QueueWorker {
  readonly #options: QueueWorkerOptions;
  readonly #now: () => number;
  /** Where each attempt's outcome is written, together with the others of the same turn. */
  readonly #moves: GroupedMoves;
  readonly #running = new Map<string, Promise<void>>();
  /** Release allowance per provider: tokens, refilled at `ratePerMinute`. */
  readonly #allowance = new Map<string, { tokens: number; at: number }>();
  #stopping: AbortController | undefined;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(options: QueueWorkerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#moves = new GroupedMoves(options.store);
  }

  start(): void {
    if (this.#stopping !== undefined) return;
    const stopping = new AbortController();
    this.#stopping = stopping;
    const leaseMs = this.#options.config.leaseSeconds * 1000;
    this.#heartbeat = setInterval(() => {
      void this.#renew();
    }, leaseMs / 3).unref();
    this.#loop = this.#run(stopping.signal);
  }

  /** Stop taking work; requests running now are cut and go back to pending. */
  async stop(): Promise<void> {
    const stopping = this.#stopping;
    if (stopping === undefined) return;
    stopping.abort();
    this.#wake?.();
    await this.#loop;
    await Promise.all(this.#running.values());
    clearInterval(this.#heartbeat);
    this.#stopping = undefined;
  }

  /** Look for work now instead of at the next poll. */
  wake(): void {
    this.#wake?.();
  }

  /** Whether the worker has been started and not stopped. */
  get running(): boolean {
    return this.#stopping !== undefined;
  }

  /** How many requests this worker is running now. */
  get active(): number {
    return this.#running.size;
  }

  /** One pass over the queue (the loop calls it every poll; tests call it directly). */
  async tick(signal: AbortSignal = new AbortController().signal): Promise<void> {
    const { store, config } = this.#options;
    const now = this.#now();
    for (const batch of await store.batches.overdue(["in_progress", "cancelling"], now, 100)) {
      const expired = await moveInChunks(
        store,
        { batchId: batch.id },
        ["pending", "waiting"],
        "expired",
        {
          now,
          reason: `batch ${batch.id}'s completion window (${batch.completionWindow}) ended`,
        },
      );
      if (expired > 0)
        this.#options.log.warn({ batch: batch.id, expired }, "Batch requests expired");
    }
    await this.#release(now);
    const free = config.concurrency - this.#running.size;
    if (free > 0 && !signal.aborted) {
      const leaseUntil = now + config.leaseSeconds * 1000;
      for (const request of await store.batches.claim(now, leaseUntil, free)) {
        const task = this.#runOne(request, signal).finally(() => {
          this.#running.delete(request.id);
          this.#wake?.();
        });
        this.#running.set(request.id, task);
      }
    }
    for (const batch of await store.batches.settled(activeStatuses, 20)) {
      await this.#finalize(batch);
    }
  }

  async #run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      // A pass whose requests all end without I/O (an open circuit refuses at once) wakes the
      // next one from a promise callback: without a turn of the event loop in between, a large
      // batch would be worked through while no request, timer or socket got one.
      await turn();
      try {
        await this.tick(signal);
      } catch (error) {
        this.#options.log.error({ err: error }, "The queue worker could not read the store");
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#options.config.pollMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  /** Move waiting requests back to pending for each provider that is reachable, at the rate. */
  async #release(now: number): Promise<void> {
    const perMs = this.#options.config.ratePerMinute / 60_000;
    // A burst of at most one second's worth (and at least one request).
    const burst = Math.max(1, this.#options.config.ratePerMinute / 60);
    for (const provider of this.#options.providers) {
      if (!this.#options.monitor.isUp(provider)) {
        this.#allowance.delete(provider);
        continue;
      }
      const last = this.#allowance.get(provider) ?? { tokens: 1, at: now };
      const tokens = Math.min(burst, last.tokens + (now - last.at) * perMs);
      const whole = Math.floor(tokens);
      const moved =
        whole === 0
          ? 0
          : await this.#options.store.batches.moveMany(
              { provider },
              ["waiting"],
              "pending",
              { now, reason: null, notBefore: now },
              whole,
            );
      this.#allowance.set(provider, { tokens: tokens - moved, at: now });
    }
  }

  async #runOne(request: QueuedRequest, signal: AbortSignal): Promise<void> {
    const { store, log } = this.#options;
    try {
      const batch = await store.batches.get(request.batchId);
      if (batch === undefined) throw new Error(`Batch ${request.batchId} is gone.`);
      const outcome = await this.#options.runner.run(request, batch, signal);
      const now = this.#now();
      const moved =
        outcome.kind === "done"
          ? await this.#moves.move(
              request.id,
              ["running"],
              outcome.failed ? "failed" : "completed",
              {
                now,
                result: outcome.result,
                reason: outcome.reason ?? null,
                provider: null,
              },
            )
          : outcome.kind === "wait"
            ? await this.#moves.move(request.id, ["running"], "waiting", {
                now,
                provider: outcome.provider,
                reason: outcome.reason,
              })
            : await this.#moves.move(request.id, ["running"], "pending", {
                now,
                notBefore: outcome.notBefore,
                reason: outcome.reason,
              });
      if (!moved) {
        log.warn(
          { request: request.id, batch: request.batchId },
          "A queued request was taken by another worker while it ran (its lease lapsed); its result is dropped",
        );
      }
    } catch (error) {
      log.error(
        { err: error, request: request.id },
        "Could not run a queued request; it will be retried",
      );
    }
  }

  async #renew(): Promise<void> {
    if (this.#running.size === 0) return;
    const now = this.#now();
    try {
      await this.#options.store.batches.renew(
        [...this.#running.keys()],
        now + this.#options.config.leaseSeconds * 1000,
        now,
      );
    } catch (error) {
      this.#options.log.error({ err: error }, "Could not renew the queue's leases");
    }
  }

  /**
   * A finished batch's requests, read a page at a time with a turn of the event loop between
   * pages (50,000 lines with their answers are most of a second to read at once); undefined as
   * soon as one is still open.
   */
  async #requestsOf(batchId: string): Promise<QueuedRequest[] | undefined> {
    const requests: QueuedRequest[] = [];
    for (;;) {
      const page = await this.#options.store.batches.requestsOf(batchId, {
        afterLine: requests.at(-1)?.line ?? 0,
        limit: finalizePageSize,
      });
      if (page.some((request) => !finishedRequestStates.has(request.state))) return undefined;
      requests.push(...page);
      if (page.length < finalizePageSize) return requests;
      await turn();
    }
  }

  /** Write a finished batch's output and error files and give it its final status, once. */
  async #finalize(batch: StoredBatch): Promise<void> {
    const { store, log } = this.#options;
    const requests = await this.#requestsOf(batch.id);
    if (requests === undefined) return; // still open: another worker is on it
    const now = this.#now();
    const output: string[] = [];
    const errors: string[] = [];
    for (const request of requests) {
      if (request.state === "completed" && request.result !== null) output.push(request.result);
      else if (request.state === "failed" && request.result !== null) errors.push(request.result);
      else if (request.state === "expired") {
        errors.push(
          unansweredLine(
            request,
            "batch_expired",
            "This request could not be executed before the completion window expired.",
          ),
        );
      } else if (request.state === "cancelled") {
        errors.push(
          unansweredLine(
            request,
            "batch_cancelled",
            "The batch was cancelled before this request ran.",
          ),
        );
      } else return; // still open: another worker is on it
    }
    const status =
      batch.status === "cancelling"
        ? "cancelled"
        : requests.some((request) => request.state === "expired")
          ? "expired"
          : "completed";
    const file = (kind: "output" | "error", lines: string[]): [StoredFile, string] | undefined => {
      if (lines.length === 0) return undefined;
      const content = `${lines.join("\n")}\n`;
      return [
        {
          id: `file-${randomBytes(12).toString("hex")}`,
          tenantId: batch.tenantId,
          purpose: "batch_output",
          filename: `${batch.id}_${kind}.jsonl`,
          bytes: Buffer.byteLength(content),
          createdAt: now,
        },
        content,
      ];
    };
    const outputFile = file("output", output);
    const errorFile = file("error", errors);
    try {
      await store.transaction(async (repositories) => {
        if (outputFile !== undefined) await repositories.files.insert(...outputFile);
        if (errorFile !== undefined) await repositories.files.insert(...errorFile);
        const updated = await repositories.batches.update(batch.id, activeStatuses, {
          status,
          finalizingAt: now,
          outputFileId: outputFile?.[0].id ?? null,
          errorFileId: errorFile?.[0].id ?? null,
          ...(status === "completed"
            ? { completedAt: now }
            : status === "expired"
              ? { expiredAt: now }
              : { cancelledAt: now }),
        });
        if (!updated) throw new AlreadyFinalized();
      });
      log.info(
        { batch: batch.id, status, completed: output.length, failed: errors.length },
        "Batch finished",
      );
    } catch (error) {
      if (!(error instanceof AlreadyFinalized)) throw error;
    }
  }
}
