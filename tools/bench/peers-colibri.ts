/**
 * bench:peers' Colibrí, run as its own process (forked) so its CPU time and RSS are its own: the
 * gateway as `colibri serve` builds it (every feature, request log at info, provider log on the
 * server's log), over a SQLite file in a temporary home, with auth on, one tenant key with every
 * limit set (never reached), the privacy guard and accounting on, and the benchmark's stub as the
 * cloud provider of gpt-4o-mini. The local model is an instant stand-in and is never asked: every
 * request names the cloud model. It sends { url, key } to the parent once listening; on "count"
 * it answers the usage records written; on "close" (or SIGTERM) it closes the gateway and exits.
 *
 *   argv: <stub base URL, e.g. http://127.0.0.1:4567/v1> <home folder>
 */
import { join } from "node:path";
import { parseConfig } from "../../src/config/load.js";
import { buildGateway } from "../../src/gateway/build-gateway.js";
import { requestLogOptions } from "../../src/server/request-log.js";
import { InstantBackend } from "./instant-backend.js";

const [stubUrl, home] = process.argv.slice(2);
if (stubUrl === undefined || home === undefined) {
  process.stderr.write("usage: peers-colibri.js <stub base URL> <home folder>\n");
  process.exit(2);
}
const tenant = "bench-peers";
const limits = {
  budgetUsdDay: 1_000_000,
  budgetUsdMonth: 10_000_000,
  requestsPerMinute: 1_000_000_000,
  tokensPerMinute: 1_000_000_000_000,
};

const config = parseConfig({
  home,
  database: `sqlite:${join(home, "colibri.db")}`,
  server: {
    host: "127.0.0.1",
    port: 0,
    auth: true,
    adminKey: "bench-peers-admin-key-0123456789abcdef",
  },
  providers: [{ name: "stub", baseUrl: stubUrl, models: ["gpt-4o-mini"] }],
});
const gateway = await buildGateway(config, {
  backend: new InstantBackend(),
  auditKey: "bench-audit-key-0123456789abcdef0123456789",
  providerLogger: "server",
  logger: requestLogOptions("info"),
});
const { key } = await gateway.administration.createKey({ tenant, limits, name: "bench:peers" });
await gateway.store.tenants.updateLimits(tenant, limits);
const url = await gateway.server.listen();

let closing: Promise<void> | undefined;
const close = () => {
  closing ??= gateway.close().then(() => process.exit(0));
  return closing;
};
process.on("SIGTERM", () => void close());
process.on("disconnect", () => void close());
process.on("message", (message: unknown) => {
  if (message === "close") void close();
  if (message === "count") {
    void gateway.store.usage.totals({ since: 0 }).then((totals) => {
      process.send?.({ records: totals.reduce((sum, total) => sum + total.requests, 0) });
    });
  }
});
process.send?.({ url, key });
