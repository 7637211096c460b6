/**
 * `npm run bench:health`: how fast GET /health answers while the gateway takes a 50,000-line
 * batch for a cloud it cannot reach, and while 20,000 slow sockets hold what they can.
 *
 * A real gateway listens on 127.0.0.1 over a SQLite file (or PostgreSQL, `--database postgres`)
 * with an instant local backend and one cloud provider on a closed local port (every call is
 * refused). A poller in a worker thread (its timers keep time while the gateway's loop is busy)
 * asks GET /health every 50 ms over one keep-alive connection and watches the write-ahead log
 * and the process's RSS.
 *
 * - batch: upload a JSONL file of `--lines` chat lines for the cloud model (POST /v1/files),
 *   create a batch from it (POST /v1/batches), and keep polling until every line has been tried
 *   and parked as waiting for the link, then `--settle-seconds` more (the queue's probe rounds);
 *   at most `--minutes`.
 * - sockets: a child process opens `--sockets` connections that each send a chat request's
 *   headers and `{` and then nothing, holds them `--hold-seconds`, and says how each ended. It
 *   runs at nice `--client-nice` (10): in the field the sockets come from another machine, and
 *   here the JavaScript that opens them would otherwise take its share of the two cores from the
 *   gateway and count as the gateway's latency. 0 runs it as the gateway's equal.
 *
 * Printed per scenario: worst, p99 and p50 /health latency, the largest WAL and RSS, (for the
 * batch) whether the WAL was left on disk after the gateway closed, and what held the loops: the
 * gateway's event-loop delay (perf_hooks) with its longest stall split into time on a CPU (our
 * work), waiting for a CPU (the OS ran something else) and asleep in a call, the stall with the most
 * work in it, and the same for the poller thread (whose stalls are the process not being
 * scheduled). `--json` adds each stall's monotonic timestamp, to line up with a `node --cpu-prof`
 * profile of the same run. It prints numbers, never judges.
 *
 *   ulimit -n 20000   # the slow-socket child needs a descriptor per socket it holds
 *   flock /tmp/cpu-bench.lock npm run bench:health -- [--scenario batch|sockets|both]
 *     [--lines 50000] [--sockets 20000] [--minutes 5] [--database sqlite|postgres] [--json]
 */
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { availableParallelism, cpus, loadavg, setPriority } from "node:os";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { parseConfig } from "../../src/config/load.js";
import type { RequestCounts } from "../../src/core/records/batches.js";
import { buildGateway, type Gateway } from "../../src/gateway/build-gateway.js";
import { summarize } from "./gateway-benchmark.js";
import type { HealthPollerResult, HealthPollerTask } from "./health-poller.js";
import { InstantBackend } from "./instant-backend.js";
import { freePort } from "./peers-targets.js";
import { watchLoop, type LoopStall, type LoopWatchResult } from "./loop-watch.js";
import type { SlowSocketsResult, SlowSocketsTask } from "./slow-sockets.js";
import {
  temporaryPostgresSchema,
  temporarySqliteDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from "./temporary-database.js";

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "both" },
    lines: { type: "string", default: "50000" },
    sockets: { type: "string", default: "20000" },
    minutes: { type: "string", default: "5" },
    "settle-seconds": { type: "string", default: "20" },
    "hold-seconds": { type: "string", default: "15" },
    "client-nice": { type: "string", default: "10" },
    database: { type: "string", default: "sqlite" },
    json: { type: "boolean", default: false },
  },
  strict: true,
});
const lineCount = Number.parseInt(values.lines, 10);
const socketCount = Number.parseInt(values.sockets, 10);
const deadlineMs = Number(values.minutes) * 60_000;
const settleMs = Number(values["settle-seconds"]) * 1000;
const holdMs = Number(values["hold-seconds"]) * 1000;
const clientNice = Number.parseInt(values["client-nice"], 10);
const pollEveryMs = 50;
const progress = (text: string) => process.stderr.write(`bench:health: ${text}\n`);

interface ScenarioResult {
  scenario: string;
  polls: number;
  failures: number;
  worstMs: number;
  p99Ms: number;
  p50Ms: number;
  walMaxBytes: number;
  rssMaxBytes: number;
  /** The gateway's event loop (this process's main thread) while it was polled. */
  gatewayLoop: LoopWatchResult;
  /** The poller thread's loop: its stalls are the process not being scheduled. */
  pollerLoop: LoopWatchResult;
  details: Record<string, unknown>;
}

/** The gateway listening, and /health polled with the WAL's size where SQLite keeps one. */
async function listenAndPoll(
  gateway: Awaited<ReturnType<typeof startGateway>>,
  database: TemporaryDatabase,
) {
  const address = new URL(await gateway.server.listen());
  const walPath = gateway.store.dialect === "sqlite" ? `${sqliteFile(database)}-wal` : undefined;
  const polling = await startPoller({
    address: address.origin,
    intervalMilliseconds: pollEveryMs,
    walPath,
  });
  const loop = watchLoop();
  const poller = {
    async stop(): Promise<{ polled: HealthPollerResult; gatewayLoop: LoopWatchResult }> {
      const gatewayLoop = loop.stop();
      return { polled: await polling.stop(), gatewayLoop };
    },
  };
  return { address, walPath, poller };
}

async function batchScenario(): Promise<ScenarioResult> {
  const database = await temporaryDatabase();
  const gateway = await startGateway(database);
  let closed = false;
  try {
    // Written before the polling starts: this client shares the gateway's process and event
    // loop, and writing 50,000 lines (~10 MB) is one step of ~150–300 ms that /health would
    // wait behind, counted as the gateway's.
    const upload = multipart(jsonl(lineCount));
    const { address, walPath, poller } = await listenAndPoll(gateway, database);
    const started = performance.now();
    progress(`uploading ${lineCount} lines…`);
    const file = await postJson(address, "/v1/files", upload);
    const fileId = (file.body as { id?: string }).id;
    if (fileId === undefined) throw new Error(`Upload failed: ${JSON.stringify(file.body)}`);
    const uploadedMs = performance.now() - started;
    const batch = await postJson(address, "/v1/batches", {
      contentType: "application/json",
      body: Buffer.from(
        JSON.stringify({
          input_file_id: fileId,
          endpoint: "/v1/chat/completions",
          completion_window: "24h",
        }),
      ),
    });
    const batchId = (batch.body as { id?: string }).id;
    if (batchId === undefined) throw new Error(`Batch refused: ${JSON.stringify(batch.body)}`);
    const acceptedMs = performance.now() - started;
    progress(`batch ${batchId} accepted after ${(acceptedMs / 1000).toFixed(1)} s; waiting…`);
    let parkedMs: number | undefined;
    let lastTally = "";
    while (performance.now() - started < deadlineMs) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const counts = (await gateway.store.batches.counts([batchId])).get(batchId);
      const count = (state: keyof RequestCounts) => counts?.[state] ?? 0;
      const text = Object.entries(counts ?? {})
        .filter(([, value]) => value > 0)
        .map(([state, value]) => `${state} ${value}`)
        .join(", ");
      if (text !== lastTally) progress(text);
      lastTally = text;
      if (parkedMs === undefined && count("pending") + count("running") === 0) {
        parkedMs = performance.now() - started;
      }
      if (parkedMs !== undefined && performance.now() - started - parkedMs >= settleMs) break;
    }
    const [failed] = await gateway.store.batches.requests({
      states: ["failed"],
      batchId,
      limit: 1,
    });
    if (failed !== undefined) progress(`a failed line's reason: ${failed.reason ?? "none"}`);
    progress("stopping the poller…");
    const polled = await poller.stop();
    const states = lastTally;
    progress("closing the gateway…");
    await gateway.close();
    closed = true;
    return {
      scenario: `batch of ${lineCount} lines, cloud refused (${gateway.store.dialect})`,
      ...figures(polled.polled, polled.gatewayLoop),
      details: {
        uploadSeconds: round(uploadedMs / 1000),
        acceptedSeconds: round(acceptedMs / 1000),
        allParkedSeconds: parkedMs === undefined ? null : round(parkedMs / 1000),
        linesAtEnd: states,
        walLeftAfterClose:
          walPath === undefined ? null : existsSync(walPath) ? "present" : "removed",
      },
    };
  } finally {
    if (!closed) await gateway.close();
    await database.remove();
  }
}

async function socketsScenario(): Promise<ScenarioResult> {
  const database = await temporaryDatabase();
  const gateway = await startGateway(database);
  try {
    const { address, poller } = await listenAndPoll(gateway, database);
    progress(`${socketCount} slow sockets…`);
    const task: SlowSocketsTask = {
      host: address.hostname,
      port: Number(address.port),
      count: socketCount,
      parallel: 500,
      holdMilliseconds: holdMs,
    };
    const child = fork(new URL("./slow-sockets.js", import.meta.url), [JSON.stringify(task)]);
    if (child.pid !== undefined) setPriority(child.pid, clientNice);
    const sockets = await new Promise<SlowSocketsResult>((resolve, reject) => {
      child.once("message", (message) => {
        resolve(message as SlowSocketsResult);
      });
      child.once("error", reject);
      child.once("exit", (code) => {
        reject(new Error(`The slow-socket client exited with ${String(code)}.`));
      });
    });
    const polled = await poller.stop();
    return {
      scenario: `${socketCount} slow sockets (headers and "{", then nothing)`,
      ...figures(polled.polled, polled.gatewayLoop),
      details: { maxConnections: gateway.config.server.maxConnections, clientNice, ...sockets },
    };
  } finally {
    await gateway.close();
    await database.remove();
  }
}

async function temporaryDatabase(): Promise<TemporaryDatabase> {
  return values.database === "postgres"
    ? temporaryPostgresSchema(testPostgresUrl(), "colibri_bench_health")
    : temporarySqliteDatabase();
}

function sqliteFile(database: TemporaryDatabase): string {
  return database.url.slice("sqlite:".length);
}

async function startGateway(database: TemporaryDatabase): Promise<Gateway> {
  const config = parseConfig({
    home: database.home,
    database: database.url,
    server: { host: "127.0.0.1", port: 0 },
    router: { preRouter: { enabled: false } },
    providers: [
      {
        name: "down",
        baseUrl: `http://127.0.0.1:${await freePort()}/v1`,
        models: ["cloud-model"],
      },
    ],
    files: { quotaBytesPerTenant: null },
  });
  return buildGateway(config, {
    backend: new InstantBackend(),
    auditKey: "bench-audit-key-0123456789abcdef0123456789",
    onAuditFailure: () => undefined,
    defaultMaxTokens: 16,
    features: ["router", "files", "queue"],
  });
}

async function startPoller(task: HealthPollerTask) {
  const worker = new Worker(new URL("./health-poller.js", import.meta.url), { workerData: task });
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => {
      resolve();
    });
    worker.once("error", reject);
  });
  return {
    async stop(): Promise<HealthPollerResult> {
      const result = new Promise<HealthPollerResult>((resolve, reject) => {
        worker.once("message", (message: HealthPollerResult) => {
          resolve(message);
        });
        worker.once("error", reject);
      });
      worker.postMessage("stop");
      const polled = await result;
      await worker.terminate();
      return polled;
    },
  };
}

function figures(polled: HealthPollerResult, gatewayLoop: LoopWatchResult) {
  const latency = summarize(polled.latencies.map((milliseconds) => milliseconds * 1e6));
  return {
    polls: polled.latencies.length,
    failures: polled.failures,
    worstMs: round(latency.max / 1000),
    p99Ms: round(latency.p99 / 1000),
    p50Ms: round(latency.p50 / 1000),
    walMaxBytes: polled.walMaxBytes,
    rssMaxBytes: polled.rssMaxBytes,
    gatewayLoop,
    pollerLoop: polled.loop,
  };
}

/** `count` chat lines for the cloud model, ~200 bytes each. */
function jsonl(count: number): Buffer {
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    lines.push(
      JSON.stringify({
        custom_id: `linea-${index}`,
        method: "POST",
        url: "/v1/chat/completions",
        body: {
          model: "cloud-model",
          max_tokens: 16,
          messages: [{ role: "user", content: `Resume la consulta ${index} en una frase.` }],
        },
      }),
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

const boundary = "----colibri-health-benchmark";

function multipart(content: Buffer): { contentType: string; body: Buffer } {
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lote.jsonl"\r\n` +
          "Content-Type: application/jsonl\r\n\r\n",
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

/** POST a body on a connection of its own; resolves to the status and the parsed answer. */
function postJson(
  address: URL,
  path: string,
  payload: { contentType: string; body: Buffer },
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      new URL(path, address),
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": payload.contentType,
          "content-length": String(payload.body.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON: kept as text for the error message.
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(payload.body);
  });
}

const round = (value: number) => Math.round(value * 10) / 10;
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function report(machine: string, scenarios: readonly ScenarioResult[]): string {
  const stall = ({ gapMs, onCpuMs, waitingForCpuMs }: LoopStall) => {
    if (onCpuMs === null || waitingForCpuMs === null) return `${gapMs.toFixed(1)} ms`;
    const asleep = Math.max(0, gapMs - onCpuMs - waitingForCpuMs);
    return `${gapMs.toFixed(1)} ms = ${onCpuMs.toFixed(1)} on a CPU + ${waitingForCpuMs.toFixed(1)} waiting for one + ${asleep.toFixed(1)} asleep`;
  };
  const lines = [
    `/health under load (${machine}, load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(
        " ",
      )} at the end); GET /health every ${pollEveryMs} ms from a worker thread over one kept-alive connection.`,
    "",
    "scenario                                              polls  fail  worst ms  p99 ms  p50 ms  loop max ms  poller loop max ms  WAL max MB  RSS max MB",
  ];
  for (const result of scenarios) {
    lines.push(
      `${result.scenario.padEnd(52)} ${String(result.polls).padStart(6)} ${String(result.failures).padStart(5)} ${result.worstMs.toFixed(1).padStart(9)} ${result.p99Ms.toFixed(1).padStart(7)} ${result.p50Ms.toFixed(1).padStart(7)} ${result.gatewayLoop.delayMaxMs.toFixed(1).padStart(12)} ${result.pollerLoop.delayMaxMs.toFixed(1).padStart(19)} ${megabytes(result.walMaxBytes).padStart(11)} ${megabytes(result.rssMaxBytes).padStart(11)}`,
    );
    lines.push(
      `  gateway loop: delay p99 ${result.gatewayLoop.delayP99Ms.toFixed(1)} ms, ${result.gatewayLoop.stallsOver50Ms} stalls over 50 ms, ${result.gatewayLoop.workOver20Ms} with over 20 ms on a CPU, longest ${stall(result.gatewayLoop.worstStall)}; most work in one stall: ${result.gatewayLoop.busiestStall === null ? "not known" : stall(result.gatewayLoop.busiestStall)}`,
      `  poller loop:  delay p99 ${result.pollerLoop.delayP99Ms.toFixed(1)} ms, ${result.pollerLoop.stallsOver50Ms} stalls over 50 ms, longest ${stall(result.pollerLoop.worstStall)}`,
      `  ${JSON.stringify(result.details)}`,
    );
  }
  lines.push(
    "",
    "loop max: perf_hooks' event-loop delay of the gateway's thread. A stall's time on a CPU is the loop held by work;",
    "waiting for one is the OS running something else (the poller's own loop stalls the same way then).",
  );
  return `${lines.join("\n")}\n`;
}

const results: ScenarioResult[] = [];
if (values.scenario === "batch" || values.scenario === "both") results.push(await batchScenario());
if (values.scenario === "sockets" || values.scenario === "both") {
  results.push(await socketsScenario());
}
const machine = `${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${availableParallelism()} cores, Node ${process.version}`;
process.stdout.write(
  values.json ? `${JSON.stringify({ machine, results }, null, 2)}\n` : report(machine, results),
);
