import { join } from "node:path";
import type { Command } from "commander";
import { InvalidRequestError } from "../../../src/core/errors.js";
import { calibrateForQuality, calibrateForShare } from "../../router-evaluation/calibration.js";
import { exclusions, unseenRows } from "../../router-evaluation/pre-router-evaluation.js";
import { loadRouterData } from "../../router-evaluation/router-data.js";
import { loadPreRouter } from "../../../src/router/pre-router/pre-router.js";
import { resolvePreRouterPath } from "../../../src/router/pre-router/pre-router-path.js";
import { setConfigValue } from "../config-file-update.js";
import type { CliContext } from "../../../src/cli/context.js";
import { parseNumber } from "../../../src/cli/router-flags.js";
import { formatCount, formatShare, noteDataSet } from "../router-data-notes.js";
import { writeJson } from "../../../src/cli/tenancy-format.js";
import { plural } from "../../../src/cli/plural.js";

interface CalibrateOptions {
  data: string;
  cloudShare?: string;
  targetQuality?: string;
  artifact?: string;
  includeTrained?: boolean;
  write?: boolean;
  json?: boolean;
}

/** `colibri router calibrate`: the cloud threshold, chosen on labelled data. */
export function registerCalibrate(router: Command, context: CliContext): void {
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
        `Threshold ${threshold.toPrecision(4)} sends ${formatShare(calibration.cloudShare)} of ${plural(calibration.rows, "row", "rows", formatCount)} to the cloud: PGR ${calibration.pgr.toFixed(3)}, accuracy ${formatShare(calibration.accuracy)} (local only ${formatShare(calibration.weakAccuracy)}, cloud only ${formatShare(calibration.strongAccuracy)}).`,
        `  left out: ${formatCount(excluded.trainedOn)} trained on, ${formatCount(excluded.contaminated)} contaminated, ${formatCount(excluded.duplicates)} repeated, ${formatCount(excluded.badRows)} bad rows`,
        options.write === true
          ? `Wrote router.preRouter.cloudThreshold = ${threshold} to ${file}.`
          : `To use it: set router.preRouter.cloudThreshold to ${threshold} (or rerun with --write).`,
      ];
      context.stdout.write(`${lines.join("\n")}\n`);
    });
}
