import { wordsPattern } from "./context-words.js";
import {
  checkWith,
  compactOf,
  identifierDetector,
  type IdentifierRule,
} from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

const validateCui = stdnumValidate("PE", "cui");

/** RUC: 11 digits, a type prefix (10, 15, 17, 20) and a mod-11 check digit. */
export const rucRule: IdentifierRule = {
  type: "PE_RUC",
  pattern: /\d{11}/g,
  context: wordsPattern(["ruc", "r.u.c.", "registro unico de contribuyentes"]),
  check: checkWith(stdnumValidate("PE", "ruc")),
  shape: () => "plain",
};

/**
 * DNI (CUI): 8 digits, sometimes with its check character (12345678-9); context only. The check
 * character, when written, is verified.
 */
export const dniRule: IdentifierRule = {
  type: "PE_DNI",
  pattern: /\d{8}(?:-[\dA-K])?/g,
  context: wordsPattern(["dni", "d.n.i.", "documento", "documento nacional de identidad", "cui"]),
  inRecords: true,
  check: (candidate) => {
    const compact = compactOf(candidate);
    if (compact.length === 8) return "none";
    return /\d$/.test(compact) && validateCui(compact).isValid ? "passed" : "none";
  },
  shape: () => "weak",
};

export const peruDetector = identifierDetector([rucRule, dniRule]);
