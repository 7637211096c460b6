/**
 * The values of the fifth held-out set (heldout5-sentences.ts): one seeded random source, one
 * generator per identifier type of the catalogue with the words a clerk in Brazil, Mexico,
 * Colombia, Chile, Argentina or Peru puts near it, and the ways a value arrives when it is pasted
 * from a scanned document (OCR spacing), a spreadsheet cell, a system's JSON or a phone keyboard.
 * Written without reading the detectors.
 */
import type { PiiType } from "../../../src/core/pii-types.js";
import * as gen from "../pii-generators.js";
import { SeededRandom } from "../pii-generators.js";
import { v, type Value } from "./heldout2-values.js";

export const random = new SeededRandom(0x5eed5);
export const pick = <T>(values: readonly T[]): T => random.pick(values);
export const chance = (probability: number): boolean => random.next() < probability;
export const int = (low: number, high: number): number => random.integer(low, high);

/** One kind of value: how to make one, its language, its labels and a field name for it. */
export interface ValueKind {
  type: PiiType;
  lang: "es" | "pt";
  labels: readonly string[];
  /** How a system names the field in JSON, a query or a spreadsheet header. */
  keys: readonly string[];
  make: () => string;
  /** Whether the value carries letters, which people may type in lower case. */
  letters?: boolean;
  /** Whether nothing in the value (check digit, shape) tells it from any other number. */
  needsLabel?: boolean;
}

const dotted = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ".");

function brazilPhone(): string {
  const area = pick(["11", "12", "16", "21", "24", "31", "34", "41", "43", "51", "54", "61", "62"]);
  const first = `9${int(6, 9)}${random.digits(3)}`;
  const last = random.digits(4);
  return pick([
    `(${area}) ${first}-${last}`,
    `(${area}) 9 ${first.slice(1)}-${last}`,
    `${area} ${first}-${last}`,
    `${area}${first}${last}`,
    `+55 ${area} ${first}-${last}`,
    `+55 (${area}) 9 ${first.slice(1)}-${last}`,
    `55${area}${first}${last}`,
    `(${area})${first}-${last}`,
    `${area} ${first.slice(0, 1)} ${first.slice(1)} ${last}`,
    `(${area}) ${int(2, 5)}${random.digits(3)}-${last}`,
  ]);
}

function hispanicPhone(): string {
  const four = () => random.digits(4);
  return pick([
    () => `55 ${four()} ${four()}`,
    () => `(55) ${four()}-${four()}`,
    () => `+52 ${pick(["55", "33", "81"])} ${four()} ${four()}`,
    () => `+52 1 ${pick(["442", "477", "664", "999"])} ${random.digits(3)} ${four()}`,
    () => `044 55 ${four()} ${four()}`,
    () => `3${int(0, 2)}${int(0, 9)} ${random.digits(3)} ${four()}`,
    () => `+57 3${int(0, 2)}${int(0, 9)}${random.digits(7)}`,
    () => `(601) ${random.digits(3)} ${four()}`,
    () => `9 ${int(5, 9)}${random.digits(3)} ${four()}`,
    () => `+56 9 ${int(5, 9)}${random.digits(3)} ${four()}`,
    () => `+56 2 2${random.digits(3)} ${four()}`,
    () => `11 15-${four()}-${four()}`,
    () => `+54 9 11 ${four()}-${four()}`,
    () => `(0351) 15 ${random.digits(3)}-${four()}`,
    () => `9${random.digits(2)} ${random.digits(3)} ${random.digits(3)}`,
    () => `+51 9${random.digits(8)}`,
    () => `(01) ${random.digits(3)}-${four()}`,
  ])();
}

const users = [
  "mariana.lopez",
  "jcarlos.ruiz",
  "contabilidad.ventas",
  "ana_pereira",
  "fcosta",
  "luz.marina.ortiz",
  "pedrinho.alves",
  "dra.quispe",
  "rh.sucursal3",
  "beto_ramirez",
  "vivi.sandoval",
  "gustavo.henrique",
];
const hosts = [
  "gmail.com",
  "hotmail.com",
  "yahoo.com.mx",
  "outlook.com",
  "bol.com.br",
  "terra.com.br",
  "empresa.com.co",
  "uc.cl",
  "fibertel.com.ar",
  "pucp.edu.pe",
  "globo.com",
  "live.com.mx",
];

function email(): string {
  const user = `${pick(users)}${chance(0.4) ? String(int(1, 2005)) : ""}`;
  const host = pick(hosts);
  return pick([
    () => `${user}@${host}`,
    () => `${user}@${host}`,
    () => `${user.toUpperCase()}@${host.toUpperCase()}`,
    () => `${user} arroba ${host}`,
    () => `${user}@${host.replace(/\./g, " . ")}`,
    () => `${user}[@]${host}`,
    () => `${user} at ${host.replace(/\./g, " dot ")}`,
  ])();
}

function card(): string {
  const compact = gen.card(random, false).text;
  if (compact.length === 15) return pick([compact, compact.replace(/^(\d{4})(\d{6})/, "$1 $2 ")]);
  const groups = compact.match(/\d{4}/g) ?? [compact];
  return pick([
    compact,
    groups.join(" "),
    groups.join("-"),
    groups.join(" - "),
    groups.join("   "),
  ]);
}

/** Every identifier type the catalogue knows. */
export const kinds: readonly ValueKind[] = [
  {
    type: "BR_CPF",
    lang: "pt",
    labels: ["CPF", "CPF do titular", "cpf/mf", "Nº CPF", "CPF (sem pontos)"],
    keys: ["cpf", "nr_cpf", "documento", "cpfCliente"],
    make: () => gen.cpf(random).text,
  },
  {
    type: "BR_CNPJ",
    lang: "pt",
    labels: ["CNPJ", "CNPJ da empresa", "cnpj/mf", "CNPJ do prestador"],
    keys: ["cnpj", "cnpj_emitente", "documento", "cnpjFornecedor"],
    make: () => gen.cnpj(random, { alphanumeric: chance(0.25) }).text,
    letters: true,
  },
  {
    type: "BR_PIS",
    lang: "pt",
    labels: ["PIS", "PIS/PASEP", "NIT (PIS)", "número do PIS", "NIS"],
    keys: ["pis", "nis", "pis_pasep"],
    make: () => gen.pis(random).text,
  },
  {
    type: "BR_CNH",
    lang: "pt",
    labels: ["CNH", "Nº registro CNH", "carteira de motorista", "habilitação nº"],
    keys: ["cnh", "registro_cnh", "numeroCnh"],
    make: () => gen.cnh(random).text,
  },
  {
    type: "BR_RG",
    lang: "pt",
    labels: ["RG", "RG/SSP-SP", "identidade (RG)", "carteira de identidade"],
    keys: ["rg", "identidade", "nr_rg"],
    make: () => gen.rg(random).text,
    needsLabel: true,
  },
  {
    type: "BR_CEP",
    lang: "pt",
    labels: ["CEP", "cep de entrega", "CEP residencial"],
    keys: ["cep", "CEP", "cepEntrega"],
    make: () => {
      const digits = `${int(0, 9)}${random.digits(7)}`;
      return pick([`${digits.slice(0, 5)}-${digits.slice(5)}`, digits]);
    },
    needsLabel: true,
  },
  {
    type: "MX_CURP",
    lang: "es",
    labels: ["CURP", "Clave CURP", "curp del alumno", "CURP del trabajador"],
    keys: ["curp", "CURP", "curpTitular"],
    make: () => gen.curp(random).text,
    letters: true,
  },
  {
    type: "MX_RFC",
    lang: "es",
    labels: ["RFC", "RFC con homoclave", "R.F.C. del cliente", "rfc receptor"],
    keys: ["rfc", "rfcReceptor", "RFC"],
    make: () => gen.rfc(random).text,
    letters: true,
  },
  {
    type: "MX_CLABE",
    lang: "es",
    labels: ["CLABE", "cuenta clabe", "CLABE interbancaria", "clabe para depósito"],
    keys: ["clabe", "cuenta_clabe", "clabeInterbancaria"],
    make: () => (chance(0.6) ? gen.clabe(random) : gen.clabeOutsideBankList(random)).text,
  },
  {
    type: "MX_INE",
    lang: "es",
    labels: ["clave de elector", "clave elector INE", "INE (clave de elector)"],
    keys: ["clave_elector", "claveElector", "ine"],
    make: () => gen.ine(random).text,
    letters: true,
  },
  {
    type: "AR_CUIT",
    lang: "es",
    labels: ["CUIT", "CUIL", "C.U.I.T.", "cuit/cuil"],
    keys: ["cuit", "cuil", "nroCuit"],
    make: () => gen.cuit(random).text,
  },
  {
    type: "AR_DNI",
    lang: "es",
    labels: ["DNI", "D.N.I.", "documento (DNI)", "nro de documento"],
    keys: ["dni", "nro_documento", "documento"],
    make: () => {
      const digits = String(int(6_000_000, 45_999_999));
      return pick([dotted(digits), digits, dotted(digits).replace(/\./g, " ")]);
    },
    needsLabel: true,
  },
  {
    type: "CL_RUT",
    lang: "es",
    labels: ["RUT", "R.U.T.", "RUN", "rut del apoderado"],
    keys: ["rut", "RUT", "run"],
    make: () => gen.rut(random).text,
    letters: true,
  },
  {
    type: "CO_NIT",
    lang: "es",
    labels: ["NIT", "N.I.T.", "NIT del proveedor"],
    keys: ["nit", "NIT", "nitProveedor"],
    make: () => gen.nit(random).text,
  },
  {
    type: "CO_CEDULA",
    lang: "es",
    labels: ["cédula", "C.C.", "CC No.", "cédula de ciudadanía", "documento de identidad"],
    keys: ["cedula", "cc", "numero_documento"],
    make: () => {
      const digits = chance(0.5) ? String(int(10_000_000, 99_999_999)) : `10${random.digits(8)}`;
      return chance(0.6) ? dotted(digits) : digits;
    },
    needsLabel: true,
  },
  {
    type: "PE_RUC",
    lang: "es",
    labels: ["RUC", "R.U.C.", "RUC del emisor"],
    keys: ["ruc", "RUC", "rucEmisor"],
    make: () => gen.peruRuc(random).text,
  },
  {
    type: "PE_DNI",
    lang: "es",
    labels: ["DNI", "D.N.I.", "DNI del paciente"],
    keys: ["dni", "DNI", "numDoc"],
    make: () => gen.peruDni(random).text,
    needsLabel: true,
  },
  {
    type: "EC_CEDULA",
    lang: "es",
    labels: ["cédula", "C.I.", "cédula de identidad"],
    keys: ["cedula", "ci", "identificacion"],
    make: () => gen.ecuadorCedula(random).text,
  },
  {
    type: "EC_RUC",
    lang: "es",
    labels: ["RUC", "R.U.C.", "RUC persona natural"],
    keys: ["ruc", "RUC"],
    make: () => gen.ecuadorRuc(random).text,
  },
  {
    type: "UY_CEDULA",
    lang: "es",
    labels: ["C.I.", "cédula", "CI Nº"],
    keys: ["ci", "cedula"],
    make: () => gen.uruguayCedula(random).text,
  },
  {
    type: "UY_RUT",
    lang: "es",
    labels: ["RUT", "RUT empresa", "R.U.T."],
    keys: ["rut", "RUT"],
    make: () => gen.uruguayRut(random).text,
  },
  {
    type: "VE_CEDULA",
    lang: "es",
    labels: ["C.I.", "cédula", "cédula de identidad"],
    keys: ["ci", "cedula"],
    make: () => {
      const letter = chance(0.8) ? "V" : "E";
      const digits = String(int(4_000_000, 31_999_999));
      return pick([`${letter}-${dotted(digits)}`, `${letter}${digits}`, `${letter} ${digits}`]);
    },
    letters: true,
  },
  {
    type: "VE_RIF",
    lang: "es",
    labels: ["RIF", "R.I.F.", "RIF del comercio"],
    keys: ["rif", "RIF"],
    make: () => gen.rif(random).text,
    letters: true,
  },
  {
    type: "PY_RUC",
    lang: "es",
    labels: ["RUC", "R.U.C.", "RUC Nº"],
    keys: ["ruc", "RUC"],
    make: () => gen.paraguayRuc(random).text,
  },
  {
    type: "EMAIL",
    lang: "es",
    labels: ["correo", "email", "mail de contacto", "Correo electrónico"],
    keys: ["email", "correo", "mail"],
    make: email,
  },
  {
    type: "EMAIL",
    lang: "pt",
    labels: ["e-mail", "E-mail", "email p/ contato", "correio eletrônico"],
    keys: ["email", "e_mail", "emailContato"],
    make: email,
  },
  {
    type: "PHONE",
    lang: "es",
    labels: ["cel.", "Tel.", "WhatsApp", "móvil", "teléfono de contacto", "Cel/WA"],
    keys: ["telefono", "celular", "tel", "movil"],
    make: hispanicPhone,
  },
  {
    type: "PHONE",
    lang: "pt",
    labels: ["cel.", "Tel.", "WhatsApp", "celular", "fone", "telefone p/ recado"],
    keys: ["telefone", "celular", "fone", "whatsapp"],
    make: brazilPhone,
  },
  {
    type: "CARD",
    lang: "es",
    labels: ["tarjeta", "Nº de tarjeta", "tarjeta de débito", "TC"],
    keys: ["tarjeta", "numero_tarjeta", "card_number"],
    make: card,
  },
  {
    type: "CARD",
    lang: "pt",
    labels: ["cartão", "nº cartão", "cartão de crédito", "cartão final"],
    keys: ["cartao", "numero_cartao", "card"],
    make: card,
  },
];

// ----- written forms ------------------------------------------------------------------------

const fullwidth = (text: string): string =>
  text.replace(/[0-9A-Za-z]/g, (character) =>
    String.fromCharCode(character.charCodeAt(0) + 0xfee0),
  );

/** The ways a value arrives; each returns null where it does not apply. */
const forms: Record<string, (text: string, kind: ValueKind) => string | null> = {
  "as generated": (text) => text,
  "digits only": (text, kind) =>
    kind.type !== "EMAIL" && /[^0-9A-Za-z]/.test(text) ? text.replace(/[^0-9A-Za-z]/g, "") : null,
  "ocr spaces around separators": (text, kind) =>
    kind.type !== "EMAIL" && /[.\-/]/.test(text) ? text.replace(/([.\-/])/g, " $1 ") : null,
  "ocr space inside a group": (text, kind) => {
    if (kind.type === "EMAIL") return null;
    const inner = Array.from(text.matchAll(/[0-9A-Za-z](?=[0-9A-Za-z])/g)).map(
      (match) => match.index + 1,
    );
    if (inner.length === 0) return null;
    const at = pick(inner.slice(1, -1).length > 0 ? inner.slice(1, -1) : inner);
    return `${text.slice(0, at)} ${text.slice(at)}`;
  },
  "letter-spaced": (text, kind) =>
    kind.type !== "EMAIL" && text.replace(/[^0-9A-Za-z]/g, "").length <= 14
      ? Array.from(text.replace(/[^0-9A-Za-z]/g, "")).join(" ")
      : null,
  "groups of three": (text, kind) => {
    const compact = text.replace(/[^0-9]/g, "");
    return kind.type !== "EMAIL" && /^[0-9.\-/ ]+$/.test(text) && compact.length >= 9
      ? (compact.match(/\d{1,3}/g) ?? []).join(" ")
      : null;
  },
  "slash separators": (text, kind) =>
    kind.type !== "EMAIL" && /[.-]/.test(text) ? text.replace(/[.-]/g, "/") : null,
  "underscore separators": (text, kind) =>
    kind.type !== "EMAIL" && /[ .-]/.test(text) ? text.replace(/[ .-]/g, "_") : null,
  "fullwidth characters": (text) => fullwidth(text),
  "lower case": (text, kind) =>
    kind.letters === true && /[A-Z]/.test(text) ? text.toLowerCase() : null,
  "tab inside": (text, kind) =>
    kind.type !== "EMAIL" && / /.test(text) ? text.replace(/ /g, "\t") : null,
};

/** Most values come as they are; about half in one of the odd forms. */
export function writeAs(kind: ValueKind): { value: Value; form: string } {
  const text = kind.make();
  const odd = Object.keys(forms).filter((name) => name !== "as generated");
  for (let attempt = 0; attempt < 20; attempt++) {
    const form = chance(0.5) ? "as generated" : pick(odd);
    const written = forms[form]?.(text, kind);
    if (written !== null && written !== undefined && written.trim() === written) {
      return { value: v(kind.type, written), form };
    }
  }
  return { value: v(kind.type, text), form: "as generated" };
}

export const kindsOf = (lang: "es" | "pt"): readonly ValueKind[] =>
  kinds.filter((kind) => kind.lang === lang);
