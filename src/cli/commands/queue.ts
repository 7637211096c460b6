import type { Command } from "commander";
import { InvalidRequestError } from "../../core/errors.js";
import {
  QueueAdministration,
  queueStates,
  type QueueListing,
} from "../../queue/queue-administration.js";
import type { QueuedRequestState } from "../../core/records/batches.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import { formatTime, writeJson } from "../tenancy-format.js";
import { plural } from "../plural.js";

interface ListOptions extends DatabaseOptions {
  state?: string;
  all?: boolean;
  tenant?: string;
  batch?: string;
  limit: string;
  json?: boolean;
}

export function registerQueueCommand(program: Command, context: CliContext): void {
  const queue = databaseOption(
    program
      .command("queue")
      .description(
        "Show the store-and-forward queue: batch requests and deferred requests waiting for the cloud, running, or pending, and why.",
      )
      .option("--state <states>", `only these states, comma-separated: ${queueStates.join(", ")}`)
      .option("--all", "every state, finished ones too (default: pending, running and waiting)")
      .option("--tenant <name>", "only this tenant's requests")
      .option("--batch <id>", "only this batch's requests")
      .option("--limit <n>", "at most this many, oldest first", "100")
      .option("--json", "print the listing as JSON (the same as GET /admin/queue)"),
  )
    .addHelpText(
      "after",
      `
Requests that need a cloud provider while its link is down wait here, in the
store, and go out at queue.ratePerMinute once the connectivity monitor (GET
/models with backoff) finds the link up again. A request is never lost: a
server killed mid-request takes it again after restart, under the same
idempotency key. The monitor's view of each link: GET /admin/queue.

Examples:
  colibri queue                         # what waits, and for whom
  colibri queue --state failed --batch batch_0123…
  colibri queue retry batch_req_0123…   # send one request now
  colibri queue retry batch_0123…       # send a whole batch's waiting requests now
  colibri queue cancel batch_0123…      # cancel a batch (as POST /v1/batches/{id}/cancel)
  colibri queue delete batch_0123…      # delete an ended batch, its lines and files`,
    )
    .action(async (options: ListOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw new InvalidRequestError(
          `--limit must be a whole number above 0; got "${options.limit}".`,
        );
      }
      const states = parseStates(options);
      await withStore(context, options, async (store) => {
        const listing = await new QueueAdministration({ store }).list({
          states,
          tenant: options.tenant,
          batchId: options.batch,
          limit,
        });
        if (options.json === true) writeJson(context.stdout, listing);
        else context.stdout.write(describeListing(listing, limit));
      });
    });

  for (const [name, description] of [
    [
      "retry",
      "Send a waiting request (batch_req_…) or every waiting request of a batch (batch_…) now, without waiting for the link check.",
    ],
    [
      "cancel",
      "Cancel a request that has not run yet (batch_req_…), or a whole batch (batch_…): what has not run is listed in its error file.",
    ],
    [
      "delete",
      "Delete a batch that has ended (batch_…) with its lines — the prompts and answers they hold — and its files.",
    ],
  ] as const) {
    databaseOption(
      queue
        .command(name)
        .description(description)
        .argument("<id>", "a request id (batch_req_…) or a batch id (batch_…)"),
    ).action(async (id: string, _own: DatabaseOptions, command: Command) => {
      const options = command.optsWithGlobals<DatabaseOptions>();
      await withStore(context, options, async (store) => {
        const administration = new QueueAdministration({ store });
        if (name === "retry") {
          const moved = await administration.retry(id);
          context.stdout.write(
            moved === 0
              ? `Nothing of ${id} was waiting; it has nothing left to retry.\n`
              : `${moved === 1 ? "1 request goes" : `${moved} requests go`} out at the server's next poll.\n`,
          );
          return;
        }
        if (name === "delete") {
          await administration.delete(id);
          context.stdout.write(`Deleted batch ${id} with its lines and files.\n`);
          return;
        }
        const { cancelled, batch } = await administration.cancel(id);
        context.stdout.write(
          batch === undefined
            ? `Cancelled ${id}.\n`
            : `Batch ${id} is ${batch.status}: ${plural(cancelled, "request", "requests")} cancelled; what was running finishes, and its output keeps what was done.\n`,
        );
      });
    });
  }
}

function parseStates(options: ListOptions): readonly QueuedRequestState[] | undefined {
  if (options.all === true) return queueStates;
  if (options.state === undefined) return undefined;
  const states = options.state.split(",").map((state) => state.trim());
  const unknown = states.filter((state) => !(queueStates as readonly string[]).includes(state));
  if (unknown.length > 0) {
    throw new InvalidRequestError(
      `Unknown state "${unknown.join(", ")}" in --state. States: ${queueStates.join(", ")}.`,
    );
  }
  return states as QueuedRequestState[];
}

function describeListing(listing: QueueListing, limit: number): string {
  const { open, entries } = listing;
  const waitingFor = Object.entries(open.waitingFor)
    .map(([provider, count]) => `${count} for ${provider}`)
    .join(", ");
  const summary = `Open: ${open.waiting} waiting${waitingFor === "" ? "" : ` (${waitingFor})`}, ${open.pending} pending, ${open.running} running.`;
  if (entries.length === 0) return `Nothing to show. ${summary}\n`;
  const rows = [
    ["REQUEST", "BATCH", "TENANT", "CUSTOM ID", "MODEL", "STATE", "ATTEMPTS", "SINCE", "WHY"],
    ...entries.map((entry) => [
      entry.id,
      entry.batchId,
      entry.tenant,
      entry.customId,
      entry.model,
      entry.state === "waiting" && entry.provider !== null
        ? `waiting for ${entry.provider}`
        : entry.state + (entry.deferred ? " (deferred)" : ""),
      String(entry.attempts),
      formatTime(Date.parse(entry.updatedAt)),
      shorten(entry.reason ?? ""),
    ]),
  ];
  const more =
    entries.length === limit ? `\nShowing the oldest ${limit}; raise --limit to see more.` : "";
  return `${formatTable(rows, [6])}\n\n${summary}${more}\n`;
}

function shorten(text: string): string {
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}
