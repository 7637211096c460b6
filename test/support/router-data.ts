import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RouterRow } from "../../tools/router-evaluation/router-row.js";
import { seededRandom } from "../../tools/pre-router-training/seeded-random.js";

const vocabulary = (
  "river table light garden number history planet music stone window market letter " +
  "forest engine village paper ocean bridge winter castle doctor school summer mirror " +
  "silver animal candle harbor ladder meadow pepper rocket saddle tunnel valley wagon"
).split(" ");

/** The word that makes a synthetic question hard: the weak model then mostly fails it. */
export const hardKeyword = "zorblax";

/**
 * Synthetic routing data where one keyword decides the weak model's outcome: with it (30 % of
 * rows) the weak model is right 10 % of the time and the strong one 90 %; without it, both are
 * right 92 % of the time. A router that learns nothing scores an APGR near 0.5; one that sends
 * exactly the keyword's questions first, about 0.85.
 */
export function keywordRows(count: number, seed = 1): RouterRow[] {
  const random = seededRandom(seed);
  const pick = () => vocabulary[Math.floor(random() * vocabulary.length)] ?? "river";
  return Array.from({ length: count }, (_, index) => {
    const words = Array.from({ length: 8 + Math.floor(random() * 8) }, pick);
    const hard = random() < 0.3;
    if (hard) words.splice(Math.floor(random() * words.length), 0, hardKeyword);
    const options = ["A", "B", "C", "D"].map((letter) => `${letter}. ${pick()} ${pick()}`);
    return {
      prompt: `Question ${seed}-${index}: which ${words.join(" ")}?\n${options.join("\n")}\nAnswer:`,
      weakCorrect: random() < (hard ? 0.1 : 0.92),
      strongCorrect: random() < (hard ? 0.9 : 0.92),
    };
  });
}

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text: a header (unless null), then prompt, weak, strong as True/False. */
export function toCsv(
  rows: readonly RouterRow[],
  header: string | null = "prompt,weak-model,strong-model",
): string {
  const lines = rows.map(
    (row) =>
      `${csvField(row.prompt)},${row.weakCorrect ? "True" : "False"},${row.strongCorrect ? "True" : "False"}`,
  );
  return `${[...(header === null ? [] : [header]), ...lines].join("\n")}\n`;
}

/** Write rows into `folder` as `files` CSV files of about equal size; returns the folder. */
export async function writeRouterData(
  folder: string,
  rows: readonly RouterRow[],
  files = 2,
): Promise<string> {
  await mkdir(folder, { recursive: true });
  const size = Math.ceil(rows.length / files);
  for (let file = 0; file < files; file++) {
    const part = rows.slice(file * size, (file + 1) * size);
    await writeFile(join(folder, `part-${file}.csv`), toCsv(part));
  }
  return folder;
}
