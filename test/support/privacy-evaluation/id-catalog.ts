/**
 * The identifiers of the evaluation sets: how to make a valid one, the words people write before
 * it in each language, and how many lines of each a set holds.
 */
import * as generate from "../pii-generators.js";
import type { SeededRandom } from "../pii-generators.js";
import type { SpanType } from "./render-template.js";

export type Language = "es" | "pt";

export interface IdKind {
  type: SpanType;
  /** Which sentences carry it: Brazilian identifiers are written in Portuguese. */
  languages: readonly Language[];
  labels: readonly string[];
  /** Lines per set. */
  lines: number;
  /** Written without any word naming it still counts as personal (it stands out by its shape). */
  standsAlone: boolean;
  make: (random: SeededRandom) => string;
}

export const idKinds: readonly IdKind[] = [
  {
    type: "BR_CPF",
    languages: ["pt"],
    labels: ["CPF", "cpf", "C.P.F."],
    lines: 42,
    standsAlone: true,
    make: (random) => generate.cpf(random, random.next() < 0.8).text,
  },
  {
    type: "BR_CNPJ",
    languages: ["pt"],
    labels: ["CNPJ", "cnpj"],
    lines: 30,
    standsAlone: true,
    make: (random) =>
      generate.cnpj(random, { formatted: random.next() < 0.8, alphanumeric: random.next() < 0.2 })
        .text,
  },
  {
    type: "BR_PIS",
    languages: ["pt"],
    labels: ["PIS", "PIS/PASEP", "NIT"],
    lines: 8,
    standsAlone: false,
    make: (random) => generate.pis(random).text,
  },
  {
    type: "BR_CNH",
    languages: ["pt"],
    labels: ["CNH", "registro da CNH"],
    lines: 8,
    standsAlone: false,
    make: (random) => generate.cnh(random).text,
  },
  {
    type: "MX_CURP",
    languages: ["es"],
    labels: ["CURP", "curp"],
    lines: 24,
    standsAlone: true,
    make: (random) => generate.curp(random).text,
  },
  {
    type: "MX_RFC",
    languages: ["es"],
    labels: ["RFC", "R.F.C."],
    lines: 20,
    standsAlone: false,
    make: (random) => generate.rfc(random).text,
  },
  {
    type: "MX_CLABE",
    languages: ["es"],
    labels: ["CLABE", "clabe interbancaria", "CLABE"],
    lines: 18,
    standsAlone: false,
    make: (random) =>
      random.boolean() ? generate.clabeOutsideBankList(random).text : generate.clabe(random).text,
  },
  {
    type: "CL_RUT",
    languages: ["es"],
    labels: ["RUT", "RUN", "rut"],
    lines: 24,
    standsAlone: false,
    make: (random) => generate.rut(random).text,
  },
  {
    type: "AR_CUIT",
    languages: ["es"],
    labels: ["CUIT", "CUIL", "cuil"],
    lines: 20,
    standsAlone: false,
    make: (random) => generate.cuit(random).text,
  },
  {
    type: "CO_NIT",
    languages: ["es"],
    labels: ["NIT", "nit"],
    lines: 16,
    standsAlone: false,
    make: (random) => generate.nit(random).text,
  },
  {
    type: "PE_DNI",
    languages: ["es"],
    labels: ["DNI", "D.N.I."],
    lines: 16,
    standsAlone: false,
    make: (random) => generate.peruDni(random).text,
  },
  {
    type: "PE_RUC",
    languages: ["es"],
    labels: ["RUC"],
    lines: 6,
    standsAlone: false,
    make: (random) => generate.peruRuc(random).text,
  },
  {
    type: "MX_INE",
    languages: ["es"],
    labels: ["clave de elector", "clave de elector INE"],
    lines: 5,
    standsAlone: false,
    make: (random) => generate.ine(random).text,
  },
  {
    type: "EC_CEDULA",
    languages: ["es"],
    labels: ["cédula", "C.I."],
    lines: 5,
    standsAlone: false,
    make: (random) => generate.ecuadorCedula(random).text,
  },
  {
    type: "UY_CEDULA",
    languages: ["es"],
    labels: ["cédula", "CI"],
    lines: 4,
    standsAlone: false,
    make: (random) => generate.uruguayCedula(random).text,
  },
  {
    type: "VE_RIF",
    languages: ["es"],
    labels: ["RIF"],
    lines: 4,
    standsAlone: false,
    make: (random) => generate.rif(random).text,
  },
  {
    type: "PY_RUC",
    languages: ["es"],
    labels: ["RUC"],
    lines: 4,
    standsAlone: false,
    make: (random) => generate.paraguayRuc(random).text,
  },
  {
    type: "CARD",
    languages: ["es", "pt"],
    labels: ["tarjeta", "cartão", "cartao"],
    lines: 20,
    standsAlone: true,
    make: (random) => generate.card(random).text,
  },
];

/** Which of a kind's labels fit a language (Portuguese words in pt, the rest in es). */
export function labelsFor(kind: IdKind, language: Language): readonly string[] {
  if (kind.type !== "CARD") return kind.labels;
  return language === "pt" ? ["cartão", "cartao", "cartão de crédito"] : ["tarjeta", "TDC"];
}
