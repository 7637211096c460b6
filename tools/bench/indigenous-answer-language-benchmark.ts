/**
 * The cascade's wrong-language check (src/router/answer-language.ts) on questions in Quechua,
 * Guaraní, Aymara and Nahuatl, from AmericasNLP's dev sentences (one a line, the Spanish side
 * aligned line by line):
 *
 *   npm run build && node dist-tools/tools/bench/indigenous-answer-language-benchmark.js \
 *     [--data ../shared/data/americasnlp-dev] [--half tune|test|all]
 *
 * Each sentence is a question; "false" is the share of next sentences of the same language (one,
 * or three as a longer answer) flagged as an answer in another language (the lower the better);
 * "es" the share of the aligned Spanish sentences flagged, "other" the share of the same line in
 * the other three languages flagged (the higher the better). The detector was tuned on the first
 * half (`--half tune`); the second (the default) was only counted. It prints numbers, judges none.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { findLanguageMismatch } from "../../src/router/answer-language.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/data/americasnlp-dev" },
    half: { type: "string", default: "test" },
  },
});
const files = {
  qu: ["quy.txt", "es-quy.txt"],
  gn: ["gn.txt", "es-gn.txt"],
  ay: ["aym.txt", "es-aym.txt"],
  nah: ["nah.txt", "es-nah.txt"],
} as const;
type Indigenous = keyof typeof files;

function lines(file: string): string[] {
  const all = readFileSync(join(values.data, file), "utf8").split("\n");
  if (all.at(-1) === "") all.pop();
  const middle = Math.floor(all.length / 2);
  if (values.half === "tune") return all.slice(0, middle);
  if (values.half === "test") return all.slice(middle);
  return all;
}

const sets = Object.fromEntries(
  Object.entries(files).map(([language, [own, spanish]]) => [
    language,
    { own: lines(own), spanish: lines(spanish) },
  ]),
) as Record<Indigenous, { own: string[]; spanish: string[] }>;

const flagged = (pairs: [string, string][]) => {
  const hits = pairs.filter(([question, answer]) => findLanguageMismatch(question, answer));
  return { share: hits.length / Math.max(1, pairs.length), hits: hits.length, of: pairs.length };
};
const usable = (line: string | undefined): line is string => line !== undefined && line !== "";

let falseHits = 0;
let falseOf = 0;
for (const [language, { own, spanish }] of Object.entries(sets) as [
  Indigenous,
  (typeof sets)[Indigenous],
][]) {
  const same: [string, string][] = [];
  const sameLong: [string, string][] = [];
  const toSpanish: [string, string][] = [];
  const toOther: [string, string][] = [];
  own.forEach((question, index) => {
    if (!usable(question)) return;
    const next = own[index + 1];
    if (usable(next)) same.push([question, next]);
    const paragraph = own.slice(index + 1, index + 4);
    if (paragraph.length === 3) sameLong.push([question, paragraph.join(" ")]);
    const translation = spanish[index];
    if (usable(translation)) toSpanish.push([question, translation]);
    for (const other of Object.keys(sets) as Indigenous[]) {
      const line = sets[other].own[index];
      if (other !== language && usable(line)) toOther.push([question, line]);
    }
  });
  const single = flagged(same);
  const long = flagged(sameLong);
  falseHits += single.hits + long.hits;
  falseOf += single.of + long.of;
  console.log(
    `${language}: ${own.length} questions; false ${percent(single.share)} (${single.hits}/${single.of}), on three sentences ${percent(long.share)} (${long.hits}/${long.of}); es flagged ${percent(flagged(toSpanish).share)}; other flagged ${percent(flagged(toOther).share)}`,
  );
}
console.log(`false flags in all: ${falseHits}/${falseOf} (${percent(falseHits / falseOf)})`);

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
