import type { Command } from "commander";
import { dashboardReport, type Bucket } from "../../accounting/dashboard-report.js";
import { parseWhen } from "../../core/report-time.js";
import { tenantIdByName } from "../../tenancy/tenant-not-found.js";
import { InvalidRequestError } from "../../core/errors.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import { formatCount, formatPercent, formatUsd, writeJson } from "../tenancy-format.js";
import { plural } from "../plural.js";

interface StatsOptions extends DatabaseOptions {
  since: string;
  until?: string;
  tenant?: string;
  bucket?: string;
  tz: string;
  json?: boolean;
}

export function registerStatsCommand(program: Command, context: CliContext): void {
  databaseOption(
    program
      .command("stats")
      .description(
        "What the dashboard's overview shows, in the terminal: answers by source, the saving against all-cloud, escalations and the personal data found, over a time range.",
      )
      .option("--since <when>", "start: a duration back from now (30d, 24h, 90m) or a date", "7d")
      .option("--until <when>", "end: a duration back from now or a date (default: now)")
      .option("--tenant <name>", "only this tenant")
      .option("--bucket <size>", "hour or day, for --json's series (default: by the range)")
      .option("--tz <minutes>", "your offset from UTC in minutes (São Paulo: -180), for days", "0")
      .option("--json", "print the report as JSON (as GET /admin/dashboard, without live state)"),
  )
    .addHelpText(
      "after",
      `
The same report the dashboard at /ui draws (docs/admin-api.md), read from the
store, so it works while the server is down.

Examples:
  colibri stats                                  # the last 7 days
  colibri stats --since 24h --tenant clinica
  colibri stats --json --tz -180 | jq '.series[] | {start, requests, savedUsd}'`,
    )
    .action(async (options: StatsOptions) => {
      const now = Date.now();
      const since = parseWhen("--since", options.since, now);
      const until = options.until === undefined ? now : parseWhen("--until", options.until, now);
      const tz = Number(options.tz);
      if (!Number.isInteger(tz) || Math.abs(tz) > 840) {
        throw new InvalidRequestError(
          `--tz is minutes from UTC, -840 to 840; got "${options.tz}".`,
        );
      }
      if (options.bucket !== undefined && options.bucket !== "hour" && options.bucket !== "day") {
        throw new InvalidRequestError(`--bucket is hour or day; got "${options.bucket}".`);
      }
      await withStore(context, options, async (store) => {
        const tenantId = await tenantIdByName(store.tenants, options.tenant);
        const report = await dashboardReport(
          store,
          {
            since,
            until,
            bucket: options.bucket as Bucket | undefined,
            offsetMinutes: tz,
            tenantId,
          },
          now,
        );
        if (options.json === true) {
          writeJson(context.stdout, report);
          return;
        }
        const { totals, today, privacy, languages } = report;
        const share = (part: number) =>
          totals.requests === 0 ? "—" : formatPercent((100 * part) / totals.requests);
        const rows = [
          ["", "requests", "share"],
          ["local", formatCount(totals.local), share(totals.local)],
          ["cloud", formatCount(totals.cloud), share(totals.cloud)],
          ["cache", formatCount(totals.cache), share(totals.cache)],
          ["all", formatCount(totals.requests), ""],
        ];
        const listed = (count: (entry: (typeof privacy.byType)[number]) => number) =>
          privacy.byType
            .filter((entry) => count(entry) > 0)
            .map((entry) => `${entry.type} ${formatCount(count(entry))}`)
            .join(", ") || "none";
        const spoken =
          languages
            .map(
              (entry) =>
                `${entry.language} ${formatCount(entry.requests)} (${formatPercent(100 * entry.cloudShare)} cloud)`,
            )
            .join(", ") || "none";
        const found = listed((entry) => entry.found);
        const outbound = listed((entry) => entry.sent + entry.blocked + entry.keptLocal);
        context.stdout.write(
          `${options.tenant === undefined ? "All tenants" : `Tenant "${options.tenant}"`}, ${report.range.since.slice(0, 16)}Z to ${report.range.until.slice(0, 16)}Z\n\n` +
            `${formatTable(rows, [1, 2])}\n\n` +
            `Saved ${formatUsd(totals.savedUsd)}: spent ${formatUsd(totals.costUsd)} of the ${formatUsd(totals.referenceCostUsd)} all-cloud would have cost.\n` +
            `Today: ${plural(today.requests, "request", "requests", formatCount)}, ${formatUsd(today.savedUsd)} saved. Errors: ${formatCount(totals.errors)}. ` +
            `Escalations: ${formatCount(totals.escalations)} of ${plural(totals.cascades, "cascade", "cascades", formatCount)}.\n` +
            `Languages: ${spoken}.\n` +
            `Personal data found: ${found} (in ${plural(privacy.withPersonalData, "request", "requests", formatCount)}).\n` +
            `Bound for the cloud: ${formatCount(privacy.requests.sent)} sent, ${formatCount(privacy.requests.blocked)} blocked, ${formatCount(privacy.requests.keptLocal)} kept local; personal data in them: ${outbound}.\n`,
        );
      });
    });
}
