import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RouterRow } from "../../tools/router-evaluation/router-row.js";
import { seededRandom } from "../../tools/pre-router-training/seeded-random.js";

const vocabulary = (
  "river table light garden number history planet music stone window market letter " +
  "forest engine village paper ocean bridge winter castle doctor school summer mirror " +
  "silver animal candle harbor ladder meadow pepper rocket saddle tunnel valley wagon"
).split(" ");

/**
 * Synthetic routing data where the number of quantities decides the weak model's outcome, as the
 * number of steps in a word problem would: hard questions (30 % of rows) have four numbers among
 * their words, the weak model is right on them 10 % of the time and the strong one 90 %; easy ones
 * have none, and both are right 92 % of the time. Hard and easy questions have as many words, so
 * their length says little. A router that learns nothing scores an APGR near 0.5; one that sends
 * exactly the hard questions first, about 0.85.
 */
export function quantityRows(count: number, seed = 1): RouterRow[] {
  const random = seededRandom(seed);
  const pick = () => vocabulary[Math.floor(random() * vocabulary.length)] ?? "river";
  return Array.from({ length: count }, (_, index) => {
    const words = Array.from({ length: 10 + Math.floor(random() * 8) }, pick);
    const hard = random() < 0.3;
    if (hard) {
      for (let number = 0; number < 4; number++) {
        words[Math.floor(random() * words.length)] = String(10 + Math.floor(random() * 90));
      }
    }
    const options = ["A", "B", "C", "D"].map((letter) => `${letter}. ${pick()} ${pick()}`);
    return {
      prompt: `Question ${seed}-${index}: which ${words.join(" ")}?\n${options.join("\n")}\nAnswer:`,
      weakCorrect: random() < (hard ? 0.1 : 0.92),
      strongCorrect: random() < (hard ? 0.9 : 0.92),
    };
  });
}

/** Whether a prompt of `quantityRows` is a hard one (it has numbers besides its own id). */
export function isHardQuestion(prompt: string): boolean {
  return /which .*\b\d+\b/.test(prompt);
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
