/**
 * Where a run of capitalised words stands in its text: a line of its own in a list, a form's
 * label, a table's header cell, a sentence's first word, before words that say it signs.
 */

/** Whether the run is a line of its own (after a bullet; before a " - ", "," or "|" at most). */
export function isListItem(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  const lineStart =
    start < 8
      ? /(?:^|\n)[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*$/
      : /\n[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*$/;
  if (!lineStart.test(before)) return false;
  return /^[ \t]*(?:$|\r?\n|[,;|]| [-–—] )/.test(text.slice(end, end + 4));
}

/** ", identificada con DNI", ", portador do RG": the run before names the person who signs. */
export function introducesSelf(after: string): boolean {
  return /^,[ \t]*(?:identificad[oa]|portador(?:a)?[ \t]|domiciliad[oa]|inscrit[oa])/.test(after);
}

/** Whether the run opens its line and a colon follows it: a form's label ("Seguro: Fonasa"). */
export function isLineLabel(text: string, start: number, after: string): boolean {
  return (
    /^[ \t]*:/.test(after) && /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 8), start))
  );
}

/**
 * Whether the run is in a Markdown table's header row ("| Campo | Valor |" over "|---|---|"):
 * a column's name. Reads at most a line's 200 characters either side.
 */
export function inTableHeader(text: string, start: number, end: number): boolean {
  // Only a run that opens a cell: "| Campo |".
  if (!/\|[ \t]*$/.test(text.slice(Math.max(0, start - 4), start))) return false;
  const from = Math.max(0, start - 200);
  const lineStart = from + text.slice(from, start).lastIndexOf("\n") + 1;
  if (lineStart === from && from > 0) return false;
  if (!/^[ \t]*\|/.test(text.slice(lineStart, start))) return false;
  const lineEnd = text.slice(end, end + 200).indexOf("\n");
  if (lineEnd < 0) return false;
  return /^\n[ \t]*\|?[ \t]*:?-{3,}/.test(text.slice(end + lineEnd, end + lineEnd + 12));
}

/** Whether only spaces, quotes or brackets stand between `start` and a sentence's beginning. */
export function startsSentence(text: string, start: number): boolean {
  for (let index = start - 1; index >= 0 && index >= start - 8; index--) {
    const character = text[index] ?? "";
    if (sentenceEnds.has(character)) return true;
    if (!openers.has(character)) return false;
  }
  return start < 8;
}

const sentenceEnds = new Set([".", "!", "?", "\n", ":", ";", "¿", "¡"]);
/** What may stand between a sentence's end and its first word. */
const openers = new Set([" ", "\t", "\r", '"', "'", "«", "“", "(", "-", "–", "—", "*", "•"]);
