import { isValidCnh, isValidPis } from "./check-digits.js";
import { wordsPattern } from "./context-words.js";
import {
  checkWith,
  compactOf,
  identifierDetector,
  noCheck,
  type IdentifierRule,
} from "./identifier-rule.js";
import { stdnumValidate } from "./stdnum-validators.js";

export const cpfRule: IdentifierRule = {
  type: "BR_CPF",
  pattern: /\d{3}\.?\d{3}\.?\d{3}-?\d{2}/g,
  context: wordsPattern(["cpf", "c.p.f.", "cpf/mf", "documento", "doc", "contribuinte"]),
  check: checkWith(stdnumValidate("BR", "cpf")),
  shape: ({ value }) => (/^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(value) ? "formatted" : "plain"),
};

/** Numeric (12.345.678/0001-95) and, from July 2026, alphanumeric (12.ABC.345/01DE-35). */
export const cnpjRule: IdentifierRule = {
  type: "BR_CNPJ",
  // Typed in lower case (on a phone), an alphanumeric one is read in its formatted shape only.
  pattern:
    /[\dA-Z]{2}\.?[\dA-Z]{3}\.?[\dA-Z]{3}\/?[\dA-Z]{4}-?\d{2}|[\da-z]{2}\.[\da-z]{3}\.[\da-z]{3}\/[\da-z]{4}-\d{2}/g,
  context: wordsPattern(["cnpj", "c.n.p.j.", "cnpj/mf", "cnpj/me"]),
  // Bare letters and digits must have a digit before the check digits, or be letters only (the
  // alphanumeric CNPJ may be: "QWERTYUIOPAS89"); formatted ones may be anything.
  plausible: (candidate) => {
    const front = compactOf(candidate).slice(0, 12);
    return /[./]/.test(candidate.value) || /\d/.test(front) || /^[A-Z]{12}$/.test(front);
  },
  check: checkWith(stdnumValidate("BR", "cnpj")),
  // Bare, numeric or alphanumeric, its two check digits single it out as they do a CPF's; bare
  // letters only, as a word in capitals and two digits, it needs its word.
  // In lower case, formatted, its two check digits carry it as they do a bare one's.
  shape: ({ value }) =>
    /^[\dA-Z]{2}\.[\dA-Z]{3}\.[\dA-Z]{3}\/[\dA-Z]{4}-\d{2}$/.test(value.toUpperCase())
      ? value === value.toUpperCase()
        ? "formatted"
        : "plain"
      : /^(?=[\dA-Z]{0,11}\d)[\dA-Z]{12}\d{2}$/.test(value)
        ? "plain"
        : "weak",
};

/**
 * PIS/PASEP/NIT/NIS: 123.45678.90-1, also with a dot before the check digit (123.45678.90.1);
 * bare, one check digit passes too often to stand alone.
 */
export const pisRule: IdentifierRule = {
  type: "BR_PIS",
  pattern: /\d{3}\.?\d{5}\.?\d{2}-?\d|\d{3}\.\d{5}\.\d{2}\.\d/g,
  // Its number is printed in the work card (carteira de trabalho, CTPS).
  context: wordsPattern([
    "pis",
    "pasep",
    "pis/pasep",
    "nis",
    "nit",
    "nit/pis",
    "pis/nit",
    "carteira de trabalho",
    "ctps",
  ]),
  inRecords: true,
  check: (candidate) => (isValidPis(compactOf(candidate)) ? "passed" : "failed"),
  shape: ({ value }) => (/^\d{3}\.\d{5}\.\d{2}-\d$/.test(value) ? "formatted" : "weak"),
};

/** CNH: 11 bare digits, like a CPF; it takes a context word to tell them apart. */
export const cnhRule: IdentifierRule = {
  type: "BR_CNH",
  pattern: /\d{9}-?\d{2}/g,
  context: wordsPattern([
    "cnh",
    "habilitacao",
    "carteira de motorista",
    "carteira nacional de habilitacao",
    "registro da cnh",
  ]),
  inRecords: true,
  check: (candidate) => (isValidCnh(compactOf(candidate)) ? "passed" : "failed"),
  shape: () => "weak",
};

/** RG: each state numbers its own, with no common check digit: context only. */
export const rgRule: IdentifierRule = {
  type: "BR_RG",
  pattern: /(?:[A-Z]{2}-?)?\d{1,2}\.?\d{3}\.?\d{3}(?:-?[\dXx])?/g,
  context: wordsPattern([
    "rg",
    "r.g.",
    "identidade",
    "carteira de identidade",
    "registro geral",
    "cedula de identidade",
  ]),
  inRecords: true,
  check: noCheck,
  shape: () => "weak",
};

/** CEP: 01310-100 is also any number with a hyphen; only "CEP" before it says it is one. */
export const cepRule: IdentifierRule = {
  type: "BR_CEP",
  pattern: /\d{2}\.?\d{3}-?\d{3}/g,
  context: wordsPattern(["cep", "c.e.p.", "codigo postal"]),
  inRecords: true,
  // "Porto Alegre - RS, 90570-010", "Recife/PE 50030-230": right after a state's code, or after
  // a street address's number ("Av. Brasil 500, 22748-664 Rio de Janeiro").
  placed: (text, { start }) =>
    afterStateCode(text.slice(Math.max(0, start - 24), start)) ||
    afterStreetNumber.test(text.slice(Math.max(0, start - 80), start)),
  check: noCheck,
  shape: () => "weak",
};

/** The 27 federative units' codes. */
const stateCodes =
  "AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO";
/** A city, a dash or slash and its state's code, in any case ("florianópolis - sc, "). */
const cityDashState = new RegExp(`\\p{L}(?: ?[-/] ?| - )(?:${stateCodes})[ ,;-]*$`, "iu");
/** A city, a comma and its state's code in capitals ("Belém, PA, "). */
const cityCommaState = new RegExp(`\\p{L}, ?(?:${stateCodes})(?:, ?| - | )$`, "u");

/**
 * A street type, its name and number, and at most a flat or a neighbourhood, on the same line:
 * "Rua das Flores, 45, ", "Av. Brasil 500 - ", "R. Sete 12, apto 3, Centro, ".
 */
const afterStreetNumber =
  /(?:^|[^\p{L}])(?:rua|r\.|av\.?|avenida|travessa|tv\.|alameda|al\.|praça|pça\.|estrada|rodovia)[ \t][^\n]{1,50}?[ \t,]\d{1,5}[A-Za-z]?(?:[ \t]*[,-][ \t]*[^\n,\d-]{1,30}){0,2}[ \t]*[,-]?[ \t]*$/iu;

function afterStateCode(before: string): boolean {
  return cityDashState.test(before) || cityCommaState.test(before);
}

export const brazilDetector = identifierDetector([
  cpfRule,
  cnpjRule,
  pisRule,
  cnhRule,
  rgRule,
  cepRule,
]);
