import { describeSkipped, type RouterDataSet } from "../router-evaluation/router-data.js";
import { plural } from "../../src/cli/plural.js";

/** Tell the user, on stderr, what was left out of a data set while reading it. */
export function noteDataSet(stderr: NodeJS.WritableStream, data: RouterDataSet): void {
  const notes: string[] = [];
  if (data.skipped.length > 0) notes.push(describeSkipped(data.skipped));
  if (data.contaminated > 0) {
    notes.push(`${formatCount(data.contaminated)} contaminated prompts left out`);
  }
  if (data.duplicates > 0) {
    const conflicting =
      data.conflictingDuplicates === 0
        ? ""
        : ` (${formatCount(data.conflictingDuplicates)} with other outcomes; the first is kept)`;
    notes.push(`${formatCount(data.duplicates)} repeated prompts left out${conflicting}`);
  }
  const files = plural(data.files.length, "file", "files", formatCount);
  stderr.write(
    `Read ${plural(data.rowsRead, "row", "rows", formatCount)} from ${files} in ${data.path}${notes.length === 0 ? "" : `: ${notes.join("; ")}`}.\n`,
  );
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** 0.2734 → "27.3%"; null → "-". */
export function formatShare(value: number | null): string {
  return value === null ? "-" : `${(value * 100).toFixed(1)}%`;
}
