/**
 * `npm run bench:gateway`: what the platform (auth, limits, accounting) adds to each request, with
 * SQLite and with PostgreSQL, at a fixed request rate and with a backend that answers instantly.
 *
 *   node dist-tools/tools/bench/run-gateway-benchmark.js [--rate 500] [--postgres-rate 100] [--requests 5000]
 *     [--warmup 1000] [--postgres URL] [--breakdown] [--json]
 *
 * PostgreSQL gets its own, lower default rate: on a small machine the database server shares the
 * CPU with the benchmark, and past its capacity latencies only measure the growing queue.
 *
 * It prints measured numbers and never judges them; it fails (exit 1) only when a run breaks or
 * the store does not hold exactly one usage record per request.
 */
import { availableParallelism, cpus } from "node:os";
import { parseArgs } from "node:util";
import {
  benchmarkGateway,
  type GatewayBenchmarkResult,
  type LatencySummary,
  type Measurement,
} from "./gateway-benchmark.js";
import {
  isPostgresReachable,
  temporaryPostgresSchema,
  temporarySqliteDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from "./temporary-database.js";

const usage =
  "usage: node dist-tools/tools/bench/run-gateway-benchmark.js [--rate 500] [--postgres-rate 100] [--requests 5000] [--warmup 1000] [--postgres URL] [--breakdown] [--json]";

try {
  const { values } = parseArgs({
    options: {
      rate: { type: "string", default: "500" },
      "postgres-rate": { type: "string", default: "100" },
      requests: { type: "string", default: "5000" },
      warmup: { type: "string", default: "1000" },
      postgres: { type: "string", default: testPostgresUrl() },
      breakdown: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  const schedule = {
    rate: positiveNumber("--rate", values.rate),
    requests: positiveNumber("--requests", values.requests, true),
    warmup: positiveNumber("--warmup", values.warmup, true, true),
  };
  const postgresSchedule = {
    ...schedule,
    rate: positiveNumber("--postgres-rate", values["postgres-rate"]),
  };
  const progress = (text: string) => process.stderr.write(`bench:gateway: ${text}\n`);
  const machine = {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };

  const results: GatewayBenchmarkResult[] = [];
  progress(`SQLite (temporary file, WAL), ${describeSchedule(schedule)}…`);
  results.push(await withDatabase(await temporarySqliteDatabase(), schedule));
  let postgresNotice: string | undefined;
  if (await isPostgresReachable(values.postgres)) {
    progress(`PostgreSQL (temporary schema), ${describeSchedule(postgresSchedule)}…`);
    results.push(
      await withDatabase(await temporaryPostgresSchema(values.postgres), postgresSchedule),
    );
  } else {
    postgresNotice = `PostgreSQL is not reachable at ${redact(values.postgres)}: SQLite only (pass --postgres URL or set COLIBRI_TEST_POSTGRES_URL).`;
    progress(postgresNotice);
  }

  process.stdout.write(
    values.json
      ? `${JSON.stringify({ machine, ...schedule, results, postgresNotice }, null, 2)}\n`
      : formatReport(results, machine, schedule, values.breakdown),
  );
  const mismatch = results.find((result) => !result.records.matches);
  if (mismatch !== undefined) {
    const { withPlatform, minimal } = mismatch.records;
    fail(
      `${mismatch.dialect}: the store holds ${withPlatform.found + minimal.found} usage records, expected ${withPlatform.expected + minimal.expected}.`,
    );
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

async function withDatabase(
  database: TemporaryDatabase,
  schedule: { rate: number; requests: number; warmup: number },
): Promise<GatewayBenchmarkResult> {
  try {
    return await benchmarkGateway({ databaseUrl: database.url, home: database.home, ...schedule });
  } finally {
    await database.remove();
  }
}

function fail(message: string): void {
  process.stderr.write(`bench:gateway: ${message.replace(/\s+/g, " ").trim()}\n`);
  process.exitCode = 1;
}

function positiveNumber(flag: string, text: string, integer = false, zero = false): number {
  const value = Number(text);
  const valid =
    Number.isFinite(value) &&
    (zero ? value >= 0 : value > 0) &&
    (!integer || Number.isInteger(value));
  if (!valid) {
    throw new Error(
      `${flag} expects ${integer ? "a whole number" : "a number"} ${zero ? "≥ 0" : "> 0"}, got '${text}'. ${usage}`,
    );
  }
  return value;
}

function describeSchedule(schedule: { rate: number; requests: number; warmup: number }): string {
  return `3 × ${schedule.requests} requests (+${schedule.warmup} warm-up) at ${schedule.rate}/s`;
}

function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#]*@/i, "$1:***@");
}

function formatReport(
  results: GatewayBenchmarkResult[],
  machine: { cores: number; cpu: string; node: string; platform: string },
  schedule: { rate: number; requests: number; warmup: number },
  breakdown: boolean,
): string {
  const cells = (backend: string, name: string, values: string[]) =>
    [backend.padEnd(10), name.padEnd(26), ...values.map((value) => value.padStart(10))].join("");
  const figures = (latency: LatencySummary) =>
    [latency.p50, latency.p90, latency.p99, latency.max].map((value) => value.toFixed(0));
  const row = (backend: string, name: string, measurement: Measurement) => {
    const saturated = measurement.servedRate < 0.97 * measurement.achievedRate;
    return cells(backend, name, [
      ...figures(measurement.latency),
      measurement.achievedRate.toFixed(1),
      `${measurement.servedRate.toFixed(1)}${saturated ? "*" : ""}`,
      measurement.startDelay.p99.toFixed(0),
    ]);
  };
  const lines = [
    `Colibrí gateway benchmark: open loop at a fixed rate (offered/s), ${schedule.requests} measured requests per row (+${schedule.warmup} warm-up), instant backend`,
    `machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}`,
    "",
    cells("backend", "measurement", [
      "p50 µs",
      "p90 µs",
      "p99 µs",
      "max µs",
      "offered/s",
      "served/s",
      "late µs",
    ]),
  ];
  for (const result of results) {
    const overhead = result.platformOverhead;
    lines.push(row(result.dialect, "platform overhead", overhead));
    if (breakdown) {
      for (const part of ["authenticate", "admit", "settle"] as const) {
        lines.push(cells("", `  ${part}`, figures(overhead.breakdown[part])));
      }
    }
    lines.push(cells(result.dialect, "platform, back to back", figures(result.platformBackToBack)));
    lines.push(row(result.dialect, "end-to-end with platform", result.endToEndWithPlatform));
    lines.push(row(result.dialect, "end-to-end minimal", result.endToEndMinimal));
  }
  lines.push("");
  for (const result of results) {
    const { withPlatform, minimal, matches } = result.records;
    lines.push(
      `usage records in ${result.dialect}: ${withPlatform.found}/${withPlatform.expected} for the keyed tenant, ${minimal.found}/${minimal.expected} for the unlimited one, warm-up included (${matches ? "as expected" : "MISMATCH"})`,
    );
  }
  lines.push(
    "",
    "platform overhead = authenticate + admit + settle called directly (key lookup by hash, counter reads,",
    "  an atomic requests-per-minute take, a usage record and counter upserts in one transaction);",
    "back to back = the same calls one after another (no overlap, no timers): each request's own cost;",
    "end-to-end = app.inject of a non-streaming POST /v1/chat/completions (no sockets), with a tenant key",
    "  whose limits are all set (with platform) or with auth off and an unlimited tenant (minimal);",
    "offered/s = requests started per second; served/s = completed per second (* = could not keep up,",
    "  so latencies include the growing queue); late µs = p99 of how late requests started (timers).",
  );
  const sqlite = results.find((result) => result.dialect === "sqlite");
  if (sqlite !== undefined) {
    lines.push(
      `issue goal: SQLite platform overhead p99 under 1000 µs on this machine; measured ${sqlite.platformOverhead.latency.p99.toFixed(0)} µs.`,
    );
  }
  return `${lines.join("\n")}\n`;
}
