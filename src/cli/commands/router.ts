import { join } from "node:path";
import type { Command } from "commander";
import { InvalidRequestError } from "../../core/errors.js";
import { calibrateForQuality, calibrateForShare } from "../../router/evaluation/calibration.js";
import { crossValidate } from "../../router/evaluation/cross-validation.js";
import { countOutcomes } from "../../router/evaluation/metrics.js";
import { exclusions, unseenRows } from "../../router/evaluation/pre-router-evaluation.js";
import { isHeldOut } from "../../router/evaluation/prompt-split.js";
import { loadRouterData } from "../../router/evaluation/router-data.js";
import { loadPreRouter } from "../../router/pre-router/pre-router.js";
import {
  installedPreRouterPath,
  resolvePreRouterPath,
} from "../../router/pre-router/pre-router-path.js";
import { savePreRouter } from "../../router/pre-router/save-pre-router.js";
import { resolveTrainingOptions, trainPreRouter } from "../../router/pre-router/train.js";
import { setConfigValue } from "../config-file-update.js";
import type { CliContext } from "../context.js";
import {
  addTrainingFlags,
  parseNumber,
  parseWholeNumber,
  trainingOptionsFromFlags,
  type TrainingFlagValues,
} from "../router-flags.js";
import { formatCount, formatShare, noteDataSet } from "../router-data-notes.js";
import { createTrainingProgress } from "../training-progress.js";
import { writeJson } from "../tenancy-format.js";

interface TrainOptions extends TrainingFlagValues {
  data: string;
  out?: string;
  holdOut?: string;
  cv?: string;
  json?: boolean;
}

interface CalibrateOptions {
  data: string;
  cloudShare?: string;
  targetQuality?: string;
  artifact?: string;
  includeTrained?: boolean;
  write?: boolean;
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
          `Trained a pre-router (target ${artifact.target}, ${resolveTrainingOptions(training).epochs} epochs) on ${formatCount(rows.length)} rows of ${data.name} in ${summary.seconds.toFixed(1)} s.`,
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

function registerCalibrate(router: Command, context: CliContext): void {
  router
    .command("calibrate")
    .description(
      "Choose the pre-router's cloud threshold on labelled data: for a share of cloud calls, or the cheapest one reaching a quality.",
    )
    .requiredOption("--data <path>", "a folder of CSV files, or one CSV file")
    .option("--cloud-share <fraction>", "send about this share (0–1) of prompts to the cloud")
    .option(
      "--target-quality <pgr>",
      "the lowest cloud share whose PGR reaches this: the fraction (0–1) of the accuracy gap between local only and cloud only that is recovered (0.95 = 95 %)",
    )
    .option("--artifact <file>", "pre-router to calibrate (default: the installed one)")
    .option(
      "--include-trained",
      "also use rows the pre-router was trained on (scores on them are optimistic)",
    )
    .option("--write", "store the threshold as router.preRouter.cloudThreshold in the config file")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
--write changes the file given with --config, else $COLIBRI_HOME/config.json (created if
missing; other settings are kept).

Examples:
  colibri router calibrate --data ./held-out --cloud-share 0.2
  colibri router calibrate --data ../shared/data/routellm-mmlu --target-quality 0.8 --write
  colibri --config ./colibri.json router calibrate --data answers.csv --cloud-share 0.3 --write --json`,
    )
    .action(async (options: CalibrateOptions, command: Command) => {
      if ((options.cloudShare === undefined) === (options.targetQuality === undefined)) {
        throw new InvalidRequestError(
          "Give one of --cloud-share (e.g. 0.2) or --target-quality (e.g. 0.95).",
          "cloud-share",
        );
      }
      const share =
        options.cloudShare === undefined
          ? undefined
          : parseNumber("--cloud-share", options.cloudShare, 0, 1);
      const quality =
        options.targetQuality === undefined
          ? undefined
          : parseNumber("--target-quality", options.targetQuality, 0, 1);
      const config = await context.loadConfig();
      const artifact =
        options.artifact ??
        (await resolvePreRouterPath(config.home, config.router.preRouter.artifact));
      const preRouter = await loadPreRouter(artifact);
      const data = await loadRouterData(options.data);
      noteDataSet(context.stderr, data);
      const { rows, excluded } =
        options.includeTrained === true
          ? { rows: data.rows, excluded: exclusions(data, 0) }
          : unseenRows(data, preRouter);
      const scores = rows.map((row) => preRouter.score(row.prompt));
      const calibration =
        share === undefined
          ? calibrateForQuality(rows, scores, quality ?? 1)
          : calibrateForShare(rows, scores, share);
      const threshold = Math.min(1, calibration.threshold);
      const file =
        command.optsWithGlobals<{ config?: string }>().config ?? join(config.home, "config.json");
      if (options.write === true) {
        await setConfigValue(
          file,
          ["router", "preRouter", "cloudThreshold"],
          threshold,
          config.home,
        );
      }
      const result = {
        artifact,
        data: data.path,
        excluded,
        ...calibration,
        threshold,
        written: options.write === true ? file : null,
      };
      if (options.json === true) {
        writeJson(context.stdout, result);
        return;
      }
      const lines = [
        `Threshold ${threshold.toPrecision(4)} sends ${formatShare(calibration.cloudShare)} of ${formatCount(calibration.rows)} rows to the cloud: PGR ${calibration.pgr.toFixed(3)}, accuracy ${formatShare(calibration.accuracy)} (local only ${formatShare(calibration.weakAccuracy)}, cloud only ${formatShare(calibration.strongAccuracy)}).`,
        `  left out: ${formatCount(excluded.trainedOn)} trained on, ${formatCount(excluded.contaminated)} contaminated, ${formatCount(excluded.duplicates)} repeated, ${formatCount(excluded.badRows)} bad rows`,
        options.write === true
          ? `Wrote router.preRouter.cloudThreshold = ${threshold} to ${file}.`
          : `To use it: set router.preRouter.cloudThreshold to ${threshold} (or rerun with --write).`,
      ];
      context.stdout.write(`${lines.join("\n")}\n`);
    });
}
