import { wordsPattern } from "./context-words.js";
import { checkWith, identifierDetector, type IdentifierRule } from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

/** Cédula: 10 digits, a province (01–24, 30), and a mod-10 check digit. */
export const cedulaRule: IdentifierRule = {
  type: "EC_CEDULA",
  pattern: /\d{9}-?\d/g,
  context: wordsPattern(["cedula", "c.i.", "ci", "cedula de identidad", "cedula de ciudadania"]),
  check: checkWith(stdnumValidate("EC", "ci")),
  shape: () => "plain",
};

/** RUC: 13 digits, a cédula or company number followed by an establishment (001). */
export const rucRule: IdentifierRule = {
  type: "EC_RUC",
  pattern: /\d{10}-?\d{3}/g,
  context: wordsPattern(["ruc", "r.u.c.", "registro unico de contribuyentes"]),
  check: checkWith(stdnumValidate("EC", "ruc")),
  shape: ({ value }) => (value.includes("-") ? "formatted" : "plain"),
};

export const ecuadorDetector = identifierDetector([cedulaRule, rucRule]);
