import { tenantNotFound } from "../tenancy/tenant-not-found.js";
import { ColibriError } from "../core/errors.js";
import {
  openRequestStates,
  type QueuedRequest,
  type QueuedRequestState,
} from "../core/records/batches.js";
import type { Store } from "../core/records/store.js";
import { BatchService, type BatchObject } from "./batch-service.js";
import { moveInChunks } from "./move-in-chunks.js";

/** A queued request as `colibri queue` and GET /admin/queue show it: never its messages. */
export interface QueueEntry {
  id: string;
  batchId: string;
  tenant: string;
  customId: string;
  line: number;
  /** The model the request names (from its body). */
  model: string;
  state: QueuedRequestState;
  /** The provider a waiting request needs. */
  provider: string | null;
  /** Why it waits, or why it failed. */
  reason: string | null;
  attempts: number;
  /** ISO time it may run from (later than now after a rate limit). */
  notBefore: string;
  createdAt: string;
  /** ISO time of its last change (since when it is in its state). */
  updatedAt: string;
  /** A live request that was answered locally and deferred to the cloud. */
  deferred: boolean;
}

export interface QueueListing {
  entries: QueueEntry[];
  /** Open requests per state and, for waiting ones, per provider. */
  open: { pending: number; running: number; waiting: number; waitingFor: Record<string, number> };
}

export const queueStates: readonly QueuedRequestState[] = [
  ...openRequestStates,
  "completed",
  "failed",
  "expired",
  "cancelled",
];

/**
 * What an operator does with the queue, for the CLI and the admin API alike: list what is waiting
 * and why, send a request (or a whole batch) again now, cancel it. Works on the store, so the
 * running server's worker sees the change at its next poll.
 */
export class QueueAdministration {
  readonly #store: Store;
  readonly #now: () => number;
  readonly #batches: BatchService;

  constructor(options: { store: Store; now?: () => number; wake?: () => void }) {
    this.#store = options.store;
    this.#now = options.now ?? Date.now;
    this.#batches = new BatchService({
      store: options.store,
      now: this.#now,
      wake: options.wake ?? (() => undefined),
    });
  }

  async list(filter: {
    states?: readonly QueuedRequestState[] | undefined;
    tenant?: string | undefined;
    batchId?: string | undefined;
    limit: number;
  }): Promise<QueueListing> {
    const store = this.#store;
    const tenants = new Map((await store.tenants.list()).map((tenant) => [tenant.id, tenant]));
    let tenantId: string | undefined;
    if (filter.tenant !== undefined) {
      tenantId = [...tenants.values()].find((tenant) => tenant.name === filter.tenant)?.id;
      if (tenantId === undefined) throw tenantNotFound(filter.tenant);
    }
    const scope = {
      ...(tenantId === undefined ? {} : { tenantId }),
      ...(filter.batchId === undefined ? {} : { batchId: filter.batchId }),
    };
    const requests = await store.batches.requests({
      ...scope,
      states: filter.states ?? openRequestStates,
      limit: filter.limit,
    });
    // The totals cover every open request in scope, however many were listed.
    const tally = await store.batches.tally(scope);
    const waitingFor: Record<string, number> = {};
    for (const row of tally) {
      if (row.state === "waiting" && row.provider !== null) {
        waitingFor[row.provider] = (waitingFor[row.provider] ?? 0) + row.count;
      }
    }
    const count = (state: QueuedRequestState) =>
      tally.filter((row) => row.state === state).reduce((sum, row) => sum + row.count, 0);
    return {
      entries: requests.map((request) =>
        entryOf(request, tenants.get(request.tenantId)?.name ?? request.tenantId),
      ),
      open: {
        pending: count("pending"),
        running: count("running"),
        waiting: count("waiting"),
        waitingFor,
      },
    };
  }

  /**
   * Run now: a waiting or pending request (or every one of a batch) goes to pending with no
   * wait, skipping the link check once. Returns how many were moved.
   */
  async retry(id: string): Promise<number> {
    const now = this.#now();
    const fields = { now, reason: "retried by an operator", notBefore: now };
    if (id.startsWith("batch_req_")) {
      const request = await this.#request(id);
      const moved = await this.#store.batches.move(id, ["waiting", "pending"], "pending", fields);
      if (!moved) throw notOpen(request, "retried");
      return 1;
    }
    await this.#batch(id);
    // Pending lines are made due at once; waiting ones (a whole batch of them, while a link was
    // down) are moved a chunk at a time, so a 50,000-line retry never holds the event loop.
    const due = await this.#store.batches.moveMany({ batchId: id }, ["pending"], "pending", fields);
    return due + (await moveInChunks(this.#store, { batchId: id }, ["waiting"], "pending", fields));
  }

  /** Cancel a request that has not run yet, or a whole batch (as POST /v1/batches/{id}/cancel). */
  async cancel(id: string): Promise<{ cancelled: number; batch?: BatchObject }> {
    if (id.startsWith("batch_req_")) {
      const request = await this.#request(id);
      const moved = await this.#store.batches.move(id, ["waiting", "pending"], "cancelled", {
        now: this.#now(),
        reason: "cancelled by an operator",
      });
      if (!moved) throw notOpen(request, "cancelled");
      return { cancelled: 1 };
    }
    const before = await this.#store.batches.counts([(await this.#batch(id)).id]);
    const batch = await this.#batches.cancel(id);
    const after = await this.#store.batches.counts([id]);
    return {
      cancelled: (after.get(id)?.cancelled ?? 0) - (before.get(id)?.cancelled ?? 0),
      batch,
    };
  }

  /**
   * Delete a batch that has ended, with its lines and files, whichever tenant it is of (as
   * DELETE /v1/batches/{id} does for its own tenant); 409 while it has not ended.
   */
  async delete(id: string): Promise<void> {
    const batch = await this.#batch(id);
    await this.#batches.delete(id, batch.tenantId);
  }

  async #request(id: string): Promise<QueuedRequest> {
    const request = await this.#store.batches.request(id);
    if (request === undefined) throw notFound(id);
    return request;
  }

  async #batch(id: string) {
    const batch = await this.#store.batches.get(id);
    if (batch === undefined) throw notFound(id);
    return batch;
  }
}

function entryOf(request: QueuedRequest, tenant: string): QueueEntry {
  return {
    id: request.id,
    batchId: request.batchId,
    tenant,
    customId: request.customId,
    line: request.line,
    model: modelOf(request.body),
    state: request.state,
    provider: request.provider,
    reason: request.reason,
    attempts: request.attempts,
    notBefore: new Date(request.notBefore).toISOString(),
    createdAt: new Date(request.createdAt).toISOString(),
    updatedAt: new Date(request.updatedAt).toISOString(),
    deferred: request.cloudTarget !== null,
  };
}

function modelOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { model?: unknown };
    return typeof parsed.model === "string" ? parsed.model : "";
  } catch {
    return "";
  }
}

function notFound(id: string): ColibriError {
  return new ColibriError(
    `Nothing in the queue is called "${id}". Give a request id (batch_req_…) or a batch id (batch_…); list them with: colibri queue --all`,
    { code: "queue_entry_not_found", status: 404, type: "not_found_error" },
  );
}

function notOpen(request: QueuedRequest, action: string): ColibriError {
  const running = request.state === "running";
  return new ColibriError(
    running
      ? `Request ${request.id} is running now and cannot be ${action}; cancel its batch (${request.batchId}) to stop what has not started.`
      : `Request ${request.id} is ${request.state} and cannot be ${action}. To run it again, submit its line in a new batch.`,
    { code: "queue_entry_not_open", status: 409 },
  );
}
