/**
 * Writes test/fixtures/privacy/evaluation/heldout3.jsonl: a third held-out set, for measuring the
 * privacy guard only (never tuned on), from sentences written by someone who had read neither the
 * detectors nor the other evaluation sets or their templates. Names, addresses, health and the
 * negatives are hand-written in heldout3-content-frames.ts and heldout3-negative-frames.ts; the
 * identifier frames in heldout3-identifier-frames.ts take their values from the seeded generators
 * of test/support/pii-generators.ts (RG, Argentine DNI, Colombian and Venezuelan cédula, which
 * have none there, are made below). The seed is fixed, so a run rewrites the same file. Run from
 * the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/heldout3 --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node \
 *     test/support/privacy-evaluation/heldout3-sentences.ts
 *   node .colibri-test/heldout3/test/support/privacy-evaluation/heldout3-sentences.js
 *   rm -rf .colibri-test/heldout3
 */
import { writeFileSync } from "node:fs";
import type { PiiType } from "../../../src/core/pii-types.js";
import {
  evaluationLineSchema,
  type EvaluationLine,
  type EvaluationSpan,
} from "../../../tools/bench/privacy-evaluation-line.js";
import * as gen from "../pii-generators.js";
import { SeededRandom } from "../pii-generators.js";
import { contentFrames, type Frame } from "./heldout3-content-frames.js";
import { identifierFrames } from "./heldout3-identifier-frames.js";
import { negativeFrames } from "./heldout3-negative-frames.js";

const random = new SeededRandom(0x4e1d3);

// ----- values the generators do not make ------------------------------------------------------

function dotted(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ".");
}

/** São Paulo's RG: eight digits and a mod-11 check (X for 10), written "24.678.913-1". */
function rg(): string {
  const body = String(random.integer(10_000_000, 59_999_999));
  const sum = Array.from(body).reduce(
    (total, digit, index) => total + Number(digit) * (index + 2),
    0,
  );
  const check = sum % 11 === 10 ? "X" : String(sum % 11);
  return `${body.slice(0, 2)}.${body.slice(2, 5)}.${body.slice(5)}-${check}`;
}

function argentineDni(): string {
  return dotted(String(random.integer(14_000_000, 46_999_999)));
}

function colombianCedula(): string {
  return random.boolean()
    ? dotted(`10${random.digits(8)}`)
    : dotted(String(random.integer(19_000_000, 98_999_999)));
}

function venezuelanCedula(): string {
  return `${random.pick(["V", "V", "E"])}-${dotted(String(random.integer(5_000_000, 29_999_999)))}`;
}

function cep(): string {
  return `${random.integer(1, 9)}${random.digits(4)}-${random.digits(3)}`;
}

const mailboxes = [
  "marce.lopez",
  "jhon_r88",
  "kaua.souza",
  "fer.quintana",
  "lu.amaral",
  "dianitapr",
];
const domains = [
  "gmail.com",
  "hotmail.com",
  "yahoo.com.mx",
  "outlook.com",
  "uol.com.br",
  "live.cl",
];

function email(): string {
  return `${random.pick(mailboxes)}${random.integer(1, 99)}@${random.pick(domains)}`;
}

/** "ana arroba gmail punto com", as people write to dodge spam filters. */
function emailInWords(dot: " punto " | " ponto "): string {
  const [mailbox, domain] = email().split("@");
  return `${mailbox ?? ""} arroba ${(domain ?? "").split(".").join(dot)}`;
}

/** A generated value by the name a frame gives it. */
const values: Record<string, () => { type: PiiType; text: string }> = {
  cpf: () => gen.cpf(random, true),
  cpfPlain: () => gen.cpf(random, false),
  cnpj: () => gen.cnpj(random, { formatted: true }),
  cnpjAlpha: () => gen.cnpj(random, { alphanumeric: true, formatted: true }),
  pis: () => gen.pis(random, true),
  cnh: () => gen.cnh(random),
  rg: () => ({ type: "BR_RG", text: rg() }),
  curp: () => gen.curp(random),
  rfc: () => gen.rfc(random),
  clabe: () => gen.clabe(random),
  ine: () => gen.ine(random),
  cuit: () => gen.cuit(random, true),
  dniAr: () => ({ type: "AR_DNI", text: argentineDni() }),
  rut: () => gen.rut(random, "dotted"),
  nit: () => gen.nit(random, true),
  cedulaCo: () => ({ type: "CO_CEDULA", text: colombianCedula() }),
  rucPe: () => gen.peruRuc(random),
  dniPe: () => gen.peruDni(random),
  cedulaEc: () => gen.ecuadorCedula(random),
  rucEc: () => gen.ecuadorRuc(random),
  cedulaUy: () => gen.uruguayCedula(random, true),
  rutUy: () => gen.uruguayRut(random),
  cedulaVe: () => ({ type: "VE_CEDULA", text: venezuelanCedula() }),
  rif: () => gen.rif(random, true),
  rucPy: () => gen.paraguayRuc(random),
  cep: () => ({ type: "BR_CEP", text: cep() }),
  email: () => ({ type: "EMAIL", text: email() }),
  emailInWordsEs: () => ({ type: "EMAIL", text: emailInWords(" punto ") }),
  emailInWordsPt: () => ({ type: "EMAIL", text: emailInWords(" ponto ") }),
  card: () => gen.card(random, true),
  cardPlain: () => gen.card(random, false),
  phoneBr: () => gen.phone(random, "BR", false),
  phoneBrIntl: () => gen.phone(random, "BR", true),
  phoneMx: () => gen.phone(random, "MX"),
  phoneAr: () => gen.phone(random, "AR"),
  phoneCl: () => gen.phone(random, "CL"),
  phoneCo: () => gen.phone(random, "CO"),
  phonePe: () => gen.phone(random, "PE"),
};

/** How a frame asks a value to be written: `{{cpf|spaces}}`. */
const writtenForms: Record<string, (text: string) => string> = {
  spaces: (text) => text.replace(/[.\-/]/g, " ").replace(/ {2,}/g, " "),
  dashes: (text) => text.replace(/[. /]/g, "-"),
  compact: (text) => text.replace(/[^0-9A-Za-z]/g, ""),
  lower: (text) => text.toLowerCase(),
};

/** Hand-written spans: `[[N|Rosa Mamani]]`. */
const markedTypes: Record<string, PiiType> = {
  N: "PERSON_NAME",
  A: "STREET_ADDRESS",
  H: "HEALTH",
  C: "BR_CEP",
  E: "EMAIL",
};

const marker = /\[\[([A-Z])\|([^\]]+)\]\]|\{\{(\w+)(?:\|(\w+))?\}\}/g;

/** The frame's text with its markers filled, and the spans of what they held. */
function render(frame: string): { text: string; spans: EvaluationSpan[] } {
  let text = "";
  const spans: EvaluationSpan[] = [];
  let last = 0;
  for (const match of frame.matchAll(marker)) {
    text += frame.slice(last, match.index);
    last = match.index + match[0].length;
    let type: PiiType;
    let value: string;
    if (match[1] !== undefined && match[2] !== undefined) {
      const marked = markedTypes[match[1]];
      if (marked === undefined) throw new Error(`unknown marker ${match[1]} in ${frame}`);
      type = marked;
      value = match[2];
    } else {
      const make = values[match[3] ?? ""];
      if (make === undefined) throw new Error(`unknown value ${match[3]} in ${frame}`);
      const made = make();
      type = made.type;
      const form = match[4] === undefined ? undefined : writtenForms[match[4]];
      if (match[4] !== undefined && form === undefined) throw new Error(`unknown form ${match[4]}`);
      value = form === undefined ? made.text : form(made.text);
    }
    spans.push({ type, start: text.length, end: text.length + value.length });
    text += value;
  }
  text += frame.slice(last);
  return { text, spans };
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.integer(0, index);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** Each identifier frame is written twice, with other values; the rest once. */
const frames: Frame[] = [
  ...identifierFrames,
  ...identifierFrames,
  ...contentFrames,
  ...negativeFrames,
];

const lines: EvaluationLine[] = shuffled(frames).map((frame, index) => {
  const { text, spans } = render(frame.text);
  const kind = spans.length === 0 ? "negative" : "positive";
  if ((kind === "negative") !== frame.negative) throw new Error(`kind of ${frame.text}`);
  return evaluationLineSchema.parse({
    id: `heldout3-${String(index + 1).padStart(4, "0")}`,
    lang: frame.lang,
    kind,
    form: frame.form,
    text,
    spans,
  });
});

writeFileSync(
  "test/fixtures/privacy/evaluation/heldout3.jsonl",
  lines.map((line) => JSON.stringify(line)).join("\n") + "\n",
);
