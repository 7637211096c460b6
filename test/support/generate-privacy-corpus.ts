/**
 * Writes the privacy scanner's corpora from the seeded generators plus hand-written sentences:
 *
 * - test/fixtures/privacy/positives.jsonl: `{"text", "expected": [{"type", "value"}]}`, every
 *   expected value a valid identifier as written in the text;
 * - test/fixtures/privacy/near-misses.jsonl: `{"text", "type", "value"}`, the value one digit
 *   away from a valid identifier (its check character changed, or a digit in the middle).
 *
 * The seed is fixed, so a run rewrites the same files. Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/corpus --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node test/support/generate-privacy-corpus.ts
 *   node .colibri-test/corpus/test/support/generate-privacy-corpus.js
 */
import { writeFileSync } from "node:fs";
import stdnumPackage from "stdnum";
import { isValidCnh, isValidPis } from "../../src/privacy/detectors/check-digits.js";
import type { PiiType } from "../../src/core/pii-types.js";
import * as generate from "./pii-generators.js";
import { SeededRandom, type GeneratedValue } from "./pii-generators.js";

interface Expected {
  type: PiiType;
  value: string;
}

interface PositiveLine {
  text: string;
  expected: Expected[];
}

const random = new SeededRandom(20_241_202);

/** Sentences with one slot `{}`; the first list is the ones a context word introduces. */
interface Templates {
  withContext: readonly string[];
  /** Sentences with no word naming the identifier: only for types that stand alone. */
  withoutContext: readonly string[];
}

const portuguese = (word: string): Templates => ({
  withContext: [
    `Meu ${word} é {}.`,
    `${word}: {}`,
    `Segue o ${word} {} para o cadastro.`,
    `Por favor, confirme o ${word} {}, obrigado!`,
    `O cliente informou ${word} {} no atendimento de ontem.`,
    `${word} do titular: {}; favor validar.`,
    `Pode atualizar o ${word} para {}?`,
  ],
  withoutContext: [
    `{}`,
    `Dados do cliente: {}.`,
    `Oi, tudo bem? Anota aí: {}`,
    `O número que você pediu é {}, qualquer coisa me avisa.`,
    `Cadastro atualizado ({}) às 10h.`,
    `{} — esse é o meu.`,
  ],
});

const spanish = (word: string): Templates => ({
  withContext: [
    `Mi ${word} es {}.`,
    `${word}: {}`,
    `Adjunto el ${word} {} para el registro.`,
    `Por favor, confirme el ${word} {}, gracias.`,
    `El cliente indicó ${word} {} en la llamada de ayer.`,
    `${word} del titular: {}; favor de validar.`,
    `¿Puede actualizar el ${word} a {}?`,
  ],
  withoutContext: [
    `{}`,
    `Datos del cliente: {}.`,
    `Hola, ¿cómo estás? Anota: {}`,
    `El número que pediste es {}, cualquier cosa me avisas.`,
    `Registro actualizado ({}) a las 10 h.`,
    `{} — ese es el mío.`,
  ],
});

interface TypeSource {
  type: PiiType;
  make: () => GeneratedValue;
  templates: Templates;
  /** Whether it counts without a context word (a check digit in a telling shape, or a structure). */
  standsAlone: boolean;
}

const sources: TypeSource[] = [
  {
    type: "BR_CPF",
    make: () => generate.cpf(random),
    templates: portuguese("CPF"),
    standsAlone: true,
  },
  {
    type: "BR_CNPJ",
    make: () => generate.cnpj(random),
    templates: portuguese("CNPJ"),
    standsAlone: true,
  },
  {
    type: "BR_CNPJ",
    make: () => generate.cnpj(random, { alphanumeric: true, formatted: true }),
    templates: portuguese("CNPJ"),
    standsAlone: true,
  },
  {
    type: "BR_PIS",
    make: () => generate.pis(random),
    templates: portuguese("PIS"),
    standsAlone: false,
  },
  {
    type: "BR_CNH",
    make: () => generate.cnh(random),
    templates: portuguese("CNH"),
    standsAlone: false,
  },
  {
    type: "MX_CURP",
    make: () => generate.curp(random),
    templates: spanish("CURP"),
    standsAlone: true,
  },
  {
    type: "MX_RFC",
    make: () => generate.rfc(random),
    templates: spanish("RFC"),
    standsAlone: true,
  },
  {
    type: "MX_RFC",
    make: () => generate.rfc(random, { validCheck: false }),
    templates: spanish("RFC"),
    standsAlone: true,
  },
  {
    type: "MX_CLABE",
    make: () => generate.clabe(random),
    templates: spanish("CLABE"),
    standsAlone: true,
  },
  {
    type: "MX_INE",
    make: () => generate.ine(random),
    templates: spanish("clave de elector"),
    standsAlone: true,
  },
  {
    type: "AR_CUIT",
    make: () => generate.cuit(random),
    templates: spanish("CUIT"),
    standsAlone: true,
  },
  {
    type: "CL_RUT",
    make: () => generate.rut(random),
    templates: spanish("RUT"),
    standsAlone: true,
  },
  {
    type: "CO_NIT",
    make: () => generate.nit(random),
    templates: spanish("NIT"),
    standsAlone: true,
  },
  {
    type: "PE_RUC",
    make: () => generate.peruRuc(random),
    templates: spanish("RUC"),
    standsAlone: true,
  },
  {
    type: "EC_CEDULA",
    make: () => generate.ecuadorCedula(random),
    templates: spanish("cédula"),
    standsAlone: true,
  },
  {
    type: "EC_RUC",
    make: () => generate.ecuadorRuc(random),
    templates: spanish("RUC"),
    standsAlone: true,
  },
  {
    type: "UY_CEDULA",
    make: () => generate.uruguayCedula(random, true),
    templates: spanish("cédula"),
    standsAlone: true,
  },
  {
    type: "UY_RUT",
    make: () => generate.uruguayRut(random),
    templates: spanish("RUT"),
    standsAlone: true,
  },
  {
    type: "VE_RIF",
    make: () => generate.rif(random),
    templates: spanish("RIF"),
    standsAlone: true,
  },
  {
    type: "PY_RUC",
    make: () => generate.paraguayRuc(random),
    templates: spanish("RUC"),
    standsAlone: false,
  },
  {
    type: "CARD",
    make: () => generate.card(random, true),
    templates: spanish("tarjeta"),
    standsAlone: true,
  },
  {
    type: "CARD",
    make: () => generate.card(random, true),
    templates: portuguese("cartão"),
    standsAlone: true,
  },
  {
    type: "PHONE",
    make: () => generate.phone(random),
    templates: spanish("teléfono"),
    standsAlone: true,
  },
  {
    type: "PHONE",
    make: () => generate.phone(random),
    templates: portuguese("telefone"),
    standsAlone: true,
  },
];

/** Identifiers with no check digit: written by hand, always after their context word. */
const contextOnly: { type: PiiType; make: () => string; templates: Templates }[] = [
  {
    type: "BR_RG",
    make: () =>
      `${random.integer(10, 59)}.${random.digits(3)}.${random.digits(3)}-${random.digits(1)}`,
    templates: portuguese("RG"),
  },
  {
    type: "BR_CEP",
    make: () => `${random.integer(10, 99)}${random.digits(3)}-${random.digits(3)}`,
    templates: portuguese("CEP"),
  },
  {
    type: "AR_DNI",
    make: () => `${random.integer(10, 45)}.${random.digits(3)}.${random.digits(3)}`,
    templates: spanish("DNI"),
  },
  {
    type: "CO_CEDULA",
    make: () => `1.0${random.digits(2)}.${random.digits(3)}.${random.digits(3)}`,
    templates: spanish("cédula"),
  },
  {
    type: "VE_CEDULA",
    make: () => `V-${random.integer(10, 30)}.${random.digits(3)}.${random.digits(3)}`,
    templates: spanish("cédula"),
  },
];

function fill(template: string, value: string): { text: string; start: number } {
  const start = template.indexOf("{}");
  return { text: template.replace("{}", value), start };
}

const positives: PositiveLine[] = [];

for (const source of sources) {
  for (let index = 0; index < 30; index++) {
    const value = source.make();
    const pool =
      source.standsAlone && index % 2 === 1
        ? source.templates.withoutContext
        : source.templates.withContext;
    positives.push({
      text: fill(random.pick(pool), value.text).text,
      expected: [{ type: value.type, value: value.text }],
    });
  }
}
for (const source of contextOnly) {
  for (let index = 0; index < 20; index++) {
    const value = source.make();
    positives.push({
      text: fill(random.pick(source.templates.withContext), value).text,
      expected: [{ type: source.type, value }],
    });
  }
}

const names = ["ana", "joao.silva", "maria_fernanda", "carlos.pereira", "lucia", "pedro23"];
const domains = ["example.com", "correo.mx", "empresa.com.br", "mail.cl", "uni.edu.co"];
for (let index = 0; index < 30; index++) {
  const email = `${random.pick(names)}${random.integer(1, 99)}@${random.pick(domains)}`;
  const template = random.pick([
    "Escreva para {} e responderemos em 24 horas.",
    "Mi correo es {}",
    "{} é o meu e-mail.",
    "Contacto: {}.",
  ]);
  positives.push({ text: fill(template, email).text, expected: [{ type: "EMAIL", value: email }] });
}

// Two identifiers in one message.
for (let index = 0; index < 20; index++) {
  const person = generate.cpf(random, true);
  const telephone = generate.phone(random, "BR");
  positives.push({
    text: `Olá, meu CPF é ${person.text} e meu celular ${telephone.text}. Obrigado!`,
    expected: [
      { type: "BR_CPF", value: person.text },
      { type: "PHONE", value: telephone.text },
    ],
  });
  const tax = generate.rfc(random);
  const account = generate.clabe(random);
  positives.push({
    text: `RFC ${tax.text}, cuenta CLABE ${account.text}.`,
    expected: [
      { type: "MX_RFC", value: tax.text },
      { type: "MX_CLABE", value: account.text },
    ],
  });
  const chilean = generate.rut(random, "dotted");
  const email = `${random.pick(names)}@${random.pick(domains)}`;
  positives.push({
    text: `${chilean.text} es mi RUT y ${email} mi correo`,
    expected: [
      { type: "CL_RUT", value: chilean.text },
      { type: "EMAIL", value: email },
    ],
  });
}

// Published examples (python-stdnum's tests, the authorities' documentation, Wikipedia).
const published: PositiveLine[] = [
  { text: "CPF 390.533.447-05", expected: [{ type: "BR_CPF", value: "390.533.447-05" }] },
  {
    text: "A empresa (CNPJ 16.727.230/0001-97) emitiu a nota.",
    expected: [{ type: "BR_CNPJ", value: "16.727.230/0001-97" }],
  },
  {
    text: "Novo CNPJ alfanumérico: 12.ABC.345/01DE-35.",
    expected: [{ type: "BR_CNPJ", value: "12.ABC.345/01DE-35" }],
  },
  { text: "CNH nº 58316794534", expected: [{ type: "BR_CNH", value: "58316794534" }] },
  {
    text: "CURP: BOXW310820HNERXN09",
    expected: [{ type: "MX_CURP", value: "BOXW310820HNERXN09" }],
  },
  {
    text: "RFC GODE561231GR8 y RFC de la empresa MAB9307148T4.",
    expected: [
      { type: "MX_RFC", value: "GODE561231GR8" },
      { type: "MX_RFC", value: "MAB9307148T4" },
    ],
  },
  {
    text: "Deposite en la CLABE 032180000118359719 antes del viernes.",
    expected: [{ type: "MX_CLABE", value: "032180000118359719" }],
  },
  { text: "CUIT 20-05536168-2", expected: [{ type: "AR_CUIT", value: "20-05536168-2" }] },
  { text: "RUT 76086428-5", expected: [{ type: "CL_RUT", value: "76086428-5" }] },
  { text: "NIT 213.123.432-1", expected: [{ type: "CO_NIT", value: "213.123.432-1" }] },
  { text: "RUC 20512333797", expected: [{ type: "PE_RUC", value: "20512333797" }] },
  { text: "Cédula 1714307103", expected: [{ type: "EC_CEDULA", value: "1714307103" }] },
  { text: "RUC 1792060346-001", expected: [{ type: "EC_RUC", value: "1792060346-001" }] },
  { text: "RUT 21-100342-001-7", expected: [{ type: "UY_RUT", value: "21-100342-001-7" }] },
  { text: "RIF V-11470283-4", expected: [{ type: "VE_RIF", value: "V-11470283-4" }] },
  { text: "RUC 80028061-0", expected: [{ type: "PY_RUC", value: "80028061-0" }] },
  {
    text: "Pagué con la Visa 4111 1111 1111 1111.",
    expected: [{ type: "CARD", value: "4111 1111 1111 1111" }],
  },
];
positives.push(...published);

interface NearMissLine {
  text: string;
  type: PiiType;
  value: string;
}

/** Whether a changed value is still valid (a check digit can miss a change): those are dropped. */
function stillValid(type: PiiType, compact: string): boolean {
  const { stdnum } = stdnumPackage;
  const validator: Partial<Record<PiiType, (value: string) => boolean>> = {
    BR_CPF: (value) => stdnum.BR?.cpf?.validate(value).isValid ?? false,
    BR_CNPJ: (value) => stdnum.BR?.cnpj?.validate(value).isValid ?? false,
    BR_PIS: isValidPis,
    BR_CNH: isValidCnh,
    MX_CURP: (value) => stdnum.MX?.curp?.validate(value).isValid ?? false,
    MX_CLABE: (value) => stdnum.MX?.clabe?.validate(value).isValid ?? false,
    AR_CUIT: (value) => stdnum.AR?.cuit?.validate(value).isValid ?? false,
    CL_RUT: (value) => stdnum.CL?.rut?.validate(value).isValid ?? false,
    CO_NIT: (value) => stdnum.CO?.nit?.validate(value).isValid ?? false,
    PE_RUC: (value) => stdnum.PE?.ruc?.validate(value).isValid ?? false,
    EC_CEDULA: (value) => stdnum.EC?.ci?.validate(value).isValid ?? false,
    EC_RUC: (value) => stdnum.EC?.ruc?.validate(value).isValid ?? false,
    UY_CEDULA: (value) => stdnum.UY?.cedula?.validate(value.padStart(8, "0")).isValid ?? false,
    UY_RUT: (value) => stdnum.UY?.rut?.validate(value).isValid ?? false,
    VE_RIF: (value) => stdnum.VE?.rif?.validate(value).isValid ?? false,
    PY_RUC: (value) => stdnum.PY?.ruc?.validate(value).isValid ?? false,
    CARD: (value) => /^\d+$/.test(value) && luhnValid(value),
  };
  return validator[type]?.(compact) ?? false;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  Array.from(digits)
    .reverse()
    .forEach((character, index) => {
      const doubled = index % 2 === 1 ? Number(character) * 2 : Number(character);
      sum += doubled > 9 ? doubled - 9 : doubled;
    });
  return sum % 10 === 0;
}

const nearMisses: NearMissLine[] = [];
// RFC (its check digit never rejects), INE (none) and phones are left out.
const checked = sources.filter((source) => !["MX_RFC", "MX_INE", "PHONE"].includes(source.type));
for (const source of checked) {
  for (let index = 0; index < 20; index++) {
    const value = source.make();
    const wrong =
      index % 2 === 0
        ? generate.withCheckDigitOff(random, value.text)
        : generate.withOneDigitOff(random, value.text);
    if (stillValid(value.type, wrong.replace(/[^0-9A-Za-z]/g, "").toUpperCase())) continue;
    nearMisses.push({
      text: fill(random.pick(source.templates.withContext), wrong).text,
      type: value.type,
      value: wrong,
    });
  }
}

const directory = "test/fixtures/privacy";
writeFileSync(
  `${directory}/positives.jsonl`,
  positives.map((line) => JSON.stringify(line)).join("\n") + "\n",
);
writeFileSync(
  `${directory}/near-misses.jsonl`,
  nearMisses.map((line) => JSON.stringify(line)).join("\n") + "\n",
);
console.log(`${positives.length} positives, ${nearMisses.length} near misses in ${directory}`);
