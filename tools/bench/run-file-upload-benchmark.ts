/**
 * `npm run bench:upload`: how long one large POST /v1/files stalls the event loop (and so every
 * other request), on SQLite and on PostgreSQL, next to a 1 kB upload as the noise floor.
 *
 *   node dist-tools/tools/bench/run-file-upload-benchmark.js [--megabytes 49] [--runs 5] [--postgres URL]
 *
 * Prints measured numbers and never judges them; exits 1 only when an upload fails.
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { measureUploadStall, type UploadStallResult } from "./file-upload-benchmark.js";
import {
  isPostgresReachable,
  temporaryPostgresSchema,
  temporarySqliteDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from "./temporary-database.js";

const { values } = parseArgs({
  options: {
    megabytes: { type: "string", default: "49" },
    runs: { type: "string", default: "5" },
    postgres: { type: "string", default: testPostgresUrl() },
  },
  strict: true,
});
const bytes = Math.round(Number(values.megabytes) * 1024 * 1024);
const runs = Number(values.runs);
if (!(bytes > 0) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write(
    "usage: node dist-tools/tools/bench/run-file-upload-benchmark.js [--megabytes 49] [--runs 5] [--postgres URL]\n",
  );
  process.exit(2);
}

const databases: [string, () => Promise<TemporaryDatabase>][] = [
  ["sqlite", temporarySqliteDatabase],
];
if (await isPostgresReachable(values.postgres)) {
  databases.push(["postgres", () => temporaryPostgresSchema(values.postgres)]);
} else {
  process.stdout.write(`PostgreSQL at ${values.postgres} does not answer: SQLite only.\n`);
}

const format = (numbers: number[]) => numbers.map((value) => value.toFixed(0)).join(", ");
process.stdout.write(
  `${availableParallelism()} CPUs, load average ${loadavg()[0]?.toFixed(1) ?? "?"}; ${runs} runs each; milliseconds.\n`,
);
for (const [name, create] of databases) {
  const database = await create();
  try {
    for (const size of [1024, bytes]) {
      const results: UploadStallResult[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await measureUploadStall({
          databaseUrl: database.url,
          home: database.home,
          bytes: size,
        });
        if (result.status !== 200) throw new Error(`The upload answered ${result.status}.`);
        results.push(result);
      }
      process.stdout.write(
        `${name.padEnd(8)} ${String(results[0]?.bytes ?? size).padStart(9)} bytes: ` +
          `worst event-loop delay [${format(results.map((result) => result.loopDelay.max))}], ` +
          `slowest GET /health meanwhile [${format(results.map((result) => result.probes.maxMs))}], ` +
          `upload [${format(results.map((result) => result.uploadMs))}]\n`,
      );
    }
  } finally {
    await database.remove();
  }
}
