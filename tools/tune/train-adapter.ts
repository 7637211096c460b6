import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GgufFileInfo } from "node-llama-cpp";
import { InvalidRequestError } from "../../src/core/errors.js";
import { ggufModelShape } from "../../src/models/gguf-model-shape.js";
import {
  convertLoraAdapter,
  type ConvertedLoraAdapter,
  type LoraBaseModel,
} from "../../src/models/convert/lora-adapter-conversion.js";
import { compareAdapterAnswers, type ComparedAnswer } from "./adapter-answers.js";
import type { LineRunner } from "./line-process.js";
import {
  runTrainer,
  type TrainerEvent,
  type TrainerResult,
  type TrainerSettings,
} from "./run-trainer.js";
import { ensureTrainerEnvironment, trainerFiles } from "./trainer-environment.js";

/**
 * `colibri tune train` from start to end: the trainer's environment (made on first use), the
 * training run (Python, at low priority), the conversion of its PEFT adapter to llama.cpp's LoRA
 * GGUF, and a check that llama.cpp loads it on the base model, with a few held-out questions
 * answered with and without it.
 */
export interface TrainAdapterOptions {
  /** Folder with train.jsonl and, optionally, eval.jsonl (as `colibri tune dataset` writes). */
  dataset: string;
  base: { name: string; path: string };
  output: string;
  training: Omit<TrainerSettings, "model" | "train" | "eval" | "out">;
  /** The trainer's virtual environment. */
  environment: string;
  /** Python that creates it. */
  python?: string | undefined;
  /** Held-out questions answered with and without the adapter (0: only check it loads). */
  samples: number;
  sampleTokens: number;
  run: LineRunner;
  onStage: (message: string) => void;
  onInstallLine?: (line: string) => void;
  onEvent: (event: TrainerEvent) => void;
}

export interface TrainedAdapter {
  adapter: ConvertedLoraAdapter & { path: string };
  training: TrainerResult;
  samples: ComparedAnswer[];
}

export async function trainAdapter(options: TrainAdapterOptions): Promise<TrainedAdapter> {
  const train = join(options.dataset, "train.jsonl");
  const evaluation = join(options.dataset, "eval.jsonl");
  if (!existsSync(train)) {
    throw new InvalidRequestError(
      `${options.dataset} has no train.jsonl. Write one with \`colibri tune dataset --tenant NAME --out ${options.dataset}\`, or put chat fine-tuning JSONL ({"messages": [...]} per line) there.`,
      "dataset",
    );
  }
  const base = await baseModelShape(options.base.path, options.base.name);
  const files = trainerFiles();
  const python = await ensureTrainerEnvironment({
    environment: options.environment,
    requirements: files.requirements,
    python: options.python,
    run: options.run,
    onStage: options.onStage,
    ...(options.onInstallLine === undefined ? {} : { onInstallLine: options.onInstallLine }),
  });
  const work = await mkdtemp(join(tmpdir(), "colibri-tune-"));
  try {
    const peft = join(work, "peft");
    options.onStage(
      `Training a rank-${options.training.rank} LoRA adapter of ${options.base.name}`,
    );
    const training = await runTrainer({
      python,
      script: files.script,
      settings: {
        ...options.training,
        model: options.base.path,
        train,
        eval: existsSync(evaluation) ? evaluation : undefined,
        out: peft,
      },
      run: options.run,
      onEvent: options.onEvent,
    });
    options.onStage(`Writing ${options.output}`);
    const converted = await convertLoraAdapter({
      folder: peft,
      output: options.output,
      base,
      name: `${options.base.name} LoRA`,
    });
    options.onStage(`Loading it with llama.cpp on ${options.base.name}`);
    const samples = await compareAdapterAnswers({
      modelPath: options.base.path,
      adapterPath: options.output,
      questions: existsSync(evaluation) ? await firstQuestions(evaluation, options.samples) : [],
      maxTokens: options.sampleTokens,
      threads: options.training.threads,
    });
    return { adapter: { ...converted, path: options.output }, training, samples };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function baseModelShape(path: string, name: string): Promise<LoraBaseModel> {
  const { readGgufFileInfo } = await import("node-llama-cpp");
  let info: GgufFileInfo;
  try {
    info = await readGgufFileInfo(path, { logWarnings: false, sourceType: "filesystem" });
  } catch (error) {
    throw new InvalidRequestError(
      `Cannot read ${path} as a GGUF model: ${(error as Error).message}`,
      "base",
      error,
    );
  }
  const architecture: string = info.metadata.general.architecture;
  const shape = ggufModelShape(info);
  const headCount = shape?.headCount;
  const headCountKv = shape?.headCountKv ?? headCount;
  if (
    architecture !== "llama" ||
    typeof headCount !== "number" ||
    typeof headCountKv !== "number"
  ) {
    throw new InvalidRequestError(
      `${name} is a ${architecture} model; \`colibri tune train\` trains adapters of llama-architecture models (e.g. smollm2-135m-instruct).`,
      "base",
    );
  }
  return { architecture, headCount, headCountKv };
}

/** The user turn of the first `count` held-out conversations. */
async function firstQuestions(path: string, count: number): Promise<string[]> {
  const questions: string[] = [];
  for (const line of (await readFile(path, "utf8")).split("\n")) {
    if (questions.length >= count) break;
    if (line.trim() === "") continue;
    try {
      const record = JSON.parse(line) as {
        messages?: Array<{ role?: unknown; content?: unknown }>;
      };
      const user = record.messages?.filter((message) => message.role === "user").at(-1);
      if (typeof user?.content === "string") questions.push(user.content);
    } catch {
      // The trainer has read this file already and reported any bad line; a sample is skipped.
    }
  }
  return questions;
}
