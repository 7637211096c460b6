import { wordsPattern } from "./context-words.js";
import { checkWith, identifierDetector, noCheck, type IdentifierRule } from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

/** NIT: 900.123.456-7, a mod-11 check digit after the hyphen; bare digits need the word NIT. */
export const nitRule: IdentifierRule = {
  type: "CO_NIT",
  pattern: /\d{3}\.\d{3}\.\d{3}-\d|\d{1,3}(?:\.\d{3}){3}-\d|\d{8,15}-?\d/g,
  context: wordsPattern(["nit", "n.i.t.", "numero de identificacion tributaria"]),
  check: checkWith(stdnumValidate("CO", "nit")),
  shape: ({ value }) =>
    value.includes(".") ? "formatted" : value.includes("-") ? "plain" : "weak",
};

/** Cédula de ciudadanía: 6 to 10 digits, often 1.020.304.050, no check digit: context only. */
export const cedulaRule: IdentifierRule = {
  type: "CO_CEDULA",
  pattern: /\d{1,3}(?:\.\d{3}){1,3}|\d{6,10}/g,
  context: wordsPattern(["cedula", "cedula de ciudadania", "c.c.", "cc", "cedula de extranjeria"]),
  inRecords: true,
  check: noCheck,
  shape: () => "weak",
};

export const colombiaDetector = identifierDetector([nitRule, cedulaRule]);
