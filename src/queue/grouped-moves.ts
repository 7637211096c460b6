import { setImmediate as turn } from "node:timers/promises";
import type { QueuedRequestState, RequestMoveFields } from "../core/records/batches.js";
import type { Store } from "../core/records/store.js";

interface PendingMove {
  id: string;
  from: readonly QueuedRequestState[];
  to: QueuedRequestState;
  fields: RequestMoveFields;
  resolve: (moved: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * The queue's group commit: the moves its requests make as their attempts end (to completed,
 * failed, waiting or back to pending) are written together, one transaction for all that arrived
 * in the same turn of the event loop or while the previous group was being written, instead of
 * one commit each. A large batch for a cloud that cannot be reached parks its lines as fast as
 * they are tried; a commit per line rewrote the same table and index pages into the SQLite log
 * again and again (~2,000 pages per 100 ms), which the checkpoint thread then had to copy.
 *
 * Each caller still gets its own answer (whether its request was still in `from`). If a group's
 * transaction fails, its moves are written one by one, so one bad move fails only its own caller.
 * Nothing is held back across a stop: the worker waits for its requests, and each waits for its
 * move to be written. A process killed outright loses the moves not yet committed, at most one
 * group; those requests are still `running` under their lease and are taken again once it lapses
 * (their upstream calls carry the request's id as the idempotency key).
 */
export class GroupedMoves {
  readonly #store: Pick<Store, "transaction" | "batches">;
  #pending: PendingMove[] = [];
  #writing = false;

  constructor(store: Pick<Store, "transaction" | "batches">) {
    this.#store = store;
  }

  /** Move request `id` from one of `from` to `to`; resolves once written, to whether it moved. */
  move(
    id: string,
    from: readonly QueuedRequestState[],
    to: QueuedRequestState,
    fields: RequestMoveFields,
  ): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ id, from, to, fields, resolve, reject });
      if (!this.#writing) {
        this.#writing = true;
        void this.#write();
      }
    });
  }

  async #write(): Promise<void> {
    try {
      // The moves of requests that end in the same turn join the first one.
      await turn();
      while (this.#pending.length > 0) {
        const group = this.#pending;
        this.#pending = [];
        await this.#writeGroup(group);
      }
    } finally {
      this.#writing = false;
    }
  }

  async #writeGroup(group: readonly PendingMove[]): Promise<void> {
    if (group.length > 1) {
      try {
        const moved = await this.#store.transaction(async (repositories) => {
          const results: boolean[] = [];
          for (const move of group) {
            results.push(await repositories.batches.move(move.id, move.from, move.to, move.fields));
          }
          return results;
        });
        group.forEach((move, index) => {
          move.resolve(moved[index] ?? false);
        });
        return;
      } catch {
        // Rolled back as a whole: each move is tried on its own below.
      }
    }
    for (const move of group) {
      try {
        move.resolve(await this.#store.batches.move(move.id, move.from, move.to, move.fields));
      } catch (error) {
        move.reject(error);
      }
    }
  }
}
