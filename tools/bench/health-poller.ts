/**
 * The health benchmark's poller, run in a worker thread so it keeps time while the gateway's
 * event loop is busy: GET /health every `intervalMilliseconds` over one keep-alive connection
 * (opened before the load starts, so a connection cap that refuses new sockets does not refuse
 * it), and at the same pace the size of the SQLite write-ahead log and the process's RSS.
 * A request still unanswered counts with the time it has waited so far when the poller stops.
 */
import { stat } from "node:fs/promises";
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { watchLoop, type LoopWatchResult } from "./loop-watch.js";

export interface HealthPollerTask {
  address: string;
  intervalMilliseconds: number;
  /** The write-ahead log to watch (`<database>-wal`), if the store is a SQLite file. */
  walPath: string | undefined;
}

export interface HealthPollerResult {
  /** Milliseconds per GET /health, from sending it to its whole answer (or its failure). */
  latencies: number[];
  failures: number;
  /** Largest write-ahead log seen, bytes (0 when none was watched or none existed). */
  walMaxBytes: number;
  rssMaxBytes: number;
  /**
   * The poller thread's own loop: it does next to nothing, so its stalls are the process not
   * being scheduled (or the whole process paused), not the gateway's work.
   */
  loop: LoopWatchResult;
}

const task = workerData as HealthPollerTask;
const loop = watchLoop();
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const latencies: number[] = [];
let failures = 0;
let walMaxBytes = 0;
let rssMaxBytes = 0;
/** Set when the benchmark asks for the figures. */
const control = { stopping: false };
let outstanding: number | undefined;

function healthOnce(): Promise<void> {
  const started = performance.now();
  outstanding = started;
  return new Promise((resolve) => {
    const outgoing = request(new URL("/health", task.address), { agent }, (response) => {
      response.resume();
      response.on("end", () => {
        latencies.push(performance.now() - started);
        if (response.statusCode !== 200) failures++;
        outstanding = undefined;
        resolve();
      });
    });
    outgoing.on("error", () => {
      // A request that failed after a long wait (the connection dropped) waited that long too.
      latencies.push(performance.now() - started);
      failures++;
      outstanding = undefined;
      resolve();
    });
    outgoing.end();
  });
}

async function sample(): Promise<void> {
  rssMaxBytes = Math.max(rssMaxBytes, process.memoryUsage.rss());
  if (task.walPath === undefined) return;
  try {
    walMaxBytes = Math.max(walMaxBytes, (await stat(task.walPath)).size);
  } catch {
    // No write-ahead log right now.
  }
}

const sampler = setInterval(() => {
  void sample();
}, task.intervalMilliseconds);

parentPort?.on("message", () => {
  control.stopping = true;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The first answer opens the connection the rest reuse.
await healthOnce();
parentPort?.postMessage("ready");
const polling = (async () => {
  while (!control.stopping) {
    const started = performance.now();
    await healthOnce();
    await sleep(Math.max(0, task.intervalMilliseconds - (performance.now() - started)));
  }
})();
await new Promise<void>((resolve) => {
  const check = setInterval(() => {
    if (!control.stopping) return;
    clearInterval(check);
    resolve();
  }, 10);
});
// A request the gateway has not answered yet counts with what it has waited so far.
if (outstanding !== undefined) latencies.push(performance.now() - outstanding);
clearInterval(sampler);
await sample();
const result: HealthPollerResult = {
  latencies,
  failures,
  walMaxBytes,
  rssMaxBytes,
  loop: loop.stop(),
};
parentPort?.postMessage(result);
agent.destroy();
void polling;
