/**
 * Ways people (and their keyboards, phones and PDF viewers) write an identifier that is valid in
 * its canonical form: other separators, other dashes, digits of other scripts, invisible
 * characters inside, a line break in the middle, lower case. Each returns undefined where it does
 * not apply to the value (no hyphen to replace, no letter to lower).
 */
import type { SeededRandom } from "../pii-generators.js";

type WrittenForm = (value: string, random: SeededRandom) => string | undefined;

const separators = /[.\-/]/g;

function replaceSeparators(value: string, separator: string): string | undefined {
  if (/[.\-/]/.test(value)) return value.replace(separators, separator);
  // A CLABE as banks print it (bank, branch, account, check digit); a card in fours.
  if (/^\d{18}$/.test(value))
    return value.replace(
      /^(\d{3})(\d{3})(\d{11})(\d)$/,
      `$1${separator}$2${separator}$3${separator}$4`,
    );
  if (/^\d{15,16}$/.test(value)) return value.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
  if (/^\+/.test(value) && value.includes(" ")) return value.replace(/ /g, separator);
  return undefined;
}

function replaceHyphens(value: string, dash: string): string | undefined {
  return value.includes("-") ? value.replace(/-/g, dash) : undefined;
}

function digitsOfScript(value: string, zero: number): string {
  return value.replace(/\d/g, (digit) => String.fromCharCode(zero + Number(digit)));
}

/** The fullwidth forms an East Asian input method types: digits, Latin letters, . - / @. */
function fullwidth(value: string): string {
  return value.replace(/[0-9A-Za-z.\-/@]/g, (character) =>
    String.fromCharCode(character.charCodeAt(0) + 0xfee0),
  );
}

/** `inserted` between two letters or digits near the middle of the value. */
function insertInside(value: string, inserted: string, random: SeededRandom): string | undefined {
  const positions: number[] = [];
  for (let index = 1; index < value.length; index++) {
    if (/[\p{L}\p{N}]/u.test(value[index - 1] ?? "") && /[\p{L}\p{N}]/u.test(value[index] ?? "")) {
      positions.push(index);
    }
  }
  const middle = positions.filter(
    (position) => position > value.length / 4 && position < (value.length * 3) / 4,
  );
  if (middle.length === 0) return undefined;
  const position = random.pick(middle);
  return `${value.slice(0, position)}${inserted}${value.slice(position)}`;
}

/** Where a text wraps: a space or after a separator near the middle, else in a digit run. */
function breakLine(value: string, lineBreak: string, random: SeededRandom): string | undefined {
  const spaces = [...value.matchAll(/ /g)].map((match) => match.index);
  const middleSpace = spaces.find((index) => index > 2 && index < value.length - 2);
  if (middleSpace !== undefined) {
    return `${value.slice(0, middleSpace)}${lineBreak}${value.slice(middleSpace + 1)}`;
  }
  const afterSeparator = [...value.matchAll(/[.\-/]/g)]
    .map((match) => match.index + 1)
    .filter((index) => index > 2 && index < value.length - 1);
  if (afterSeparator.length > 0) {
    const index = random.pick(afterSeparator);
    return `${value.slice(0, index)}${lineBreak}${value.slice(index)}`;
  }
  return insertInside(value, lineBreak, random);
}

export const writtenForms: Record<string, WrittenForm> = {
  canonical: (value) => value,
  spaces: (value) => replaceSeparators(value, " "),
  nbsp: (value) => replaceSeparators(value, "\u00a0"),
  "narrow-nbsp": (value) => replaceSeparators(value, "\u202f"),
  "hyphen-u2010": (value) => replaceHyphens(value, "\u2010"),
  "non-breaking-hyphen-u2011": (value) => replaceHyphens(value, "\u2011"),
  "en-dash": (value) => replaceHyphens(value, "\u2013"),
  "minus-sign": (value) => replaceHyphens(value, "\u2212"),
  "fullwidth-digits": (value) => fullwidth(value),
  "arabic-indic-digits": (value) => digitsOfScript(value, 0x0660),
  "devanagari-digits": (value) => digitsOfScript(value, 0x0966),
  "bengali-digits": (value) => digitsOfScript(value, 0x09e6),
  "zero-width-space": (value, random) => insertInside(value, "\u200b", random),
  "zero-width-joiner": (value, random) => insertInside(value, "\u200d", random),
  "soft-hyphen": (value, random) => insertInside(value, "\u00ad", random),
  "line-break": (value, random) => breakLine(value, "\n", random),
  "crlf-break": (value, random) => breakLine(value, "\r\n", random),
  "lower-case": (value) => (/[A-Z]/.test(value) ? value.toLowerCase() : undefined),
};

/** The script digits these forms use, to read a written value back (see the set's test). */
export const digitZeros = [0x30, 0x0660, 0x0966, 0x09e6, 0xff10] as const;
