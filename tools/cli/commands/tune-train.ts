import { resolve } from "node:path";
import type { Command } from "commander";
import type { CliContext } from "../../../src/cli/context.js";
import { parseNumber, parseWholeNumber } from "../../../src/cli/router-flags.js";
import { writeJson } from "../../../src/cli/tenancy-format.js";
import { InvalidRequestError } from "../../../src/core/errors.js";
import { formatBytes } from "../../../src/models/byte-size.js";
import { modelStoreFromConfig } from "../../../src/models/model-store-from-config.js";
import { runLines } from "../../tune/line-process.js";
import type { TrainerEvent } from "../../tune/run-trainer.js";
import { trainAdapter, type TrainedAdapter } from "../../tune/train-adapter.js";
import { defaultTrainerEnvironment } from "../../tune/trainer-environment.js";
import { createTrainingProgress } from "../training-progress.js";

interface TrainOptions {
  dataset: string;
  base: string;
  out: string;
  steps: string;
  rank: string;
  alpha?: string;
  learningRate: string;
  batchSize: string;
  targets: string;
  threads: string;
  seed: string;
  samples: string;
  venv?: string;
  python?: string;
  json?: boolean;
}

const projections = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"];

export function registerTuneTrain(tune: Command, context: CliContext): void {
  tune
    .command("train")
    .description(
      "Train a LoRA adapter of a local llama-architecture model on a chat data set, on this machine's CPU, and write it as a GGUF adapter llama.cpp loads.",
    )
    .requiredOption("--dataset <dir>", "folder with train.jsonl and, optionally, eval.jsonl")
    .requiredOption("--base <model>", "installed model to adapt, e.g. smollm2-135m-instruct")
    .requiredOption("--out <file>", "the adapter to write, e.g. clinic.gguf")
    .option("--steps <n>", "optimizer steps", "80")
    .option("--rank <r>", "LoRA rank", "8")
    .option("--alpha <a>", "LoRA alpha (default: twice the rank)")
    .option("--learning-rate <lr>", "AdamW learning rate (warm-up, then cosine decay)", "0.002")
    .option("--batch-size <n>", "conversations per step", "8")
    .option(
      "--targets <list>",
      `projections to adapt, among ${projections.join(", ")}`,
      "q_proj,v_proj,o_proj,down_proj",
    )
    .option("--threads <n>", "CPU threads for training and the check", "2")
    .option("--seed <n>", "seed of the initial adapter and the order of examples", "1")
    .option(
      "--samples <n>",
      "held-out questions answered with and without the adapter at the end",
      "3",
    )
    .option("--venv <dir>", "the trainer's Python environment (made on first use)")
    .option("--python <path>", "Python 3.10+ that makes that environment", "python3")
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      `
The trainer is Python (torch, transformers, peft, from tools/tune/requirements.txt): on first use
it is installed with pip into its own environment ($COLIBRI_HOME/tune/venv unless --venv), through pip's
own configuration — point pip at PyTorch's CPU-only wheel index to avoid CUDA's libraries. It
reads the base model from its GGUF file, trains at low priority (nice 10) with the loss on the
answers only, and the adapter is converted to llama.cpp's LoRA GGUF and loaded once to check it.
The defaults are what taught SmolLM2-135M the most in docs/benchmarks.md (80 steps: about
15 minutes on 2 shared cores).

Examples:
  colibri tune dataset --tenant acme --out ./acme-data
  colibri tune train --dataset ./acme-data --base smollm2-135m-instruct --out acme.gguf
  colibri tune train --dataset eval/tune-clinic --base smollm2-135m-instruct --out clinic.gguf --steps 80 --rank 8`,
    )
    .action(async (options: TrainOptions) => {
      const rank = parseWholeNumber("--rank", options.rank, 1, 256);
      const targets = options.targets
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "");
      const unknown = targets.filter((name) => !projections.includes(name));
      if (targets.length === 0 || unknown.length > 0) {
        throw new InvalidRequestError(
          `--targets takes projections among ${projections.join(", ")}, not "${options.targets}".`,
          "targets",
        );
      }
      const training = {
        steps: parseWholeNumber("--steps", options.steps, 1, 100_000),
        rank,
        alpha:
          options.alpha === undefined
            ? 2 * rank
            : parseNumber("--alpha", options.alpha, 0.001, 10_000),
        learningRate: parseNumber("--learning-rate", options.learningRate, 1e-7, 1),
        batchSize: parseWholeNumber("--batch-size", options.batchSize, 1, 1024),
        targets,
        threads: parseWholeNumber("--threads", options.threads, 1, 256),
        seed: parseWholeNumber("--seed", options.seed, 0, 2 ** 31 - 1),
      };
      const samples = parseWholeNumber("--samples", options.samples, 0, 100);
      const config = await context.loadConfig();
      const base = await modelStoreFromConfig(config).resolve(options.base);
      const progress = createTrainingProgress(context.stderr, "training", options.json !== true);
      const note = (message: string) => context.stderr.write(`${message}\n`);
      let lastNoted = 0;
      let result: TrainedAdapter;
      try {
        result = await trainAdapter({
          dataset: resolve(options.dataset),
          base,
          output: resolve(options.out),
          training,
          environment: resolve(options.venv ?? defaultTrainerEnvironment(config.home)),
          python: options.python,
          samples,
          sampleTokens: 48,
          run: runLines,
          onStage: note,
          onInstallLine: (line) => {
            if (/^(Collecting|Installing|Successfully)/.test(line)) note(`  pip: ${line.trim()}`);
          },
          onEvent: (event: TrainerEvent) => {
            if (event.event === "loaded") {
              note(
                `  ${event.trainExamples} training and ${event.evalExamples} held-out conversations; ${event.trainableParameters.toLocaleString("en")} parameters to train`,
              );
            } else if (event.event === "step") {
              progress.update(event.step / event.steps);
              // Without a terminal (or with --json), a line every tenth of the run.
              if (
                event.step === event.steps ||
                event.step - lastNoted >= Math.max(1, Math.ceil(event.steps / 10))
              ) {
                lastNoted = event.step;
                if (!isTerminal(context.stderr) || options.json === true) {
                  note(
                    `  step ${event.step}/${event.steps}: loss ${event.loss.toFixed(3)} (${event.seconds.toFixed(0)} s)`,
                  );
                }
              }
            }
          },
        });
      } finally {
        progress.stop();
      }
      if (options.json === true) {
        writeJson(context.stdout, result);
        return;
      }
      context.stdout.write(formatSummary(result, base.name));
    });
}

function isTerminal(stream: NodeJS.WritableStream): boolean {
  return "isTTY" in stream && stream.isTTY === true;
}

function formatSummary(result: TrainedAdapter, baseName: string): string {
  const { adapter, training } = result;
  const loss =
    training.evalLossBefore === null || training.evalLossAfter === null
      ? "no eval.jsonl, so no held-out loss"
      : `held-out loss ${training.evalLossBefore.toFixed(3)} → ${training.evalLossAfter.toFixed(3)} (${training.evalExamples} conversations)`;
  const lines = [
    `Wrote ${adapter.path} (${formatBytes(adapter.sizeBytes)}, sha256 ${adapter.sha256}): rank ${adapter.rank}, alpha ${adapter.alpha}, ${adapter.matrixCount} matrices of ${baseName}; llama.cpp loads it.`,
    `Trained on ${training.trainExamples} conversations in ${training.trainingSeconds.toFixed(0)} s (${training.seconds.toFixed(0)} s with loading); last step's loss ${training.finalLoss?.toFixed(3) ?? "?"}; ${loss}.`,
  ];
  lines.push(
    `Install it: colibri models add-adapter NAME --base ${baseName} --file ${adapter.path}, then try it with colibri models candidate NAME --mode shadow.`,
  );
  for (const sample of result.samples) {
    lines.push(
      `  Q: ${sample.question}`,
      `     base:    ${oneLine(sample.base)}`,
      `     adapted: ${oneLine(sample.adapted)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
