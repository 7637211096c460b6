import { createInterface } from "node:readline";
import type { Command } from "commander";
import { InvalidRequestError } from "../../core/errors.js";
import { DataRemoval, type TenantPurge } from "../../retention/data-removal.js";
import { sweepRetention, type SweepReport } from "../../retention/retention-sweep.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import { writeJson } from "../tenancy-format.js";
import { plural } from "../plural.js";
import { normalizeTenantName } from "../../core/tenant-name.js";

interface PurgeOptions extends DatabaseOptions {
  tenant?: string;
  deleteTenant?: boolean;
  expired?: boolean;
  yes?: boolean;
  json?: boolean;
}

export function registerPurgeCommand(program: Command, context: CliContext): void {
  databaseOption(
    program
      .command("purge")
      .description(
        "Delete what the store keeps about requests: everything of one tenant (--tenant), or what is older than the retention periods (--expired).",
      )
      .option(
        "--tenant <name>",
        "delete everything stored for this tenant's requests: files, batches and their lines, cached answers, usage and egress-audit records, limit counters",
      )
      .option("--delete-tenant", "with --tenant: delete the tenant and its API keys too")
      .option(
        "--expired",
        "delete what is older than the config's retention.* periods (the server does this hourly)",
      )
      .option("--yes", "do not ask for confirmation (scripts)")
      .option("--json", "print what was removed as JSON"),
  )
    .addHelpText(
      "after",
      `
A data-protection request (LGPD, Ley 1581, GDPR) for a tenant's data needs --tenant:
the tenant and its keys stay, with nothing stored about their requests, unless
--delete-tenant is given too. It asks you to type the tenant's name first.
The same over HTTP: DELETE /admin/tenants/{name}/data[?delete_tenant=true].

Retention periods (days; null keeps the data): retention.batchBodiesDays (30),
retention.batchFilesDays (30), retention.cacheDays (30), retention.usageDays (400),
retention.auditDays (400). See docs/configuration.md.

Examples:
  colibri purge --tenant acme                    # asks you to type "acme"
  colibri purge --tenant acme --yes --json       # in a script
  colibri purge --tenant acme --delete-tenant    # the tenant and its keys too
  colibri purge --expired                        # apply the retention periods now
  colibri purge --tenant acme --database postgres://colibri@db:5432/colibri`,
    )
    .action(async (options: PurgeOptions) => {
      if ((options.tenant === undefined) === (options.expired !== true)) {
        throw new InvalidRequestError(
          "Say what to purge: --tenant NAME (everything of one tenant) or --expired (what is past the retention periods). See colibri purge --help.",
        );
      }
      if (options.deleteTenant === true && options.tenant === undefined) {
        throw new InvalidRequestError("--delete-tenant goes with --tenant NAME.");
      }
      await withStore(context, options, async (store, config) => {
        if (options.tenant === undefined) {
          const report = await sweepRetention(store, config.retention, Date.now());
          if (options.json === true) writeJson(context.stdout, report);
          else context.stdout.write(describeSweep(report));
          return;
        }
        const tenant = normalizeTenantName(options.tenant);
        const account = options.deleteTenant === true;
        const removal = new DataRemoval({ store, defaultTenant: config.limits.defaultTenant });
        // Asked only when there is something to ask about: an unknown tenant (or the default
        // one with --delete-tenant) is refused by purgeTenant at once.
        const refused = account && tenant === config.limits.defaultTenant;
        if (
          options.yes !== true &&
          !refused &&
          (await store.tenants.findByName(tenant)) !== undefined
        ) {
          await confirm(context, tenant, account);
        }
        const purge = await removal.purgeTenant(tenant, { account });
        if (options.json === true) writeJson(context.stdout, purge);
        else context.stdout.write(describePurge(purge));
      });
    });
}

/** Ask on stderr for the tenant's name to be typed on stdin; throws unless it is. */
async function confirm(context: CliContext, tenant: string, account: boolean): Promise<void> {
  context.stderr.write(
    `This deletes everything stored for tenant "${tenant}"'s requests (files, batches, cached answers, usage and egress-audit records, counters)${account ? ", and the tenant with its API keys" : ""}. It cannot be undone.\nType the tenant's name to go on: `,
  );
  const lines = createInterface({ input: context.stdin, crlfDelay: Infinity });
  let answer: string | undefined;
  for await (const line of lines) {
    answer = line.trim();
    break;
  }
  lines.close();
  if (answer === undefined || normalizeTenantName(answer) !== tenant) {
    throw new InvalidRequestError(
      `Not confirmed (expected "${tenant}"${answer === undefined ? ", got nothing" : `, got "${answer}"`}): nothing was deleted. Add --yes to purge without asking.`,
    );
  }
}

function describePurge(purge: TenantPurge): string {
  const rows = Object.entries(purge.removed).map(([table, count]) => [table, String(count)]);
  const total = Object.values(purge.removed).reduce((sum, count) => sum + count, 0);
  const kept = purge.account
    ? "the tenant and its keys are gone too"
    : "the tenant and its keys stay";
  return `Purged tenant "${purge.tenant}": ${plural(total, "row", "rows")} deleted; ${kept}.\n${formatTable([["TABLE", "ROWS"], ...rows], [1])}\n`;
}

function describeSweep(report: SweepReport): string {
  const rows: [string, number][] = [
    ["batch files deleted", report.files],
    ["batch lines blanked", report.batchBodies],
    ["cache entries deleted", report.cacheEntries],
    ["usage records deleted", report.usageRecords],
    ["feedback deleted", report.feedback],
    ["training pairs deleted", report.trainingPairs],
    ["egress records deleted", report.egressRecords],
    ["abandoned upload chunks", report.orphanChunks],
  ];
  return `Removed what is past the retention periods (retention.* in the config):\n${formatTable(
    [["WHAT", "COUNT"], ...rows.map(([what, count]) => [what, String(count)])],
    [1],
  )}\n`;
}
