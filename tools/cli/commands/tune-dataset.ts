import type { Command } from "commander";
import type { CliContext } from "../../../src/cli/context.js";
import { plural } from "../../../src/cli/plural.js";
import { parseNumber, parseWholeNumber } from "../../../src/cli/router-flags.js";
import { withStore, databaseOption, type DatabaseOptions } from "../../../src/cli/store-access.js";
import { writeJson } from "../../../src/cli/tenancy-format.js";
import { PrivacyGuard } from "../../../src/privacy/privacy-guard.js";
import type { DropReason } from "../../training-data/chat-dataset.js";
import { exportChatDataset, type ExportedDataset } from "../../training-data/export-dataset.js";

interface DatasetOptions extends DatabaseOptions {
  tenant: string;
  out: string;
  evalShare: string;
  seed: string;
  maxTokens: string;
  json?: boolean;
}

const dropLabels: Record<DropReason, string> = {
  empty: "empty (no question or no answer)",
  cut: "cut at max_tokens",
  ratedBad: "rated 👎 without a correction",
  refused: "refused",
  tooLong: "too long",
  personalData: "personal data the guard would mask",
  duplicate: "duplicates",
};

export function registerTuneDataset(tune: Command, context: CliContext): void {
  databaseOption(
    tune
      .command("dataset")
      .description(
        "Export a tenant's training pairs as chat fine-tuning JSONL (train.jsonl, eval.jsonl): deduplicated, filtered, split.",
      )
      .requiredOption("--tenant <name>", "the tenant whose pairs to export")
      .requiredOption("--out <dir>", "folder to write train.jsonl and eval.jsonl in (created)")
      .option("--eval-share <fraction>", "share held out for evaluation, 0 to 0.5", "0.1")
      .option("--seed <n>", "seed of the train/eval split (same pairs and seed, same split)", "0")
      .option(
        "--max-tokens <n>",
        "drop examples longer than this (estimated tokens, prompt and answer)",
        "4096",
      )
      .option("--json", "print the counts as JSON"),
  )
    .addHelpText(
      "after",
      `
Each line is {"messages":[{"role","content"},…]} with the cloud's answer last, or the correction
given through POST /v1/feedback in its place. Before a line is written every text is scanned
again by the privacy guard: a line with anything it would mask is dropped and counted.

Examples:
  colibri tune dataset --tenant acme --out ./acme-data
  colibri tune dataset --tenant acme --out ./acme-data --eval-share 0.2 --seed 7`,
    )
    .action(async (options: DatasetOptions) => {
      const settings = {
        evalShare: parseNumber("--eval-share", options.evalShare, 0, 0.5),
        seed: parseWholeNumber("--seed", options.seed, 0, Number.MAX_SAFE_INTEGER),
        maxTokens: parseWholeNumber("--max-tokens", options.maxTokens, 16, 1_000_000),
      };
      await withStore(context, options, async (store, config) => {
        // The export scans whatever privacy.enabled says: nothing the guard would mask leaves.
        const guard = new PrivacyGuard({ ...config.privacy, enabled: true });
        const exported = await exportChatDataset(store, options.tenant, options.out, {
          ...settings,
          holdsPersonalData: (text) => guard.scanText(text).length > 0,
        });
        if (options.json === true) writeJson(context.stdout, exported);
        else context.stdout.write(describeExport(exported));
      });
    });
}

function describeExport(exported: ExportedDataset): string {
  const { counts, files } = exported;
  const lines = [
    `Read ${plural(counts.pairs, "training pair", "training pairs")} of tenant "${exported.tenant}"${counts.corrected > 0 ? ` (${counts.corrected} with the user's correction as the answer)` : ""}.`,
  ];
  for (const [reason, label] of Object.entries(dropLabels) as [DropReason, string][]) {
    const count = counts.dropped[reason];
    if (count > 0) lines.push(`  dropped ${String(count).padStart(5)}  ${label}`);
  }
  lines.push(
    `Wrote ${plural(counts.train, "example", "examples")} to ${files.train} and ${counts.eval} to ${files.eval}.`,
  );
  if (!exported.consent) {
    lines.push(`Tenant "${exported.tenant}" no longer consents: no new pairs are being kept.`);
  }
  return `${lines.join("\n")}\n`;
}
