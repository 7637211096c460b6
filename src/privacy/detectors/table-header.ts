import { foldForMatching } from "./context-words.js";

/**
 * A table pasted as text: rows of fields split by a tab, `;`, `|` or `,`, under a header line
 * that names each column ("nombre;edad;CLABE;estado").
 */

/** What separates the fields of a table's row, in order of preference. */
export const tableSeparators = ["\t", ";", "|", ","];

export interface TableHeader {
  separator: string;
  /** Each column's label, "" where it holds a digit (a row, not a header). */
  labels: string[];
}

/** Longer lines are not read as table rows (their header would be read for every value). */
const longestRow = 2_000;

/** The header over the line at `lineStart`, when the line is a row of a table that has one. */
export function headerOf(
  text: string,
  lineStart: number,
  known: ReadonlyMap<number, TableHeader | null>,
): TableHeader | null {
  let lineEnd = text.indexOf("\n", lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  if (lineEnd - lineStart > longestRow) return null;
  const line = text.slice(lineStart, lineEnd);
  const separator = tableSeparators.find((candidate) => line.includes(candidate));
  if (separator === undefined) return null;
  const fields = line.split(separator).length;
  // Up through the rows with as many fields, to the first: the header.
  let headerStart = lineStart;
  for (let rows = 0; headerStart > 0 && rows < longestTable; rows++) {
    const previousStart = text.lastIndexOf("\n", headerStart - 2) + 1;
    const previous = text.slice(previousStart, headerStart - 1);
    if (previous.trim() === "" || previous.split(separator).length !== fields) break;
    // A row above was read already: its header is this one's.
    const above = known.get(previousStart);
    if (above !== undefined && above?.separator === separator) return above;
    headerStart = previousStart;
  }
  if (headerStart === lineStart) return null;
  const headerEnd = text.indexOf("\n", headerStart);
  const labels = text
    .slice(headerStart, headerEnd)
    .split(separator)
    .map((label) => (/\d/.test(label) ? "" : label));
  return { separator, labels };
}

/** How many rows up a header is looked for. */
const longestTable = 200;

/**
 * The header of the column `start` is in, folded and trimmed, when its line is a row of a table
 * under a header line ("Chofer | R.U.C.\nAna | 104 …" gives "r.u.c."); "" when there is none.
 */
export function columnHeaderAt(text: string, start: number): string {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const header = headerOf(text, lineStart, new Map());
  if (header === null) return "";
  const column = text.slice(lineStart, start).split(header.separator).length - 1;
  return foldForMatching(header.labels[column] ?? "").trim();
}
