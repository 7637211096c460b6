/**
 * Values for dev4-sentences.ts: the seeded random source, the sentence template and the
 * identifier values (RG, CEP, Argentine DNI, Colombian and Venezuelan cédula, e-mails and the
 * card brands the shared generators lack are made here).
 */
import type { PiiType } from "../../../src/core/pii-types.js";
import * as gen from "../pii-generators.js";
import { SeededRandom } from "../pii-generators.js";

export const random = new SeededRandom(0xd4d4);

export interface Value {
  type: PiiType;
  text: string;
}
export type Part = string | Value;
type Parts = Part | readonly Part[];

export interface Frame {
  form: string;
  kind?: "negative";
  parts: () => Part[];
}

export const v = (type: PiiType, text: string): Value => ({ type, text });

/** A tagged template that keeps values apart from the words around them. */
export function s(strings: TemplateStringsArray, ...items: Parts[]): Part[] {
  const parts: Part[] = [];
  strings.forEach((text, index) => {
    if (text !== "") parts.push(text);
    const item = items[index];
    if (item === undefined) return;
    if (typeof item === "string" || !Array.isArray(item)) parts.push(item as Part);
    else parts.push(...(item as readonly Part[]));
  });
  return parts;
}

export const n = (min: number, max: number) => String(random.integer(min, max));
export const pick = <T>(items: readonly T[]): T => random.pick(items);
export const letter = (from = "ABCDEF") => random.letters(1, from);

// ----- identifier values ----------------------------------------------------------------------

export function dotted(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ".");
}

function luhnCompleted(front: string): string {
  const sum = Array.from(front)
    .reverse()
    .reduce((total, character, index) => {
      const doubled = index % 2 === 0 ? Number(character) * 2 : Number(character);
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
  return `${front}${(10 - (sum % 10)) % 10}`;
}

function grouped4(digits: string, separator = " "): string {
  return digits.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
}

export const id = {
  cpf: (formatted?: boolean) => v("BR_CPF", gen.cpf(random, formatted).text),
  cnpj: () => v("BR_CNPJ", gen.cnpj(random).text),
  pis: (formatted?: boolean) => v("BR_PIS", gen.pis(random, formatted).text),
  cnh: () => v("BR_CNH", gen.cnh(random).text),
  rg: () => v("BR_RG", gen.rg(random).text),
  cep: (digits = `${n(1, 9)}${random.digits(7)}`) =>
    v("BR_CEP", random.next() < 0.75 ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits),
  curp: () => v("MX_CURP", gen.curp(random).text),
  rfc: () => v("MX_RFC", gen.rfc(random).text),
  clabe: () => v("MX_CLABE", gen.clabe(random).text),
  clabeGrouped: () => {
    const c = gen.clabe(random).text;
    return v("MX_CLABE", `${c.slice(0, 3)} ${c.slice(3, 6)} ${c.slice(6, 17)} ${c.slice(17)}`);
  },
  clabeNew: () => v("MX_CLABE", gen.clabeOutsideBankList(random).text),
  ine: () => v("MX_INE", gen.ine(random).text),
  cuit: (formatted?: boolean) => v("AR_CUIT", gen.cuit(random, formatted).text),
  arDni: () => {
    const digits = String(random.integer(12_000_000, 46_999_999));
    return v("AR_DNI", random.boolean() ? dotted(digits) : digits);
  },
  rut: () => v("CL_RUT", gen.rut(random).text),
  nit: () => v("CO_NIT", gen.nit(random).text),
  coCedula: () => {
    const digits = String(random.integer(10_000_000, 1_099_999_999));
    return v("CO_CEDULA", random.boolean() ? dotted(digits) : digits);
  },
  peRuc: () => v("PE_RUC", gen.peruRuc(random).text),
  /** A natural person's RUC, which starts with 10. */
  peRucPerson: () => {
    for (;;) {
      const value = gen.peruRuc(random).text;
      if (value.startsWith("10")) return v("PE_RUC", value);
    }
  },
  peDni: () => v("PE_DNI", gen.peruDni(random).text),
  ecCedula: () => v("EC_CEDULA", gen.ecuadorCedula(random).text),
  ecRuc: () => v("EC_RUC", gen.ecuadorRuc(random).text),
  uyCedula: () => v("UY_CEDULA", gen.uruguayCedula(random).text),
  uyRut: () => v("UY_RUT", gen.uruguayRut(random).text),
  veCedula: () => {
    const body = String(random.integer(4_000_000, 32_999_999));
    const prefix = random.next() < 0.85 ? "V" : "E";
    return v(
      "VE_CEDULA",
      pick([`${prefix}-${dotted(body)}`, `${prefix}${body}`, `${prefix}-${body}`]),
    );
  },
  rif: (formatted?: boolean) => v("VE_RIF", gen.rif(random, formatted).text),
  pyRuc: () => v("PY_RUC", gen.paraguayRuc(random).text),
  card: (grouped?: boolean) => v("CARD", gen.card(random, grouped).text),
  /** The brands the generator lacks: Diners (14), Hipercard, Discover, Cabal and Naranja (16). */
  otherCard: (separator = pick([" ", "-", ""])) => {
    const brand = pick(["diners", "hipercard", "discover", "cabal", "naranja"] as const);
    if (brand === "diners") {
      const digits = luhnCompleted(`36${random.digits(11)}`);
      return v(
        "CARD",
        separator === ""
          ? digits
          : `${digits.slice(0, 4)}${separator}${digits.slice(4, 10)}${separator}${digits.slice(10)}`,
      );
    }
    const prefix = { hipercard: "606282", discover: "6011", cabal: "604201", naranja: "589562" }[
      brand
    ];
    const digits = luhnCompleted(prefix + random.digits(15 - prefix.length));
    return v("CARD", grouped4(digits, separator));
  },
  amex: () => {
    const digits = luhnCompleted(`3${pick(["4", "7"])}${random.digits(12)}`);
    return v("CARD", `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}`);
  },
  phone: (region?: "BR" | "MX" | "AR" | "CL" | "CO" | "PE") =>
    v("PHONE", gen.phone(random, region).text),
  email: (lang: "es" | "pt") => {
    const user = pick(
      lang === "es"
        ? [
            "mariela.rojas",
            "jgarcia78",
            "lucho.pm",
            "ferchu_88",
            "c.quispe",
            "andrea.vll",
            "tito.benitez",
            "pao.mendoza21",
          ]
        : [
            "ju.ferreira",
            "marcos.lima83",
            "bia_santos",
            "rafa.oliveira",
            "dona.cida",
            "thiago.mr",
            "leticia.c",
            "paulinho1990",
          ],
    );
    const domain = pick(
      lang === "es"
        ? ["gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.es", "live.com.ar", "une.net.co"]
        : ["gmail.com", "hotmail.com", "yahoo.com.br", "uol.com.br", "bol.com.br", "terra.com.br"],
    );
    return v("EMAIL", `${user}@${domain}`);
  },
};

/** A Spanish-speaking country of the phone generator. */
export const esRegion = () => pick(["MX", "AR", "CL", "CO", "PE"] as const);

export const name = (lang: "es" | "pt") =>
  v(
    "PERSON_NAME",
    pick(
      lang === "es"
        ? [
            "Mariela Rojas",
            "Jorge Luis Quispe",
            "Ana Lucía Fernández",
            "Rodrigo Benítez",
            "Claudia Mendoza Ríos",
            "Héctor Villalba",
            "Daniela Cárdenas",
            "Óscar Mamani",
            "Valentina Sosa",
            "Luis Alberto Pérez",
          ]
        : [
            "Juliana Ferreira",
            "Marcos Vinícius Lima",
            "Ana Beatriz Santos",
            "Rafael Oliveira",
            "Aparecida Souza",
            "Thiago Martins",
            "Letícia Carvalho",
            "Paulo Henrique Costa",
            "Fernanda Rocha",
            "José Carlos Almeida",
          ],
    ),
  );
