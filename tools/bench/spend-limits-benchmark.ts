/**
 * `npm run bench:limits`: how far 100 concurrent requests can push a tenant past its budget or
 * token limit, per route, on SQLite and on PostgreSQL. A limit of about one request's cost is
 * the hardest case: every request is admitted while the others are still in flight.
 *
 *   node dist/bench/spend-limits-benchmark.js [--concurrent 100] [--postgres URL] [--json]
 *
 * It prints measured numbers (spent ÷ budget, tokens ÷ limit) and never judges them.
 */
import { parseArgs } from "node:util";
import { parseConfig } from "../../src/config/load.js";
import { buildGateway } from "../../src/gateway/build-gateway.js";
import type { Store } from "../../src/core/records/store.js";
import { InstantBackend } from "./instant-backend.js";
import { budgetUsd, price, scenarios, tokensPerMinute } from "./spend-limits-scenarios.js";
import { StubCloud } from "./stub-cloud.js";
import {
  isPostgresReachable,
  temporaryPostgresSchema,
  temporarySqliteDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from "./temporary-database.js";

const adminKey = "bench-admin-key-0123456789abcdef";

interface Row {
  database: string;
  scenario: string;
  answered: number;
  refused: number;
  reachedCloud: number;
  /** spent ÷ budget, or tokens ÷ limit. */
  ratio: number;
  limit: string;
}

try {
  const { values } = parseArgs({
    options: {
      concurrent: { type: "string", default: "100" },
      postgres: { type: "string", default: testPostgresUrl() },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  const concurrent = Number(values.concurrent);
  if (!Number.isInteger(concurrent) || concurrent < 1 || concurrent > 1000) {
    throw new Error(
      `--concurrent must be a whole number from 1 to 1000, not "${values.concurrent}".`,
    );
  }
  const rows: Row[] = [];
  const databases: [string, () => Promise<TemporaryDatabase>][] = [
    ["SQLite", temporarySqliteDatabase],
  ];
  if (await isPostgresReachable(values.postgres)) {
    databases.push([
      "PostgreSQL",
      () => temporaryPostgresSchema(values.postgres, "colibri_limits"),
    ]);
  } else {
    process.stderr.write(`bench:limits: no PostgreSQL at ${values.postgres}; SQLite only\n`);
  }
  for (const [name, open] of databases) {
    const database = await open();
    try {
      rows.push(...(await measure(name, database, concurrent)));
    } finally {
      await database.remove();
    }
  }
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ concurrent, budgetUsd, tokensPerMinute, rows }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(format(rows, concurrent));
  }
} catch (error) {
  process.stderr.write(`bench:limits: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

async function measure(databaseName: string, database: TemporaryDatabase, concurrent: number) {
  const cloud = await StubCloud.start();
  const config = parseConfig({
    home: database.home,
    database: database.url,
    server: { host: "127.0.0.1", port: 0, auth: true, adminKey },
    providers: [
      {
        name: "nube",
        baseUrl: cloud.url,
        models: ["gpt-4o-mini"],
        timeouts: { connectMs: 200, firstByteMs: 2000, idleMs: 2000, totalMs: 10_000 },
        retry: { maxRetries: 0 },
        breaker: { failureThreshold: 1, openMs: 200 },
      },
    ],
    pricing: { models: { "gpt-4o-mini": price } },
    // Every auto request is escalated: the instant backend's confidence is below 0.99.
    router: { preRouter: { enabled: false }, cascade: { threshold: 0.99 } },
    queue: {
      pollMs: 20,
      leaseSeconds: 5,
      ratePerMinute: 60_000,
      probe: { intervalSeconds: 0.2, minBackoffSeconds: 0.05, maxBackoffSeconds: 0.2 },
    },
  });
  const gateway = await buildGateway(config, {
    backend: new InstantBackend(),
    auditKey: "bench-audit-key-0123456789abcdef0123",
    onAuditFailure: () => undefined,
    defaultMaxTokens: 64,
    features: ["router", "files", "queue"],
  });
  const { server, store, administration } = gateway;
  const rows: Row[] = [];
  try {
    const address = await server.listen();
    for (const [index, scenario] of scenarios.entries()) {
      const tenant = `bench-${index}`;
      const limits = {
        [scenario.limit]: scenario.limit === "tokensPerMinute" ? tokensPerMinute : budgetUsd,
      };
      const { key } = await administration.createKey({
        tenant,
        ...(scenario.onKey === true ? { limits } : {}),
      });
      if (scenario.onKey !== true) await store.tenants.updateLimits(tenant, limits);
      const before = cloud.received;
      const result = await scenario.run({ address, key, concurrent, cloud });
      const spent = await spentBy(store, tenant);
      rows.push({
        database: databaseName,
        scenario: scenario.name,
        ...result,
        reachedCloud: cloud.received - before,
        ratio:
          scenario.limit === "tokensPerMinute"
            ? spent.tokens / tokensPerMinute
            : spent.costUsd / budgetUsd,
        limit:
          scenario.limit === "tokensPerMinute"
            ? `${tokensPerMinute} tokens/min`
            : `$${budgetUsd} ${scenario.limit === "budgetUsdDay" ? "a day" : "a month"}${scenario.onKey === true ? " (key)" : ""}`,
      });
      process.stderr.write(`bench:limits: ${databaseName}, ${scenario.name}: done\n`);
    }
  } finally {
    await gateway.close();
    await cloud.close();
  }
  return rows;
}

async function spentBy(store: Store, tenantName: string) {
  const tenant = await store.tenants.findByName(tenantName);
  const records = (await store.usage.list({ since: 0, limit: 1_000_000 })).filter(
    (record) => record.tenantId === tenant?.id,
  );
  return {
    costUsd: records.reduce((sum, record) => sum + record.costUsd, 0),
    tokens: records.reduce((sum, record) => sum + record.promptTokens + record.completionTokens, 0),
  };
}

function format(rows: Row[], concurrent: number): string {
  const header = [
    "database",
    "route",
    "limit",
    "answered",
    "refused",
    "reached the cloud",
    "used ÷ limit",
  ];
  const lines = rows.map((row) => [
    row.database,
    row.scenario,
    row.limit,
    String(row.answered),
    String(row.refused),
    String(row.reachedCloud),
    row.ratio.toFixed(2),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const render = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [
    `${concurrent} concurrent requests per route; a request holds $0.044 (44 tokens) and costs $0.031 (31 tokens)`,
    render(header),
    render(widths.map((width) => "-".repeat(width))),
    ...lines.map(render),
    "",
  ].join("\n");
}
