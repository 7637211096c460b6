import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";

/**
 * How often the background thread moves the write-ahead log into the database file. Under steady
 * writes the log grows by what a round lets through, and a TRUNCATE copies what came in since the
 * PASSIVE checkpoint just before it while writers wait: short rounds keep both small (1 s rounds
 * let a queue's writes grow the log by ~50 MB, and the TRUNCATE held writers ~150 ms).
 */
const checkpointIntervalMs = 100;

/**
 * The write-ahead log's size past which the background thread also resets it (TRUNCATE), and
 * the size SQLite cuts it back to whenever it is reset (journal_size_limit).
 */
export const walLimitBytes = 4 * 1024 * 1024;

/**
 * Runs in the worker, on its own connection. A PASSIVE checkpoint never blocks the writer, but
 * while writes keep coming it never catches up with the log's end either, and SQLite only starts
 * the log over once a checkpoint has copied all of it: under steady writes (a queue working
 * through a large batch) the file would grow without bound. So when the log is past the limit,
 * a TRUNCATE checkpoint follows: it waits for the writer between two transactions (on this
 * thread), copies the little the PASSIVE one left, and empties the file. A busy database is
 * tried again on the next round.
 */
const workerSource = `
const { statSync } = require("node:fs");
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const database = new Database(workerData.file);
database.pragma("busy_timeout = 1000");
database.pragma("journal_size_limit = " + workerData.walLimitBytes);
const walBytes = () => {
  try {
    return statSync(workerData.file + "-wal").size;
  } catch {
    return 0;
  }
};
const timer = setInterval(() => {
  try {
    database.pragma("wal_checkpoint(PASSIVE)");
    if (walBytes() > workerData.walLimitBytes) database.pragma("wal_checkpoint(TRUNCATE)");
  } catch {
    // Busy or locked: the next round tries again.
  }
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  database.close();
  parentPort.close();
});
`;

/**
 * SQLite checkpoints the write-ahead log from inside whichever commit crosses its size threshold,
 * and a checkpoint syncs the database file to disk: a millisecond or more on the request that
 * happens to commit then. This moves checkpoints to a worker thread with its own connection, so
 * no request waits for them; the serving connection's automatic checkpoints are turned off while
 * the worker runs and turned back on if it ever stops.
 */
export class SqliteCheckpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;
  #stopped = false;

  constructor(database: BetterSqlite3.Database, file: string) {
    const driverPath = createRequire(import.meta.url).resolve("better-sqlite3");
    this.#worker = new Worker(workerSource, {
      eval: true,
      workerData: { driverPath, file, intervalMs: checkpointIntervalMs, walLimitBytes },
    });
    this.#worker.unref();
    this.#exited = new Promise((resolve) => {
      this.#worker.once("exit", () => {
        resolve();
      });
    });
    database.pragma("wal_autocheckpoint = 0");
    const fallBack = () => {
      if (!database.open) return;
      database.pragma("wal_autocheckpoint = 1000");
    };
    this.#worker.once("error", fallBack);
    this.#worker.once("exit", () => {
      if (!this.#stopped) fallBack();
    });
  }

  /**
   * Ask the worker to close its connection and end; resolves once it has. The serving connection
   * then closes last, which checkpoints the whole log and deletes the file — a process that ended
   * before the worker closed would leave the log on disk.
   */
  stop(): Promise<void> {
    if (!this.#stopped) {
      this.#stopped = true;
      // Held until it has ended: an unreferenced worker would let a process with nothing else
      // to do exit right here, the worker's connection still open and the log left behind.
      this.#worker.ref();
      this.#worker.postMessage("stop");
    }
    return this.#exited;
  }
}
