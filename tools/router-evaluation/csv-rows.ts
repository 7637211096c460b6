import { parse } from "csv-parse/sync";
import { z } from "zod";
import { RouterDataError } from "./router-data-error.js";
import type { RouterRow } from "./router-row.js";

/** A row left out of a data set, and why. */
export interface SkippedRow {
  file: string;
  line: number;
  reason: string;
}

export interface CsvRows {
  rows: RouterRow[];
  skipped: SkippedRow[];
  hasHeader: boolean;
}

const booleanWords = new Map<string, boolean>([
  ["true", true],
  ["false", false],
  ["t", true],
  ["f", false],
  ["yes", true],
  ["no", false],
  ["y", true],
  ["n", false],
  ["1", true],
  ["0", false],
  ["1.0", true],
  ["0.0", false],
]);

/** True/False, true/false, 1/0, yes/no (and T/F, Y/N, 1.0/0.0); undefined for anything else. */
export function parseCorrectness(value: string): boolean | undefined {
  return booleanWords.get(value.trim().toLowerCase());
}

const recordSchema = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }),
);

/**
 * Rows of one CSV file: first column the prompt, second whether the weak model was correct, third
 * whether the strong one was. A first row whose second and third fields are not booleans is the
 * header, whatever its names. Rows that do not fit are skipped and listed; a file that cannot be
 * parsed as CSV at all is an error naming the file and line.
 */
export function parseRouterCsv(text: string, file: string): CsvRows {
  let records: z.infer<typeof recordSchema>;
  try {
    records = recordSchema.parse(
      parse(text, {
        info: true,
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }),
    );
  } catch (error) {
    const line = z.object({ lines: z.number() }).safeParse(error);
    const where = line.success ? ` at line ${line.data.lines}` : "";
    const reason = error instanceof Error ? error.message : String(error);
    throw new RouterDataError(
      `${file}${where} is not a readable CSV file (${reason}). Expected columns: prompt, weak model correct, strong model correct.`,
      error,
    );
  }
  const rows: RouterRow[] = [];
  const skipped: SkippedRow[] = [];
  let hasHeader = false;
  let previousEnd = 0;
  records.forEach(({ record, info }, index) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const [prompt, weak, strong] = record;
    const weakCorrect = weak === undefined ? undefined : parseCorrectness(weak);
    const strongCorrect = strong === undefined ? undefined : parseCorrectness(strong);
    if (
      index === 0 &&
      record.length >= 3 &&
      weakCorrect === undefined &&
      strongCorrect === undefined
    ) {
      hasHeader = true;
      return;
    }
    const reason = problemWith(record, prompt, weak, strong, weakCorrect, strongCorrect);
    if (reason !== undefined || prompt === undefined) {
      skipped.push({ file, line, reason: reason ?? "no prompt" });
      return;
    }
    rows.push({ prompt, weakCorrect: weakCorrect === true, strongCorrect: strongCorrect === true });
  });
  return { rows, skipped, hasHeader };
}

function problemWith(
  record: readonly string[],
  prompt: string | undefined,
  weak: string | undefined,
  strong: string | undefined,
  weakCorrect: boolean | undefined,
  strongCorrect: boolean | undefined,
): string | undefined {
  if (record.length < 3) return `${record.length} column(s), expected 3`;
  if (prompt === undefined || prompt.trim() === "") return "empty prompt";
  if (weakCorrect === undefined)
    return `weak-model column is ${JSON.stringify(weak)}, not true/false`;
  if (strongCorrect === undefined) {
    return `strong-model column is ${JSON.stringify(strong)}, not true/false`;
  }
  return undefined;
}
