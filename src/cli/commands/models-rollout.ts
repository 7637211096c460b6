import type { Command } from "commander";
import { InvalidRequestError } from "../../core/errors.js";
import {
  candidateModes,
  type CandidateMode,
  type ModelScope,
} from "../../core/records/model-registry.js";
import type { Store } from "../../core/records/store.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import {
  candidateOf,
  endCandidate,
  nominateCandidate,
  promoteCandidate,
  registerModels,
} from "../../serving/model-roles.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import { registryEntries } from "../model-registry-entries.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import { formatTime } from "../tenancy-format.js";

interface CandidateOptions extends DatabaseOptions {
  mode: string;
  share: string;
  tenant?: string;
}

const runningServerNote =
  "A running server picks the change up within model.rollout.pollSeconds (default 5 s).";

/** `colibri models candidate|promote|withdraw|history`: the registry's changes of model. */
export function registerModelRolloutCommands(models: Command, context: CliContext): void {
  databaseOption(
    models
      .command("candidate")
      .description(
        "Try an installed model beside the current one: shadow (answers a sample in the background, never seen) or canary (serves a share of the requests).",
      )
      .argument("<model>", "installed model name (see: colibri models)")
      .option("--mode <mode>", "shadow or canary", "shadow")
      .option(
        "--share <fraction>",
        "share of the requests it shadows or serves, above 0, at most 1",
        "0.1",
      )
      .option("--tenant <name>", "only this tenant's requests (default: every tenant's)"),
  )
    .addHelpText(
      "after",
      `
The candidate is loaded next to the current model when free RAM allows (else the registry
records why not). It is rolled back automatically when its answers measure worse than the
current model's (model.rollout.margins), and promoted automatically after
model.rollout.promoteAfter answers when that is set. ${runningServerNote}

Examples:
  colibri models candidate smollm2-135m-instruct --mode shadow --share 0.2
  colibri models candidate gemma3-1b --mode canary --share 0.1 --tenant clinica`,
    )
    .action(async (model: string, _options: unknown, command: Command) => {
      // `colibri models` has --database and --json too: commander hands them to it.
      const options = command.optsWithGlobals<CandidateOptions>();
      const mode = parseMode(options.mode);
      const share = Number(options.share);
      await withStore(context, options, async (store, config) => {
        await registerModels(store, registryEntries(await modelStoreFromConfig(config).list()));
        const scope = await scopeOf(store, options.tenant);
        await nominateCandidate(store, { model, scope, mode, share }, cli());
        context.stderr.write(
          `${model} is the candidate (${mode}, ${formatShare(share)} of ${scope === "all" ? "every tenant's" : `tenant "${options.tenant ?? ""}"'s`} requests). ${runningServerNote}\n`,
        );
      });
    });

  databaseOption(
    models
      .command("promote")
      .description("Make the candidate the current model for every tenant; the old one is retired.")
      .argument("[model]", "the candidate's name, to be sure of what is promoted"),
  ).action(async (model: string | undefined, _options: unknown, command: Command) => {
    const options = command.optsWithGlobals<DatabaseOptions>();
    await withStore(context, options, async (store) => {
      const candidate = candidateOf(await store.models.assignments());
      if (model !== undefined && candidate !== undefined && candidate.model !== model) {
        throw new InvalidRequestError(
          `The candidate is ${candidate.model}, not ${model}: name it first (colibri models candidate ${model}).`,
        );
      }
      const promoted = await promoteCandidate(store, "by command", cli());
      context.stderr.write(
        `${promoted.model} is now the current model${promoted.previous === null ? "" : ` (was ${promoted.previous})`}. Requests under way on the old one finish there. ${runningServerNote}\n`,
      );
    });
  });

  databaseOption(
    models
      .command("withdraw")
      .description("Stop trying the candidate; the current model serves everything again."),
  ).action(async (_options: unknown, command: Command) => {
    const options = command.optsWithGlobals<DatabaseOptions>();
    await withStore(context, options, async (store) => {
      const ended = await endCandidate(store, "withdrawn", "by command", cli());
      context.stderr.write(
        ended === undefined
          ? "There is no candidate model.\n"
          : `${ended} is no longer tried. ${runningServerNote}\n`,
      );
    });
  });

  databaseOption(
    models
      .command("history")
      .description("Every change of model, newest first: candidates, promotions, rollbacks.")
      .option("--limit <n>", "how many", "20")
      .option("--json", "print the events as JSON"),
  ).action(async (_options: unknown, command: Command) => {
    const options = command.optsWithGlobals<DatabaseOptions & { limit: string; json?: boolean }>();
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      throw new InvalidRequestError("--limit must be a whole number of at least 1.");
    }
    await withStore(context, options, async (store) => {
      const events = await store.models.events({ limit });
      if (options.json === true) {
        context.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
        return;
      }
      if (events.length === 0) {
        context.stdout.write("No change of model yet.\n");
        return;
      }
      const table = [
        ["WHEN", "SCOPE", "EVENT", "MODEL", "BEFORE", "BY", "WHY"],
        ...events.map((event) => [
          formatTime(event.createdAt),
          event.scope,
          event.kind,
          event.model,
          event.previous ?? "-",
          event.actor,
          event.reason,
        ]),
      ];
      context.stdout.write(`${formatTable(table)}\n`);
    });
  });
}

/** The registry's roles, for `colibri models`: which model serves, and the candidate. */
export async function servingRows(store: Store): Promise<string[][]> {
  const assignments = (await store.models.assignments()).filter((row) => row.role !== "retired");
  return assignments.map((row) => [
    row.model,
    row.scope === "all" ? "every tenant" : `tenant ${row.scope.slice("tenant:".length)}`,
    row.role,
    row.mode ?? "-",
    row.share === null ? "-" : formatShare(row.share),
  ]);
}

function parseMode(mode: string): CandidateMode {
  if ((candidateModes as readonly string[]).includes(mode)) return mode as CandidateMode;
  throw new InvalidRequestError(`--mode must be shadow or canary, not "${mode}".`);
}

async function scopeOf(store: Store, tenant: string | undefined): Promise<ModelScope> {
  if (tenant === undefined) return "all";
  if ((await store.tenants.findByName(tenant)) === undefined) {
    throw new InvalidRequestError(`There is no tenant "${tenant}" (see: colibri tenants list).`);
  }
  return `tenant:${tenant}`;
}

function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

function cli() {
  return { actor: "cli", now: Date.now() };
}
