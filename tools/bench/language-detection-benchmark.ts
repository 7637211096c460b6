/**
 * How well the region's language detector (src/router/region-language.ts) names the language of
 * one sentence, per language, and how long it takes:
 *
 *   npm run bench:lang [-- --data ../shared/data] [--half tune|test|all]
 *
 * Quechua (quy.txt), Guaraní (gn.txt), Aymara (aym.txt), Nahuatl (nah.txt) and Spanish (es-*.txt,
 * duplicates dropped) come from americasnlp-dev/; Portuguese from the questions of rag/pt (FaQuAD)
 * and English from the question stems of routellm-mmlu (MMLU), so that Portuguese and English
 * confused with Spanish show. Every set is split in two halves in file order: the detector's word
 * lists were written looking only at the first half ("tune"); the second ("test", the default) is
 * the held-out figure. It prints numbers and judges none.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { detectRegionLanguage, type RegionLanguage } from "../../src/router/region-language.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/data" },
    half: { type: "string", default: "test" },
    errors: { type: "string", default: "0" },
  },
});
const half = z.enum(["tune", "test", "all"]).parse(values.half);
const showErrors = Number(values.errors);
const americas = join(values.data, "americasnlp-dev");

function lines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function portuguese(): string[] {
  const question = z.object({ question: z.string() });
  return lines(join(values.data, "rag", "pt", "questions.jsonl")).map(
    (line) => question.parse(JSON.parse(line)).question,
  );
}

function english(): string[] {
  const folder = join(values.data, "routellm-mmlu");
  const stems: string[] = [];
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith(".csv"))
    .sort()) {
    const rows = z
      .array(z.looseObject({ prompt: z.string() }))
      .parse(parse(readFileSync(join(folder, file), "utf8"), { columns: true }));
    for (const row of rows.slice(0, 10)) {
      const stem = row.prompt.split(/\nA\./u)[0]?.trim();
      if (stem) stems.push(stem);
    }
  }
  return stems;
}

const sets: [RegionLanguage, string[]][] = [
  ["qu", lines(join(americas, "quy.txt"))],
  ["gn", lines(join(americas, "gn.txt"))],
  ["ay", lines(join(americas, "aym.txt"))],
  ["nah", lines(join(americas, "nah.txt"))],
  [
    "es",
    [
      ...new Set(
        ["es-quy.txt", "es-gn.txt", "es-nah.txt"].flatMap((file) => lines(join(americas, file))),
      ),
    ],
  ],
  ["pt", portuguese()],
  ["en", english()],
];

function pick(sentences: string[]): string[] {
  const middle = Math.floor(sentences.length / 2);
  if (half === "tune") return sentences.slice(0, middle);
  if (half === "test") return sentences.slice(middle);
  return sentences;
}

console.log(`Language detection, ${half} half, one sentence at a time`);
// "unsure": below 0.6 confidence, which routing rules read as "other".
console.log("language  sentences  accuracy  unsure  taken for (top 3)");
let totalTime = 0;
let totalSentences = 0;
const regional: number[] = [];
for (const [language, all] of sets) {
  const sentences = pick(all);
  const wrong = new Map<string, number>();
  let right = 0;
  let unsure = 0;
  const start = performance.now();
  for (const sentence of sentences) {
    const { language: found, confidence } = detectRegionLanguage(sentence);
    if (confidence < 0.6) unsure++;
    if (found === language) right++;
    else {
      wrong.set(found, (wrong.get(found) ?? 0) + 1);
      if (showErrors > 0 && wrong.size <= showErrors) console.log(`  ${found} ← ${sentence}`);
    }
  }
  totalTime += performance.now() - start;
  totalSentences += sentences.length;
  const accuracy = right / sentences.length;
  if (["qu", "gn", "ay", "nah", "es"].includes(language)) regional.push(accuracy);
  const confusions = [...wrong.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([code, count]) => `${code} ${count}`)
    .join(", ");
  console.log(
    `${language.padEnd(9)} ${String(sentences.length).padStart(9)}  ${accuracy.toFixed(3).padStart(8)}  ${(unsure / sentences.length).toFixed(3)}  ${confusions}`,
  );
}
const mean = regional.reduce((sum, value) => sum + value, 0) / regional.length;
console.log(`mean over qu, gn, ay, nah, es: ${mean.toFixed(3)}`);
console.log(
  `time: ${((totalTime / totalSentences) * 1000).toFixed(0)} µs per sentence (${totalSentences} sentences, first call included)`,
);
const again = performance.now();
for (const [, all] of sets) for (const sentence of pick(all)) detectRegionLanguage(sentence);
console.log(
  `time, second pass: ${(((performance.now() - again) / totalSentences) * 1000).toFixed(0)} µs per sentence`,
);
