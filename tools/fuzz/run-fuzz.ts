/**
 * `npm run fuzz`: a bounded, repeatable fuzzing run against the HTTP API, run before each release
 * (not in CI). A gateway (instant backend, SQLite in a temporary home, auth on) runs as a child
 * process with one cloud provider at a fake OpenAI-compatible cloud whose fault mode is switched
 * during the run; every route of the server's route table gets valid requests and mutated ones
 * (fast-check, seeded).
 *
 *   node dist-tools/tools/fuzz/run-fuzz.js [--requests 10000] [--seed 1] [--max-seconds 900]
 *     [--concurrency 8] [--switch-every 200] [--request-timeout-ms 30000] [--report FILE]
 *
 * It prints crashes (the gateway died or a request got no answer within the bound), every 5xx
 * and every error body not in OpenAI's shape (deduplicated by route, status and code; one
 * reproducing request each, in the JSON report), and the gateway's RSS at start and end (and with
 * each thousand requests' progress line, to tell a leak from a warm-up). Exit
 * code 1 when any of those is found.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import fc from "fast-check";
import type { RouteSummary } from "../../src/server/route-access.js";
import { FaultCloud, faultModes } from "./fault-cloud.js";
import { fuzzedRequest, plans, routeShares } from "./fuzz-cases.js";
import { FuzzFindings, type Finding } from "./fuzz-findings.js";
import { IdPool } from "./id-pool.js";
import { sendRaw } from "./raw-http.js";

const usage =
  "usage: node dist-tools/tools/fuzz/run-fuzz.js [--requests 10000] [--seed 1] [--max-seconds 900] [--concurrency 8] [--switch-every 200] [--request-timeout-ms 30000] [--report FILE]";

interface Options {
  requests: number;
  seed: number;
  maxSeconds: number;
  concurrency: number;
  switchEvery: number;
  requestTimeoutMs: number;
  report: string | undefined;
}

try {
  process.exitCode = (await fuzz(readOptions())) ? 1 : 0;
} catch (error) {
  process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "10000" },
      seed: { type: "string", default: "1" },
      "max-seconds": { type: "string", default: "900" },
      concurrency: { type: "string", default: "8" },
      "switch-every": { type: "string", default: "200" },
      "request-timeout-ms": { type: "string", default: "30000" },
      report: { type: "string" },
    },
    strict: true,
  });
  return {
    requests: whole("--requests", values.requests),
    seed: whole("--seed", values.seed, true),
    maxSeconds: whole("--max-seconds", values["max-seconds"]),
    concurrency: whole("--concurrency", values.concurrency),
    switchEvery: whole("--switch-every", values["switch-every"]),
    requestTimeoutMs: whole("--request-timeout-ms", values["request-timeout-ms"]),
    report: values.report,
  };
}

/** Runs the fuzzer; true when it found anything. */
async function fuzz(options: Options): Promise<boolean> {
  const progress = (text: string) => process.stderr.write(`fuzz: ${text}\n`);
  const home = await mkdtemp(join(tmpdir(), "colibri-fuzz-"));
  const reportFile = options.report ?? join(home, "report.json");
  const logFile = join(home, "gateway.log");
  const cloud = await FaultCloud.start();
  const tenantKey = `fuzz-tenant-${randomBytes(12).toString("hex")}`;
  const adminKey = `fuzz-admin-${randomBytes(12).toString("hex")}`;
  const gatewayHome = join(home, "gateway");
  const child = spawn(
    process.execPath,
    [
      fileURLToPath(new URL("fuzz-gateway.js", import.meta.url)),
      gatewayHome,
      cloud.url,
      tenantKey,
      adminKey,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stderr.pipe(createWriteStream(logFile));
  // Stopped by hand (Ctrl+C) or a timeout: the gateway goes too.
  const stopBoth = (signal: NodeJS.Signals) => {
    child.kill("SIGKILL");
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", stopBoth);
  process.once("SIGTERM", stopBoth);
  const findings = new FuzzFindings();
  let exited: string | undefined;
  child.once("exit", (code, signal) => {
    exited = `the gateway exited (code ${code ?? "none"}, signal ${signal ?? "none"})`;
  });
  let sampler: NodeJS.Timeout | undefined;
  try {
    const started = await handshake(child);
    const port = Number(new URL(started.url).port);
    const routes = started.routes;
    progress(
      `gateway ${started.url} (pid ${started.pid}), ${routes.length} routes; cloud ${cloud.url}; seed ${options.seed}; log ${logFile}`,
    );
    const rssStart = await rssOf(started.pid);
    let rssPeak = rssStart;
    // The latest sample, printed with the progress: a leak keeps climbing, a warm-up levels off.
    let rssNow = rssStart;
    sampler = setInterval(() => {
      void rssOf(started.pid).then(
        (rss) => {
          rssNow = rss;
          rssPeak = Math.max(rssPeak, rss);
        },
        () => undefined,
      );
    }, 500);

    const ids = new IdPool();
    const context = { tenantKey, adminKey, ids };
    const shares = routeShares(routes);
    const source = plans(options.seed);
    const modes = fc.sample(fc.constantFrom(...faultModes), { seed: options.seed, numRuns: 1_000 });
    const deadline = performance.now() + options.maxSeconds * 1_000;
    const startedAt = performance.now();
    let issued = 0;
    let stopped: string | undefined;
    const worker = async () => {
      while (issued < options.requests && stopped === undefined) {
        if (exited !== undefined) {
          stopped = exited;
          break;
        }
        if (performance.now() > deadline) {
          stopped = `--max-seconds ${options.maxSeconds} reached`;
          break;
        }
        const index = issued++;
        if (index % options.switchEvery === 0) {
          cloud.mode = modes[(index / options.switchEvery) % modes.length] ?? "ok";
          cloud.modelsDown = index % (options.switchEvery * 3) === 0;
        }
        const next = source.next();
        if (next.done === true) break;
        const plan = next.value;
        const fuzzed = fuzzedRequest(plan, shares, context);
        const outcome = await sendRaw(port, fuzzed.request, options.requestTimeoutMs);
        findings.record(fuzzed, outcome);
        if (outcome.kind === "response" && outcome.response.status < 300) {
          ids.learn(fuzzed.route.split(" ")[1] ?? "", parseJson(outcome.response.body));
        }
        if (findings.requests % 1_000 === 0) {
          progress(
            `${findings.requests} requests, ${Math.round((performance.now() - startedAt) / 1000)} s, cloud ${cloud.mode}, gateway RSS ${megabytes(rssNow)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const seconds = (performance.now() - startedAt) / 1000;
    clearInterval(sampler);
    if (exited !== undefined) findings.crash(exited);
    const rssEnd = exited === undefined ? await rssOf(started.pid) : 0;
    rssPeak = Math.max(rssPeak, rssEnd);
    if (exited === undefined) {
      const shutdown = await stop(child);
      if (shutdown !== undefined) findings.crash(shutdown);
    }

    const report = {
      seed: options.seed,
      requests: findings.requests,
      seconds: Number(seconds.toFixed(1)),
      stoppedEarly: stopped ?? null,
      routes: routes.map(({ method, url }) => `${method} ${url}`),
      statuses: Object.fromEntries([...findings.statuses].sort(([a], [b]) => a - b)),
      cloudCalls: Object.fromEntries(cloud.calls),
      rssBytes: { start: rssStart, end: rssEnd, peak: rssPeak, growth: rssEnd - rssStart },
      crashes: findings.crashes,
      serverErrors: [...findings.serverErrors.values()],
      nonOpenAiBodies: [...findings.nonOpenAiBodies.values()],
      unanswered: [...findings.unanswered.values()],
    };
    await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(formatReport(report, reportFile, logFile));
    return findings.failed;
  } finally {
    clearInterval(sampler);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await cloud.close();
    if (!findings.failed) await rm(gatewayHome, { recursive: true, force: true });
  }
}

interface Started {
  url: string;
  pid: number;
  routes: RouteSummary[];
}

/** The child's first stdout line: its URL, pid and route table. */
async function handshake(child: ChildProcess): Promise<Started> {
  if (child.stdout === null) throw new Error("The gateway has no stdout.");
  const lines = createInterface({ input: child.stdout });
  const timeout = setTimeout(() => child.kill("SIGKILL"), 60_000);
  try {
    for await (const line of lines) {
      const started = parseJson(Buffer.from(line)) as Partial<Started> | undefined;
      if (
        typeof started?.url === "string" &&
        Array.isArray(started.routes) &&
        typeof started.pid === "number"
      ) {
        return started as Started;
      }
    }
  } finally {
    clearTimeout(timeout);
  }
  throw new Error("The gateway exited before it was listening: see its log.");
}

/** SIGTERM, then the exit within 15 s; what went wrong, or undefined for a clean exit. */
async function stop(child: ChildProcess): Promise<string | undefined> {
  const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once("exit", (code, signal) => {
      resolve([code, signal]);
    });
  });
  child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) =>
    setTimeout(() => {
      resolve("timeout");
    }, 15_000).unref(),
  );
  const result = await Promise.race([exit, timeout]);
  if (result === "timeout") return "the gateway did not exit within 15 s of SIGTERM";
  const [code, signal] = result;
  return code === 0
    ? undefined
    : `the gateway exited with code ${code ?? "none"} (signal ${signal ?? "none"}) on SIGTERM`;
}

/** Resident set size of a process in bytes (Linux /proc, else ps). */
async function rssOf(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kilobytes = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    if (kilobytes !== undefined) return Number(kilobytes) * 1024;
  } catch {
    // not Linux: ask ps
  }
  const output = await new Promise<string>((resolve, reject) => {
    const ps = spawn("ps", ["-o", "rss=", "-p", String(pid)]);
    let text = "";
    ps.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    ps.on("error", reject);
    ps.on("close", () => {
      resolve(text);
    });
  });
  return Number(output.trim()) * 1024;
}

function formatReport(
  report: {
    seed: number;
    requests: number;
    seconds: number;
    stoppedEarly: string | null;
    statuses: Record<string, number>;
    cloudCalls: Record<string, number>;
    rssBytes: { start: number; end: number; peak: number; growth: number };
    crashes: Finding[];
    serverErrors: Finding[];
    nonOpenAiBodies: Finding[];
    unanswered: Finding[];
  },
  reportFile: string,
  logFile: string,
): string {
  const list = (title: string, items: Finding[]) => [
    `${title}: ${items.length}`,
    ...items.map(
      (item) =>
        `  ${item.key} ×${item.count}: ${item.problem}${item.response === undefined ? "" : ` — ${item.response.body.slice(0, 160).replace(/\s+/g, " ")}`}`,
    ),
  ];
  const { rssBytes } = report;
  return [
    `Colibrí fuzz: ${report.requests} requests in ${report.seconds} s (seed ${report.seed})${report.stoppedEarly === null ? "" : `, stopped early: ${report.stoppedEarly}`}`,
    `statuses: ${Object.entries(report.statuses)
      .map(([status, count]) => `${status}×${count}`)
      .join(" ")}`,
    `cloud calls by fault mode: ${Object.entries(report.cloudCalls)
      .map(([mode, count]) => `${mode}×${count}`)
      .join(" ")}`,
    ...list("crashes", report.crashes),
    ...list("5xx (by route, status, code)", report.serverErrors),
    ...list(
      "error bodies not in OpenAI's shape (or Anthropic's, on the Messages routes)",
      report.nonOpenAiBodies,
    ),
    ...list("connections closed without an answer", report.unanswered),
    `gateway RSS: start ${megabytes(rssBytes.start)}, end ${megabytes(rssBytes.end)}, growth ${megabytes(rssBytes.growth)}, peak ${megabytes(rssBytes.peak)}`,
    `report: ${reportFile}`,
    `gateway log: ${logFile}`,
    "",
  ].join("\n");
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function whole(flag: string, text: string, zero = false): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < (zero ? 0 : 1)) {
    throw new Error(
      `${flag} expects a whole number ${zero ? "≥ 0" : "> 0"}, got '${text}'. ${usage}`,
    );
  }
  return value;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
