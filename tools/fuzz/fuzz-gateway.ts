/**
 * The gateway the fuzzer attacks, run as a child process of `npm run fuzz` so that a crash is
 * seen as the process dying and its memory is its own:
 *
 *   node dist-tools/tools/fuzz/fuzz-gateway.js <home> <cloud base URL> <tenant key> <admin key>
 *
 * It is built from the shipped runtime (dist/) as `colibri serve` builds one (buildGateway, every feature, a SQLite file in
 * <home>, auth on) with the instant backend in place of a model and one cloud provider at the
 * fuzzer's fault cloud, with short timeouts so that a hung cloud costs seconds, not minutes. Once
 * listening it writes one JSON line to stdout: its URL, pid and route table. SIGTERM closes it.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { InstantBackend } from "../bench/instant-backend.js";
import { fuzzCloudModel, fuzzCloudProvider } from "./fuzz-names.js";

const [home, cloudUrl, tenantKey, adminKey] = process.argv.slice(2);
if (
  home === undefined ||
  cloudUrl === undefined ||
  tenantKey === undefined ||
  adminKey === undefined
) {
  process.stderr.write(
    "usage: node dist-tools/tools/fuzz/fuzz-gateway.js <home> <cloud base URL> <tenant key> <admin key>\n",
  );
  process.exit(2);
}

// The runtime as it ships (dist/, built by `npm run fuzz`), so that the bundled pre-router and the
// dashboard's files are found where a real start finds them.
const { buildGateway, parseConfig } = (await import(
  new URL("../../../dist/index.js", import.meta.url).href
)) as typeof import("../../src/index.js");

const config = parseConfig({
  home,
  database: `sqlite:${join(home, "colibri.db")}`,
  server: {
    host: "127.0.0.1",
    port: 0,
    auth: true,
    apiKey: tenantKey,
    adminKey,
    // An unfinished body is cut after 3 s (the fuzzer sends a few on purpose).
    requestTimeoutMs: 3_000,
    shutdownGraceMs: 3_000,
  },
  providers: [
    {
      name: fuzzCloudProvider,
      baseUrl: cloudUrl,
      models: [fuzzCloudModel],
      timeouts: { connectMs: 1_000, firstByteMs: 1_500, idleMs: 1_500, totalMs: 6_000 },
      retry: { maxRetries: 1, baseDelayMs: 20, maxDelayMs: 100 },
      breaker: { failureThreshold: 5, openMs: 2_000 },
    },
  ],
  router: {
    // The instant backend's confidence (~0.9) is below this: every cascade escalates.
    cascade: { threshold: 0.95 },
    rules: [
      { name: "fuzz-cloud", when: { metadata: { route: "cloud" } }, route: "cloud" },
      { name: "fuzz-cascade", when: { metadata: { route: "cascade" } }, route: "cascade" },
    ],
  },
});

const gateway = await buildGateway(config, {
  backend: new InstantBackend(),
  auditKey: randomBytes(32).toString("hex"),
  defaultMaxTokens: 16,
  // Server errors (with their stack) go to stderr, which the fuzzer keeps in its report folder.
  logger: { level: "error", stream: process.stderr },
  providerLogger: "server",
});
const url = await gateway.server.listen();
process.stdout.write(
  `${JSON.stringify({ url, pid: process.pid, routes: gateway.server.routes() })}\n`,
);

process.once("SIGTERM", () => {
  gateway.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`Could not close the gateway: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
