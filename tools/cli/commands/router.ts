import type { Command } from "commander";
import { InvalidRequestError } from "../../../src/core/errors.js";
import { crossValidate } from "../../router-evaluation/cross-validation.js";
import { countOutcomes } from "../../router-evaluation/metrics.js";
import { exclusions } from "../../router-evaluation/pre-router-evaluation.js";
import { isHeldOut } from "../../router-evaluation/prompt-split.js";
import { loadRouterData } from "../../router-evaluation/router-data.js";
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
  data: string;
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
trained on 80 % of routellm-mmlu; \`router train\` installs your own in $COLIBRI_HOME/router/.

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
      .requiredOption("--data <path>", "a folder of CSV files, or one CSV file")
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
  colibri router train --data ../shared/data/routellm-mmlu --hold-out 0.2 --out pre-router.json
  colibri router train --data answers.csv --target weak-wrong --cv 0 --json`,
    )
    .action(async (options: TrainOptions) => {
      const training = trainingOptionsFromFlags(options);
      const holdOut = parseNumber("--hold-out", options.holdOut ?? "0", 0, 0.95);
      const folds = parseWholeNumber("--cv", options.cv ?? "5", 0, 20);
      if (folds === 1)
        throw new InvalidRequestError("--cv needs 2 folds or more (0 skips it).", "cv");
      const config = await context.loadConfig();
      const out = options.out ?? installedPreRouterPath(config.home);
      const data = await loadRouterData(options.data);
      noteDataSet(context.stderr, data);
      const rows =
        holdOut > 0 ? data.rows.filter((row) => !isHeldOut(row.prompt, holdOut)) : data.rows;
      const counts = countOutcomes(rows);
      const canCrossValidate =
        folds > 0 && rows.length >= folds * 2 && counts.strongCorrect > counts.weakCorrect;
      if (folds > 0 && !canCrossValidate) {
        context.stderr.write(
          "Cross-validation skipped: too few rows, or the strong model is not better on them.\n",
        );
      }
      const units = canCrossValidate ? folds + 1 : 1;
      const progress = createTrainingProgress(context.stderr, "training", options.json !== true);
      const started = Date.now();
      try {
        const validation = canCrossValidate
          ? crossValidate(rows, folds, {
              ...training,
              onProgress: (fraction) => {
                progress.update((fraction * folds) / units);
              },
            }).evaluation
          : undefined;
        const crossValidation =
          validation === undefined
            ? undefined
            : { folds, apgr: validation.apgr, cpt50: validation.cpt50, cpt80: validation.cpt80 };
        const artifact = trainPreRouter(rows, {
          ...training,
          source: data.name,
          holdOut,
          ...(crossValidation === undefined ? {} : { crossValidation }),
          onProgress: (fraction) => {
            progress.update((units - 1 + fraction) / units);
          },
        });
        const bytes = await savePreRouter(out, artifact);
        progress.stop();
        const summary = {
          path: out,
          bytes,
          target: artifact.target,
          rows: rows.length,
          positives: artifact.training.positives,
          excluded: { heldOut: data.rows.length - rows.length, ...exclusions(data, 0) },
          crossValidation: crossValidation ?? null,
          seconds: (Date.now() - started) / 1000,
        };
        if (options.json === true) {
          writeJson(context.stdout, summary);
          return;
        }
        const excluded = summary.excluded;
        const lines = [
          `Trained a pre-router (target ${artifact.target}, ${plural(resolveTrainingOptions(training).epochs, "epoch", "epochs")}) on ${plural(rows.length, "row", "rows", formatCount)} of ${data.name} in ${summary.seconds.toFixed(1)} s.`,
          `  left out: ${formatCount(excluded.heldOut)} held out, ${formatCount(excluded.contaminated)} contaminated, ${formatCount(excluded.duplicates)} repeated, ${formatCount(excluded.badRows)} bad rows`,
        ];
        if (crossValidation !== undefined) {
          lines.push(
            `  ${folds}-fold cross-validation: APGR ${crossValidation.apgr.toFixed(3)}, CPT(50%) ${formatShare(crossValidation.cpt50)}, CPT(80%) ${formatShare(crossValidation.cpt80)} (random: 0.500, 50.0%, 80.0%)`,
          );
        }
        lines.push(
          `Wrote ${out} (${(bytes / 1024).toFixed(0)} KB). Choose its cloud threshold with: colibri router calibrate --data DIR --cloud-share 0.2 --write`,
        );
        context.stdout.write(`${lines.join("\n")}\n`);
      } finally {
        progress.stop();
      }
    });
}
