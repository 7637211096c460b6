import { foldForMatching } from "./detectors/context-words.js";
import { columnHeaderAt } from "./detectors/table-header.js";
import type { Edit } from "./edited-text.js";
import { alternation, fromRunStarts, searching, type Finder } from "./pattern-alternation.js";
import { identifierLabels } from "./value-labels.js";

/** The ways a scan or a sheet spaces a value, in the order `spacingEdits` prefers them. */
const spacings: readonly Finder[] = [
  // Six or more single letters or digits a space apart, nothing glued before or after; the
  // lookbehind after two of them, so that the search skips to a letter or digit and a space.
  searching(
    /[0-9A-Za-z] [0-9A-Za-z] (?<![\p{L}\p{N}].{4})[0-9A-Za-z](?: [0-9A-Za-z]){3,}(?![\p{L}\p{N}])/gu,
  ),
  // A card's groups of four aligned three or four spaces apart, tried where three spaces follow
  // a digit.
  fromRunStarts(/ {3}(?<=\d {3})/g, isAsciiDigit, 5, /(?<!\d)\d{4}(?: {3,4}\d{4}){2,3}(?!\d)/uy),
  // A space on both sides of a separator between digits (lookarounds after the literal part).
  searching(/ [.\-/] (?<=\d [.\-/] )(?=\d)/gu),
  // Underscores between groups.
  searching(/_(?<=[\dA-Z)]_)_{0,2}(?=[\d(])/gu),
  // A spaced dot of an e-mail's domain: its "@" checked behind only after the " . ", since a
  // lookbehind placed first is tried at every position of the text, up to 63 characters back.
  searching(/ \. (?<=@(?:[\p{L}\p{N}.-]| \. ){1,63} \. )(?=\p{L})/gu),
  // A field's name in camelCase or snake_case, tried where a capital follows a lower-case
  // letter or an underscore a letter: its first word is 20 letters at most.
  fromRunStarts(
    /[A-Z_](?<=[a-z][A-Z]|[A-Za-z]_)/g,
    isAsciiLetterOrUnderscore,
    21,
    /(?<![\p{L}\p{N}_@.-])[A-Za-z]{2,20}(?:(?:_|(?<=[a-z])(?=[A-Z]))[A-Za-z]{1,20}){1,4}(?=["']?\s{0,3}[:=>])/uy,
  ),
  // Digit groups split by spaces, tried where a space and a digit follow a group of 13
  // characters at most.
  fromRunStarts(
    / \d(?<=[\d.\-/] \d)/g,
    isNumberCharacter,
    14,
    /(?<![\p{L}\p{N}.\-/])\d[\d.\-/]{0,12}(?: \d[\d.\-/]{0,12}){1,5}(?:-[\dKk])?(?![\p{L}\p{N}])/uy,
  ),
];

const letterOrDigit = /[\p{L}\p{N}]/u;

/** A quick test before the search: digits a space apart, an underscore after one, a spaced dot. */
const spacingHint = /\d \d|\d {3,4}\d|\d [.\-/] \d|[\dA-Z)]_| \. |[a-z][_A-Z]/;

/** A value written a character at a time, as `spacings` finds it. */
const letterSpaced = /^[0-9A-Za-z](?: [0-9A-Za-z]){5,}$/;

/**
 * Spacing inside a value, as a scanned document or a sheet writes it:
 * - a value written a character at a time ("0 1 5 2 6 6 3 5", "V 2 5 8 0 9 9 4 9"): six or more
 *   single letters or digits, five of them digits at least, each one space apart, read together;
 * - a space on both sides of a separator between digits ("22 . 812 . 344 - 5") dropped;
 * - underscores between the groups of a number ("1_017_617_230", "G_30820952_2") read as spaces,
 *   which the rules take as separators of a weakly shaped value;
 * - a space on both sides of the dots of an e-mail's domain ("ana@uc . cl") dropped;
 * - three or four spaces between a card's groups of four, as a sheet aligns them, read as one;
 * - a field's name in camelCase or snake_case before `:`, `=` or `>` ("numeroCnh", "nr_cpf"),
 *   its words apart ("numero Cnh", "nr cpf"), so that the label in it is read;
 * - digit groups split by spaces right after an identifier's own label ("CUIT: 333 495 121 28",
 *   "RUC es 800 82416-4") or right before it in parentheses ("166 773 820 018 (RUT)"): read
 *   together, since the label says they are one value.
 */
export function spacingEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  if (!spacingHint.test(text)) return edits;
  for (const match of alternation(spacings, text)) {
    const found = match[0];
    const from = match.index;
    // A field's name has no space; a value a character at a time that starts with a letter and
    // holds capitals ("T Q N K 7 0 0 4 …") is not one.
    if (/^[A-Za-z]/.test(found) && /[_A-Z]/.test(found.slice(1)) && !found.includes(" ")) {
      // A field's name in a system's JSON, XML or log ("numeroCnh", "cuenta_clabe"): its
      // words apart, so that the label in it reads as one.
      for (let index = 1; index < found.length; index++) {
        const character = found[index] ?? "";
        if (character === "_") edits.push({ from: from + index, to: from + index + 1, text: " " });
        else if (/[A-Z]/.test(character) && /[a-z]/.test(found[index - 1] ?? "")) {
          edits.push({ from: from + index, to: from + index, text: " " });
        }
      }
    } else if (found.includes("   ")) {
      // A card's groups of four, three or four spaces apart as a sheet aligns them.
      for (const gap of found.matchAll(/ {3,4}/g)) {
        edits.push({ from: from + gap.index, to: from + gap.index + gap[0].length, text: " " });
      }
    } else if (found.startsWith("_")) {
      edits.push({ from, to: from + found.length, text: " " });
    } else if (found === " . " && !isAsciiDigit(text.charCodeAt(from - 1))) {
      // A dot of an e-mail's domain.
      edits.push({ from, to: from + 3, text: "." });
    } else if (found.length === 3 && found[0] === " ") {
      // Inside one value the groups are short; two long numbers a separator apart are two
      // values ("1459285399 / 1519727786001").
      // Nor is a floor or a unit after a house number ("410 - 3º andar").
      const before = digitsBefore(text, from);
      const after = digitsAfter(text, from + 3);
      if (
        Math.min(before, after) <= 4 &&
        !letterOrDigit.test(text[from + 3 + after] ?? " ") &&
        !letterOrDigit.test(text[from - before - 1] ?? " ")
      ) {
        edits.push({ from, to: from + 3, text: found[1] ?? "" });
      }
    } else if (/^\d/.test(found) && !letterSpaced.test(found)) {
      // Digit groups split by spaces where the value has none ("333 495 121 28", "465 748443
      // 55"), beside an identifier's own label: the label says it is one value.
      // Not a check digit spaced off ("80074857 3"), which the rules read as written, nor a
      // run that ends in a list's next number ("33-36413323-0 2) documento"), nor one that goes
      // on on the next line ("5342 7298\n0650 7802"), which the line-break reading joins.
      const digits = countDigits(found);
      const groups = found.split(" ");
      const spacedCheck = groups.length === 2 && (groups[1] ?? "").length === 1;
      if (
        digits >= 7 &&
        digits <= 18 &&
        !spacedCheck &&
        !endsInListItem(text, from, from + found.length) &&
        (labelRightBefore(text, from) ||
          labelRightAfter(text, from + found.length) ||
          labelOverColumn(text, from))
      ) {
        for (let index = found.indexOf(" "); index !== -1; index = found.indexOf(" ", index + 1)) {
          edits.push({ from: from + index, to: from + index + 1, text: "" });
        }
      }
    } else if (countDigits(found) >= 5) {
      for (let index = 1; index < found.length; index += 2) {
        edits.push({ from: from + index, to: from + index + 1, text: "" });
      }
    }
  }
  return edits;
}

/**
 * Whether the run `[from, to)` ends in a list's next number ("33-36413323-0 2) documento",
 * "… 3. cédula") or goes on on the next line ("5342 7298\n0650 7802"); not a ")" that closes a
 * parenthesis opened before it on its line ("(CUIT 246 044 606 69)").
 */
function endsInListItem(text: string, from: number, to: number): boolean {
  const next = text.slice(to, to + 8);
  if (/^\r?\n *\d/.test(next) || next.startsWith(".")) return true;
  if (!next.startsWith(")")) return false;
  const lineStart = text.lastIndexOf("\n", from) + 1;
  const opened = text.lastIndexOf("(", from);
  return opened < lineStart || text.lastIndexOf(")", from) > opened;
}

/**
 * The word before a value and what joins them: `CUIT: `, `"ci": "`, `cedula=`, `D.N.I.  :  `,
 * `RUC es ` (a copula between).
 */
const labelBefore =
  /([\p{L}.]{2,16})(?:\s{1,3}(?:es|e|é|eh|is))?["']?\s{0,3}(?:[:=#]|[nN][º°oO]\.?)?\s{0,3}["']?$/u;

/** Whether an identifier's own label stands right before `start`. */
function labelRightBefore(text: string, start: number): boolean {
  const found = labelBefore.exec(text.slice(Math.max(0, start - 40), start));
  if (found === null) return false;
  return identifierLabels.has(foldForMatching(found[1] ?? "").replace(/\./g, ""));
}

/** An identifier's own label in parentheses right after a value: ` (RUT empresa)`, ` (número do PIS)`. */
const labelAfter = /^ ?\((?:n[uú]mero d[eo] |nro\.? )?([\p{L}.]{2,16})/u;

/** Whether an identifier's own label, in parentheses, stands right after `end`. */
function labelRightAfter(text: string, end: number): boolean {
  const found = labelAfter.exec(text.slice(end, end + 40));
  if (found === null) return false;
  return identifierLabels.has(foldForMatching(found[1] ?? "").replace(/\./g, ""));
}

/** Whether the value at `start` fills a table cell whose column header names an identifier. */
function labelOverColumn(text: string, start: number): boolean {
  return identifierLabels.has(columnHeaderAt(text, start).replace(/\./g, ""));
}

function digitsBefore(text: string, end: number): number {
  let start = end;
  while (start > 0 && isAsciiDigit(text.charCodeAt(start - 1))) start--;
  return end - start;
}

function digitsAfter(text: string, start: number): number {
  let end = start;
  while (end < text.length && isAsciiDigit(text.charCodeAt(end))) end++;
  return end - start;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function countDigits(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    if (isAsciiDigit(text.charCodeAt(index))) count++;
  }
  return count;
}

function isAsciiLetterOrUnderscore(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** A digit or a number's separator: `.`, `-`, `/`. */
function isNumberCharacter(code: number): boolean {
  return isAsciiDigit(code) || code === 46 || code === 45 || code === 47;
}
