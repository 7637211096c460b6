import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promptKey } from "../../src/router/pre-router/hash.js";
import { contaminatedPromptsFile, parseContaminatedPrompts } from "./contaminated-prompts.js";
import { parseRouterCsv, type SkippedRow } from "./csv-rows.js";
import { RouterDataError } from "./router-data-error.js";
import type { RouterRow } from "./router-row.js";

/** A row as read, and why it is left out of the evaluation, if it is. */
export interface InputRow {
  prompt: string;
  excluded?: "contaminated" | "duplicate";
}

export interface RouterDataSet {
  /** The folder or file as given, and its base name. */
  path: string;
  name: string;
  files: string[];
  /** Usable, distinct, uncontaminated rows, in file order then row order. */
  rows: RouterRow[];
  /** For each row, the index in `files` of the file it came from. */
  rowFiles: number[];
  /**
   * Every readable row in file order then row order, excluded ones included, so per-row output
   * (`eval router --scores-out`) lines up with the input.
   */
  inputRows: InputRow[];
  /** Rows read from the files before any exclusion (bad rows not counted). */
  rowsRead: number;
  skipped: SkippedRow[];
  /** Rows whose prompt is listed in contaminated_prompts.jsonl. */
  contaminated: number;
  /** Repeats of a prompt seen before (the first is kept) … */
  duplicates: number;
  /** … of which the outcomes differed from the first. */
  conflictingDuplicates: number;
}

/**
 * Read a folder of CSV files (or one CSV file) of (prompt, weak correct, strong correct). Prompts
 * listed in a contaminated_prompts.jsonl beside them are left out, and so are repeats of a prompt
 * (identical up to white space), so the same question never counts twice.
 */
export async function loadRouterData(path: string): Promise<RouterDataSet> {
  const { files, folder } = await csvFiles(path);
  const contaminated = await readContaminated(folder);
  const rows: RouterRow[] = [];
  const rowFiles: number[] = [];
  const inputRows: InputRow[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, RouterRow>();
  let rowsRead = 0;
  let contaminatedCount = 0;
  let duplicates = 0;
  let conflictingDuplicates = 0;
  for (const [fileIndex, file] of files.entries()) {
    const parsed = parseRouterCsv(await readText(file), file);
    skipped.push(...parsed.skipped);
    rowsRead += parsed.rows.length;
    for (const row of parsed.rows) {
      const key = promptKey(row.prompt);
      if (contaminated.has(key)) {
        contaminatedCount++;
        inputRows.push({ prompt: row.prompt, excluded: "contaminated" });
        continue;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        duplicates++;
        if (first.weakCorrect !== row.weakCorrect || first.strongCorrect !== row.strongCorrect) {
          conflictingDuplicates++;
        }
        inputRows.push({ prompt: row.prompt, excluded: "duplicate" });
        continue;
      }
      inputRows.push({ prompt: row.prompt });
      seen.set(key, row);
      rows.push(row);
      rowFiles.push(fileIndex);
    }
  }
  if (rows.length === 0) {
    const why = skipped[0] === undefined ? "" : ` (${describeSkipped(skipped)})`;
    throw new RouterDataError(
      `No usable rows in ${path}${why}. Expected CSV columns: prompt, weak model correct (true/false), strong model correct (true/false).`,
    );
  }
  return {
    path,
    name: basename(path),
    files,
    rows,
    rowFiles,
    inputRows,
    rowsRead,
    skipped,
    contaminated: contaminatedCount,
    duplicates,
    conflictingDuplicates,
  };
}

/** "3 bad rows skipped, e.g. file.csv line 7: weak-model column is "maybe", not true/false". */
export function describeSkipped(skipped: readonly SkippedRow[]): string {
  const first = skipped[0];
  if (first === undefined) return "no bad rows";
  const count = skipped.length === 1 ? "1 bad row skipped" : `${skipped.length} bad rows skipped`;
  return `${count}, e.g. ${basename(first.file)} line ${first.line}: ${first.reason}`;
}

async function csvFiles(path: string): Promise<{ files: string[]; folder: string }> {
  let kind;
  try {
    kind = await stat(path);
  } catch (error) {
    throw new RouterDataError(
      `Data ${path} does not exist: give a folder of CSV files or one CSV file (columns: prompt, weak model correct, strong model correct).`,
      error,
    );
  }
  if (!kind.isDirectory()) return { files: [path], folder: dirname(path) };
  const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith(".csv")).sort();
  if (names.length === 0) {
    throw new RouterDataError(
      `No CSV files in ${path}. Each file needs the columns: prompt, weak model correct, strong model correct.`,
    );
  }
  return { files: names.map((name) => join(path, name)), folder: path };
}

async function readContaminated(folder: string): Promise<Set<string>> {
  const file = join(folder, contaminatedPromptsFile);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw new RouterDataError(`Cannot read ${file}: ${(error as Error).message}`, error);
  }
  return parseContaminatedPrompts(text, file);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new RouterDataError(`Cannot read ${file}: ${(error as Error).message}`, error);
  }
}

/** Several data sets read as one: their rows in order, each row's data set and file. */
export interface CombinedData {
  sets: RouterDataSet[];
  rows: RouterRow[];
  /** Index into `sets` of each row's data set. */
  rowSets: number[];
  /** A number for each row's file, unique across the sets. */
  rowFiles: number[];
  /** Every file's base name, by that number. */
  fileNames: string[];
  /** The sets' names joined, for the record ("routellm-mmlu+mbpp_train.csv"). */
  name: string;
}

/** Read each path (see loadRouterData); a prompt already read from an earlier set is left out. */
export async function loadRouterDataSets(paths: readonly string[]): Promise<CombinedData> {
  const sets: RouterDataSet[] = [];
  for (const path of paths) sets.push(await loadRouterData(path));
  return combineDataSets(sets);
}

export function combineDataSets(sets: readonly RouterDataSet[]): CombinedData {
  const seen = new Set<string>();
  const combined: CombinedData = {
    sets: [...sets],
    rows: [],
    rowSets: [],
    rowFiles: [],
    fileNames: [],
    name: sets.map((set) => set.name).join("+"),
  };
  sets.forEach((set, setIndex) => {
    const firstFile = combined.fileNames.length;
    combined.fileNames.push(...set.files.map((file) => basename(file)));
    set.rows.forEach((row, index) => {
      const key = promptKey(row.prompt);
      if (seen.has(key)) return;
      seen.add(key);
      combined.rows.push(row);
      combined.rowSets.push(setIndex);
      combined.rowFiles.push(firstFile + (set.rowFiles[index] ?? 0));
    });
  });
  return combined;
}
