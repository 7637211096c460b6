import { isValidShortDate } from "./calendar-date.js";
import { wordsPattern } from "./context-words.js";
import type { Candidate } from "./candidate.js";
import type { CheckResult, Shape } from "./confidence.js";
import {
  checkWith,
  compactOf,
  identifierDetector,
  type IdentifierRule,
} from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

const validateRfc = stdnumValidate("MX", "rfc");

/**
 * Written in lower case (typed on a phone), a CURP or RFC is plain: it counts when its check
 * digit passes or its word names it, not on its structure alone.
 */
const caseShape = ({ value }: Candidate): Shape =>
  value === value.toUpperCase() ? "formatted" : "plain";

/** CURP: 18 characters with a date, sex, state and a check digit. */
export const curpRule: IdentifierRule = {
  type: "MX_CURP",
  // Spaces or hyphens may part its four pieces: "GOMA 800101 HDFRRN 09".
  pattern: /[A-Z][AEIOUX][A-Z]{2}[- ]?\d{6}[- ]?[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[- ]?[A-Z\d]\d/gi,
  context: wordsPattern(["curp", "clave unica de registro de poblacion"]),
  check: checkWith(stdnumValidate("MX", "curp")),
  // Parted in pieces it is plain: its check digit or its word carries it.
  shape: (candidate) => (/[- ]/.test(candidate.value) ? "plain" : caseShape(candidate)),
};

/**
 * RFC: persona física (4 letters, 13 characters) or moral (3 letters, 12), with a date. About
 * 1.5 % of RFCs in use have a wrong check digit, so a passing one raises the confidence and a
 * failing one lowers nothing: a well-formed RFC with a valid date counts.
 */
export const rfcRule: IdentifierRule = {
  type: "MX_RFC",
  pattern: /[A-ZÑ&]{3,4}[- ]?(\d{6})[- ]?[A-Z\d]{2}[\dA]/gi,
  context: wordsPattern(["rfc", "r.f.c.", "registro federal de contribuyentes"]),
  plausible: ({ groups }) => isValidShortDate(groups[0] ?? ""),
  check: ({ value }) =>
    validateRfc(value.replace(/[- ]/g, "").toUpperCase()).isValid ? "passed" : "none",
  shape: caseShape,
};

const validateClabe = stdnumValidate("MX", "clabe");

/**
 * A CLABE's check: stdnum's, which also wants the bank code in its list; where the list lacks a
 * bank newer than it (fintechs in the 700s: 710 NVIO, 722 Mercado Pago, 728 Spin) but the check
 * digit passes and the code is in a range Banxico assigns to SPEI participants (banks 001–199,
 * other institutions 600–799), the bank is unlisted, not the number wrong.
 */
function checkClabe(candidate: Candidate): CheckResult {
  const digits = compactOf(candidate);
  if (validateClabe(digits).isValid) return "passed";
  const bank = Number(digits.slice(0, 3));
  const inSpeiRange = (bank >= 1 && bank <= 199) || (bank >= 600 && bank <= 799);
  return inSpeiRange && clabeCheckDigit(digits) === Number(digits[17]) ? "unlisted" : "failed";
}

/** The check digit of a CLABE's first 17 digits: weights 3, 7, 1, each product modulo 10. */
function clabeCheckDigit(digits: string): number {
  const weights = [3, 7, 1];
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    sum += (Number(digits[index]) * (weights[index % 3] ?? 1)) % 10;
  }
  return (10 - (sum % 10)) % 10;
}

/** CLABE: 18 digits, a bank code and a check digit. */
export const clabeRule: IdentifierRule = {
  type: "MX_CLABE",
  pattern: /\d{3} ?\d{3} ?\d{11} ?\d/g,
  context: wordsPattern([
    "clabe",
    "cuenta clabe",
    "spei",
    "transferencia",
    "deposito",
    "interbancaria",
    "clave interbancaria",
    "cuenta interbancaria",
  ]),
  check: checkClabe,
  shape: () => "plain",
};

/**
 * INE clave de elector: 6 letters from the names, the birth date, the state (01–32), H or M,
 * and 3 digits. No check digit: the structure and a real date carry it.
 */
export const ineRule: IdentifierRule = {
  type: "MX_INE",
  pattern: /[A-Z]{6}(\d{6})(\d{2})[HM]\d{3}/gi,
  context: wordsPattern([
    "ine",
    "ife",
    "clave de elector",
    "clave elector",
    "credencial para votar",
    "credencial de elector",
    "credencial",
  ]),
  plausible: ({ groups }) => {
    const state = Number(groups[1]);
    return isValidShortDate(groups[0] ?? "") && state >= 1 && state <= 32;
  },
  check: () => "none",
  // Typed in lower case it still has its structure, but a label must carry it.
  shape: (candidate) => (caseShape(candidate) === "formatted" ? "formatted" : "weak"),
};

export const mexicoDetector = identifierDetector([curpRule, rfcRule, clabeRule, ineRule]);
