import { z } from "zod";
import { ColibriError, InvalidRequestError } from "../../src/core/errors.js";
import type { LineRunner } from "./line-process.js";

/** What tools/tune/train_lora.py is asked to do. */
export interface TrainerSettings {
  /** The base model's GGUF file. */
  model: string;
  train: string;
  eval?: string | undefined;
  /** Folder the PEFT adapter is saved in. */
  out: string;
  steps: number;
  rank: number;
  alpha: number;
  learningRate: number;
  batchSize: number;
  /** Hugging Face module names, e.g. q_proj. */
  targets: readonly string[];
  threads: number;
  seed: number;
}

const eventSchema = z.discriminatedUnion("event", [
  z.object({ event: z.literal("loading"), model: z.string() }),
  z.object({
    event: z.literal("loaded"),
    seconds: z.number(),
    trainExamples: z.number(),
    evalExamples: z.number(),
    trainableParameters: z.number(),
  }),
  z.object({
    event: z.literal("step"),
    step: z.number(),
    steps: z.number(),
    loss: z.number(),
    seconds: z.number(),
  }),
  z.object({
    event: z.literal("done"),
    seconds: z.number(),
    trainingSeconds: z.number(),
    evalLossBefore: z.number().nullable(),
    evalLossAfter: z.number().nullable(),
  }),
  z.object({ event: z.literal("error"), message: z.string() }),
]);

export type TrainerEvent = z.infer<typeof eventSchema>;
export type TrainerResult = Extract<TrainerEvent, { event: "done" }> &
  Pick<
    Extract<TrainerEvent, { event: "loaded" }>,
    "trainExamples" | "evalExamples" | "trainableParameters"
  > & {
    /** Training loss of the last step. */
    finalLoss: number | undefined;
  };

export interface RunTrainerOptions {
  python: string;
  script: string;
  settings: TrainerSettings;
  run: LineRunner;
  onEvent: (event: TrainerEvent) => void;
  signal?: AbortSignal;
}

/** Runs the trainer at low priority and returns its summary; its errors become one-line errors. */
export async function runTrainer(options: RunTrainerOptions): Promise<TrainerResult> {
  const { settings } = options;
  const args = [
    options.script,
    ...["--model", settings.model, "--train", settings.train, "--out", settings.out],
    ...(settings.eval === undefined ? [] : ["--eval", settings.eval]),
    ...["--steps", String(settings.steps), "--rank", String(settings.rank)],
    ...["--alpha", String(settings.alpha), "--learning-rate", String(settings.learningRate)],
    ...["--batch-size", String(settings.batchSize), "--targets", settings.targets.join(",")],
    ...["--threads", String(settings.threads), "--seed", String(settings.seed)],
  ];
  let loaded: Extract<TrainerEvent, { event: "loaded" }> | undefined;
  let done: Extract<TrainerEvent, { event: "done" }> | undefined;
  let failure: string | undefined;
  let finalLoss: number | undefined;
  const result = await options.run(options.python, args, {
    niceness: 10,
    // Python's own warnings and transformers' notices are not the user's business unless it fails.
    env: {
      ...process.env,
      PYTHONUNBUFFERED: "1",
      PYTHONWARNINGS: "ignore",
      TOKENIZERS_PARALLELISM: "false",
      // torch's threads sleep instead of spinning while they wait for each other: at nice 10 on
      // cores the gateway shares, 2 spinning threads took several times longer a step than 1.
      OMP_WAIT_POLICY: "PASSIVE",
    },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onStdoutLine: (line) => {
      const event = parseEvent(line);
      if (event === undefined) return;
      if (event.event === "loaded") loaded = event;
      if (event.event === "step") finalLoss = event.loss;
      if (event.event === "done") done = event;
      if (event.event === "error") failure = event.message;
      options.onEvent(event);
    },
  });
  if (failure !== undefined) throw new InvalidRequestError(failure);
  if (result.exitCode !== 0 || done === undefined || loaded === undefined) {
    const last = result.stderrTail
      .filter((line) => line.trim() !== "")
      .slice(-3)
      .join(" | ");
    throw new ColibriError(
      `The trainer stopped with exit code ${result.exitCode} before saving an adapter: ${last.trim() || "no message"}`,
      { code: "training_failed", status: 500 },
    );
  }
  return {
    ...done,
    trainExamples: loaded.trainExamples,
    evalExamples: loaded.evalExamples,
    trainableParameters: loaded.trainableParameters,
    finalLoss,
  };
}

function parseEvent(line: string): TrainerEvent | undefined {
  if (!line.startsWith("{")) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = eventSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
