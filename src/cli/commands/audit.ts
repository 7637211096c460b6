import type { Command } from "commander";
import { EgressAudit } from "../../privacy/egress-audit.js";
import { summarizeEgress } from "../../privacy/egress-summary.js";
import { parseWhen } from "../../core/report-time.js";
import { InvalidRequestError } from "../../core/errors.js";
import { ValueHasher } from "../../privacy/value-hasher.js";
import { loadAuditKey } from "../audit-key.js";
import type { CliContext } from "../context.js";
import { describeEgressSummary, describeValueCheck, egressTable } from "../egress-format.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import { formatTime, writeJson } from "../tenancy-format.js";

interface ListOptions extends DatabaseOptions {
  since: string;
  until?: string;
  tenant?: string;
  limit: string;
  json?: boolean;
}

interface CheckOptions extends DatabaseOptions {
  tenant?: string;
  json?: boolean;
}

export function registerAuditCommand(program: Command, context: CliContext): void {
  const audit = databaseOption(
    program
      .command("audit")
      .description(
        "Show the egress audit: every request that left this machine for a cloud provider, or was stopped from leaving, with the personal data found in it (never the data itself).",
      )
      .option("--since <when>", "start: a duration back from now (30d, 24h, 90m) or a date", "24h")
      .option("--until <when>", "end: a duration back from now or a date (default: now)")
      .option("--tenant <name>", "only this tenant")
      .option("--limit <n>", "at most this many records, newest first", "100")
      .option("--json", "print the records as JSON (values as type, keyed hash and action)"),
  )
    .addHelpText(
      "after",
      `
Each record holds an HMAC of every value found, keyed with the audit key
(privacy.auditKeyEnv, default COLIBRI_AUDIT_KEY, else $COLIBRI_HOME/audit.key),
so "did this CPF ever leave?" can be answered without the audit holding it.

Examples:
  colibri audit                                  # the last 24 hours
  colibri audit --since 7d --tenant acme
  colibri audit --since 2025-06-01 --until 2025-07-01 --limit 1000
  colibri audit --json | jq '.[] | select(.outcome == "sent")'
  colibri audit check 123.456.789-09             # did this CPF ever leave?`,
    )
    .action(async (options: ListOptions) => {
      const now = Date.now();
      const since = parseWhen("--since", options.since, now);
      const until =
        options.until === undefined ? undefined : parseWhen("--until", options.until, now);
      const limit = parseLimit(options.limit);
      await withStore(context, options, async (store) => {
        const records = await new EgressAudit({ store }).list({
          since,
          until,
          limit,
          tenant: options.tenant,
        });
        if (options.json === true) {
          writeJson(context.stdout, records);
          return;
        }
        const range = `${formatTime(since)} to ${formatTime(until ?? now)}`;
        const scope = options.tenant === undefined ? "" : ` for tenant "${options.tenant}"`;
        if (records.length === 0) {
          context.stdout.write(`No egress records${scope} from ${range}.\n`);
          return;
        }
        const more =
          records.length === limit
            ? `\nShowing the newest ${limit}; raise --limit or narrow --since/--until to see the rest.`
            : "";
        context.stdout.write(
          `Egress audit${scope} from ${range}, newest first\n\n${egressTable(records)}\n\n${describeEgressSummary(summarizeEgress(records))}${more}\n`,
        );
      });
    });

  databaseOption(
    audit
      .command("check")
      .description(
        "Say whether a value (a CPF, an e-mail address, a phone number…) was ever in a request that left this machine, and what became of it each time.",
      )
      .argument(
        "<value>",
        'the value as written, e.g. 123.456.789-09 or 12345678909; "-" reads it from stdin (kept out of the shell history)',
      )
      .option("--tenant <name>", "only this tenant's requests")
      .option("--json", "print the report as JSON"),
  )
    .addHelpText(
      "after",
      `
The value is hashed with the audit key in every form it may have been
normalized to (with or without dots and dashes, e-mail in lower case, phone
numbers in E.164) and compared with the hashes in the audit; it is never stored
or logged. The key must be the one the server used: the variable named by
privacy.auditKeyEnv (default COLIBRI_AUDIT_KEY) or $COLIBRI_HOME/audit.key.

Examples:
  colibri audit check 123.456.789-09
  colibri audit check ana.souza@example.com --tenant acme
  colibri audit check "+55 11 98765-4321" --json | jq .sentInClear
  read -rs CPF && printf %s "$CPF" | colibri audit check -     # not in history or ps`,
    )
    .action(async (argument: string, _own: CheckOptions, command: Command) => {
      const value = argument === "-" ? await readValue(context) : argument;
      // Commander hands flags after `check` that `audit` also has (--tenant, --json, --database)
      // to `audit`; the check takes them from there as well.
      const options = command.optsWithGlobals<CheckOptions>();
      await withStore(context, options, async (store, config) => {
        const key = await loadAuditKey({
          home: config.home,
          envName: config.privacy.auditKeyEnv,
          env: process.env,
          create: false,
        });
        const report = await new EgressAudit({
          store,
          valueHasher: new ValueHasher(key),
        }).check({ value, tenant: options.tenant });
        if (options.json === true) {
          writeJson(context.stdout, report);
          return;
        }
        context.stdout.write(describeValueCheck(report));
      });
    });
}

/** The value from stdin, without the trailing newline; an empty one is a one-line error. */
async function readValue(context: CliContext): Promise<string> {
  let text = "";
  for await (const chunk of context.stdin) text += String(chunk);
  const value = text.trim();
  if (value === "") {
    throw new InvalidRequestError(
      'audit check -: stdin was empty; pipe the value in, e.g. printf %s "$CPF" | colibri audit check -',
    );
  }
  return value;
}

function parseLimit(text: string): number {
  if (!/^\d+$/.test(text.trim())) {
    throw new InvalidRequestError(
      `--limit expects a whole number of records; got '${text}'.`,
      "limit",
    );
  }
  return Number(text);
}
