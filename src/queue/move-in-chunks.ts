import { setImmediate as turn } from "node:timers/promises";
import type { QueuedRequestState, RequestMoveFields } from "../core/records/batches.js";
import type { Store } from "../core/records/store.js";

/** Lines moved per statement: a few milliseconds of work and a bounded write each. */
export const moveChunkSize = 500;

/**
 * Move every matching request, `moveChunkSize` at a time with a turn of the event loop between
 * statements, instead of one statement over a whole batch (50,000 lines: half a second of
 * blocked event loop and tens of megabytes in one transaction). Returns how many moved.
 */
export async function moveInChunks(
  store: Pick<Store, "batches">,
  where: { batchId?: string; provider?: string },
  from: readonly QueuedRequestState[],
  to: QueuedRequestState,
  fields: Pick<RequestMoveFields, "now" | "reason" | "notBefore">,
): Promise<number> {
  // A move within `from` would find the same lines again and again.
  if (from.includes(to)) return store.batches.moveMany(where, from, to, fields);
  let total = 0;
  for (;;) {
    const moved = await store.batches.moveMany(where, from, to, fields, moveChunkSize);
    total += moved;
    if (moved < moveChunkSize) return total;
    await turn();
  }
}
