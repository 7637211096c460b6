import { checkWith, identifierDetector, type IdentifierRule } from "./identifier-rule.js";
import { wordsPattern } from "./context-words.js";
import { stdnumValidate } from "./stdnum-validators.js";

const identityWords = ["documento", "identidade", "doc"];

export const cpfRule: IdentifierRule = {
  type: "BR_CPF",
  pattern: /\d{3}\.?\d{3}\.?\d{3}-?\d{2}/g,
  context: wordsPattern(["cpf", "c.p.f.", "cpf/mf", ...identityWords]),
  check: checkWith(stdnumValidate("BR", "cpf")),
  shape: ({ value }) => (/^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(value) ? "formatted" : "plain"),
};

export const cnpjRule: IdentifierRule = {
  type: "BR_CNPJ",
  pattern: /[\dA-Z]{2}\.?[\dA-Z]{3}\.?[\dA-Z]{3}\/?[\dA-Z]{4}-?\d{2}/g,
  context: wordsPattern(["cnpj", "c.n.p.j.", "cnpj/mf", "inscricao", "empresa"]),
  check: checkWith(stdnumValidate("BR", "cnpj")),
  shape: ({ value }) =>
    /^[\dA-Z]{2}\.[\dA-Z]{3}\.[\dA-Z]{3}\/[\dA-Z]{4}-\d{2}$/.test(value)
      ? "formatted"
      : /^\d+$/.test(value)
        ? "plain"
        : "weak",
};

export const brazilDetector = identifierDetector([cpfRule, cnpjRule]);
