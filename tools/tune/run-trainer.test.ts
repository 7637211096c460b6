import { describe, expect, it } from "vitest";
import type { LineProcessOptions, LineRunner } from "./line-process.js";
import { runTrainer, type TrainerEvent, type TrainerSettings } from "./run-trainer.js";

const settings: TrainerSettings = {
  model: "/models/smollm2.gguf",
  train: "/data/train.jsonl",
  eval: "/data/eval.jsonl",
  out: "/tmp/peft",
  steps: 2,
  rank: 8,
  alpha: 16,
  learningRate: 0.001,
  batchSize: 8,
  targets: ["q_proj", "v_proj"],
  threads: 1,
  seed: 3,
};

/** A trainer that writes these stdout lines and exits with this code. */
function scripted(
  lines: readonly string[],
  exitCode = 0,
  stderrTail: string[] = [],
): {
  run: LineRunner;
  calls: Array<{ command: string; args: readonly string[]; options?: LineProcessOptions }>;
} {
  const calls: Array<{ command: string; args: readonly string[]; options?: LineProcessOptions }> =
    [];
  const run: LineRunner = (command, args, options) => {
    calls.push({ command, args, ...(options === undefined ? {} : { options }) });
    for (const line of lines) options?.onStdoutLine?.(line);
    return Promise.resolve({ exitCode, stderrTail });
  };
  return { run, calls };
}

/** runTrainer on a scripted trainer, events ignored. */
function runScripted(...script: Parameters<typeof scripted>) {
  const { run } = scripted(...script);
  return runTrainer({
    python: "python",
    script: "train_lora.py",
    settings,
    run,
    onEvent: () => undefined,
  });
}

const loaded =
  '{"event": "loaded", "seconds": 9.5, "trainExamples": 72, "evalExamples": 24, "trainableParameters": 921600}';
const done =
  '{"event": "done", "seconds": 60.1, "trainingSeconds": 40.2, "evalLossBefore": 3.46, "evalLossAfter": 0.81, "out": "/tmp/peft"}';

describe("runTrainer", () => {
  it("passes the settings, runs at low priority, reports each event and returns the summary", async () => {
    const { run, calls } = scripted([
      '{"event": "loading", "model": "smollm2.gguf"}',
      "a line that is not an event",
      loaded,
      '{"event": "step", "step": 1, "steps": 2, "loss": 3.3, "seconds": 3.1}',
      '{"event": "step", "step": 2, "steps": 2, "loss": 2.4, "seconds": 6.0}',
      done,
    ]);
    const events: TrainerEvent[] = [];
    const result = await runTrainer({
      python: "/venv/bin/python",
      script: "/tools/tune/train_lora.py",
      settings,
      run,
      onEvent: (event) => events.push(event),
    });
    expect(calls[0]?.command).toBe("/venv/bin/python");
    expect(calls[0]?.args.join(" ")).toBe(
      "/tools/tune/train_lora.py --model /models/smollm2.gguf --train /data/train.jsonl --out /tmp/peft --eval /data/eval.jsonl --steps 2 --rank 8 --alpha 16 --learning-rate 0.001 --batch-size 8 --targets q_proj,v_proj --threads 1 --seed 3",
    );
    expect(calls[0]?.options?.niceness).toBe(10);
    expect(events.map((event) => event.event)).toEqual([
      "loading",
      "loaded",
      "step",
      "step",
      "done",
    ]);
    expect(result).toEqual({
      event: "done",
      seconds: 60.1,
      trainingSeconds: 40.2,
      evalLossBefore: 3.46,
      evalLossAfter: 0.81,
      trainExamples: 72,
      evalExamples: 24,
      trainableParameters: 921600,
      finalLoss: 2.4,
    });
  });

  it("gives the trainer's own message for bad input", async () => {
    const error = "/data/train.jsonl line 3 does not end with the assistant's answer";
    await expect(
      runScripted([JSON.stringify({ event: "error", message: error })], 2),
    ).rejects.toThrow(error);
  });

  it("names the exit code and the last lines of stderr when the trainer dies", async () => {
    await expect(
      runScripted([loaded], 137, ["Traceback (most recent call last):", "MemoryError", ""]),
    ).rejects.toThrow(
      "The trainer stopped with exit code 137 before saving an adapter: Traceback (most recent call last): | MemoryError",
    );
  });
});
