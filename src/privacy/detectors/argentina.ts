import { wordsPattern } from "./context-words.js";
import { checkWith, identifierDetector, noCheck, type IdentifierRule } from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

/** CUIT/CUIL: 20-12345678-6, a type prefix (20, 23, 27, 30 …) and a mod-11 check digit. */
export const cuitRule: IdentifierRule = {
  type: "AR_CUIT",
  pattern: /\d{2}-?\d{8}-?\d/g,
  context: wordsPattern(["cuit", "cuil", "c.u.i.t.", "c.u.i.l.", "cdi"]),
  check: checkWith(stdnumValidate("AR", "cuit")),
  shape: ({ value }) => (/^\d{2}-\d{8}-\d$/.test(value) ? "formatted" : "plain"),
};

/** DNI: 7 or 8 digits, often 12.345.678, no check digit: context only. */
export const dniRule: IdentifierRule = {
  type: "AR_DNI",
  pattern: /\d{1,2}\.?\d{3}\.?\d{3}/g,
  context: wordsPattern([
    "dni",
    "d.n.i.",
    "documento",
    "documento nacional de identidad",
    "documento de identidad",
  ]),
  inRecords: true,
  check: noCheck,
  shape: () => "weak",
};

export const argentinaDetector = identifierDetector([cuitRule, dniRule]);
