/**
 * The values of the eighth held-out set (heldout8-sentences.ts), written without reading the
 * detectors or their tests: one seeded random source (0x5eed8); every identifier type of the
 * catalogue, made by test/support/pii-generators.ts where it has a generator and here where it
 * has none (Argentine DNI, Colombian and Venezuelan cédula, CEP); people's mobiles and e-mails;
 * the forms a value is written in; dates and amounts. Names, home addresses and health data are
 * in heldout8-people.ts.
 *
 * What counts as personal (a span) and what does not, applied to every line:
 *
 * - An identifier of the catalogue that belongs to a person or to the person's own business (a
 *   CUIT, RUC or CNPJ on a contract or invoice the user is drafting) is a span, with whatever
 *   label stands before it outside the span; VE_CEDULA keeps its "V-"/"E-" inside, as it is
 *   printed. Order, invoice, protocol, tracking, case and policy numbers, boletos, bar codes,
 *   prices, dates, lab values and a company's bank agency are not.
 * - A phone is a span when it reaches a person (mobile, home, a relative's WhatsApp); a line a
 *   business, office or hospital publishes (switchboard, SAC, 0800 / 01 800, 911, 190) is not.
 * - PERSON_NAME: the name as written, particles ("de la", "dos") and all, without titles
 *   ("Sr.", "Dra.", "Lic.", "prof."); a name in a "Surname, Given" list is one span. A public
 *   figure named as such (a president, a footballer, a singer), a brand, a company or a street,
 *   school, hospital or church named after a person is not a span. A given name that is also a
 *   word or a place (Rosa, Paz, Luz, Cruz, Lima, Neves, Rocha) is a span only where it names a
 *   person; a nickname with a surname ("Chino Quispe") is a span, a nickname alone is not.
 * - STREET_ADDRESS: a home (or a person's delivery) address, from the street type or the
 *   street's name to its last complement (number, "s/n", flat, floor, tower, block, lot, km,
 *   "fundos", "bis"); a block-and-lot address without a street ("Mz. C Lt. 5") from the block to
 *   the lot. Neighbourhood, colonia, urbanización, city, postal code and the cross streets that
 *   follow the number ("esquina Sucre", "entre 47 y 48", "c/ Brasil", "y Whymper") stay outside.
 *   A street named without a house number (a place, a detour, a shop's avenue) is not a span,
 *   and no line gives a business's street address with its number, so that case is not judged.
 * - HEALTH: a condition, or a medicine with its strength ("sertralina 50 mg"), said of a person
 *   (the writer, a patient, a relative); not the verb before it, not the dose schedule after it
 *   ("cada 12 horas"). A disease named in general (a vaccination campaign, a lab's reference
 *   range) is not a span.
 */
import { parsePhoneNumber } from "awesome-phonenumber";
import type { PiiType } from "../../../src/core/pii-types.js";
import * as gen from "../pii-generators.js";
import { SeededRandom } from "../pii-generators.js";
import type { Country, Lang } from "./heldout6-values.js";
import { writtenForms } from "./written-forms.js";

export { s, v, type Country, type Draft, type Lang, type Value } from "./heldout6-values.js";

export const random = new SeededRandom(0x5eed8);
export const pick = <T>(values: readonly T[]): T => random.pick(values);
export const chance = (probability: number): boolean => random.next() < probability;
export const int = (low: number, high: number): number => random.integer(low, high);

/** `items` in a seeded random order (a copy). */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = int(0, index);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

export const hispanic: readonly Country[] = ["MX", "AR", "CO", "PE", "CL", "EC", "VE", "UY", "PY"];
export const spanishCountries: readonly Country[] = [...hispanic, "BO"];

const thousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ".");
const two = (value: number): string => String(value).padStart(2, "0");

// ----- contacts -----------------------------------------------------------------------------

const otherPhoneFormats: Partial<Record<Country, (international: boolean) => string>> = {
  UY: (international) =>
    `${international ? "+598 " : "0"}9${int(1, 9)} ${random.digits(3)} ${random.digits(3)}`,
  VE: (international) =>
    international
      ? `+58 ${pick(["412", "414", "424"])} ${random.digits(3)} ${random.digits(2)} ${random.digits(2)}`
      : `0${pick(["412", "414", "416", "426"])} ${random.digits(3)} ${random.digits(4)}`,
  EC: (international) =>
    `${international ? "+593 " : "0"}9${int(6, 9)}${random.digits(1)} ${random.digits(3)} ${random.digits(3)}`,
  PY: (international) =>
    `${international ? "+595 " : "0"}9${pick(["71", "81", "82", "84", "91"])}-${random.digits(3)}-${random.digits(3)}`,
  BO: (international) => `${international ? "+591 " : ""}${pick(["6", "7"])}${random.digits(7)}`,
};

/** A valid mobile of the country, national or with its +CC (checked with awesome-phonenumber). */
export function mobile(country: Country, international = chance(0.4)): string {
  const format = otherPhoneFormats[country];
  if (format === undefined) {
    return gen.phone(random, country as Parameters<typeof gen.phone>[1], international).text;
  }
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = format(international);
    const parsed = parsePhoneNumber(candidate, international ? {} : { regionCode: country });
    if (parsed.valid && parsed.regionCode === country) return candidate;
  }
  throw new Error(`no valid ${country} mobile in 1000 tries`);
}

const mailHosts: Record<Country, readonly string[]> = {
  MX: ["gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.com", "uady.mx"],
  AR: ["gmail.com", "hotmail.com.ar", "yahoo.com.ar", "arnet.com.ar"],
  CO: ["gmail.com", "hotmail.com", "outlook.com", "yahoo.es"],
  PE: ["gmail.com", "hotmail.com", "outlook.es"],
  CL: ["gmail.com", "vtr.net", "hotmail.cl"],
  EC: ["gmail.com", "hotmail.es", "yahoo.es"],
  VE: ["gmail.com", "cantv.net", "hotmail.com"],
  UY: ["gmail.com", "adinet.com.uy", "vera.com.uy"],
  PY: ["gmail.com", "hotmail.com", "tigo.com.py"],
  BO: ["gmail.com", "hotmail.com", "yahoo.com"],
  BR: ["gmail.com", "uol.com.br", "bol.com.br", "hotmail.com", "yahoo.com.br", "outlook.com"],
};

const ascii = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "");

/** A person's e-mail made from a name: "nayeli.canche87@gmail.com", "kokada@uol.com.br". */
export function emailFor(name: string, country: Country): string {
  const words = ascii(name)
    .split(" ")
    .filter((word) => word.length > 2 && !["del", "los", "das", "dos"].includes(word));
  const first = words[0] ?? "contato";
  const last = words[words.length - 1] ?? "silva";
  const local = pick([
    `${first}.${last}`,
    `${first.charAt(0)}${last}`,
    `${first}${last}${int(70, 99)}`,
    `${first}_${last}`,
    `${last}.${first.charAt(0)}`,
  ]);
  return `${local}@${pick(mailHosts[country])}`;
}

// ----- identifiers --------------------------------------------------------------------------

/** What a value is for, which picks the messages it can go in. */
export type Role = "person" | "tax" | "bank" | "card" | "contact" | "cep";

export interface Kind {
  type: PiiType;
  lang: Lang;
  country: Country | "any";
  /** Words written before the value; the first is the one a JSON key or a table header uses. */
  labels: readonly string[];
  /** The key a developer's JSON, log or query string uses. */
  key: string;
  roles: readonly Role[];
  /** A value of the country, for the person `name` (an e-mail is made from it). */
  make: (country: Country, name: string) => string;
}

const argentineDni = (): string => {
  const digits = String(int(10_000_000, 45_999_999));
  return chance(0.55) ? thousands(digits) : digits;
};
const colombianCedula = (): string => {
  const digits = chance(0.45) ? String(int(20_000_000, 79_999_999)) : `10${random.digits(8)}`;
  return chance(0.5) ? thousands(digits) : digits;
};
const venezuelanCedula = (): string => {
  const prefix = chance(0.8) ? "V" : "E";
  const digits = String(int(6_000_000, 32_999_999));
  return pick([`${prefix}-${thousands(digits)}`, `${prefix}-${digits}`, `${prefix}${digits}`]);
};
const postalCode = (): string => {
  const digits = `${int(1, 9)}${random.digits(7)}`;
  return chance(0.75) ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits;
};

const made = (generate: (source: SeededRandom) => gen.GeneratedValue) => (): string =>
  generate(random).text;

/** A national identifier's kind: Brazil's in Portuguese, the others in Spanish. */
const national = (
  type: PiiType,
  country: Country,
  labels: readonly string[],
  key: string,
  roles: readonly Role[],
  make: () => string,
): Kind => ({ type, lang: country === "BR" ? "pt" : "es", country, labels, key, roles, make });

export const kinds: readonly Kind[] = [
  national(
    "BR_CPF",
    "BR",
    ["CPF", "cpf nº", "C.P.F.", "nº do CPF", "CPF/MF"],
    "cpf",
    ["person"],
    made(gen.cpf),
  ),
  national(
    "BR_CNPJ",
    "BR",
    ["CNPJ", "cnpj", "C.N.P.J.", "CNPJ nº", "CNPJ/MF nº"],
    "cnpj",
    ["tax"],
    () => gen.cnpj(random, { alphanumeric: chance(0.2) }).text,
  ),
  national(
    "BR_PIS",
    "BR",
    ["PIS", "PIS/PASEP", "NIS", "PIS-PASEP nº", "nis"],
    "pis",
    ["person"],
    made(gen.pis),
  ),
  national(
    "BR_CNH",
    "BR",
    ["CNH", "CNH nº", "nº de registro da CNH", "nº da habilitação", "cnh"],
    "cnh",
    ["person"],
    made(gen.cnh),
  ),
  national(
    "BR_RG",
    "BR",
    ["RG", "rg", "R.G.", "RG nº", "carteira de identidade"],
    "rg",
    ["person"],
    made(gen.rg),
  ),
  national("BR_CEP", "BR", ["CEP", "cep", "C.E.P.", "CEP:"], "cep", ["cep"], postalCode),
  national(
    "MX_CURP",
    "MX",
    ["CURP", "curp", "CURP N°", "C.U.R.P."],
    "curp",
    ["person"],
    made(gen.curp),
  ),
  national(
    "MX_RFC",
    "MX",
    ["RFC", "R.F.C.", "RFC c/homoclave", "rfc"],
    "rfc",
    ["tax"],
    () => gen.rfc(random, { company: chance(0.25) }).text,
  ),
  national(
    "MX_CLABE",
    "MX",
    ["CLABE", "CLABE interbancaria", "cuenta clabe", "clabe"],
    "clabe",
    ["bank"],
    () => (chance(0.3) ? gen.clabeOutsideBankList(random) : gen.clabe(random)).text,
  ),
  national(
    "MX_INE",
    "MX",
    [
      "clave de elector",
      "CLAVE DE ELECTOR",
      "clave de elector de la credencial INE",
      "Clave Elector",
    ],
    "clave_elector",
    ["person"],
    made(gen.ine),
  ),
  national(
    "AR_CUIT",
    "AR",
    ["CUIL", "CUIT", "C.U.I.T.", "cuil", "CUIT/CUIL"],
    "cuil",
    ["tax", "person"],
    made(gen.cuit),
  ),
  national(
    "AR_DNI",
    "AR",
    ["DNI", "D.N.I.", "DNI Nº", "dni", "documento"],
    "dni",
    ["person"],
    argentineDni,
  ),
  national(
    "CL_RUT",
    "CL",
    ["RUT", "RUN", "rut", "R.U.N."],
    "rut",
    ["person", "tax"],
    made(gen.rut),
  ),
  national("CO_NIT", "CO", ["NIT", "N.I.T.", "nit", "NIT No."], "nit", ["tax"], made(gen.nit)),
  national(
    "CO_CEDULA",
    "CO",
    ["C.C.", "cédula", "CC", "cédula de ciudadanía No.", "cc"],
    "cedula",
    ["person"],
    colombianCedula,
  ),
  national("PE_RUC", "PE", ["RUC", "R.U.C.", "ruc", "RUC N°"], "ruc", ["tax"], made(gen.peruRuc)),
  national(
    "PE_DNI",
    "PE",
    ["DNI", "D.N.I.", "dni", "DNI N°"],
    "dni",
    ["person"],
    made(gen.peruDni),
  ),
  national(
    "EC_CEDULA",
    "EC",
    ["cédula", "C.I.", "CI", "cédula de ciudadanía", "cédula N°"],
    "cedula",
    ["person"],
    made(gen.ecuadorCedula),
  ),
  national("EC_RUC", "EC", ["RUC", "ruc", "R.U.C."], "ruc", ["tax"], made(gen.ecuadorRuc)),
  national(
    "UY_CEDULA",
    "UY",
    ["C.I.", "cédula", "CI", "documento de identidad"],
    "ci",
    ["person"],
    made(gen.uruguayCedula),
  ),
  national("UY_RUT", "UY", ["RUT", "rut", "R.U.T."], "rut", ["tax"], made(gen.uruguayRut)),
  national(
    "VE_CEDULA",
    "VE",
    ["C.I.", "cédula", "CI", "cédula de identidad"],
    "cedula",
    ["person"],
    venezuelanCedula,
  ),
  national("VE_RIF", "VE", ["RIF", "R.I.F.", "rif"], "rif", ["tax"], made(gen.rif)),
  national("PY_RUC", "PY", ["RUC", "ruc", "R.U.C."], "ruc", ["tax"], made(gen.paraguayRuc)),
  ...(["es", "pt"] as const).flatMap((lang): Kind[] => [
    {
      type: "EMAIL",
      lang,
      country: "any",
      labels:
        lang === "es"
          ? ["correo", "mail", "correo electrónico", "email"]
          : ["e-mail", "email", "endereço de e-mail"],
      key: "email",
      roles: ["contact"],
      make: (country, name) => emailFor(name, country),
    },
    {
      type: "PHONE",
      lang,
      country: "any",
      labels:
        lang === "es"
          ? ["cel", "celular", "WhatsApp", "móvil", "tel."]
          : ["celular", "cel", "WhatsApp", "fone", "whats"],
      key: "telefone",
      roles: ["contact"],
      make: (country) => mobile(country),
    },
    {
      type: "CARD",
      lang,
      country: "any",
      labels:
        lang === "es"
          ? ["tarjeta", "tarjeta de débito", "TC"]
          : ["cartão", "cartão de crédito", "cartão final completo"],
      key: "card_number",
      roles: ["card"],
      make: made(gen.card),
    },
  ]),
];

// ----- written forms ------------------------------------------------------------------------

/** The forms people ordinarily type. */
export const ordinaryForms = ["as generated", "spaces", "no separators"] as const;
/** Forms that keyboards, phones, PDF viewers and systems produce. */
export const hardForms = [
  "fullwidth",
  "nbsp",
  "unicode dash",
  "zero-width space",
  "line-wrapped",
  "label glued",
  "lower case",
  "mixed case",
  "url-encoded",
] as const;
export type WrittenForm = (typeof ordinaryForms)[number] | (typeof hardForms)[number];

const grouping = (text: string): string | undefined => {
  if (/^\d{18}$/.test(text)) return text.replace(/^(\d{3})(\d{3})(\d{11})(\d)$/, "$1 $2 $3 $4");
  if (/^\d{15,16}$/.test(text)) return text.replace(/(\d{4})(?=\d)/g, "$1 ");
  if (/^\d{11}$/.test(text)) return text.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1 $2 $3 $4");
  if (/^[A-Z]{4}\d{6}[A-Z\d]{8}$/.test(text))
    return text.replace(/^(.{4})(.{6})(.{8})$/, "$1 $2 $3");
  return undefined;
};

/** The value in `form`, or undefined where the form does not change or fit it. */
export function written(text: string, type: PiiType, form: WrittenForm): string | undefined {
  const changed = (result: string | undefined): string | undefined =>
    result === undefined || result === text ? undefined : result;
  const email = type === "EMAIL";
  switch (form) {
    case "as generated":
    case "label glued":
      return text;
    case "spaces":
      if (email) return undefined;
      if (/[.\-/()]/.test(text))
        return changed(
          text
            .replace(/[.\-/()]+/g, " ")
            .replace(/ {2,}/g, " ")
            .trim(),
        );
      return changed(grouping(text));
    case "no separators":
      return email ? undefined : changed(text.replace(/(?!^\+)[.\-/() ]/g, ""));
    case "fullwidth": {
      const digitsOnly = text.replace(/\d/g, (digit) =>
        String.fromCharCode(0xff10 + Number(digit)),
      );
      return changed(chance(0.7) ? digitsOnly : writtenForms["fullwidth-digits"]?.(text, random));
    }
    case "nbsp": {
      if (email) return undefined;
      const spaced = text.includes(" ") ? text : written(text, type, "spaces");
      return spaced === undefined ? undefined : changed(spaced.replace(/ /g, "\u00a0"));
    }
    case "unicode dash":
      return changed(
        text.includes("-")
          ? text.replace(/-/g, pick(["\u2010", "\u2011", "\u2013", "\u2212"]))
          : undefined,
      );
    case "zero-width space":
      return email ? undefined : changed(writtenForms["zero-width-space"]?.(text, random));
    case "line-wrapped":
      return email ? undefined : changed(writtenForms["line-break"]?.(text, random));
    case "lower case":
      return email ? undefined : changed(text.toLowerCase());
    case "mixed case": {
      if (!email) return undefined;
      const [local = "", host = ""] = text.split("@");
      const upper = local.replace(
        /(^|[._])([a-z])/g,
        (_, before: string, first: string) => `${before}${first.toUpperCase()}`,
      );
      return changed(`${upper}@${host.charAt(0).toUpperCase()}${host.slice(1)}`);
    }
    case "url-encoded":
      return email ? changed(text.replace("@", "%40")) : undefined;
  }
}

/**
 * The value in a form drawn for it: three lines in four an ordinary form (as generated 60 %,
 * spaces 20 %, no separators 20 %; one that does not change the value gives way to as
 * generated), the rest one of the hard forms that fit the value, each as likely.
 */
export function writeValue(text: string, type: PiiType): { form: WrittenForm; text: string } {
  const roll = random.next();
  if (roll < 0.75) {
    const form: WrittenForm =
      roll < 0.45 ? "as generated" : roll < 0.6 ? "spaces" : "no separators";
    const result = written(text, type, form);
    return result === undefined ? { form: "as generated", text } : { form, text: result };
  }
  const fitting = hardForms.flatMap((form) => {
    const result = written(text, type, form);
    return result === undefined ? [] : [{ form, text: result }];
  });
  return fitting.length === 0 ? { form: "as generated", text } : pick(fitting);
}

// ----- things around the values -------------------------------------------------------------

export const date = (): string => `${two(int(1, 28))}/${two(int(1, 12))}/${int(2025, 2027)}`;
export const shortDate = (): string => `${two(int(1, 28))}/${two(int(1, 12))}`;
export const time = (): string => `${int(7, 20)}:${pick(["00", "10", "30", "45"])}`;
export const amount = (country: Country): string => {
  switch (country) {
    case "BR":
      return `R$ ${thousands(String(int(80, 9800)))},${pick(["00", "50", "90"])}`;
    case "MX":
      return `$${int(300, 45000).toLocaleString("en-US")} MXN`;
    case "PE":
      return `S/ ${int(40, 5200)}.00`;
    case "EC":
      return `USD ${int(15, 1400)}.${pick(["00", "25"])}`;
    case "VE":
      return `USD ${int(20, 600)}`;
    case "BO":
      return `Bs ${int(80, 6000)}`;
    case "PY":
      return `Gs. ${thousands(String(int(60, 9000) * 1000))}`;
    case "UY":
      return `$U ${thousands(String(int(500, 90000)))}`;
    default:
      return `$ ${thousands(String(int(5, 990) * 1000))}`;
  }
};
export const digits = (count: number): string => random.digits(count);
