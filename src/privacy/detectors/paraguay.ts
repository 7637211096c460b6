import { wordsPattern } from "./context-words.js";
import { checkWith, identifierDetector, type IdentifierRule } from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

/**
 * RUC: 80028061-0 (or typed bare, 800280610), the cédula or company number and a mod-11 check
 * digit: needs the word RUC.
 */
export const rucRule: IdentifierRule = {
  type: "PY_RUC",
  pattern: /\d{5,8}-?\d/g,
  context: wordsPattern([
    "ruc",
    "r.u.c.",
    "registro unico de contribuyentes",
    "numero de contribuyente",
    "contribuyente",
  ]),
  check: checkWith(stdnumValidate("PY", "ruc")),
  shape: () => "weak",
};

export const paraguayDetector = identifierDetector([rucRule]);
