/**
 * How much a LoRA adapter changes a model's answers on its domain: every held-out question of a
 * data set (eval.jsonl, with the facts each answer must state in eval-keywords.jsonl) is answered
 * greedily by the base model and by the model with the adapter, prompted as the engine prompts
 * it, and an answer counts when it states every keyword of its fact (no case, no accents). Prints
 * the counts (all, es, pt), a few answers side by side and the time taken; judges nothing.
 *
 *   npm run bench:tune -- --adapter clinic.gguf \
 *     [--model smollm2-135m-instruct] [--dataset eval/tune-clinic] [--max-tokens 48] [--json]
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadConfig } from "../../src/config/load.js";
import { modelStoreFromConfig } from "../../src/models/model-store-from-config.js";
import { compareAdapterAnswers } from "../tune/adapter-answers.js";
import { mentionsAll } from "../tune/keyword-score.js";

const { values } = parseArgs({
  options: {
    adapter: { type: "string" },
    model: { type: "string", default: "smollm2-135m-instruct" },
    dataset: { type: "string", default: "eval/tune-clinic" },
    "max-tokens": { type: "string", default: "48" },
    threads: { type: "string", default: "1" },
    samples: { type: "string", default: "4" },
    json: { type: "boolean", default: false },
  },
});
if (values.adapter === undefined) {
  process.stderr.write(
    "Usage: tune-adapter-benchmark --adapter FILE.gguf [--model NAME] [--dataset DIR] [--max-tokens N] [--json]\n",
  );
  process.exit(2);
}

const keywordLine = z.object({
  question: z.string(),
  language: z.string(),
  keywords: z.array(z.string()).min(1),
});
const facts = (await readFile(join(values.dataset, "eval-keywords.jsonl"), "utf8"))
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => keywordLine.parse(JSON.parse(line)));
// The keywords belong to eval.jsonl's questions, in its order: refuse a file that drifted apart.
const questions = (await readFile(join(values.dataset, "eval.jsonl"), "utf8"))
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const record = z
      .object({ messages: z.array(z.object({ role: z.string(), content: z.string() })) })
      .parse(JSON.parse(line));
    return record.messages.find((message) => message.role === "user")?.content ?? "";
  });
if (questions.join("\n") !== facts.map((fact) => fact.question).join("\n")) {
  throw new Error("eval-keywords.jsonl does not list eval.jsonl's questions in the same order");
}

const model = await modelStoreFromConfig(await loadConfig()).resolve(values.model);
const started = performance.now();
const answers = await compareAdapterAnswers({
  modelPath: model.path,
  adapterPath: values.adapter,
  questions,
  maxTokens: Number(values["max-tokens"]),
  threads: Number(values.threads),
});
const seconds = (performance.now() - started) / 1000;

const scored = answers.map((answer, index) => {
  const fact = facts[index] ?? { language: "?", keywords: [] };
  return {
    ...answer,
    language: fact.language,
    baseRight: mentionsAll(answer.base, fact.keywords),
    adaptedRight: mentionsAll(answer.adapted, fact.keywords),
  };
});
const count = (language: string | undefined, which: "baseRight" | "adaptedRight") =>
  scored.filter((row) => (language === undefined || row.language === language) && row[which])
    .length;
const total = (language: string | undefined) =>
  scored.filter((row) => language === undefined || row.language === language).length;
const summary = Object.fromEntries(
  (["all", "es", "pt"] as const).map((group) => {
    const language = group === "all" ? undefined : group;
    return [
      group,
      {
        questions: total(language),
        base: count(language, "baseRight"),
        adapted: count(language, "adaptedRight"),
      },
    ];
  }),
);

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ model: model.name, adapter: values.adapter, seconds, summary, answers: scored }, null, 2)}\n`,
  );
} else {
  process.stdout.write(
    `${model.name} with and without ${values.adapter}: ${questions.length} held-out questions, greedy, at most ${values["max-tokens"]} tokens, ${seconds.toFixed(1)} s\n`,
  );
  for (const [group, row] of Object.entries(summary)) {
    process.stdout.write(
      `  ${group.padEnd(3)}  base ${row.base}/${row.questions}   adapted ${row.adapted}/${row.questions}\n`,
    );
  }
  for (const row of scored.slice(0, Number(values.samples))) {
    process.stdout.write(
      `\n  Q: ${row.question}\n     base:    ${row.base.replace(/\s+/g, " ")}\n     adapted: ${row.adapted.replace(/\s+/g, " ")}\n`,
    );
  }
}
