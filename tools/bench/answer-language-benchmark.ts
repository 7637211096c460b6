/**
 * How well the stop-word vote (src/router/language.ts) and the cascade's wrong-language check
 * (src/router/answer-language.ts) work on real sentences: Spanish from a file of one sentence per
 * line, Portuguese from an ENEM-style JSON array (passages and questions, split into sentences;
 * questions 1–5, the Spanish-language section, left out).
 *
 *   node dist-tools/tools/bench/answer-language-benchmark.js \
 *     --spanish ../shared/data/americasnlp-dev/es-quy.txt --portuguese ../shared/data/enem/2022.json
 *
 * "flagged" is the share of sentences of one language that the check flags as an answer to a
 * question in the other (the higher the better), "false" the share flagged as an answer to a
 * question in their own language (the lower the better). It prints numbers and judges none.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { findLanguageMismatch } from "../../src/router/answer-language.js";
import { guessLanguage, type Language } from "../../src/router/language.js";

const { values } = parseArgs({
  options: {
    spanish: { type: "string" },
    portuguese: { type: "string" },
    sentences: { type: "string", default: "500" },
  },
});
if (values.spanish === undefined || values.portuguese === undefined) {
  throw new Error("Give --spanish FILE (one sentence a line) and --portuguese FILE (ENEM JSON).");
}
const limit = Number(values.sentences);
const spanish = readFileSync(values.spanish, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .slice(0, limit);
const enem = z
  .array(z.looseObject({ id: z.string(), question: z.string(), context: z.string().nullish() }))
  .parse(JSON.parse(readFileSync(values.portuguese, "utf8")));
const portuguese = enem
  .filter((item) => Number(item.id.split("_").at(-1)) > 5)
  .map((item) => `${item.context ?? ""} ${item.question}`)
  .join(" ")
  .split(/(?<=[.?!])\s+/u)
  .filter((sentence) => sentence.split(/\s+/u).length >= 5)
  .slice(0, limit);

const questions: Record<"es" | "pt", string> = {
  es: "¿Cuál es la capital de Argentina?",
  pt: "Qual é a capital do Brasil?",
};
for (const [language, other, sentences] of [
  ["es", "pt", spanish],
  ["pt", "es", portuguese],
] as const) {
  const votes = { right: 0, wrong: 0, none: 0 };
  for (const sentence of sentences) {
    const guess: Language | undefined = guessLanguage(sentence).language;
    if (guess === language) votes.right++;
    else if (guess === undefined) votes.none++;
    else votes.wrong++;
  }
  const share = (question: string) =>
    sentences.filter((sentence) => findLanguageMismatch(question, sentence) !== undefined).length /
    sentences.length;
  console.log(
    `${language}: ${sentences.length} sentences; vote right ${percent(votes.right / sentences.length)}, wrong ${percent(votes.wrong / sentences.length)}, undecided ${percent(votes.none / sentences.length)}; flagged as an answer to a ${other} question ${percent(share(questions[other]))}, to a ${language} question (false) ${percent(share(questions[language]))}`,
  );
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
