import type { Command } from "commander";
import { Administration, type KeyView } from "../../tenancy/administration.js";
import { InvalidRequestError } from "../../core/errors.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import { limitOptions, limitsFromFlags, type LimitFlagValues } from "../limit-flags.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import { describeLimits, formatTime, writeJson } from "../tenancy-format.js";

interface CreateOptions extends LimitFlagValues, DatabaseOptions {
  tenant?: string;
  name?: string;
  admin?: boolean;
  json?: boolean;
}

interface ListOptions extends DatabaseOptions {
  tenant?: string;
  all?: boolean;
  json?: boolean;
}

interface RevokeOptions extends DatabaseOptions {
  json?: boolean;
}

export function registerKeysCommand(program: Command, context: CliContext): void {
  const keys = program
    .command("keys")
    .description("Create, list and revoke API keys; each tenant key belongs to one tenant.")
    .addHelpText(
      "after",
      `
Examples:
  KEY=$(colibri keys create --tenant acme --budget-usd 25)
  colibri keys list --tenant acme
  colibri keys revoke sk-col-3fA9xQ2b`,
    );

  const create = keys
    .command("create")
    .description(
      "Create an API key and print it once (only its hash is stored). The tenant is created if it does not exist.",
    )
    .option(
      "--tenant <name>",
      'tenant the key belongs to: letters (accents too), digits, spaces, . _ - (quote a name with spaces: "clínica sur")',
    )
    .option("--name <label>", 'a label to recognise the key by, e.g. "mobile app"');
  limitOptions(create, { removable: false })
    .option("--admin", "create an admin key (manages tenants and keys on /admin routes)")
    .option("--json", "print the key and its record as JSON");
  databaseOption(create)
    .addHelpText(
      "after",
      `
The key's own limits apply on top of its tenant's (colibri tenants set).

Examples:
  KEY=$(colibri keys create --tenant acme)          # stdout holds only the key
  colibri keys create --tenant acme --name "nightly batch" --budget-usd 25 --rpm 60
  colibri keys create --tenant "clínica sur"
  colibri keys create --admin --name ops
  colibri keys create --tenant acme --json | jq -r .key`,
    )
    .action(async (options: CreateOptions) => {
      if (options.admin === true && options.tenant !== undefined) {
        throw new InvalidRequestError(
          "Give either --tenant or --admin: an admin key belongs to no tenant.",
        );
      }
      if (options.admin !== true && options.tenant === undefined) {
        throw new InvalidRequestError(
          "Missing --tenant <name> (the tenant is created if it does not exist), or --admin for an admin key.",
        );
      }
      const limits = limitsFromFlags(options, { removable: false });
      await withStore(context, options, async (store) => {
        const created = await new Administration({ store }).createKey({
          tenant: options.tenant,
          name: options.name,
          kind: options.admin === true ? "admin" : "tenant",
          limits,
        });
        const { record } = created;
        if (options.json === true) {
          writeJson(context.stdout, {
            key: created.key,
            id: record.id,
            prefix: record.prefix,
            tenant: record.tenant,
            kind: record.kind,
            name: record.name,
            limits: limitsOf(record),
            createdAt: record.createdAt,
          });
          return;
        }
        context.stdout.write(`${created.key}\n`);
        const label = record.name === null ? "" : ` "${record.name}"`;
        const owner = record.tenant === null ? "" : ` for tenant "${record.tenant}"`;
        const what = `${record.kind === "admin" ? "admin key" : "key"}${label}${owner}`;
        const limitsLine =
          record.kind === "admin"
            ? "It manages tenants and keys on the /admin routes; it cannot call /v1."
            : `Key limits: ${describeLimits(record)} (the tenant's own limits apply too).`;
        context.stderr.write(
          `Created ${what}: ${record.prefix}… (id ${record.id}).\n${limitsLine}\nThe key is shown once — store it now; only its hash is kept.\n`,
        );
      });
    });

  databaseOption(
    keys
      .command("list")
      .description("List API keys, newest first (never the keys themselves).")
      .option("--tenant <name>", "only this tenant's keys")
      .option("--all", "include revoked keys")
      .option("--json", "print the keys as JSON"),
  )
    .addHelpText(
      "after",
      `
Examples:
  colibri keys list
  colibri keys list --tenant acme --all
  colibri keys list --json | jq -r '.[] | select(.revokedAt == null) | .prefix'`,
    )
    .action(async (options: ListOptions) => {
      await withStore(context, options, async (store) => {
        const records = await new Administration({ store }).listKeys({
          tenant: options.tenant,
          includeRevoked: options.all === true,
        });
        if (options.json === true) {
          writeJson(context.stdout, records);
          return;
        }
        if (records.length === 0) {
          const scope = options.tenant === undefined ? "" : ` for tenant "${options.tenant}"`;
          context.stdout.write(
            `No ${options.all === true ? "" : "active "}API keys${scope}. Create one with: colibri keys create --tenant ${options.tenant ?? "NAME"}\n`,
          );
          return;
        }
        const table = [
          ["ID", "PREFIX", "TENANT", "NAME", "LIMITS", "CREATED", "REVOKED"],
          ...records.map((record) => [
            record.id.slice(0, 8),
            `${record.prefix}…`,
            record.tenant ?? (record.kind === "admin" ? "(admin)" : "?"),
            record.name ?? "-",
            record.kind === "admin" ? "-" : describeLimits(record),
            formatTime(record.createdAt),
            record.revokedAt === null ? "-" : formatTime(record.revokedAt),
          ]),
        ];
        context.stdout.write(`${formatTable(table)}\n`);
      });
    });

  databaseOption(
    keys
      .command("revoke")
      .description("Revoke an API key: requests with it are refused from now on.")
      .argument(
        "<id-or-prefix>",
        "the key's id (or its start) or prefix, as colibri keys list shows",
      )
      .option("--json", "print the revoked key as JSON"),
  )
    .addHelpText(
      "after",
      `
Examples:
  colibri keys revoke sk-col-3fA9xQ2b
  colibri keys revoke 0b6c2f1e`,
    )
    .action(async (idOrPrefix: string, options: RevokeOptions) => {
      await withStore(context, options, async (store) => {
        const { record, alreadyRevoked } = await new Administration({ store }).revokeKey(
          idOrPrefix,
        );
        if (options.json === true) {
          writeJson(context.stdout, { ...record, alreadyRevoked });
          return;
        }
        const owner = record.tenant === null ? "admin key" : `key of tenant "${record.tenant}"`;
        const revokedAt = formatTime(record.revokedAt ?? 0);
        context.stdout.write(
          alreadyRevoked
            ? `The ${owner} ${record.prefix}… (id ${record.id}) was already revoked on ${revokedAt}.\n`
            : `Revoked the ${owner} ${record.prefix}… (id ${record.id}). Requests with it are refused from now on.\n`,
        );
      });
    });
}

function limitsOf(record: KeyView) {
  return {
    budgetUsdMonth: record.budgetUsdMonth,
    budgetUsdDay: record.budgetUsdDay,
    requestsPerMinute: record.requestsPerMinute,
    tokensPerMinute: record.tokensPerMinute,
  };
}
