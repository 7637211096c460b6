import type { Command } from "commander";
import { InvalidRequestError } from "../../../src/core/errors.js";
import { crossValidate } from "../../router-evaluation/cross-validation.js";
import { countOutcomes } from "../../router-evaluation/metrics.js";
import { exclusions } from "../../router-evaluation/pre-router-evaluation.js";
import { isHeldOut } from "../../router-evaluation/prompt-split.js";
import { loadRouterDataSets, type CombinedData } from "../../router-evaluation/router-data.js";
import {
  learnedWins,
  requiredMeanGain,
  validateByGroup,
  type GroupedRows,
} from "../../router-evaluation/group-validation.js";
import { ngramFeatureSettings } from "../../../src/router/pre-router/feature-settings.js";
import type { GroupValidationSummary } from "../../../src/router/pre-router/artifact.js";
import { Option } from "commander";
import { installedPreRouterPath } from "../../../src/router/pre-router/pre-router-path.js";
import { savePreRouter } from "../../pre-router-training/save-pre-router.js";
import { resolveTrainingOptions, trainPreRouter } from "../../pre-router-training/train.js";
import type { CliContext } from "../../../src/cli/context.js";
import { registerCalibrate } from "./router-calibrate.js";
import { parseNumber, parseWholeNumber } from "../../../src/cli/router-flags.js";
import {
  addTrainingFlags,
  trainingOptionsFromFlags,
  type TrainingFlagValues,
} from "../training-flags.js";
import { formatCount, formatShare, noteDataSet } from "../router-data-notes.js";
import { createTrainingProgress } from "../training-progress.js";
import { writeJson } from "../../../src/cli/tenancy-format.js";
import { plural } from "../../../src/cli/plural.js";

interface TrainOptions extends TrainingFlagValues {
  data: string[];
  scorer: "auto" | "learned" | "length";
  ngrams?: boolean;
  out?: string;
  holdOut?: string;
  cv?: string;
  json?: boolean;
}

export function registerRouterCommand(program: Command, context: CliContext): void {
  const router = program
    .command("router")
    .description('Train and calibrate the learned pre-router that `model: "auto"` uses.')
    .addHelpText(
      "after",
      `
The pre-router scores a prompt (0–1, higher = the local model is less likely to answer well);
prompts at or above router.preRouter.cloudThreshold go straight to the cloud. Colibrí ships one
trained on routellm-mmlu and MBPP that uses the length heuristic: no learned model beat it on task
families it was not trained on (docs/benchmarks.md). \`router train\` installs your own in
$COLIBRI_HOME/router/.

Examples:
  colibri router train --data ./my-router-data
  colibri router calibrate --data ./held-out --cloud-share 0.2 --write
  colibri eval router --data ./held-out`,
    );
  registerTrain(router, context);
  registerCalibrate(router, context);
}

function registerTrain(router: Command, context: CliContext): void {
  addTrainingFlags(
    router
      .command("train")
      .description(
        "Train a pre-router on CSV files of (prompt, weak model correct, strong model correct) and install it.",
      )
      .requiredOption(
        "--data <path>",
        "a folder of CSV files, or one CSV file; repeat for several data sets (task families)",
        collect,
      )
      .addOption(
        new Option(
          "--scorer <which>",
          `what the router uses: auto = the learned model only if, with each data set (else each file) held out in turn, it beat the length heuristic by ${requiredMeanGain} APGR on average and on none did worse`,
        )
          .choices(["auto", "learned", "length"] as const)
          .default("auto"),
      )
      .option(
        "--ngrams",
        "add hashed character 3–5-grams: topic cues, which can help on your own traffic but did not carry to other task families",
      )
      .option("--out <file>", "where to write it (default: $COLIBRI_HOME/router/pre-router.json)")
      .option(
        "--hold-out <fraction>",
        "leave out this share of prompts (by hash) for evaluation",
        "0",
      )
      .option("--cv <folds>", "cross-validate first and record the figures; 0 = skip", "5"),
  )
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      `
The router sends prompts scoring at or above router.preRouter.cloudThreshold to the cloud;
choose it with \`colibri router calibrate\`. Prompts it was trained on are recorded (as hashes)
and left out when it is evaluated.

Examples:
  colibri router train --data ./my-router-data
  colibri router train --data ../shared/data/routellm-mmlu --data ../shared/data/routerbench/mbpp_train.csv
  colibri router train --data ../shared/data/routellm-mmlu --hold-out 0.2 --out pre-router.json
  colibri router train --data answers.csv --target weak-wrong --scorer learned --cv 0 --json`,
    )
    .action(async (options: TrainOptions) => {
      const training = trainingOptionsFromFlags(options);
      const holdOut = parseNumber("--hold-out", options.holdOut ?? "0", 0, 0.95);
      const folds = parseWholeNumber("--cv", options.cv ?? "5", 0, 20);
      if (folds === 1)
        throw new InvalidRequestError("--cv needs 2 folds or more (0 skips it).", "cv");
      const config = await context.loadConfig();
      const out = options.out ?? installedPreRouterPath(config.home);
      const combined = await loadRouterDataSets(options.data);
      for (const set of combined.sets) noteDataSet(context.stderr, set);
      const kept = combined.rows.flatMap((row, index) =>
        holdOut > 0 && isHeldOut(row.prompt, holdOut) ? [] : [index],
      );
      const rows = kept.map((index) => combined.rows[index] as (typeof combined.rows)[number]);
      const files = kept.map((index) => combined.rowFiles[index] ?? 0);
      const grouped = groupsOf(combined, kept);
      if (options.ngrams === true) training.features = ngramFeatureSettings;
      const counts = countOutcomes(rows);
      const canCrossValidate =
        folds > 0 && rows.length >= folds * 2 && counts.strongCorrect > counts.weakCorrect;
      if (folds > 0 && !canCrossValidate) {
        context.stderr.write(
          "Cross-validation skipped: too few rows, or the strong model is not better on them.\n",
        );
      }
      const validated = options.scorer === "auto" ? grouped : undefined;
      const units = (canCrossValidate ? folds : 0) + (validated?.names.length ?? 0) + 1;
      let done = 0;
      const progress = createTrainingProgress(context.stderr, "training", options.json !== true);
      const step = (size: number) => (fraction: number) => {
        progress.update((done + fraction * size) / units);
      };
      const started = Date.now();
      try {
        const validation = canCrossValidate
          ? crossValidate(rows, folds, { ...training, onProgress: step(folds) }).evaluation
          : undefined;
        done += canCrossValidate ? folds : 0;
        const crossValidation =
          validation === undefined
            ? undefined
            : { folds, apgr: validation.apgr, cpt50: validation.cpt50, cpt80: validation.cpt80 };
        let groupValidation: GroupValidationSummary | undefined;
        if (validated !== undefined) {
          groupValidation = validateByGroup(validated, {
            ...training,
            onProgress: step(validated.names.length),
          }).summary;
          done += validated.names.length;
        }
        const scorer =
          options.scorer !== "auto"
            ? options.scorer
            : groupValidation !== undefined && learnedWins(groupValidation)
              ? "learned"
              : "length";
        const artifact = trainPreRouter(rows, {
          ...training,
          source: combined.name,
          holdOut,
          scorer,
          ...(new Set(files).size > 1 ? { groups: files } : {}),
          ...(crossValidation === undefined ? {} : { crossValidation }),
          ...(groupValidation === undefined ? {} : { groupValidation }),
          onProgress: step(1),
        });
        const bytes = await savePreRouter(out, artifact);
        progress.stop();
        const summary = {
          path: out,
          bytes,
          scorer: artifact.scorer,
          target: artifact.target,
          rows: rows.length,
          positives: artifact.training.positives,
          excluded: { heldOut: combined.rows.length - rows.length, ...sumExclusions(combined) },
          crossValidation: crossValidation ?? null,
          groupValidation: groupValidation ?? null,
          seconds: (Date.now() - started) / 1000,
        };
        if (options.json === true) {
          writeJson(context.stdout, summary);
          return;
        }
        const excluded = summary.excluded;
        const lines = [
          `Trained a pre-router (target ${artifact.target}, ${plural(resolveTrainingOptions(training).epochs, "epoch", "epochs")}) on ${plural(rows.length, "row", "rows", formatCount)} of ${combined.name} in ${summary.seconds.toFixed(1)} s.`,
          `  left out: ${formatCount(excluded.heldOut)} held out, ${formatCount(excluded.contaminated)} contaminated, ${formatCount(excluded.duplicates)} repeated, ${formatCount(excluded.badRows)} bad rows`,
        ];
        if (crossValidation !== undefined) {
          lines.push(
            `  ${folds}-fold cross-validation: APGR ${crossValidation.apgr.toFixed(3)}, CPT(50%) ${formatShare(crossValidation.cpt50)}, CPT(80%) ${formatShare(crossValidation.cpt80)} (random: 0.500, 50.0%, 80.0%)`,
          );
        }
        lines.push(describeScorer(artifact.scorer, options.scorer, groupValidation, grouped));
        lines.push(
          `Wrote ${out} (${(bytes / 1024).toFixed(0)} KB). Choose its cloud threshold with: colibri router calibrate --data DIR --cloud-share 0.2 --write`,
        );
        context.stdout.write(`${lines.join("\n")}\n`);
      } finally {
        progress.stop();
      }
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Groups to hold out in turn: the data sets if several, else the files if several. */
function groupsOf(combined: CombinedData, kept: readonly number[]): GroupedRows | undefined {
  const rows = kept.map((index) => combined.rows[index] as (typeof combined.rows)[number]);
  const files = kept.map((index) => combined.rowFiles[index] ?? 0);
  if (combined.sets.length > 1) {
    return {
      rows,
      groups: kept.map((index) => combined.rowSets[index] ?? 0),
      names: combined.sets.map((set) => set.name),
      by: "data",
      strata: files,
    };
  }
  if (combined.fileNames.length > 1) {
    return { rows, groups: files, names: combined.fileNames, by: "file" };
  }
  return undefined;
}

function sumExclusions(combined: CombinedData): ReturnType<typeof exclusions> {
  const total = { total: 0, contaminated: 0, trainedOn: 0, duplicates: 0, badRows: 0 };
  for (const set of combined.sets) {
    const each = exclusions(set, 0);
    total.total += each.total;
    total.contaminated += each.contaminated;
    total.duplicates += each.duplicates;
    total.badRows += each.badRows;
  }
  return total;
}

function describeScorer(
  scorer: string,
  asked: TrainOptions["scorer"],
  validation: GroupValidationSummary | undefined,
  grouped: GroupedRows | undefined,
): string {
  if (asked !== "auto") return `  scorer: ${scorer} (as asked)`;
  if (validation === undefined || grouped === undefined) {
    return "  scorer: length (one file, no group to hold out: the learned model could not be checked on unseen data; --scorer learned forces it)";
  }
  const gains = `learned − length APGR with each ${validation.by === "data" ? "data set" : "file"} held out: mean ${signed(validation.meanGain)}, worst ${signed(validation.minimumGain)} over ${validation.groups.length}`;
  return `  scorer: ${scorer} (${gains}; the learned model needs a mean of +${requiredMeanGain} and none below 0)`;
}

function signed(value: number): string {
  return `${value >= 0 ? "+" : ""}${value.toFixed(3)}`;
}
