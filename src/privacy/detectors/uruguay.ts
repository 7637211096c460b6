import { wordsPattern } from "./context-words.js";
import {
  checkWith,
  compactOf,
  identifierDetector,
  type IdentifierRule,
} from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

const validateCedula = stdnumValidate("UY", "cedula");

/** Cédula de identidad: 1.234.567-2, 6 or 7 digits and a check digit. */
export const cedulaRule: IdentifierRule = {
  type: "UY_CEDULA",
  pattern: /\d\.\d{3}\.\d{3}-\d|\d{3}\.\d{3}-\d|\d{6,7}-?\d/g,
  context: wordsPattern(["cedula", "c.i.", "ci", "cedula de identidad", "documento"]),
  check: (candidate) =>
    validateCedula(compactOf(candidate).padStart(8, "0")).isValid ? "passed" : "failed",
  shape: ({ value }) =>
    value.includes(".") ? "formatted" : value.includes("-") ? "plain" : "weak",
};

/** RUT: 12 digits (21-100342-001-7), with a registration office, an establishment and a check. */
export const rutRule: IdentifierRule = {
  type: "UY_RUT",
  pattern: /\d{2}-?\d{6}-?\d{3}-?\d/g,
  context: wordsPattern(["rut", "r.u.t.", "registro unico tributario"]),
  check: checkWith(stdnumValidate("UY", "rut")),
  shape: ({ value }) => (value.includes("-") ? "formatted" : "plain"),
};

export const uruguayDetector = identifierDetector([cedulaRule, rutRule]);
