import { foldForMatching } from "./detectors/context-words.js";
import { EditedText, type Edit } from "./edited-text.js";
import { spacingEdits } from "./spacing-edits.js";
import { gluedLabels } from "./value-labels.js";

/**
 * The text the detectors read: what a person wrote, with the ways of writing a value that hide it
 * from a pattern undone — and a map back, so a finding masks the characters actually written.
 *
 * - compatibility forms (NFKC): fullwidth digits and letters (３９０, ＠), ligatures, superscripts;
 * - decimal digits of every script (Arabic-Indic ٣٩٠, Devanagari ३९०, …) as ASCII digits;
 * - every dash (‐ ‑ ‒ – — − ﹣ －) as `-`, every space (NBSP, narrow NBSP, thin, ideographic) as ` `;
 * - invisible characters (zero-width space and joiners, word joiner, BOM, soft hyphen) removed;
 * - a line break inside a value ("390.533.\n447-05", "3905334\r\n4705") removed with the spaces
 *   around it ("961624 \n88731", "482\n  5490-8"): between a digit
 *   or a number separator and a digit, or inside a code in capitals ("SOKH920508\nMGRPGL72");
 *   between a card's groups of four ("5342 7298\n0650 7802") it reads as the space between them;
 * - a space put between a label and the number glued to it ("CPF39053344705" → "CPF 3905…"),
 *   the label's letters written with dots too ("C.I.V-5389452", "R.U.T.12.345.678-5").
 * - an e-mail's "@" percent-encoded in a URL's query string ("?email=ana%40uc.cl") as "@".
 */

const dashes = new Set([
  "\u2010",
  "\u2011",
  "\u2012",
  "\u2013",
  "\u2014",
  "\u2015",
  "\u2043",
  "\u2212",
  "\ufe58",
  "\ufe63",
  "\uff0d",
]);
const invisible = new Set(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]);
const decimalDigit = /^\p{Nd}$/u;
const letterOrDigit = /[\p{L}\p{N}]/u;

/** Characters read otherwise: anything not ASCII. */
const nonAscii = /[\u0080-\u{10ffff}]/gu;
/**
 * Then, in the text so read, places to look at: a line break, a letter followed by a digit (or
 * by a phone's "+", "(" or "(+": "teléfono+56 9…", "whatsapp(011) 9…", "cel(+51) 9…", or a
 * hyphen: "RIFG-4955…"), a letter and its dot followed by a number (possibly after
 * a type letter: "C.I.V-538…"), an e-mail's "@" percent-encoded in a URL ("ana%40uc.cl"; its
 * lookbehind after the literal, so that the search skips to a "%" instead of trying it everywhere).
 */
const structure =
  /\r?\n|%40(?<=[A-Za-z0-9._+-]%40)(?=[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2})|[A-Za-z](?=(?:[-+(]|\(\+)?\d)|[A-Za-z]\.(?=[A-Za-z]?-?\d)/g;

export class ScanView {
  /** What the detectors read. */
  readonly text: string;
  /** The text as read, with the way back to the characters written. */
  readonly #read: EditedText;

  constructor(original: string) {
    // Characters first, so that structure is read on ASCII digits and letters ("CPF３９０…",
    // "３９０.５３３.\n４４７-０５").
    const characters = EditedText.of(original).edited(characterEdits(original));
    // Then the spacing a scan or a sheet puts inside a value ("2 2 . 8 1 2", "1_017_617_230"),
    // so that structure is read on values written together.
    const spaced = characters.edited(spacingEdits(characters.text));
    this.#read = spaced.edited(structureEdits(spaced.text));
    this.text = this.#read.text;
  }

  /** The original span of `text.slice(start, end)` (a non-empty span). */
  original(start: number, end: number): { start: number; end: number } {
    return { start: this.#read.start(start), end: this.#read.end(end - 1) };
  }
}

function characterEdits(original: string): Edit[] {
  const edits: Edit[] = [];
  // `exec` on the module's regex, not `matchAll`, which copies the regex on every call: these
  // two loops run once per scan, and on a one-line message the copies cost more than the search.
  nonAscii.lastIndex = 0;
  for (let match = nonAscii.exec(original); match !== null; match = nonAscii.exec(original)) {
    const replacement = replacementOf(match[0]);
    if (replacement !== match[0]) {
      edits.push({ from: match.index, to: match.index + match[0].length, text: replacement });
    }
  }
  return edits;
}

function structureEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  structure.lastIndex = 0;
  for (let match = structure.exec(text); match !== null; match = structure.exec(text)) {
    const from = match.index;
    const found = match[0];
    if (found === "\n" || found === "\r\n") {
      const to = from + found.length;
      if (insideValue(text, from, to)) {
        // The spaces the line ends with and the next one starts with go with the break
        // ("89. \n598.921/0001-01", "482\n  5490-8").
        let cutFrom = from;
        while (cutFrom > 0 && (text[cutFrom - 1] === " " || text[cutFrom - 1] === "\t")) cutFrom--;
        let cutTo = to;
        while (cutTo < text.length && (text[cutTo] === " " || text[cutTo] === "\t")) cutTo++;
        edits.push({
          from: cutFrom,
          to: cutTo,
          text: breakReadsAs(text, from, to),
        });
      }
      continue;
    }
    if (found === "%40") {
      edits.push({ from, to: from + 3, text: "@" });
      continue;
    }
    if (found.endsWith(".")) {
      if (dottedLabelBefore(text, from + 2)) {
        edits.push({ from: from + 2, to: from + 2, text: " " });
        continue;
      }
      // A cédula label glued to the value's type letter and its dot ("cedulaE.12.791.543").
      const cut = gluedLabelEnd(text, from + 1);
      if (cut !== undefined && cut <= from) edits.push({ from: cut, to: cut, text: " " });
      continue;
    }
    const cut = gluedLabelEnd(text, from + 1);
    // Before a hyphen, only a label glued to a type letter is cut off ("RIFG-4955…"): "RG-12…"
    // and "NF-123…" are written so.
    if (
      cut !== undefined &&
      (text[from + 1] !== "-" ||
        (cut <= from && /^-\d[\d.]{5}/.test(text.slice(from + 1, from + 8))))
    ) {
      edits.push({ from: cut, to: cut, text: " " });
    }
  }
  return edits;
}

const replacements = new Map<string, string>();

/** One non-ASCII code point as the detectors should read it. */
function replacementOf(character: string): string {
  let replacement = replacements.get(character);
  if (replacement === undefined) {
    replacement = computeReplacement(character);
    replacements.set(character, replacement);
  }
  return replacement;
}

function computeReplacement(character: string): string {
  if (invisible.has(character)) return "";
  if (dashes.has(character)) return "-";
  if (/^\s$/u.test(character)) return " ";
  if (decimalDigit.test(character)) return String(digitValue(character));
  const compatible = character.normalize("NFKC");
  // A compatibility form that changes case or letters' identity (ﬁ → fi, ＡＢＣ → ABC, ² → 2)
  // keeps what it means; a canonical composition is left alone so offsets stay simple.
  return compatible === character.normalize("NFC") ? character : compatible;
}

/**
 * The value of a decimal digit of any script: Unicode puts each script's ten digits in a row,
 * 0 to 9, so it is how far the digit stands from the first of its row.
 */
function digitValue(character: string): number {
  let code = character.codePointAt(0) ?? 0;
  let value = 0;
  while (value < 9 && decimalDigit.test(String.fromCodePoint(code - 1))) {
    code--;
    value++;
  }
  // A row of twenty (two scripts side by side) reads right modulo ten.
  return value % 10;
}

/**
 * Whether the line break at `[from, to)` cuts a value: a digit (possibly after a number
 * separator) before it and a digit after it, with nothing but spaces around.
 */
function insideValue(text: string, from: number, to: number): boolean {
  let before = from - 1;
  while (before >= 0 && (text[before] === " " || text[before] === "\t")) before--;
  let after = to;
  while (after < text.length && (text[after] === " " || text[after] === "\t")) after++;
  const previous = text[before];
  const next = text[after];
  if (next === undefined || previous === undefined) return false;
  // A numbered list: "1) RUT …\n2) cédula …" — the next line starts a new item.
  if (listItem.test(text.slice(after, after + 6))) return false;
  // "+55 (98) \n99664-0938": a phone's area code ends the line.
  if (previous === ")" && /\d/.test(next))
    return /\(\d{1,4}\)$/.test(text.slice(before - 6, before + 1));
  // "707.224\n.460-39": the separator starts the next line.
  if (/[.\-/]/.test(next) && /\d/.test(text[after + 1] ?? "")) return /\d/.test(previous);
  if (/\d/.test(next)) {
    if (/\d/.test(previous)) return true;
    // "390.533.\n447-05", "KE.G6R.CNT/MZUB-\n60"; not a sentence's full stop ("Fim.\n2024").
    const beforeSeparator = text[before - 1] ?? "";
    if (previous === ".") return /\d/.test(beforeSeparator);
    if (/[-/]/.test(previous)) return /[\dA-Za-z]/.test(beforeSeparator);
  }
  // Letters and digits on both sides in capitals, as long as one code together: a CURP or RFC
  // cut in two ("SOKH920508\nMGRPGL72"). Not "…447-05\nOBRIGADO": that line ends in a value.
  return capitalCode(text, before, after);
}

/**
 * What the line break at `[from, to)` inside a value stands for. Between two of a card's groups
 * of four digits, written as cards print them (a group of four on each side, and another group
 * beside one of them on its own line: "5342 7298\n0650 7802", "5576.4538\r\n0468.9010"), the
 * groups' own separator. Where a number grouped by dots was cut at one of its dots ("980\r\n
 * 275.130-5", "390.533\n447-05"), the dot. Otherwise nothing: "3905334\r\n4705".
 */
function breakReadsAs(text: string, from: number, to: number): string {
  let before = from;
  while (before > 0 && (text[before - 1] === " " || text[before - 1] === "\t")) before--;
  let after = to;
  while (after < text.length && (text[after] === " " || text[after] === "\t")) after++;
  const head = text.slice(Math.max(0, before - 11), before);
  const tail = text.slice(after, after + 11);
  const cardHead = /(?:^|[^\dA-Za-z])(?:\d{4}( {1,2}|[-.]))?\d{4}$/.exec(head);
  const cardTail = /^\d{4}(?:( {1,2}|[-.])\d{4})?(?![\dA-Za-z])/.exec(tail);
  if (cardHead !== null && cardTail !== null) {
    const separator = cardHead[1] ?? cardTail[1];
    if (separator !== undefined) return separator;
  }
  const group = /(?:^|[^\d])(\d{1,3})$/.exec(head);
  const next = /^\d{3}([./-])/.exec(tail);
  if (group === null || next === null) return "";
  const dotted = head.slice(0, head.length - (group[1]?.length ?? 0)).endsWith(".");
  return dotted || next[1] === "." ? "." : "";
}

/**
 * Whether the text before `end` is a label's letters written with dots ("C.I.", "R.U.T.",
 * "C.P.F."), standing as a word of its own: a number glued after it is read apart.
 */
function dottedLabelBefore(text: string, end: number): boolean {
  let start = end;
  let letters = "";
  while (start >= 2 && text[start - 1] === "." && /[A-Za-z]/.test(text[start - 2] ?? "")) {
    letters = (text[start - 2] ?? "") + letters;
    start -= 2;
    if (letters.length > 4) return false;
  }
  if (letters.length < 2) return false;
  if (start > 0 && letterOrDigit.test(text[start - 1] ?? "")) return false;
  return gluedLabels.has(letters.toLowerCase());
}

/**
 * The number of a list's item at the start of a line: "2) ", "3. ", "4 - ", "5: " — on that
 * line: "346" and a next line's "- Banco" are a value's end and a list's dash.
 */
const listItem = /^\d{1,3}(?:[.):]|[ \t]?[-–])(?:\s|$)/;

/** Whether the tokens ending at `before` and starting at `after` are one code in capitals. */
function capitalCode(text: string, before: number, after: number): boolean {
  if (!/[0-9A-Z]/.test(text[before] ?? "") || !/[0-9A-Z]/.test(text[after] ?? "")) return false;
  let start = before;
  while (start > 0 && /[0-9A-Z]/.test(text[start - 1] ?? "")) start--;
  let end = after;
  while (end < text.length && /[0-9A-Z]/.test(text[end] ?? "")) end++;
  if (start > 0 && letterOrDigit.test(text[start - 1] ?? "")) return false;
  if (end < text.length && letterOrDigit.test(text[end] ?? "")) return false;
  // The next line must not start with a label: "CPF: 32627981773\nRG: 19.707.641-6",
  // "…\nE-mail: …" — a word followed by a colon, or by a dash and more letters.
  if (/^(?:\s*:|-[A-Za-z])/.test(text.slice(end, end + 2))) return false;
  // The line above must end in digits of the code, not in a label ("RFC\nBZB780312UN3").
  const head = text.slice(start, before + 1);
  const tail = text.slice(after, end);
  const joined = head + tail;
  // A code in capitals starts with letters (CURP, RFC) or mixes them in: a number alone above a
  // word alone ("CNH 5550123\nOBS") is a value and the next line, not one code.
  if (/^\d+$/.test(head) && /^[A-Z]+$/.test(tail)) return false;
  // Nor does a code end in two letters or more alone on the next line: a CURP, an RFC and an INE
  // end in a digit (an RFC perhaps in "A") — "LUAE771026EG4\nFIRMA" is a code and a word.
  if (/^[A-Z]{2,}$/.test(tail)) return false;
  // Nor does a code run on into the next line's label ("…AB1\nCURP GOMA…").
  if (gluedLabels.has(tail.toLowerCase())) return false;
  // Cut after its letters ("SMHGWY\n83100310H941", "KOV\nC711017HCCVWN20", "QW\nU420516MV8"),
  // the next line must go on as a code does, digits and letters.
  const headOfCode =
    /\d/.test(head) ||
    (head.length >= 2 &&
      /\d/.test(tail) &&
      /[A-Z]/.test(tail) &&
      !gluedLabels.has(head.toLowerCase()));
  return joined.length >= 12 && joined.length <= 18 && headOfCode && /[A-Z]/.test(joined);
}

/**
 * Where a label glued to the value after it ends, for the letters that end at `end` (a digit
 * follows): the letters themselves ("CPF" in "CPF3905…"), or a CURP/RFC label glued to the
 * value's own four letters ("curpNECW440506…", "RFCGOMA800101…"), an INE clave's label to its six
 * ("electorMCDFQV950112…"), or a RIF or cédula label to its type letter.
 */
function gluedLabelEnd(text: string, end: number): number | undefined {
  let start = end;
  // Accented labels too ("cartão4111…", "Cédula1234…"), read without their accents.
  while (start > 0 && /\p{L}/u.test(text[start - 1] ?? "")) start--;
  if (end - start > 13) return undefined;
  if (start > 0 && letterOrDigit.test(text[start - 1] ?? "")) return undefined;
  const letters = foldForMatching(text.slice(start, end));
  if (gluedLabels.has(letters)) return end;
  // Or a Venezuelan label glued to the value's type letter ("rifV959…", "RIFG-4955…").
  const label =
    /^(?:curp|rfc)(?=[a-z]{3,4}$)|^(?:elector|ine)(?=[a-z]{6}$)|^(?:rif|cedula)(?=[vejpgc]$)|^ci(?=v$)/.exec(
      letters,
    );
  return label === null ? undefined : start + label[0].length;
}
