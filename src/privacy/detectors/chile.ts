import { wordsPattern } from "./context-words.js";
import { checkWith, identifierDetector, type IdentifierRule } from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

/**
 * RUT/RUN: 12.345.678-5 (or -K), a mod-11 check digit. With dots it stands alone; with only the
 * hyphen it is likely; bare digits need the word RUT or RUN.
 */
export const rutRule: IdentifierRule = {
  type: "CL_RUT",
  pattern: /\d{1,2}\.\d{3}\.\d{3}-[\dkK]|\d{7,8}-?[\dkK]/g,
  context: wordsPattern([
    "rut",
    "run",
    "r.u.t.",
    "r.u.n.",
    "rol unico tributario",
    "rol unico nacional",
  ]),
  check: checkWith(stdnumValidate("CL", "rut")),
  shape: ({ value }) =>
    value.includes(".") ? "formatted" : value.includes("-") ? "plain" : "weak",
};

export const chileDetector = identifierDetector([rutRule]);
