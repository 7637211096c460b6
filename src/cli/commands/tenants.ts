import { Option, type Command } from "commander";
import { Administration, type TenantDetails } from "../../tenancy/administration.js";
import { InvalidRequestError } from "../../core/errors.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import {
  limitFlagList,
  limitOptions,
  limitsFromFlags,
  type LimitFlagValues,
} from "../limit-flags.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import {
  describeLimits,
  formatCount,
  formatTime,
  formatUsd,
  writeJson,
} from "../tenancy-format.js";
import { plural } from "../plural.js";

interface JsonOptions extends DatabaseOptions {
  json?: boolean;
}

type SetOptions = JsonOptions & LimitFlagValues & { keepTrainingPairs?: "on" | "off" };

export function registerTenantsCommand(program: Command, context: CliContext): void {
  const tenants = program
    .command("tenants")
    .description("List tenants, show what they spent, and set their budgets and rate limits.")
    .addHelpText(
      "after",
      `
Examples:
  colibri tenants list
  colibri tenants show acme
  colibri tenants set acme --budget-usd 100 --rpm 600`,
    );

  databaseOption(
    tenants
      .command("list")
      .description("List tenants with their limits and active keys.")
      .option("--json", "print the tenants as JSON"),
  )
    .addHelpText(
      "after",
      `
Examples:
  colibri tenants list
  colibri tenants list --json | jq -r '.[].name'`,
    )
    .action(async (options: JsonOptions) => {
      await withStore(context, options, async (store) => {
        const list = await new Administration({ store }).listTenants();
        if (options.json === true) {
          writeJson(context.stdout, list);
          return;
        }
        if (list.length === 0) {
          context.stdout.write(
            "No tenants yet. One is created with its first key: colibri keys create --tenant NAME\n",
          );
          return;
        }
        const table = [
          ["NAME", "KEYS", "LIMITS", "CREATED"],
          ...list.map((tenant) => [
            tenant.name,
            String(tenant.activeKeys),
            describeLimits(tenant),
            formatTime(tenant.createdAt),
          ]),
        ];
        context.stdout.write(`${formatTable(table)}\n`);
      });
    });

  databaseOption(
    tenants
      .command("show")
      .description(
        "Show a tenant: its limits, its keys, and what it used this minute, today and this month (UTC).",
      )
      .argument("<name>", "tenant name (see: colibri tenants list)")
      .option("--json", "print the tenant as JSON"),
  )
    .addHelpText(
      "after",
      `
Examples:
  colibri tenants show acme
  colibri tenants show acme --json | jq .current.month`,
    )
    .action(async (name: string, options: JsonOptions) => {
      await withStore(context, options, async (store) => {
        const details = await new Administration({ store }).showTenant(name);
        if (options.json === true) {
          writeJson(context.stdout, details);
          return;
        }
        context.stdout.write(describeTenant(details));
      });
    });

  const set = tenants
    .command("set")
    .description(
      "Set or remove a tenant's limits and its consent to keep training pairs (the tenant is created if it does not exist). What is not given stays as it is.",
    )
    .argument(
      "<name>",
      'tenant name: letters (accents too), digits, spaces, . _ - (quoted when it has spaces: "São Paulo")',
    );
  limitOptions(set, { removable: true })
    .addOption(
      new Option(
        "--keep-training-pairs <on|off>",
        "keep the tenant's requests escalated to the cloud, as sent (masked by the privacy guard) with the cloud's answer, for `colibri tune dataset` (off by default)",
      ).choices(["on", "off"]),
    )
    .option("--json", "print the tenant as JSON");
  databaseOption(set)
    .addHelpText(
      "after",
      `
Every key's own limits apply on top of its tenant's.

Examples:
  colibri tenants set acme --budget-usd 100 --budget-usd-day 10
  colibri tenants set acme --rpm 600 --tpm 200000
  colibri tenants set "São Paulo" --budget-usd 50
  colibri tenants set acme --budget-usd none          # remove the monthly budget
  colibri tenants set acme --keep-training-pairs on   # consent to keep training pairs`,
    )
    .action(async (name: string, options: SetOptions) => {
      const limits = limitsFromFlags(options, { removable: true });
      const consent = options.keepTrainingPairs;
      if (Object.keys(limits).length === 0 && consent === undefined) {
        throw new InvalidRequestError(
          `Nothing to set: give at least one of ${limitFlagList} (a number, or none to remove the limit), or --keep-training-pairs on|off.`,
        );
      }
      await withStore(context, options, async (store) => {
        const { tenant, created } = await new Administration({ store }).setTenant(name, {
          ...limits,
          ...(consent === undefined ? {} : { keepTrainingPairs: consent === "on" }),
        });
        if (options.json === true) {
          writeJson(context.stdout, { ...tenant, created });
          return;
        }
        context.stdout.write(
          `${created ? "Created" : "Updated"} tenant "${tenant.name}". Limits: ${describeLimits(tenant)}.${consent === undefined ? "" : ` Training pairs: ${tenant.keepTrainingPairs ? "kept" : "not kept"}.`}\n`,
        );
      });
    });
}

function describeTenant(details: TenantDetails): string {
  const { tenant, keys, activeKeys, current } = details;
  const revoked = keys.length - activeKeys;
  const { minute, day, month } = current;
  const of = (limit: number | null) => (limit === null ? "" : ` of ${formatCount(limit)}`);
  const budget = (spent: typeof day) =>
    spent.budgetUsd === null || spent.remainingUsd === null
      ? `${formatUsd(spent.costUsd)} spent (no budget)`
      : `${formatUsd(spent.costUsd)} spent of ${formatUsd(spent.budgetUsd)} (${formatUsd(spent.remainingUsd)} left)`;
  const rows: [string, string][] = [
    ["Limits:", describeLimits(tenant)],
    ["Training:", tenant.keepTrainingPairs ? "pairs kept (consent given)" : "pairs not kept"],
    ["Keys:", `${activeKeys} active${revoked > 0 ? `, ${revoked} revoked` : ""}`],
    [
      "This minute:",
      // Requests are only counted per minute while a requests-per-minute limit is set.
      `${minute.requestsPerMinute === null ? "" : `${plural(minute.requests, "request", "requests", formatCount)}${of(minute.requestsPerMinute)}, `}${plural(minute.tokens, "token", "tokens", formatCount)}${of(minute.tokensPerMinute)} (resets ${formatTime(minute.resetsAt)})`,
    ],
    ["Today:", `${budget(day)} (resets ${formatTime(day.resetsAt)})`],
    ["This month:", `${budget(month)} (resets ${formatTime(month.resetsAt)})`],
  ];
  const lines = [
    `Tenant ${tenant.name} (created ${formatTime(tenant.createdAt)})`,
    ...rows.map(([label, text]) => `  ${label.padEnd(13)}${text}`),
  ];
  const active = keys.filter((key) => key.revokedAt === null);
  if (active.length > 0) {
    const table = [
      ["ID", "PREFIX", "NAME", "LIMITS", "CREATED"],
      ...active.map((key) => [
        key.id.slice(0, 8),
        `${key.prefix}…`,
        key.name ?? "-",
        describeLimits(key),
        formatTime(key.createdAt),
      ]),
    ];
    lines.push("", formatTable(table));
  }
  return `${lines.join("\n")}\n`;
}
