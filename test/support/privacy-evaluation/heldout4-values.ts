/**
 * The values of the fourth held-out set (heldout4-sentences.ts): one seeded random source, one
 * generator per identifier type of the catalogue with the words people use for it in es and pt,
 * and the ways a value gets written when it is typed on a phone, pasted from a PDF or a
 * spreadsheet, or copied out of a web form (written forms, `writeAs`).
 */
import type { PiiType } from "../../../src/core/pii-types.js";
import * as gen from "../pii-generators.js";
import { SeededRandom } from "../pii-generators.js";
import { v, type Value } from "./heldout2-values.js";

export const random = new SeededRandom(0x5eed4);
export const pick = <T>(values: readonly T[]): T => random.pick(values);
export const chance = (probability: number): boolean => random.next() < probability;

/** One kind of value: how to make one, which language it is written in, and its labels. */
export interface ValueKind {
  type: PiiType;
  lang: "es" | "pt";
  labels: readonly string[];
  make: () => string;
  /** Whether it carries letters that people may type in lower case. */
  letters?: boolean;
}

const dotted = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ".");

function brazilPhone(): string {
  const area = pick(["11", "19", "21", "27", "31", "48", "62", "71", "81", "91", "98"]);
  const line = `9${random.integer(6, 9)}${random.digits(3)}-${random.digits(4)}`;
  return pick([
    `+55 ${area} ${line}`,
    `+55 (${area}) ${line}`,
    `+55${area}${line.replace("-", "")}`,
    `(${area}) ${line}`,
    `${area} ${line.replace("-", " ")}`,
    `0${area} ${line}`,
    `(0${area}) ${line.replace("-", "")}`,
  ]);
}

function spanishPhone(): string {
  const four = () => random.digits(4);
  return pick([
    () => `+52 ${pick(["55", "33", "81", "222", "998"])} ${random.digits(3)} ${four()}`,
    () => `+52 1 ${pick(["55", "33", "81"])} ${four()} ${four()}`,
    () => `+54 9 ${pick(["11", "351", "261", "341"])} ${random.digits(3)}-${four()}`,
    () => `011 15-${four()}-${four()}`,
    () => `+56 9 ${random.integer(3, 9)}${random.digits(3)} ${four()}`,
    () => `+569${random.digits(8)}`,
    () => `+57 3${random.integer(0, 5)}${random.digits(1)} ${random.digits(3)} ${four()}`,
    () => `3${random.integer(0, 2)}${random.digits(1)} ${random.digits(7)}`,
    () => `+51 9${random.digits(2)} ${random.digits(3)} ${random.digits(3)}`,
    () => `(+51) 9${random.digits(8)}`,
    () => `+58 ${pick(["412", "414", "424"])}-${random.digits(7)}`,
    () => `0${pick(["412", "414", "416", "426"])}-${random.digits(7)}`,
    () => `+598 9${random.integer(1, 9)} ${random.digits(3)} ${random.digits(3)}`,
    () => `+593 9${random.integer(5, 9)} ${random.digits(3)} ${four()}`,
    () => `+595 9${pick(["61", "71", "81", "82", "91"])} ${random.digits(6)}`,
    () => `+591 7${random.digits(7)}`,
    () => `+506 ${random.integer(6, 8)}${random.digits(3)}-${four()}`,
    () => `+502 ${random.integer(3, 5)}${random.digits(3)} ${four()}`,
    () => `+503 7${random.digits(3)}-${four()}`,
    () => `0052 ${pick(["55", "33"])} ${four()} ${four()}`,
  ])();
}

const mailUsers = [
  "lupita.mtz",
  "cris_duarte",
  "edu.ferraz",
  "mafe.ospina",
  "jota.pe",
  "aline.r.souza",
  "rocio.v",
  "tati_menezes",
  "kike.salas",
  "gabi.ortega",
  "joaquimfilho",
  "paty.lopez",
];
const mailHosts = [
  "gmail.com",
  "hotmail.com",
  "outlook.com.br",
  "yahoo.com.ar",
  "uol.com.br",
  "prodigy.net.mx",
  "vtr.net",
  "etb.net.co",
  "correo.ugr.es",
  "ig.com.br",
];

function email(): string {
  const user = `${pick(mailUsers)}${chance(0.5) ? String(random.integer(1, 99)) : ""}`;
  const host = pick(mailHosts);
  return pick([
    () => `${user}@${host}`,
    () => `${user}@${host}`.toUpperCase(),
    () => `${user}＠${host}`,
    () => `${user} [at] ${host.replace(/\./g, " [dot] ")}`,
    () => `${user}(at)${host}`,
    () => `${user} @ ${host}`,
    () => `${user}@${host}`,
  ])();
}

function card(): string {
  const compact = gen.card(random, false).text;
  const groups = compact.length === 15 ? [4, 6, 5] : [4, 4, 4, 4];
  let at = 0;
  const parts = groups.map((size) => compact.slice(at, (at += size)));
  return pick([compact, parts.join(" "), parts.join("."), parts.join("-"), parts.join("  ")]);
}

/** Every identifier type the catalogue knows, with the words people write before it. */
export const kinds: readonly ValueKind[] = [
  {
    type: "BR_CPF",
    lang: "pt",
    labels: ["CPF", "cpf", "C.P.F.", "Cpf"],
    make: () => gen.cpf(random).text,
  },
  {
    type: "BR_CNPJ",
    lang: "pt",
    labels: ["CNPJ", "cnpj"],
    make: () => gen.cnpj(random, { alphanumeric: chance(0.15) }).text,
    letters: true,
  },
  {
    type: "BR_PIS",
    lang: "pt",
    labels: ["PIS", "PIS/PASEP", "NIS", "nº do PIS", "pis"],
    make: () => gen.pis(random).text,
  },
  {
    type: "BR_CNH",
    lang: "pt",
    labels: ["CNH", "registro da CNH", "habilitação", "cnh"],
    make: () => gen.cnh(random).text,
  },
  {
    type: "BR_RG",
    lang: "pt",
    labels: ["RG", "rg", "identidade", "R.G."],
    make: () => gen.rg(random).text,
  },
  {
    type: "BR_CEP",
    lang: "pt",
    labels: ["CEP", "cep", "C.E.P."],
    make: () => {
      const digits = `${random.integer(0, 9)}${random.digits(7)}`;
      return pick([
        `${digits.slice(0, 5)}-${digits.slice(5)}`,
        digits,
        `${digits.slice(0, 2)}.${digits.slice(2, 5)}-${digits.slice(5)}`,
      ]);
    },
  },
  {
    type: "MX_CURP",
    lang: "es",
    labels: ["CURP", "curp", "Curp"],
    make: () => gen.curp(random).text,
    letters: true,
  },
  {
    type: "MX_RFC",
    lang: "es",
    labels: ["RFC", "rfc", "R.F.C."],
    make: () => gen.rfc(random).text,
    letters: true,
  },
  {
    type: "MX_CLABE",
    lang: "es",
    labels: ["CLABE", "clabe", "cuenta CLABE", "clabe interbancaria"],
    make: () => (chance(0.5) ? gen.clabe(random) : gen.clabeOutsideBankList(random)).text,
  },
  {
    type: "MX_INE",
    lang: "es",
    labels: ["clave de elector", "INE", "clave elector", "credencial INE"],
    make: () => gen.ine(random).text,
    letters: true,
  },
  {
    type: "AR_CUIT",
    lang: "es",
    labels: ["CUIT", "CUIL", "cuil", "cuit"],
    make: () => gen.cuit(random).text,
  },
  {
    type: "AR_DNI",
    lang: "es",
    labels: ["DNI", "dni", "D.N.I."],
    make: () => {
      const digits = String(random.integer(5_000_000, 46_999_999));
      return chance(0.5) ? dotted(digits) : digits;
    },
  },
  {
    type: "CL_RUT",
    lang: "es",
    labels: ["RUT", "rut", "RUN", "Rut"],
    make: () => gen.rut(random).text,
    letters: true,
  },
  { type: "CO_NIT", lang: "es", labels: ["NIT", "nit"], make: () => gen.nit(random).text },
  {
    type: "CO_CEDULA",
    lang: "es",
    labels: ["cédula", "CC", "C.C.", "cedula", "cédula de ciudadanía"],
    make: () => {
      const digits = chance(0.5)
        ? String(random.integer(10_000_000, 99_999_999))
        : `10${random.digits(8)}`;
      return chance(0.5) ? dotted(digits) : digits;
    },
  },
  { type: "PE_RUC", lang: "es", labels: ["RUC", "ruc"], make: () => gen.peruRuc(random).text },
  {
    type: "PE_DNI",
    lang: "es",
    labels: ["DNI", "dni", "D.N.I."],
    make: () => gen.peruDni(random).text,
  },
  {
    type: "EC_CEDULA",
    lang: "es",
    labels: ["cédula", "CI", "cedula", "C.I."],
    make: () => gen.ecuadorCedula(random).text,
  },
  { type: "EC_RUC", lang: "es", labels: ["RUC", "ruc"], make: () => gen.ecuadorRuc(random).text },
  {
    type: "UY_CEDULA",
    lang: "es",
    labels: ["CI", "C.I.", "cédula", "cedula"],
    make: () => gen.uruguayCedula(random).text,
  },
  { type: "UY_RUT", lang: "es", labels: ["RUT", "rut"], make: () => gen.uruguayRut(random).text },
  {
    type: "VE_CEDULA",
    lang: "es",
    labels: ["cédula", "C.I.", "CI", "cedula"],
    make: () => {
      const letter = chance(0.85) ? "V" : "E";
      const digits = String(random.integer(3_000_000, 32_999_999));
      return pick([
        `${letter}-${dotted(digits)}`,
        `${letter}${digits}`,
        `${letter}-${digits}`,
        `${letter}.${dotted(digits)}`,
      ]);
    },
    letters: true,
  },
  {
    type: "VE_RIF",
    lang: "es",
    labels: ["RIF", "rif"],
    make: () => gen.rif(random).text,
    letters: true,
  },
  { type: "PY_RUC", lang: "es", labels: ["RUC", "ruc"], make: () => gen.paraguayRuc(random).text },
  {
    type: "EMAIL",
    lang: "es",
    labels: ["correo", "mail", "e-mail", "correo electrónico"],
    make: email,
  },
  {
    type: "EMAIL",
    lang: "pt",
    labels: ["e-mail", "email", "meu email", "endereço de e-mail"],
    make: email,
  },
  {
    type: "PHONE",
    lang: "es",
    labels: ["cel", "tel", "whatsapp", "celular", "teléfono", "wsp"],
    make: spanishPhone,
  },
  {
    type: "PHONE",
    lang: "pt",
    labels: ["cel", "tel", "whatsapp", "celular", "telefone", "zap"],
    make: brazilPhone,
  },
  {
    type: "CARD",
    lang: "es",
    labels: ["tarjeta", "tarj.", "TDC", "tarjeta de crédito"],
    make: card,
  },
  {
    type: "CARD",
    lang: "pt",
    labels: ["cartão", "cartao", "cartão de crédito", "nº do cartão"],
    make: card,
  },
];

// ----- written forms ------------------------------------------------------------------------

const toFullwidth = (text: string): string =>
  text.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
const toArabicIndic = (text: string): string =>
  text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));

/** Splits `text` over two lines inside it, at a separator when there is one. */
function broken(text: string): string {
  const inner = Array.from(text.matchAll(/[.\-/ ]/g))
    .map((match) => match.index)
    .filter((index) => index > 1 && index < text.length - 2);
  const newline = pick(["\n", "\r\n", " \n", "\n  "]);
  if (inner.length > 0) {
    const at = pick(inner);
    const keep = chance(0.5) ? (text[at] ?? "") : "";
    return `${text.slice(0, at)}${keep.trim()}${newline}${text.slice(at + 1)}`;
  }
  const at = random.integer(2, text.length - 3);
  return `${text.slice(0, at)}${newline}${text.slice(at)}`;
}

/** The forms a value can be written in; each returns null where it does not apply. */
const forms: Record<string, (text: string, kind: ValueKind) => string | null> = {
  "as generated": (text) => text,
  "letters and digits only": (text) =>
    /[^0-9A-Za-z]/.test(text) && !/@|\[at\]|\(at\)|＠/.test(text)
      ? text.replace(/[^0-9A-Za-z]/g, "")
      : null,
  "spaces for separators": (text) =>
    /[.\-/]/.test(text) && !text.includes("@") ? text.replace(/[.\-/]+/g, " ") : null,
  "no-break spaces": (text) => (text.includes(" ") ? text.replace(/ /g, "\u00a0") : null),
  "narrow no-break spaces": (text) =>
    /[ .]/.test(text) && !text.includes("@") ? text.replace(/[ .]/g, "\u202f") : null,
  "en dash": (text) => (text.includes("-") ? text.replace(/-/g, "–") : null),
  "unicode hyphen": (text) => (text.includes("-") ? text.replace(/-/g, "\u2010") : null),
  "minus sign": (text) => (text.includes("-") ? text.replace(/-/g, "\u2212") : null),
  "fullwidth digits": (text) => toFullwidth(text),
  "arabic-indic digits": (text) => (text.includes("@") ? null : toArabicIndic(text)),
  "zero-width space inside": (text) => {
    const at = random.integer(2, text.length - 2);
    return `${text.slice(0, at)}${pick(["\u200b", "\u200c", "\u2060", "\ufeff"])}${text.slice(at)}`;
  },
  "soft hyphen inside": (text) => {
    const at = random.integer(2, text.length - 2);
    return `${text.slice(0, at)}\u00ad${text.slice(at)}`;
  },
  "split by a line break": (text) => (text.length >= 7 ? broken(text) : null),
  "lower case": (text, kind) =>
    kind.letters === true && /[A-Z]/.test(text) ? text.toLowerCase() : null,
  "dots for separators": (text) =>
    /^[\d -]+$/.test(text) && /[ -]/.test(text) ? text.replace(/[ -]/g, ".") : null,
};

/** A plain-form bias: most values are written as they come, the rest in one of the odd forms. */
export function writeAs(kind: ValueKind): { value: Value; form: string } {
  const text = kind.make();
  const odd =
    kind.type === "EMAIL"
      ? ["no-break spaces", "zero-width space inside"]
      : Object.keys(forms).filter((name) => name !== "as generated");
  for (let attempt = 0; attempt < 20; attempt++) {
    const form = chance(0.35) ? "as generated" : pick(odd);
    const written = forms[form]?.(text, kind);
    if (written !== null && written !== undefined && written.trim() === written) {
      return { value: v(kind.type, written), form };
    }
  }
  return { value: v(kind.type, text), form: "as generated" };
}

export const kindsOf = (lang: "es" | "pt"): readonly ValueKind[] =>
  kinds.filter((kind) => kind.lang === lang);
