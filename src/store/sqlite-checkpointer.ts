import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";

/** How often the background thread moves the write-ahead log into the database file. */
const checkpointIntervalMs = 1000;

/** Runs in the worker: its own connection, a PASSIVE checkpoint (it never blocks the writer). */
const workerSource = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const database = new Database(workerData.file);
database.pragma("busy_timeout = 5000");
const timer = setInterval(() => database.pragma("wal_checkpoint(PASSIVE)"), workerData.intervalMs);
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
  #stopped = false;

  constructor(database: BetterSqlite3.Database, file: string) {
    const driverPath = createRequire(import.meta.url).resolve("better-sqlite3");
    this.#worker = new Worker(workerSource, {
      eval: true,
      workerData: { driverPath, file, intervalMs: checkpointIntervalMs },
    });
    this.#worker.unref();
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

  /** Ask the worker to close its connection and end; whichever connection closes last checkpoints. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#worker.postMessage("stop");
  }
}
