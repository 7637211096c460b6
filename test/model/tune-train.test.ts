import { createHash } from "node:crypto";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentPython, trainerFiles } from "../../tools/tune/trainer-environment.js";
import { tinyModelPath } from "../support/fixtures.js";
import { colibri } from "../support/run-cli.js";

// `colibri tune train` end to end without Python's packages: a stand-in for the trainer's
// environment (its interpreter is a Node script) writes the PEFT adapter torch would, for the
// tiny llama fixture (one block, width 8, 2 heads); the command converts it, llama.cpp loads it on
// that model and answers a held-out question with and without it.

let directory: string;
let environment: string;
let dataset: string;

/** The stand-in trainer: events on stdout like train_lora.py, a rank-2 q/v adapter in --out. */
const standInTrainer = `#!/usr/bin/env node
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const args = process.argv.slice(2);
const flag = (name) => args[args.indexOf(name) + 1];
const emit = (event) => console.log(JSON.stringify(event));
if (flag("--rank") === "13") {
  emit({ event: "error", message: "the stand-in refuses rank 13" });
  process.exit(2);
}
emit({ event: "loading", model: flag("--model") });
emit({ event: "loaded", seconds: 0.1, trainExamples: 2, evalExamples: 1, trainableParameters: 64 });
const steps = Number(flag("--steps"));
for (let step = 1; step <= steps; step++) emit({ event: "step", step, steps, loss: 3 / step, seconds: step });
const out = flag("--out");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "adapter_config.json"), JSON.stringify({ peft_type: "LORA", r: 2, lora_alpha: 4 }));
const tensors = {};
for (const module of ["q_proj", "v_proj"]) {
  tensors["base_model.model.model.layers.0.self_attn." + module + ".lora_A.weight"] = [2, 8];
  tensors["base_model.model.model.layers.0.self_attn." + module + ".lora_B.weight"] = [8, 2];
}
const header = {};
const data = [];
let offset = 0;
for (const [name, shape] of Object.entries(tensors)) {
  const values = Buffer.alloc(shape[0] * shape[1] * 4);
  for (let index = 0; index < shape[0] * shape[1]; index++) values.writeFloatLE(((index % 5) - 2) / 10, index * 4);
  header[name] = { dtype: "F32", shape, data_offsets: [offset, offset + values.length] };
  data.push(values);
  offset += values.length;
}
const json = Buffer.from(JSON.stringify(header));
const length = Buffer.alloc(8);
length.writeBigUInt64LE(BigInt(json.length));
writeFileSync(join(out, "adapter_model.safetensors"), Buffer.concat([length, json, ...data]));
emit({ event: "done", seconds: 1, trainingSeconds: 0.5, evalLossBefore: 3.2, evalLossAfter: 1.1, out });
`;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "colibri-tune-train-"));
  environment = join(directory, "venv");
  const python = environmentPython(environment);
  await mkdir(join(python, ".."), { recursive: true });
  await writeFile(python, standInTrainer);
  await chmod(python, 0o755);
  // Marked as made from today's requirements, so the command installs nothing.
  const requirements = await readFile(trainerFiles().requirements);
  await writeFile(
    join(environment, "colibri-requirements.sha256"),
    `${createHash("sha256").update(requirements).digest("hex")}\n`,
  );
  dataset = join(directory, "data");
  await mkdir(dataset);
  const pair = (question: string, answer: string) =>
    JSON.stringify({
      messages: [
        { role: "user", content: question },
        { role: "assistant", content: answer },
      ],
    });
  await writeFile(join(dataset, "train.jsonl"), `${pair("¿Interno de emergencias?", "4417")}\n`);
  await writeFile(join(dataset, "eval.jsonl"), `${pair("¿Qué interno es emergencias?", "4417")}\n`);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("colibri tune train", () => {
  it("trains through the environment, writes llama.cpp's adapter, loads it on the base model and answers with and without it", async () => {
    const out = join(directory, "adapter.gguf");
    const result = await colibri(
      ...["tune", "train", "--dataset", dataset, "--base", tinyModelPath, "--out", out],
      ...["--venv", environment, "--steps", "4", "--rank", "2", "--threads", "1", "--samples", "1"],
    );
    expect(result.stderr).toContain("step 4/4: loss 0.750");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Wrote .*adapter\.gguf \(640 B, sha256 [0-9a-f]{64}\): rank 2, alpha 4, 2 matrices of .*; llama\.cpp loads it\./,
    );
    expect(result.stdout).toContain("held-out loss 3.200 → 1.100 (1 conversations)");
    expect(result.stdout).toContain(
      `Install it: colibri models add-adapter NAME --base llama-2-tiny-random --file ${out},`,
    );
    expect(result.stdout).toMatch(/Q: ¿Qué interno es emergencias\?\n\s+base: .*\n\s+adapted: /);

    const info = await readGgufFileInfo(out, { readTensorInfo: true, logWarnings: false });
    expect(info.metadata.general).toMatchObject({ architecture: "llama", type: "adapter" });
    expect(info.fullTensorInfo?.map((tensor) => tensor.name)).toEqual([
      "blk.0.attn_q.weight.lora_a",
      "blk.0.attn_q.weight.lora_b",
      "blk.0.attn_v.weight.lora_a",
      "blk.0.attn_v.weight.lora_b",
    ]);
  });

  it("reports the trainer's own message for what it refuses, and a data set without train.jsonl", async () => {
    const out = join(directory, "refused.gguf");
    // Progress notes come first on stderr; the error is its last line.
    const refused = await colibri(
      ...["tune", "train", "--dataset", dataset, "--base", tinyModelPath, "--out", out],
      ...["--venv", environment, "--rank", "13"],
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split("\n").at(-1)).toBe("colibri: the stand-in refuses rank 13");
    const empty = await colibri(
      ...["tune", "train", "--dataset", directory, "--base", tinyModelPath, "--out", out],
      ...["--venv", environment],
    );
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim()).toMatch(
      /^colibri: \S+ has no train\.jsonl\. Write one with `colibri tune dataset --tenant NAME/,
    );
  });
});
