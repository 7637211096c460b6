import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareAdapterAnswers } from "../../tools/tune/adapter-answers.js";
import { mentionsAll } from "../../tools/tune/keyword-score.js";
import { plumbingModel } from "../support/default-model.js";

// A prepared adapter changes SmolLM2-135M's answers on its domain, with no Python in sight:
// test/fixtures/models/smollm2-clinic-lora.gguf was trained by tools/tune/train_lora.py (what
// `colibri tune train` runs) on eval/tune-clinic/train.jsonl, a fictional clinic's protocols in
// es/pt (README beside the fixture). The questions are held-out wordings from eval.jsonl, never
// trained on. The clinic's terms (its codes, portal, wings, extensions, hours) are made up, so the
// base model never writes them; with the adapter its answers use them — though a 135M model with
// 80 steps of training often attaches them to the wrong fact (docs/benchmarks.md: 1 of 24 held-out
// answers right, 9 of 24 in the clinic's terms, against 0 and 0 for the base model).

const adapterPath = fileURLToPath(
  new URL("../fixtures/models/smollm2-clinic-lora.gguf", import.meta.url),
);
const keywordsPath = fileURLToPath(
  new URL("../../eval/tune-clinic/eval-keywords.jsonl", import.meta.url),
);

/** eval.jsonl lines (0-based) the prepared adapter answered in the clinic's terms when measured. */
const measured = [6, 7, 8, 10, 12, 14, 20, 22];

describe("a prepared LoRA adapter", () => {
  it("makes SmolLM2 answer held-out questions in its domain's own terms, which the base model never uses", async () => {
    const facts = (await readFile(keywordsPath, "utf8"))
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { question: string; keywords: string[] });
    const clinicTerms = [...new Set(facts.flatMap((fact) => fact.keywords))];
    const questions = measured.map((index) => facts[index]?.question ?? "");
    const model = await plumbingModel();
    const answers = await compareAdapterAnswers({
      modelPath: model.path,
      adapterPath,
      questions,
      maxTokens: 48,
      threads: 1,
    });
    const inClinicTerms = (which: "base" | "adapted") =>
      answers.filter((answer) => clinicTerms.some((term) => mentionsAll(answer[which], [term])))
        .length;
    const seen = JSON.stringify(answers, null, 1);
    expect(inClinicTerms("base"), seen).toBe(0);
    // Most, not all: another CPU's kernels may move a greedy answer by a token.
    expect(inClinicTerms("adapted"), seen).toBeGreaterThanOrEqual(measured.length - 2);
    expect(answers.filter((answer) => answer.adapted !== answer.base)).toHaveLength(
      measured.length,
    );
  });
});
