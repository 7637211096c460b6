import { writeFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import { renderCurveSvg } from "../../router-evaluation/curve-plot.js";
import {
  countOutcomes,
  oracleRouter,
  pgrCurve,
  randomRouter,
} from "../../router-evaluation/metrics.js";
import {
  evaluateByCrossValidation,
  evaluateHeldOutSets,
  evaluatePreRouter,
  type FoldGrouping,
  type PreRouterEvaluation,
} from "../../router-evaluation/pre-router-evaluation.js";
import { loadRouterData, type RouterDataSet } from "../../router-evaluation/router-data.js";
import { InvalidRequestError } from "../../../src/core/errors.js";
import { scoreEveryRow } from "../../router-evaluation/row-scores.js";
import { loadPreRouter } from "../../../src/router/pre-router/pre-router.js";
import { resolvePreRouterPath } from "../../../src/router/pre-router/pre-router-path.js";
import type { CliContext } from "../../../src/cli/context.js";
import { registerEvalCascadeCommand } from "./eval-cascade.js";
import { registerEvalTasksCommand } from "./eval-tasks.js";
import { parseWholeNumber } from "../../../src/cli/router-flags.js";
import {
  addTrainingFlags,
  trainingOptionsFromFlags,
  type TrainingFlagValues,
} from "../training-flags.js";
import { describeRouterEvaluation } from "../router-evaluation-format.js";
import { formatCount, noteDataSet } from "../router-data-notes.js";
import { createTrainingProgress } from "../training-progress.js";
import { writeJson } from "../../../src/cli/tenancy-format.js";
import { plural } from "../../../src/cli/plural.js";

/** `colibri eval …`: offline evaluations, one subcommand each (router, cascade, tasks). */
export function registerEvalCommand(program: Command, context: CliContext): void {
  const evaluation = program
    .command("eval")
    .description("Evaluate routing offline on labelled data.")
    .addHelpText(
      "after",
      `
Examples:
  colibri eval router --data ../shared/data/routellm-mmlu
  colibri eval router --data ./my-data --cv 5
  colibri eval cascade --help
  colibri eval tasks --url http://127.0.0.1:8080/v1 --tasks eval/tasks/everyday-es.jsonl`,
    );
  registerEvalRouter(evaluation, context);
  registerEvalCascadeCommand(evaluation, context);
  registerEvalTasksCommand(evaluation, context);
}

interface EvalRouterOptions extends TrainingFlagValues {
  data: string[];
  artifact?: string;
  json?: boolean;
  scoresOut?: string;
  plot: string | false;
  cv?: string;
  cvBy: FoldGrouping | "data";
}

/** One data set's report. */
interface Report {
  data: RouterDataSet;
  result: PreRouterEvaluation;
  heading: string;
  routerName: string;
  scoreUnseen: ((prompt: string) => number) | undefined;
}

function registerEvalRouter(evaluation: Command, context: CliContext): void {
  addTrainingFlags(
    evaluation
      .command("router")
      .description(
        "Measure the pre-router on CSV files of (prompt, weak model correct, strong model correct): PGR against the share of cloud calls, APGR and CPT, side by side with the learned model, the length and structure heuristics, a random and an oracle router.",
      )
      .requiredOption(
        "--data <path>",
        "a folder of CSV files, or one CSV file; repeat for several data sets, each reported on its own",
        (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
      )
      .option(
        "--artifact <file>",
        "pre-router to evaluate (default: the installed one, else the bundled one)",
      )
      .option("--json", "print the figures as JSON, and nothing else on stdout")
      .option(
        "--scores-out <file>",
        'write {"prompt", "score"} for every row of the data, in its order, one JSON line each (rows left out of the evaluation also say why: "excluded")',
      )
      .option("--plot <file>", "write the PGR curve as an SVG image", "router-eval.svg")
      .option("--no-plot", "write no image")
      .option("--cv <folds>", "instead, train and test by K-fold cross-validation on this data")
      .addOption(
        new Option(
          "--cv-by <what>",
          "keep folds apart by prompt, or by file (no file on both sides: unseen subjects); data: instead hold out each --data set in turn, training on the others (unseen task families)",
        )
          .choices(["prompt", "file", "data"] as const)
          .default("prompt"),
      ),
  )
    .addHelpText(
      "after",
      `
Rows the pre-router was trained on (it keeps hashes of its training prompts), prompts in a
contaminated_prompts.jsonl beside the CSV files, and repeated prompts are left out and counted.
The training flags (--target, --epochs, --l2, --seed) apply with --cv and --cv-by data only.

Examples:
  colibri eval router --data ../shared/data/routellm-mmlu
  colibri eval router --data ./held-out --artifact pre-router.json --plot curve.svg
  colibri eval router --data ./my-data --cv 5 --scores-out scores.jsonl
  colibri eval router --data ../shared/data/routellm-mmlu --cv 5 --cv-by file   # unseen subjects
  colibri eval router --data ./mmlu --data ./mbpp --cv-by data                   # unseen families
  colibri eval router --data ./held-out --json --no-plot | jq .apgr`,
    )
    .action(async (options: EvalRouterOptions) => {
      const folds =
        options.cv === undefined ? undefined : parseWholeNumber("--cv", options.cv, 2, 50);
      const training = trainingOptionsFromFlags(options);
      const sets: RouterDataSet[] = [];
      for (const path of options.data) {
        const data = await loadRouterData(path);
        noteDataSet(context.stderr, data);
        sets.push(data);
      }
      if (folds !== undefined && options.cvBy !== "data" && sets.length > 1) {
        throw new InvalidRequestError(
          "--cv cross-validates within one data set: give one --data, or hold out whole data sets with --cv-by data.",
          "data",
        );
      }
      const reports: Report[] = [];
      if (options.cvBy === "data") {
        const progress = createTrainingProgress(
          context.stderr,
          "held-out sets",
          options.json !== true,
        );
        try {
          const held = evaluateHeldOutSets(sets, {
            ...training,
            onProgress: (fraction) => {
              progress.update(fraction);
            },
          });
          for (const { data, result } of held) {
            reports.push({
              data,
              result,
              heading: `${data.path} held out: a pre-router trained on the other ${plural(sets.length - 1, "data set", "data sets")} scores it`,
              routerName: "router (learned + fallback)",
              scoreUnseen: undefined,
            });
          }
        } finally {
          progress.stop();
        }
      } else if (folds === undefined) {
        const config = await context.loadConfig();
        const artifact =
          options.artifact ??
          (await resolvePreRouterPath(config.home, config.router.preRouter.artifact));
        const preRouter = await loadPreRouter(artifact);
        for (const data of sets) {
          reports.push({
            data,
            result: evaluatePreRouter(data, preRouter),
            heading: `Pre-router ${artifact} (scorer ${preRouter.info.scorer}, target ${preRouter.info.target}, trained on ${plural(preRouter.info.trainedRows, "row", "rows", formatCount)} of ${preRouter.info.trainingSource}) on ${data.path}`,
            routerName: `router (${preRouter.info.scorer})`,
            scoreUnseen: (prompt) => preRouter.score(prompt),
          });
        }
      } else {
        const data = sets[0] as RouterDataSet;
        const progress = createTrainingProgress(
          context.stderr,
          `${folds}-fold`,
          options.json !== true,
        );
        try {
          reports.push({
            data,
            result: evaluateByCrossValidation(
              data,
              folds,
              {
                ...training,
                onProgress: (fraction) => {
                  progress.update(fraction);
                },
              },
              options.cvBy,
            ),
            heading: `${folds}-fold cross-validation on ${data.path} (out-of-fold scores, folds by ${options.cvBy})`,
            routerName: "learned (out-of-fold)",
            scoreUnseen: undefined,
          });
        } finally {
          progress.stop();
        }
      }
      if (options.scoresOut !== undefined) {
        const lines = reports.flatMap(({ data, result, scoreUnseen }) =>
          scoreEveryRow(data, result, scoreUnseen).map((line) => JSON.stringify(line)),
        );
        await writeFile(
          options.scoresOut,
          lines.length === 0 ? "" : `${lines.join("\n")}\n`,
          "utf8",
        );
      }
      const plotted = reports.length === 1 ? reports[0] : undefined;
      if (options.plot !== false && plotted !== undefined) {
        const { result, data } = plotted;
        const svg = renderCurveSvg({
          title: `Pre-router on ${data.name}: ${plural(result.evaluation.rows, "question", "questions", formatCount)}${folds === undefined ? "" : `, ${folds}-fold CV`}`,
          pgr: pgrCurve(result.rows, result.scores),
          apgr: result.evaluation.apgr,
          random: randomRouter,
          oracle: oracleRouter(countOutcomes(result.rows)),
        });
        await writeFile(options.plot, svg, "utf8");
      }
      if (options.json === true) {
        const json = reports.map(({ data, result }) => ({
          ...(reports.length === 1 ? {} : { data: data.path }),
          ...reportJson(result),
          ...(folds === undefined || options.cvBy === "data"
            ? {}
            : { crossValidation: { folds, by: options.cvBy } }),
          ...(options.cvBy === "data" ? { heldOut: "data" } : {}),
        }));
        writeJson(context.stdout, reports.length === 1 ? json[0] : { dataSets: json });
        return;
      }
      const notes = [
        options.plot === false
          ? undefined
          : plotted === undefined
            ? "No plot: it shows one data set."
            : `Plot: ${options.plot}`,
        options.scoresOut === undefined ? undefined : `Scores: ${options.scoresOut}`,
      ].filter((note) => note !== undefined);
      const texts = reports.map(({ result, heading, routerName }) =>
        describeRouterEvaluation(result, heading, routerName),
      );
      context.stdout.write(`${texts.join("\n\n")}\n${notes.join("\n")}\n`);
    });
}

function reportJson(result: PreRouterEvaluation) {
  const { evaluation } = result;
  return {
    apgr: evaluation.apgr,
    cpt50: evaluation.cpt50,
    cpt80: evaluation.cpt80,
    comparison: Object.fromEntries(
      result.comparison.map(({ name, ...figures }) => [name, figures]),
    ),
    random: evaluation.random,
    oracle: evaluation.oracle,
    accuracy: evaluation.accuracy,
    rows: evaluation.rows,
    excluded: result.excluded,
    curve: evaluation.curve,
  };
}
