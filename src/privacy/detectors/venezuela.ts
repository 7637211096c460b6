import { wordsPattern } from "./context-words.js";
import { checkWith, identifierDetector, noCheck, type IdentifierRule } from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

/** Cédula: V-12.345.678, V.12.345.678, V 12 345 678 (E for foreigners), no check digit: context only. */
export const cedulaRule: IdentifierRule = {
  type: "VE_CEDULA",
  pattern: /[VEve][-. ]?\d{1,2}\.?\d{3}\.?\d{3}/g,
  context: wordsPattern(["cedula", "c.i.", "ci", "cedula de identidad"]),
  check: noCheck,
  shape: () => "weak",
};

/**
 * RIF: J-12345678-9, a type letter (V, E, J, P, G, C), 8 digits and a mod-11 check digit; also
 * written with spaces ("J 12345678 9") or a dotted body ("J-12.345.678-9").
 */
export const rifRule: IdentifierRule = {
  type: "VE_RIF",
  pattern: /[VEJPGCvejpgc](?:-| )?\d{2}\.?\d{3}\.?\d{3}-?\d/g,
  context: wordsPattern(["rif", "r.i.f.", "registro de informacion fiscal"]),
  check: checkWith(stdnumValidate("VE", "rif")),
  shape: ({ value }) => (/^[A-Za-z]-\d{8}-\d$/.test(value) ? "formatted" : "plain"),
};

export const venezuelaDetector = identifierDetector([cedulaRule, rifRule]);
