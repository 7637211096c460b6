import { setTimeout as sleep } from "node:timers/promises";
import type { CompiledQuery, DatabaseConnection, QueryResult } from "kysely";

/** How long a statement waits for another connection's lock before its SQLITE_BUSY is thrown. */
export const busyWaitMs = 5000;

/** Pauses between tries, as SQLite's own busy handler spaces them; the last one repeats. */
const pauses = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

/**
 * The serving connection, waiting for a lock that another connection holds (the checkpoint
 * thread's TRUNCATE, another process's transaction) without holding the event loop.
 *
 * SQLite's busy_timeout waits inside the call, and better-sqlite3 calls SQLite on the event
 * loop's thread: every request, /health included, waited with it (one TRUNCATE that took 145 ms
 * on a busy disk held a queue write, and the loop, 110 ms in bench:health). The connection has
 * busy_timeout 0 instead, so SQLite answers SQLITE_BUSY at once, and this tries the statement
 * again after a timer, for up to the 5 s busy_timeout gave.
 *
 * Trying again is safe only where SQLITE_BUSY means the statement did nothing: outside a
 * transaction (a statement on its own takes its lock before it changes anything) and for the
 * BEGIN IMMEDIATE that opens one. Inside a transaction, which holds the write lock from its
 * BEGIN IMMEDIATE on, the error is thrown as it is.
 */
export class BusyWaitingConnection implements DatabaseConnection {
  readonly #connection: DatabaseConnection;
  readonly #inTransaction: () => boolean;

  constructor(connection: DatabaseConnection, inTransaction: () => boolean) {
    this.#connection = connection;
    this.#inTransaction = inTransaction;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#connection.executeQuery<R>(query);
      } catch (error) {
        if (!isBusy(error) || this.#inTransaction() || waited >= busyWaitMs) throw error;
        const pause = pauses[Math.min(attempt, pauses.length - 1)] ?? 100;
        await sleep(pause);
        waited += pause;
      }
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.#connection.streamQuery<R>(query, chunkSize);
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, …). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_"));
}
