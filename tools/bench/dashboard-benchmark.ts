/**
 * How long the dashboard's report takes over a busy store: `npm run bench:dashboard [records]`.
 * Fills a fresh SQLite store (and PostgreSQL, when reachable) with usage records spread over 30
 * days, then times the report the dashboard polls every 5 seconds, for 24 hours by hour and for
 * 7 and 30 days by day. Prints measured numbers; asserts nothing.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { dashboardReport, type Bucket } from "../../src/accounting/dashboard-report.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/core/records/store.js";
import type { UsageRecord } from "../../src/core/records/usage.js";
import {
  temporaryPostgresSchema,
  temporarySqliteDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from "./temporary-database.js";

const records = Number(process.argv[2] ?? 100_000);
const runs = 10;
const day = 86_400_000;
const targets = ["local", "local", "local", "cache", "openai"];
const routes: Record<string, string[]> = {
  local: ["local", "cascade-local"],
  cache: ["cache"],
  openai: ["cloud", "cascade-cloud"],
};

async function fill(store: Store, now: number): Promise<void> {
  const tenants = await Promise.all(
    ["clinica", "escuela", "prefeitura"].map((name) => store.tenants.ensure(name, now)),
  );
  const batch = 1_000;
  for (let start = 0; start < records; start += batch) {
    await store.transaction(async (repositories) => {
      for (let index = start; index < Math.min(records, start + batch); index++) {
        const target = targets[index % targets.length] ?? "local";
        const options = routes[target] ?? ["local"];
        const record: UsageRecord = {
          id: randomUUID(),
          createdAt: now - Math.floor((index / records) * 30 * day),
          requestId: randomUUID(),
          tenantId: tenants[index % tenants.length]?.id ?? "",
          keyId: null,
          endpoint: "chat.completions",
          model: target === "openai" ? "gpt-4o-mini" : "smollm2-135m-instruct",
          target,
          stream: index % 2 === 0,
          promptTokens: 200,
          completionTokens: 120,
          costUsd: target === "openai" ? 0.0001 : 0,
          referenceCostUsd: 0.0002,
          latencyMs: 150 + (index % 400),
          status: 200,
          outcome: "completed",
          route: options[index % options.length] ?? target,
          reason: "bench",
          confidence: target === "local" ? 0.8 : null,
          findings: null,
          language: null,
          responseId: null,
        };
        await repositories.usage.insert(record);
      }
    });
  }
}

async function measure(name: string, database: TemporaryDatabase): Promise<void> {
  const store = await openStore({ url: database.url, home: database.home });
  try {
    const now = Date.now();
    const filling = performance.now();
    await fill(store, now);
    console.log(
      `${name}: ${records.toLocaleString("en-US")} usage records over 30 days (filled in ${((performance.now() - filling) / 1000).toFixed(1)} s)`,
    );
    const cases: { range: string; since: number; bucket: Bucket }[] = [
      { range: "24h by hour", since: now - day, bucket: "hour" },
      { range: "7d by day", since: now - 7 * day, bucket: "day" },
      { range: "30d by day", since: now - 30 * day, bucket: "day" },
    ];
    for (const { range, since, bucket } of cases) {
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        await dashboardReport(store, { since, until: now, bucket, offsetMinutes: -180 }, now);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(runs / 2)] ?? 0;
      const max = times.at(-1) ?? 0;
      console.log(
        `  ${range.padEnd(12)} p50 ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms (${runs} runs)`,
      );
    }
  } finally {
    await store.close();
    await database.remove();
  }
}

await measure("SQLite", await temporarySqliteDatabase());
try {
  await measure("PostgreSQL", await temporaryPostgresSchema(testPostgresUrl()));
} catch (error) {
  console.log(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}`);
}
