/**
 * Seeded generators of valid Latin American identifiers, cards and phone numbers, for the privacy
 * tests and the benchmark's corpus. The check digits are computed here from the authorities'
 * published algorithms, independently of the detectors' libraries, so the tests cross-check them
 * (PIS and CNH, which no library covers, reuse the detectors' check-digit code).
 */
import { parsePhoneNumber } from "awesome-phonenumber";
import { cnhCheckDigits, pisCheckDigit } from "../../src/privacy/detectors/check-digits.js";
import type { PiiType } from "../../src/core/pii-types.js";

/** A small, fast, seeded generator (mulberry32): the same seed gives the same values. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  integer(minimum: number, maximum: number): number {
    return minimum + Math.floor(this.next() * (maximum - minimum + 1));
  }

  digits(count: number): string {
    let result = "";
    for (let index = 0; index < count; index++) result += String(this.integer(0, 9));
    return result;
  }

  pick<T>(values: readonly T[]): T {
    const value = values[this.integer(0, values.length - 1)];
    if (value === undefined) throw new Error("pick() from an empty list");
    return value;
  }

  letters(count: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"): string {
    let result = "";
    for (let index = 0; index < count; index++) result += this.pick(Array.from(alphabet));
    return result;
  }

  boolean(): boolean {
    return this.next() < 0.5;
  }
}

/** One generated value: as a person would write it, and its letters and digits only. */
export interface GeneratedValue {
  type: PiiType;
  text: string;
  compact: string;
}

function digitsOf(text: string): number[] {
  return Array.from(text).map(Number);
}

function weightedSum(values: readonly number[], weights: readonly number[]): number {
  return values.reduce((sum, value, index) => sum + value * (weights[index] ?? 0), 0);
}

function mod11Digit(sum: number): number {
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

export function cpf(random: SeededRandom, formatted = random.boolean()): GeneratedValue {
  let base = random.digits(9);
  while (/^(\d)\1{8}$/.test(base)) base = random.digits(9);
  const first = mod11Digit(weightedSum(digitsOf(base), [10, 9, 8, 7, 6, 5, 4, 3, 2]));
  const second = mod11Digit(
    weightedSum(digitsOf(base + String(first)), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]),
  );
  const compact = `${base}${first}${second}`;
  const text = formatted
    ? `${compact.slice(0, 3)}.${compact.slice(3, 6)}.${compact.slice(6, 9)}-${compact.slice(9)}`
    : compact;
  return { type: "BR_CPF", text, compact };
}

function cnpjDigit(characters: string): number {
  const weights =
    characters.length === 12
      ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
      : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const values = Array.from(characters).map((character) => character.charCodeAt(0) - 48);
  return mod11Digit(weightedSum(values, weights));
}

/** Numeric, or (from July 2026) alphanumeric in its first 12 characters. */
export function cnpj(
  random: SeededRandom,
  options: { alphanumeric?: boolean; formatted?: boolean } = {},
): GeneratedValue {
  const alphanumeric = options.alphanumeric ?? false;
  const formatted = options.formatted ?? random.boolean();
  const alphabet = alphanumeric ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789";
  let base =
    random.letters(8, alphabet) + (random.boolean() ? "0001" : random.letters(4, alphabet));
  if (alphanumeric && !/[A-Z]/.test(base)) base = `${base.slice(0, 2)}A${base.slice(3)}`;
  const first = cnpjDigit(base);
  const compact = `${base}${first}${cnpjDigit(base + String(first))}`;
  const text = formatted
    ? `${compact.slice(0, 2)}.${compact.slice(2, 5)}.${compact.slice(5, 8)}/${compact.slice(8, 12)}-${compact.slice(12)}`
    : compact;
  return { type: "BR_CNPJ", text, compact };
}

export function pis(random: SeededRandom, formatted = random.boolean()): GeneratedValue {
  const base = `1${random.digits(9)}`;
  const compact = `${base}${pisCheckDigit(base)}`;
  const text = formatted
    ? `${compact.slice(0, 3)}.${compact.slice(3, 8)}.${compact.slice(8, 10)}-${compact.slice(10)}`
    : compact;
  return { type: "BR_PIS", text, compact };
}

/** São Paulo's RG: eight digits and a mod-11 check (X for 10), dotted or not. */
export function rg(random: SeededRandom): GeneratedValue {
  const body = random.digits(8);
  const sum = Array.from(body).reduce((total, d, i) => total + Number(d) * (i + 2), 0);
  const check = sum % 11 === 10 ? "X" : String(sum % 11);
  const text = random.boolean()
    ? `${body.slice(0, 2)}.${body.slice(2, 5)}.${body.slice(5)}-${check}`
    : `${body}${check}`;
  return { type: "BR_RG", text, compact: `${body}${check}` };
}

export function cnh(random: SeededRandom): GeneratedValue {
  for (;;) {
    const base = random.digits(9);
    const check = cnhCheckDigits(base);
    if (check !== undefined && !/^(\d)\1{8}$/.test(base)) {
      return { type: "BR_CNH", text: base + check, compact: base + check };
    }
  }
}

function shortDate(random: SeededRandom): string {
  const year = random.integer(1940, 2005);
  const month = random.integer(1, 12);
  const day = random.integer(1, 28);
  return `${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
}

const curpStates = [
  "AS",
  "BC",
  "CC",
  "CH",
  "DF",
  "GR",
  "JC",
  "MC",
  "MN",
  "NL",
  "OC",
  "PL",
  "QT",
  "SP",
  "VZ",
  "YN",
];
const curpAlphabet = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
const consonants = "BCDFGHJKLMNPQRSTVWXYZ";

export function curp(random: SeededRandom): GeneratedValue {
  const front =
    random.letters(1, consonants) +
    random.letters(1, "AEIOU") +
    random.letters(2, consonants) +
    shortDate(random) +
    random.pick(["H", "M"]) +
    random.pick(curpStates) +
    random.letters(3, consonants) +
    String(random.integer(0, 9));
  const sum = Array.from(front).reduce(
    (total, character, index) => total + curpAlphabet.indexOf(character) * (18 - index),
    0,
  );
  const compact = `${front}${(10 - (sum % 10)) % 10}`;
  return { type: "MX_CURP", text: compact, compact };
}

/** The SAT's alphabet for the RFC check digit, and the older one some RFCs were issued with. */
const rfcAlphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";
const legacyRfcAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ";

/** The RFC check digit over the first 11 or 12 characters. */
export function rfcCheckDigit(front: string, alphabet = rfcAlphabet): string {
  const padded = front.padStart(12, " ");
  const sum = Array.from(padded).reduce(
    (total, character, index) => total + alphabet.indexOf(character) * (13 - index),
    0,
  );
  const digit = 11 - (sum % 11);
  return digit === 11 ? "0" : digit === 10 ? "A" : String(digit);
}

/**
 * Persona física (13) or moral (12). `validCheck: false` writes a wrong check digit, as about
 * 1.5 % of real RFCs have: the scanner must still count it.
 */
export function rfc(
  random: SeededRandom,
  options: { company?: boolean; validCheck?: boolean } = {},
): GeneratedValue {
  const company = options.company ?? random.boolean();
  const front =
    random.letters(company ? 3 : 4, consonants + "AEIOU") +
    shortDate(random) +
    random.letters(1, "123456789ABCDEFGHIJKLMNPQRSTUV") +
    random.letters(1, "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ");
  const check = rfcCheckDigit(front);
  const legacy = rfcCheckDigit(front, legacyRfcAlphabet);
  let written = check;
  while (options.validCheck === false && (written === check || written === legacy)) {
    written = random.pick(Array.from("0123456789A"));
  }
  return { type: "MX_RFC", text: front + written, compact: front + written };
}

export function clabe(random: SeededRandom): GeneratedValue {
  const front =
    random.pick(["002", "012", "014", "021", "030", "036", "044", "072", "127", "137"]) +
    random.pick(["010", "180", "320", "580", "027"]) +
    random.digits(11);
  const compact = clabeCompleted(front);
  return { type: "MX_CLABE", text: compact, compact };
}

/** The 17 digits `front` and their CLABE check digit (weights 3, 7, 1, each product mod 10). */
function clabeCompleted(front: string): string {
  const weights = [3, 7, 1];
  const sum = Array.from(front).reduce(
    (total, character, index) => total + ((Number(character) * (weights[index % 3] ?? 0)) % 10),
    0,
  );
  return `${front}${(10 - (sum % 10)) % 10}`;
}

/**
 * A CLABE with a valid check digit whose bank code is missing from the older published lists:
 * fintechs and newer institutions (646 STP, 638 NU, 722 Mercado Pago…) or an unassigned code.
 */
export function clabeOutsideBankList(random: SeededRandom): GeneratedValue {
  const bank = random.boolean()
    ? random.pick(["646", "638", "722", "728", "710", "684", "659", "653"])
    : String(random.integer(700, 999));
  const compact = clabeCompleted(
    bank + random.pick(["180", "010", "320", "027"]) + random.digits(11),
  );
  return { type: "MX_CLABE", text: compact, compact };
}

export function ine(random: SeededRandom): GeneratedValue {
  const compact =
    random.letters(6, consonants + "AEIOU") +
    shortDate(random) +
    String(random.integer(1, 32)).padStart(2, "0") +
    random.pick(["H", "M"]) +
    random.digits(3);
  return { type: "MX_INE", text: compact, compact };
}

export function cuit(random: SeededRandom, formatted = random.boolean()): GeneratedValue {
  for (;;) {
    const front = random.pick(["20", "23", "24", "27", "30", "33"]) + random.digits(8);
    const digit = 11 - (weightedSum(digitsOf(front), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
    if (digit === 10) continue;
    const compact = `${front}${digit === 11 ? 0 : digit}`;
    const text = formatted
      ? `${compact.slice(0, 2)}-${compact.slice(2, 10)}-${compact.slice(10)}`
      : compact;
    return { type: "AR_CUIT", text, compact };
  }
}

export function rut(
  random: SeededRandom,
  style: "dotted" | "hyphen" = random.boolean() ? "dotted" : "hyphen",
): GeneratedValue {
  const body = String(random.integer(1_000_000, 25_999_999));
  const reversed = digitsOf(body).reverse();
  const sum = reversed.reduce((total, value, index) => total + value * ((index % 6) + 2), 0);
  const digit = 11 - (sum % 11);
  const check = digit === 11 ? "0" : digit === 10 ? "K" : String(digit);
  const dotted = body.replace(/\B(?=(\d{3})+$)/g, ".");
  const text = style === "dotted" ? `${dotted}-${check}` : `${body}-${check}`;
  return { type: "CL_RUT", text, compact: body + check };
}

const nitWeights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

export function nit(random: SeededRandom, formatted = random.boolean()): GeneratedValue {
  const body = `${random.pick(["8", "9"])}${random.digits(8)}`;
  const sum = weightedSum(digitsOf(body).reverse(), nitWeights) % 11;
  const check = sum > 1 ? 11 - sum : sum;
  const text = formatted
    ? `${body.slice(0, 3)}.${body.slice(3, 6)}.${body.slice(6)}-${check}`
    : `${body}-${check}`;
  return { type: "CO_NIT", text, compact: `${body}${check}` };
}

export function peruRuc(random: SeededRandom): GeneratedValue {
  const front = random.pick(["10", "15", "17", "20"]) + random.digits(8);
  const sum = weightedSum(digitsOf(front), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  const compact = `${front}${(11 - (sum % 11)) % 10}`;
  return { type: "PE_RUC", text: compact, compact };
}

export function ecuadorCedula(random: SeededRandom): GeneratedValue {
  const front =
    String(random.integer(1, 24)).padStart(2, "0") +
    String(random.integer(0, 5)) +
    random.digits(6);
  const sum = digitsOf(front).reduce((total, value, index) => {
    const product = index % 2 === 0 ? value * 2 : value;
    return total + (product > 9 ? product - 9 : product);
  }, 0);
  const compact = `${front}${(10 - (sum % 10)) % 10}`;
  return { type: "EC_CEDULA", text: compact, compact };
}

/** A natural person's RUC: the cédula and establishment 001. */
export function ecuadorRuc(random: SeededRandom): GeneratedValue {
  const compact = `${ecuadorCedula(random).compact}001`;
  return { type: "EC_RUC", text: compact, compact };
}

export function uruguayCedula(random: SeededRandom, formatted = random.boolean()): GeneratedValue {
  const body = String(random.integer(1_000_000, 6_999_999));
  const sum = weightedSum(digitsOf(body), [2, 9, 8, 7, 6, 3, 4]);
  const check = (10 - (sum % 10)) % 10;
  const text = formatted
    ? `${body[0] ?? ""}.${body.slice(1, 4)}.${body.slice(4)}-${check}`
    : `${body}-${check}`;
  return { type: "UY_CEDULA", text, compact: `${body}${check}` };
}

export function uruguayRut(random: SeededRandom, formatted = random.boolean()): GeneratedValue {
  const front =
    String(random.integer(1, 21)).padStart(2, "0") + String(random.integer(100000, 999999)) + "001";
  const sum = weightedSum(digitsOf(front), [4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const digit = (11 - (sum % 11)) % 11;
  if (digit === 10) return uruguayRut(random, formatted);
  const compact = `${front}${digit}`;
  const text = formatted
    ? `${compact.slice(0, 2)}-${compact.slice(2, 8)}-${compact.slice(8, 11)}-${compact.slice(11)}`
    : compact;
  return { type: "UY_RUT", text, compact };
}

const rifTypes: Record<string, number> = { V: 4, E: 8, J: 12, P: 16, G: 20 };

export function rif(random: SeededRandom, formatted = random.boolean()): GeneratedValue {
  const letter = random.pick(Object.keys(rifTypes));
  const body = random.digits(8);
  const sum = (rifTypes[letter] ?? 0) + weightedSum(digitsOf(body), [3, 2, 7, 6, 5, 4, 3, 2]);
  const check = "00987654321"[sum % 11] ?? "0";
  const text = formatted ? `${letter}-${body}-${check}` : `${letter}${body}${check}`;
  return { type: "VE_RIF", text, compact: `${letter}${body}${check}` };
}

export function paraguayRuc(random: SeededRandom): GeneratedValue {
  const body = random.boolean()
    ? String(random.integer(80_000_000, 80_099_999))
    : String(random.integer(1_000_000, 6_999_999));
  const sum = digitsOf(body)
    .reverse()
    .reduce((total, value, index) => total + value * (index + 2), 0);
  const check = (11 - (sum % 11)) % 10;
  return { type: "PY_RUC", text: `${body}-${check}`, compact: `${body}${check}` };
}

function luhnCompleted(front: string): string {
  const sum = digitsOf(front)
    .reverse()
    .reduce((total, value, index) => {
      const doubled = index % 2 === 0 ? value * 2 : value;
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
  return `${front}${(10 - (sum % 10)) % 10}`;
}

export function card(random: SeededRandom, grouped = random.boolean()): GeneratedValue {
  const brand = random.pick(["visa", "mastercard", "amex", "elo"] as const);
  const compact =
    brand === "visa"
      ? luhnCompleted(`4${random.digits(14)}`)
      : brand === "mastercard"
        ? luhnCompleted(`5${random.integer(1, 5)}${random.digits(13)}`)
        : brand === "amex"
          ? luhnCompleted(`3${random.pick(["4", "7"])}${random.digits(12)}`)
          : luhnCompleted(`636368${random.digits(9)}`);
  const text = !grouped
    ? compact
    : brand === "amex"
      ? `${compact.slice(0, 4)} ${compact.slice(4, 10)} ${compact.slice(10)}`
      : compact.replace(/(\d{4})(?=\d)/g, "$1 ");
  return { type: "CARD", text, compact };
}

const brazilAreaCodes = ["11", "21", "31", "41", "47", "51", "61", "71", "81", "85", "92"];

/** A valid phone of one of the main regions, written nationally or internationally. */
export function phone(
  random: SeededRandom,
  region = random.pick(["BR", "MX", "AR", "CL", "CO", "PE"] as const),
  international = random.boolean(),
): GeneratedValue & { e164: string; region: string } {
  for (;;) {
    const candidate = phoneCandidate(random, region, international);
    const parsed = parsePhoneNumber(candidate, international ? {} : { regionCode: region });
    if (parsed.valid && parsed.regionCode === region) {
      return {
        type: "PHONE",
        text: candidate,
        compact: candidate.replace(/\D/g, ""),
        e164: parsed.number.e164,
        region,
      };
    }
  }
}

function phoneCandidate(random: SeededRandom, region: string, international: boolean): string {
  switch (region) {
    case "BR": {
      const area = random.pick(brazilAreaCodes);
      const mobile = random.boolean();
      const number = mobile
        ? `9${random.integer(6, 9)}${random.digits(3)}-${random.digits(4)}`
        : `${random.integer(2, 5)}${random.digits(3)}-${random.digits(4)}`;
      if (international) return `+55 ${area} ${number}`;
      return random.boolean() ? `(${area}) ${number}` : `${area} ${number}`;
    }
    case "MX": {
      const area = random.pick(["55", "33", "81"]);
      const number = `${area} ${random.integer(1, 9)}${random.digits(3)} ${random.digits(4)}`;
      return international ? `+52 ${number}` : number;
    }
    case "AR":
      return international
        ? `+54 9 11 ${random.integer(2, 6)}${random.digits(3)}-${random.digits(4)}`
        : `011 ${random.integer(4, 5)}${random.digits(3)}-${random.digits(4)}`;
    case "CL":
      return international
        ? `+56 9 ${random.integer(5, 9)}${random.digits(3)} ${random.digits(4)}`
        : `9 ${random.integer(5, 9)}${random.digits(3)} ${random.digits(4)}`;
    case "CO":
      return international
        ? `+57 3${random.integer(0, 2)}${random.integer(0, 9)} ${random.digits(3)} ${random.digits(4)}`
        : `3${random.integer(0, 2)}${random.integer(0, 9)} ${random.digits(3)} ${random.digits(4)}`;
    default:
      return international
        ? `+51 9${random.digits(2)} ${random.digits(3)} ${random.digits(3)}`
        : `9${random.digits(2)} ${random.digits(3)} ${random.digits(3)}`;
  }
}

/** A Peruvian DNI: eight digits, no check digit (the card prints a check character apart). */
export function peruDni(random: SeededRandom): GeneratedValue {
  const compact = String(random.integer(1, 7)) + random.digits(7);
  return { type: "PE_DNI", text: compact, compact };
}

/**
 * A phone in `+CC` form with the right length for its country but in a range the numbering-plan
 * metadata does not list (awesome-phonenumber: possible, not valid), as new mobile ranges are
 * before the metadata catches up: "+56 9 1894 9155", "+52 93 1985 9205".
 */
export function unlistedPhone(
  random: SeededRandom,
  region: string = random.pick(["BR", "MX", "AR", "CL", "CO"]),
): GeneratedValue & { region: string } {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const candidate = unlistedCandidate(random, region);
    const parsed = parsePhoneNumber(candidate);
    if (parsed.possible && !parsed.valid) {
      return { type: "PHONE", text: candidate, compact: candidate.replace(/\D/g, ""), region };
    }
  }
  throw new Error(`no unlisted ${region} phone found in 10,000 tries`);
}

function unlistedCandidate(random: SeededRandom, region: string): string {
  switch (region) {
    case "BR":
      return `+55 ${random.pick(["20", "23", "25", "26", "29", "36", "39", "52", "56", "57", "58", "72", "76"])} 9${random.integer(1, 9)}${random.digits(3)}-${random.digits(4)}`;
    case "MX":
      return `+52 ${random.integer(2, 9)}${random.digits(1)} ${random.digits(4)} ${random.digits(4)}`;
    case "AR":
      return `+54 9 ${random.integer(2, 3)}${random.digits(2)} ${random.digits(3)}-${random.digits(4)}`;
    case "CL":
      return `+56 9 ${random.integer(1, 4)}${random.digits(3)} ${random.digits(4)}`;
    case "CO":
      return `+57 3${random.integer(3, 9)}${random.digits(1)} ${random.digits(3)} ${random.digits(4)}`;
    default:
      throw new Error(`no unlisted phone shape for ${region}`);
  }
}

/** A copy with one digit changed (not the first): a near miss every check digit must reject. */
export function withOneDigitOff(random: SeededRandom, text: string): string {
  const positions = Array.from(text).flatMap((character, index) =>
    /\d/.test(character) && index > 0 ? [index] : [],
  );
  const position = random.pick(positions);
  const digit = Number(text[position]);
  return `${text.slice(0, position)}${(digit + random.integer(1, 9)) % 10}${text.slice(position + 1)}`;
}

/** A copy with its check character (the last letter or digit) replaced by another digit. */
export function withCheckDigitOff(random: SeededRandom, text: string): string {
  const match = /[0-9A-Za-z](?=[^0-9A-Za-z]*$)/.exec(text);
  if (match === null) throw new Error(`no check character in ${text}`);
  const current = match[0];
  let replacement = String(random.integer(0, 9));
  while (replacement === current) replacement = String(random.integer(0, 9));
  return `${text.slice(0, match.index)}${replacement}${text.slice(match.index + 1)}`;
}
