import { parsePhoneNumber } from "awesome-phonenumber";
import type { Finding } from "../../core/pii-types.js";
import { boundedMatches, mayMatch, type Candidate } from "./candidate.js";
import { confidenceLevels } from "./confidence.js";
import { isBusinessLine } from "./business-line.js";
import { endsWithNegativeWord, wordsPattern } from "./context-words.js";
import type { Detector, DetectorOptions } from "./detector.js";
import { couldBeNationalNumber } from "./phone-regions.js";
import type { ScanInput } from "./scan-input.js";

/**
 * Phone-shaped runs: an optional `+country code` (also in parentheses, "(+51)"), an optional
 * `(area)`, and digit groups joined by single spaces, hyphens or dots. Groups must be separated, so there is nothing to backtrack.
 */
const phonePattern =
  /(?:(?:\+\d{1,3}|\(\+\d{1,3}\))[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,15}(?:[ .-]\d{1,9}){0,4}/g;

const phoneWords = wordsPattern([
  "tel",
  "tel.",
  "tels",
  "telefone",
  "telefones",
  "telefono",
  "telefonos",
  "fone",
  "fones",
  "celular",
  "cel",
  "cel.",
  "movil",
  "whatsapp",
  "whats",
  "wpp",
  "zap",
  "ligar",
  "ligue",
  "liga",
  "llamar",
  "llame",
  "llamame",
  "marcar",
  "contato",
  "contacto",
  "fax",
  "phone",
  "mobile",
  "call",
  "ramal",
  "sms",
]);

/**
 * A phone word right after the number, past punctuation only: "5561967570097 (celular)",
 * "… — WhatsApp"; not "… e o telefone é …", a sentence going on to another number.
 */
const phoneLabelAfter = new RegExp(`^[^\\p{L}\\p{N}]*${phoneWords.source}`, "u");

/** Thousands grouping (1.234.567.890): a number, not a phone, when dots are its only separators. */
const thousandsGrouping = /^\d{1,3}(?:\.\d{3})+$/;
/** Four dot-separated groups of up to three digits: an IP address. */
const ipAddress = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** Phones end in a group of 3 or 4 digits at least ("98765-4321", "987 654 321"). */
const lastGroupOfPhone = /(?:^|[^\d])\d{3,}$/;
const preferredTypes = new Set(["mobile", "fixed-line", "fixed-line-or-mobile"]);
/**
 * Numbers that reach a business, never a person: toll-free (0800 in Brazil, Argentina and
 * Uruguay, 01 800 in Mexico and Colombia), shared-cost (Brazil's 0300/4004), premium-rate (0500,
 * 0900) and universal access numbers.
 */
const serviceTypes = new Set(["toll-free", "premium-rate", "shared-cost", "uan"]);

/**
 * Phone numbers, checked against the numbering plan by awesome-phonenumber. International ones
 * (`+55 11 98765-4321`) count in any region. National ones must be written as a phone is — digit
 * groups, an area code in parentheses — with at least 9 digits, or follow a phone word; a bare
 * run of digits with no phone word is never taken for a phone.
 */
export const phoneDetector: Detector = {
  types: ["PHONE"],
  detect: (input, options) =>
    input.hasDigits && mayMatch(input, phonePattern) ? [phoneFindings(input, options)] : [],
};

function* phoneFindings(
  input: ScanInput,
  options: DetectorOptions,
): Generator<Finding | undefined> {
  for (const candidate of boundedMatches(input, phonePattern)) {
    const finding = candidate && phoneFinding(input, candidate, options);
    // Yields undefined where the candidates pause too (see `boundedMatches`).
    if (finding !== undefined || candidate === undefined) yield finding;
  }
}

function phoneFinding(
  input: ScanInput,
  candidate: Candidate,
  options: DetectorOptions,
): Finding | undefined {
  const { value } = candidate;
  const digits = value.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return undefined;
  const context = input.contextBefore(candidate.start);
  // A phone word before it, right after it ("5561967570097 (celular)") or over its column in a
  // sheet ("cel." in the header row).
  const positive =
    phoneWords.test(context) ||
    phoneLabelAfter.test(input.contextAfter(candidate.end)) ||
    phoneWords.test(` ${input.columnLabel(candidate.start)} `);
  // "0052 55 …", "0055 11 …": the international prefix dialled instead of "+", and the
  // country code set apart as after a "+".
  // "(+51) 975…": the country code in parentheses.
  const dialled = /^00[1-9]\d{0,2}[ .-]/.test(value)
    ? `+${value.slice(2)}`
    : value.replace(/^\((\+\d{1,3})\)/, "$1");
  const international = dialled.startsWith("+");
  const separated = /[ .()-]/.test(value);
  let confidence: number;
  if (international) confidence = separated ? confidenceLevels.formatted : 0.9;
  else {
    if (!positive && (!separated || digits.length < 9)) return undefined;
    if (!positive && (thousandsGrouping.test(value) || ipAddress.test(value))) return undefined;
    if (!positive && !lastGroupOfPhone.test(value)) return undefined;
    confidence = 0.85;
  }
  if (positive) confidence = confidenceLevels.checkedWithContext;
  else if (endsWithNegativeWord(context)) confidence = confidenceLevels.negative;
  if (confidence < options.minConfidence) return undefined;

  // After a phone word, the digits of an international number written without its "+"
  // ("cel: 56936696229", WhatsApp's own form) when no region reads them as a national one.
  const parsed = international
    ? parseInternational(dialled)
    : (parseNational(digits, options, positive) ??
      (positive ? listedInternational(`+${digits}`) : undefined));
  if (parsed === undefined) return undefined;
  // An organisation's public landline ("atención a clientes 55 5322 4539, de 9:00 a 22:00").
  if (parsed.listed && !parsed.mobile && isBusinessLine(input, candidate.start)) {
    confidence = Math.min(confidence, confidenceLevels.negative);
    if (confidence < options.minConfidence) return undefined;
  }
  return {
    type: "PHONE",
    country: parsed.region,
    start: candidate.start,
    end: candidate.end,
    // When in doubt, mask: `+country code` and a number of a possible length is a phone even in
    // a range the numbering plan does not list (new ranges reach people before the metadata).
    confidence: parsed.listed ? confidence : Math.min(confidence, confidenceLevels.unlistedPhone),
    validated: parsed.listed,
    normalized: parsed.e164,
  };
}

interface ParsedPhone {
  region: string | null;
  e164: string;
  /** Valid in the numbering plan; false for a possible number in a range it does not list. */
  listed: boolean;
  /** A mobile's number in the numbering plan (not a landline, nor one that may be either). */
  mobile: boolean;
}

/** An international number the numbering plan lists (not a business's service number). */
function listedInternational(value: string): ParsedPhone | undefined {
  const parsed = parseInternational(value);
  return parsed?.listed === true ? parsed : undefined;
}

/**
 * A valid international number, or one of a possible length for its country code. Mexico's
 * mobiles are still written with the "1" they dropped in 2019 ("+52 1 81 7787 1519").
 */
function parseInternational(value: string): ParsedPhone | undefined {
  const oldMexicanMobile = /^\+52[ .-]?1[ .-]?(?=\d)/.exec(value);
  if (oldMexicanMobile !== null) {
    const withoutOne = parseInternational(`+52 ${value.slice(oldMexicanMobile[0].length)}`);
    if (withoutOne !== undefined) return withoutOne;
  }
  const parsed = parsePhoneNumber(value);
  if (parsed.valid) {
    if (serviceTypes.has(parsed.type)) return undefined;
    return {
      region: parsed.regionCode,
      e164: parsed.number.e164,
      listed: true,
      mobile: parsed.type === "mobile",
    };
  }
  if (!parsed.possible || parsed.regionCode === undefined || parsed.number === undefined) {
    return undefined;
  }
  return { region: parsed.regionCode, e164: parsed.number.e164, listed: false, mobile: false };
}

/**
 * Mexico's mobile prefixes before a mobile's ten digits, dialled until 2019 and still written:
 * "044 55 1445 9357" from the same city, "045" from another.
 */
const oldMexicanMobilePrefix = /^04[45](?=\d{10}$)/;

/**
 * The first region (in the caller's order) where it is a valid mobile or landline number, else
 * one where it is valid and not a business's service number ("0800 …" is toll-free wherever it
 * is valid: nobody's own phone). After a phone word ("cel 011 15-0301-7522"), when no region
 * lists it at all, the first region where its length is possible: when in doubt, mask.
 */
function parseNational(
  digits: string,
  options: DetectorOptions,
  named: boolean,
): ParsedPhone | undefined {
  let fallback: ParsedPhone | undefined;
  let possible: ParsedPhone | undefined;
  let listedAnywhere = false;
  for (const region of options.phoneRegions) {
    if (!couldBeNationalNumber(digits, region)) continue;
    const national = region === "MX" ? digits.replace(oldMexicanMobilePrefix, "") : digits;
    const parsed = parsePhoneNumber(national, { regionCode: region });
    if (!parsed.valid) {
      if (named && parsed.possible && parsed.number !== undefined) {
        possible ??= {
          region: parsed.regionCode ?? region,
          e164: parsed.number.e164,
          listed: false,
          mobile: false,
        };
      }
      continue;
    }
    listedAnywhere = true;
    if (serviceTypes.has(parsed.type)) continue;
    const found = {
      region: parsed.regionCode,
      e164: parsed.number.e164,
      listed: true,
      mobile: parsed.type === "mobile",
    };
    if (preferredTypes.has(parsed.type)) return found;
    fallback ??= found;
  }
  if (fallback !== undefined || listedAnywhere || possible === undefined) return fallback;
  // Nor a number some region lists under another shape: "0300 789 6543" is shared-cost in Brazil.
  // The regions of its shape were read above, and none lists it: only the others are asked.
  const listedElsewhere = options.phoneRegions.some(
    (region) =>
      !couldBeNationalNumber(digits, region) &&
      parsePhoneNumber(digits, { regionCode: region }).valid,
  );
  return listedElsewhere ? undefined : possible;
}
