import type { Command } from "commander";
import { Administration } from "../../tenancy/administration.js";
import type { UsageFigures, UsageReport } from "../../accounting/usage-report.js";
import { parseWhen } from "../../core/report-time.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import { formatCount, formatPercent, formatTime, formatUsd, writeJson } from "../tenancy-format.js";
import { plural } from "../plural.js";

interface UsageOptions extends DatabaseOptions {
  since: string;
  until?: string;
  tenant?: string;
  json?: boolean;
}

export function registerUsageCommand(program: Command, context: CliContext): void {
  databaseOption(
    program
      .command("usage")
      .description(
        "Show requests, tokens, spend and the saving against an all-cloud setup, per tenant and per target (local or a cloud provider).",
      )
      .option("--since <when>", "start: a duration back from now (30d, 24h, 90m) or a date", "30d")
      .option("--until <when>", "end: a duration back from now or a date (default: now)")
      .option("--tenant <name>", "only this tenant")
      .option("--json", "print the report as JSON"),
  )
    .addHelpText(
      "after",
      `
"All cloud" is what the same tokens would have cost on the reference model
(pricing.referenceModel in the config); the saving is the difference.

Examples:
  colibri usage                                  # the last 30 days
  colibri usage --since 24h --tenant acme
  colibri usage --since 2025-06-01 --until 2025-07-01
  colibri usage --json | jq '.total.savingUsd'`,
    )
    .action(async (options: UsageOptions) => {
      const now = Date.now();
      const since = parseWhen("--since", options.since, now);
      const until =
        options.until === undefined ? undefined : parseWhen("--until", options.until, now);
      await withStore(context, options, async (store, config) => {
        const report = await new Administration({ store, pricing: config.pricing }).usageReport({
          since,
          until,
          tenant: options.tenant,
        });
        if (options.json === true) {
          writeJson(context.stdout, report);
          return;
        }
        context.stdout.write(describeReport(report, options.tenant));
      });
    });
}

function describeReport(report: UsageReport, tenant: string | undefined): string {
  const range = `${formatTime(report.since)} to ${formatTime(report.until)}`;
  const scope = tenant === undefined ? "" : ` for tenant "${tenant}"`;
  if (report.tenants.length === 0) return `No usage${scope} from ${range}.\n`;
  const header = [
    "TENANT / TARGET",
    "REQUESTS",
    "FAILED",
    "PROMPT TOK",
    "COMPL TOK",
    "SPENT",
    "ALL CLOUD",
    "SAVING",
    "SAVING %",
  ];
  const rows: string[][] = [header];
  for (const usage of report.tenants) {
    rows.push(row(usage.tenant, usage));
    for (const target of usage.targets) rows.push(row(`  ${target.target}`, target));
  }
  if (report.tenants.length > 1) rows.push(row("TOTAL", report.total));
  const reference =
    report.referenceModel === null ? "" : ` (all cloud: every request on ${report.referenceModel})`;
  const lines = [
    `Usage${scope} from ${range}${reference}`,
    "",
    formatTable(rows, [1, 2, 3, 4, 5, 6, 7, 8]),
  ];
  const total = report.total;
  lines.push(
    "",
    `Total: ${plural(total.requests, "request", "requests", formatCount)}; spent ${formatUsd(total.costUsd)} instead of ${formatUsd(total.referenceCostUsd)} all cloud, a saving of ${formatUsd(total.savingUsd)} (${formatPercent(total.savingPercent)}).`,
  );
  return `${lines.join("\n")}\n`;
}

function row(label: string, figures: UsageFigures): string[] {
  return [
    label,
    formatCount(figures.requests),
    formatCount(figures.unsuccessful),
    formatCount(figures.promptTokens),
    formatCount(figures.completionTokens),
    formatUsd(figures.costUsd),
    formatUsd(figures.referenceCostUsd),
    formatUsd(figures.savingUsd),
    formatPercent(figures.savingPercent),
  ];
}
