import { describeError } from "./engine-loading.js";
import type { EngineLogger } from "./llama-runtime.js";
import type { ResourcePool } from "./resource-pool.js";

/** What recycling needs of a sequence (node-llama-cpp's LlamaContextSequence has it). */
export interface RecyclableSequence {
  clearHistory(): Promise<void>;
  dispose(): Promise<void>;
}

export interface SequenceRecycling<T> {
  pool: ResourcePool<T>;
  /** A fresh sequence from the context, for one that cannot be cleared. */
  fresh: () => T;
  /** Whether the engine is closing: its sequences go back uncleared, errors unreported. */
  closing: () => boolean;
  logger: EngineLogger;
}

/**
 * Clear a used sequence so the next request sees nothing of this one, then give it back to the
 * pool, which counts it as busy until then: no request ever gets a dirty sequence. One that
 * cannot be cleared is disposed and replaced by a fresh one, or retired (the pool shrinks).
 * Never rejects, so it can run in the background after the answer has ended.
 */
export async function recycleSequence<T extends RecyclableSequence>(
  sequence: T,
  recycling: SequenceRecycling<T>,
): Promise<void> {
  const { pool, logger } = recycling;
  if (recycling.closing()) {
    pool.release(sequence);
    return;
  }
  try {
    await sequence.clearHistory();
    pool.release(sequence);
  } catch (error) {
    if (recycling.closing()) return; // the context went away with the engine
    logger("error", `Could not clear a sequence, replacing it: ${describeError(error)}`);
    try {
      await sequence.dispose();
      pool.replace(sequence, recycling.fresh());
    } catch (replaceError) {
      logger("error", `Could not replace the sequence: ${describeError(replaceError)}`);
      pool.retire(sequence);
    }
  }
}

/**
 * Sequences waiting to be cleared, and a pause for generations while any does. Clearing takes the
 * context's lock, which node-llama-cpp's batch dispatcher keeps for as long as any generation has
 * its next token queued: while a clear waits, generations hold their next token back until no
 * clear waits (at most `maxPauseMs`), so the lock comes free and the cleared sequence returns to
 * the pool instead of staying busy until every long generation has ended.
 */
export class ClearingGate {
  #waiting = 0;
  #opened: (() => void)[] = [];

  constructor(private readonly maxPauseMs = 200) {}

  /** Clear `sequence` while generations hold back (see the class). */
  async around(clear: () => Promise<void>): Promise<void> {
    this.#waiting += 1;
    try {
      await clear();
    } finally {
      this.#waiting -= 1;
      if (this.#waiting === 0) for (const open of this.#opened.splice(0)) open();
    }
  }

  /** Resolves at once when no clear waits; else when none does, or after `maxPauseMs`. */
  pause(): Promise<void> | undefined {
    if (this.#waiting === 0) return undefined;
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.maxPauseMs);
      this.#opened.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
