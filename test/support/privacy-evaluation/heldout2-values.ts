/**
 * The values and the sentence mechanics of the second held-out set (heldout2-sentences.ts): one
 * seeded random source, the identifiers (from test/support/pii-generators.ts, and those it lacks
 * made here with their check digits), names, street addresses and health conditions, and `s`, a
 * template tag that writes a sentence and records where each personal value lies in it.
 */
import { parsePhoneNumber } from "awesome-phonenumber";
import type { PiiType } from "../../../src/core/pii-types.js";
import type { EvaluationSpan } from "../../../tools/bench/privacy-evaluation-line.js";
import * as gen from "../pii-generators.js";
import { SeededRandom } from "../pii-generators.js";

export const random = new SeededRandom(0x4e1d2);

/** A personal value placed in a sentence, as written. */
export interface Value {
  type: PiiType;
  text: string;
}
export type Part = string | number | Value;

/** A written sentence and where its personal values lie. */
export interface Draft {
  text: string;
  spans: EvaluationSpan[];
}

export const v = (type: PiiType, text: string): Value => ({ type, text });

/** `s\`Meu CPF é ${cpf()}\``: the text, with a span over every interpolated Value. */
export function s(strings: TemplateStringsArray, ...parts: Part[]): Draft {
  let text = strings[0] ?? "";
  const spans: EvaluationSpan[] = [];
  parts.forEach((part, index) => {
    if (typeof part === "object") {
      if (part.text.trim() !== part.text) throw new Error(`span with spaces: "${part.text}"`);
      spans.push({ type: part.type, start: text.length, end: text.length + part.text.length });
      text += part.text;
    } else {
      text += String(part);
    }
    text += strings[index + 1] ?? "";
  });
  return { text, spans };
}

export const pick = <T>(values: readonly T[]): T => random.pick(values);
export const chance = (probability: number): boolean => random.next() < probability;

// ----- written forms ------------------------------------------------------------------------

/** The value with its letters and digits only. */
export const compact = (value: Value): Value => v(value.type, value.text.replace(/[^\dA-Z]/gi, ""));
/** Digits grouped by spaces instead of dots and dashes. */
export const spaced = (value: Value): Value =>
  v(value.type, value.text.replace(/[.\-/]+/g, " ").replace(/ {2,}/g, " "));
/** Dashes typed as an en dash (what a phone's keyboard or a word processor puts in). */
export const enDash = (value: Value): Value => v(value.type, value.text.replace(/-/g, "–"));
export const nonBreakingHyphen = (value: Value): Value =>
  v(value.type, value.text.replace(/-/g, "\u2011"));
export const lower = (value: Value): Value => v(value.type, value.text.toLowerCase());
/** Split across two lines at `at` characters, as a narrow screen or a pasted form wraps it. */
export const brokenAt = (value: Value, at: number): Value =>
  v(value.type, `${value.text.slice(0, at).trimEnd()}\n${value.text.slice(at).trimStart()}`);

function dotted(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ".");
}

// ----- identifiers --------------------------------------------------------------------------

export const cpf = (formatted?: boolean): Value =>
  v("BR_CPF", gen.cpf(random, formatted ?? random.boolean()).text);
export const cnpj = (formatted?: boolean): Value =>
  v("BR_CNPJ", gen.cnpj(random, { formatted: formatted ?? random.boolean() }).text);
export const cnpjAlphanumeric = (): Value =>
  v("BR_CNPJ", gen.cnpj(random, { alphanumeric: true, formatted: true }).text);
export const pis = (formatted?: boolean): Value =>
  v("BR_PIS", gen.pis(random, formatted ?? random.boolean()).text);
export const cnh = (): Value => v("BR_CNH", gen.cnh(random).text);

/** São Paulo's RG: eight digits and a mod-11 check (X for 10), weights 2 to 9. */
export function rg(formatted = random.boolean()): Value {
  const body = random.digits(8);
  const sum = Array.from(body).reduce(
    (total, digit, index) => total + Number(digit) * (index + 2),
    0,
  );
  const check = sum % 11 === 10 ? "X" : String(sum % 11);
  return v(
    "BR_RG",
    formatted ? `${body.slice(0, 2)}.${body.slice(2, 5)}.${body.slice(5)}-${check}` : body + check,
  );
}

/** A CEP of a real first-digit region, written 00000-000 or plain. */
export function cep(formatted = random.boolean()): Value {
  const digits = String(random.integer(1, 9)) + random.digits(7);
  return v("BR_CEP", formatted ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits);
}

export const curp = (): Value => v("MX_CURP", gen.curp(random).text);
export const rfc = (company?: boolean): Value =>
  v("MX_RFC", gen.rfc(random, company === undefined ? {} : { company }).text);
export const clabe = (): Value => v("MX_CLABE", gen.clabe(random).text);
export const clabeNewBank = (): Value => v("MX_CLABE", gen.clabeOutsideBankList(random).text);
export const ine = (): Value => v("MX_INE", gen.ine(random).text);
export const cuit = (formatted?: boolean): Value =>
  v("AR_CUIT", gen.cuit(random, formatted ?? random.boolean()).text);

/** An Argentine DNI: seven or eight digits, usually written with dots. */
export function arDni(formatted = random.boolean()): Value {
  const digits = String(random.integer(8_000_000, 47_999_999));
  return v("AR_DNI", formatted ? dotted(digits) : digits);
}

export const rut = (style?: "dotted" | "hyphen"): Value =>
  v("CL_RUT", gen.rut(random, style ?? (random.boolean() ? "dotted" : "hyphen")).text);
export const nit = (formatted?: boolean): Value =>
  v("CO_NIT", gen.nit(random, formatted ?? random.boolean()).text);

/** A Colombian cédula de ciudadanía: eight or ten digits, often written with dots. */
export function coCedula(formatted = random.boolean()): Value {
  const digits = random.boolean()
    ? String(random.integer(10_000_000, 99_999_999))
    : `10${random.integer(0, 9)}${random.digits(7)}`;
  return v("CO_CEDULA", formatted ? dotted(digits) : digits);
}

export const peRuc = (): Value => v("PE_RUC", gen.peruRuc(random).text);
export const peDni = (): Value => v("PE_DNI", gen.peruDni(random).text);
export const ecCedula = (): Value => v("EC_CEDULA", gen.ecuadorCedula(random).text);
export const ecRuc = (): Value => v("EC_RUC", gen.ecuadorRuc(random).text);
export const uyCedula = (formatted?: boolean): Value =>
  v("UY_CEDULA", gen.uruguayCedula(random, formatted ?? random.boolean()).text);
export const uyRut = (formatted?: boolean): Value =>
  v("UY_RUT", gen.uruguayRut(random, formatted ?? random.boolean()).text);

/** A Venezuelan cédula: V or E and seven or eight digits ("V-12.345.678", "V18345901"). */
export function veCedula(): Value {
  const letter = random.next() < 0.85 ? "V" : "E";
  const digits = String(random.integer(4_000_000, 31_999_999));
  return v(
    "VE_CEDULA",
    pick([`${letter}-${dotted(digits)}`, `${letter}${digits}`, `${letter}-${digits}`]),
  );
}

export const rif = (formatted?: boolean): Value =>
  v("VE_RIF", gen.rif(random, formatted ?? random.boolean()).text);
export const pyRuc = (): Value => v("PY_RUC", gen.paraguayRuc(random).text);
export const card = (grouped?: boolean): Value =>
  v("CARD", gen.card(random, grouped ?? random.boolean()).text);

type PhoneRegion = "BR" | "MX" | "AR" | "CL" | "CO" | "PE";
export const phone = (region?: PhoneRegion, international?: boolean): Value =>
  v(
    "PHONE",
    gen.phone(
      random,
      region ?? pick(["BR", "MX", "AR", "CL", "CO", "PE"] as const),
      international ?? random.boolean(),
    ).text,
  );

/** Phones of the countries the generators leave out, checked against the numbering plan. */
export function otherPhone(region: "UY" | "VE" | "EC" | "PY" | "CR" | "GT" | "BO"): Value {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = {
      UY: () => `+598 9${random.integer(1, 9)} ${random.digits(3)} ${random.digits(3)}`,
      VE: () =>
        `+58 ${pick(["412", "414", "416", "424", "426"])} ${random.digits(3)} ${random.digits(4)}`,
      EC: () => `+593 9${random.integer(5, 9)} ${random.digits(3)} ${random.digits(4)}`,
      PY: () => `+595 9${pick(["71", "72", "81", "82", "85", "91"])} ${random.digits(6)}`,
      CR: () => `+506 ${random.integer(6, 8)}${random.digits(3)} ${random.digits(4)}`,
      GT: () => `+502 ${random.integer(3, 5)}${random.digits(3)} ${random.digits(4)}`,
      BO: () => `+591 7${random.digits(7)}`,
    }[region]();
    const parsed = parsePhoneNumber(candidate);
    if (parsed.valid && parsed.regionCode === region) return v("PHONE", candidate);
  }
  throw new Error(`no valid ${region} phone in 1000 tries`);
}

/** A national Venezuelan mobile as people write it: 0414-1234567. */
export function vePhoneNational(): Value {
  for (;;) {
    const candidate = `04${pick(["12", "14", "16", "24", "26"])}-${random.digits(7)}`;
    if (parsePhoneNumber(candidate, { regionCode: "VE" }).valid) return v("PHONE", candidate);
  }
}

/** A national Uruguayan mobile: 099 123 456. */
export function uyPhoneNational(): Value {
  for (;;) {
    const candidate = `09${random.integer(1, 9)} ${random.digits(3)} ${random.digits(3)}`;
    if (parsePhoneNumber(candidate, { regionCode: "UY" }).valid) return v("PHONE", candidate);
  }
}

const mailHosts = [
  "gmail.com",
  "hotmail.com",
  "outlook.com",
  "yahoo.com.mx",
  "yahoo.com.br",
  "uol.com.br",
  "bol.com.br",
  "terra.com.br",
  "live.com.ar",
  "fibertel.com.ar",
  "gmail.cl",
  "une.net.co",
  "icloud.com",
  "protonmail.com",
];
const mailWords = [
  "mari",
  "jose.luis",
  "anapaula",
  "rodrigues.f",
  "guadalupe_hdz",
  "carlitos",
  "nay.quispe",
  "fer.santos",
  "dra.mendes",
  "contato.joana",
  "kenji.t",
  "lu_oliveira",
  "yamileth",
  "pato.rivas",
  "r.haddad",
  "tiago.nakamura",
  "xime",
  "b.condori",
  "dani.schulz",
  "monica.pech",
];

export function email(host = pick(mailHosts)): Value {
  const suffix = pick(["", String(random.integer(1, 99)), String(random.integer(1960, 2008))]);
  return v("EMAIL", `${pick(mailWords)}${suffix}@${host}`);
}

// ----- names --------------------------------------------------------------------------------

export type Lang = "es" | "pt";
export type Gender = "f" | "m";

const givenNames: Record<Lang, Record<Gender, string[]>> = {
  es: {
    f: [
      "Marisol",
      "Yesenia",
      "Itzel",
      "Xóchitl",
      "Guadalupe",
      "Yamileth",
      "Nayeli",
      "Citlali",
      "Ximena",
      "Valentina",
      "Camila",
      "Yuliana",
      "Dayana",
      "Killa",
      "Nayra",
      "Ayelén",
      "Millaray",
      "Wayra",
      "María Fernanda",
      "Luz Marina",
      "Ana Lucía",
      "Rosa Elvira",
      "Florencia",
      "Agustina",
      "Yolanda",
      "Griselda",
      "Dulce María",
    ],
    m: [
      "José Luis",
      "Juan Carlos",
      "Wilmer",
      "Mateo",
      "Santiago",
      "Brayan",
      "Edwin",
      "Fredy",
      "Héctor",
      "Rigoberto",
      "Inti",
      "Amaru",
      "Nahuel",
      "Lautaro",
      "Tonatiuh",
      "Cuauhtémoc",
      "Jhon Fredy",
      "Patricio",
      "Maximiliano",
      "Efraín",
      "Anselmo",
      "Eusebio",
    ],
  },
  pt: {
    f: [
      "Maria das Graças",
      "Francisca",
      "Jéssica",
      "Luana",
      "Yasmin",
      "Ketlen",
      "Adriana",
      "Iara",
      "Potira",
      "Araci",
      "Dandara",
      "Benedita",
      "Conceição",
      "Maria Aparecida",
      "Ana Clara",
      "Rosângela",
      "Cleide",
      "Josefa",
      "Railane",
      "Tainá",
      "Janaína",
      "Heloísa",
      "Rayssa",
    ],
    m: [
      "Antônio",
      "Raimundo",
      "Sebastião",
      "Thiago",
      "Kauã",
      "Weslley",
      "Jaci",
      "Moacir",
      "Ubirajara",
      "Kauê",
      "João Pedro",
      "Luiz Fernando",
      "Edivaldo",
      "Gilberto",
      "Cícero",
      "Severino",
      "Marcos Vinícius",
    ],
  },
};
const surnames: Record<Lang, string[]> = {
  es: [
    "Quispe",
    "Mamani",
    "Huamán",
    "Condori",
    "Yupanqui",
    "Painequeo",
    "Catrileo",
    "Huenchullán",
    "Cauich",
    "Pech",
    "Canul",
    "Chan",
    "Hernández",
    "Ramírez",
    "Gutiérrez",
    "Rivas",
    "Salazar",
    "Villca",
    "Choque",
    "Ticona",
    "Ccori",
    "Ñancupil",
    "Ortiz",
    "Mendoza",
    "Sepúlveda",
    "Araya",
    "Jaramillo",
    "Ospina",
    "Zambrano",
    "Cedeño",
    "Ibarra",
    "Benítez",
    "Acosta",
    "Peralta",
    "Iturbide",
    "Arévalo",
    "Colque",
    "Machaca",
    "Ruiz",
    "Pacheco",
  ],
  pt: [
    "da Silva",
    "dos Santos",
    "de Oliveira",
    "do Nascimento",
    "da Conceição",
    "de Jesus",
    "Bomfim",
    "Ferreira",
    "Rodrigues",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Ribeiro",
    "Carvalho",
    "Araújo",
    "Barbosa",
    "Cavalcanti",
    "Albuquerque",
    "Guajajara",
    "Tupinambá",
    "Pataxó",
    "Xavier",
    "Rocha",
    "Moura",
    "Siqueira",
    "Brandão",
    "Sampaio",
    "Teixeira",
    "Falcão",
  ],
};
/** Immigrant families: Japanese, Lebanese, Palestinian, Italian, German, Chinese, Croatian. */
const immigrantNames: Record<Lang, Record<Gender, string[]>> = {
  es: {
    f: [
      "Akemi Higa",
      "Nadia Haddad",
      "Lucía Bianchi",
      "Ingrid Schmidt",
      "Daniela Saíd Abumohor",
      "Sofía Goldberg",
      "Ivana Kovačević",
      "Mónica Yoshida",
    ],
    m: [
      "Hiroshi Tanaka Quispe",
      "Carlos Nakamura Ríos",
      "Jorge Abdala Saba",
      "Salim Kattan",
      "Franco Rossi Alvarado",
      "Hans Müller",
      "Ricardo Weber Soto",
      "Luis Chang Wong",
      "Tomás O'Higgins Lagos",
      "Emilio Zanetti",
    ],
  },
  pt: {
    f: [
      "Akemi Takahashi",
      "Erika Sato Nogueira",
      "Nádia Jafet",
      "Giovanna Bertolucci",
      "Helga Kunz",
      "Fernanda Kowalski",
      "Lúcia Hamada",
      "Bruna Zimmermann",
    ],
    m: [
      "Paulo Yamamoto",
      "Mário Hayashi",
      "Samir Haddad",
      "Rafael Maluf",
      "Marcos Zanetti",
      "Klaus Schneider",
      "Cristiano Schulz",
      "Tiago Nakamura",
      "Jorge Nassif",
      "Renato Sakamoto",
    ],
  },
};
/** Names with "de", "da", "dos", "del" in them. */
/** Indigenous given names and surnames: Quechua, Aymara, Mapuche, Maya, Nahua. */
export const indigenousNames = [
  "Inti Mamani Choque",
  "Killa Quispe Condori",
  "Millaray Painequeo",
  "Nahuel Catrileo",
  "Wayra Ticona Colque",
  "Amaru Yupanqui",
  "Ayelén Huenchullán",
  "Tonatiuh Cauich Pech",
  "Nayra Machaca",
  "Lautaro Ñancupil",
  "Citlali Canul",
  "Amaru Ccori Huamán",
];
const compoundNames: Record<Lang, Record<Gender, string[]>> = {
  es: {
    f: [
      "Rosa María del Carmen Ríos",
      "María de los Ángeles Torres",
      "Ana Belén de León",
      "Carmen Rosa de la Torre",
    ],
    m: [
      "Juan Pablo de la Cruz",
      "José de Jesús Navarro",
      "Luis Alberto del Valle Paz",
      "Francisco de Paula Mejía",
    ],
  },
  pt: {
    f: [
      "Ana Paula dos Santos",
      "Maria de Lourdes Ferreira",
      "Maria do Socorro Lima",
      "Raimunda da Costa e Silva",
    ],
    m: [
      "João Batista da Silva",
      "José Carlos de Oliveira Neto",
      "Francisco das Chagas Souza",
      "Antônio dos Reis Moura",
    ],
  },
};

const someGender = (): Gender => (random.boolean() ? "f" : "m");

export function givenName(lang: Lang, gender: Gender = someGender()): Value {
  return v("PERSON_NAME", pick(givenNames[lang][gender]));
}

function twoSurnames(lang: Lang, probability: number): string {
  const first = pick(surnames[lang]);
  let second = pick(surnames[lang]);
  while (second === first) second = pick(surnames[lang]);
  return chance(probability) ? `${first} ${second}` : first;
}

/** A full name of the language's countries: native, indigenous, immigrant or compound. */
export function fullName(lang: Lang, gender: Gender = someGender()): Value {
  const roll = random.next();
  if (roll < 0.18) return v("PERSON_NAME", pick(immigrantNames[lang][gender]));
  if (roll < 0.3) return v("PERSON_NAME", pick(compoundNames[lang][gender]));
  const surname = twoSurnames(lang, lang === "es" ? 0.7 : 0.5);
  return v("PERSON_NAME", `${givenName(lang, gender).text} ${surname}`);
}

/** A given name and one surname: "Itzel Pech", "Luana Bomfim". */
export function shortName(lang: Lang, gender: Gender = someGender()): Value {
  return v("PERSON_NAME", `${givenName(lang, gender).text} ${twoSurnames(lang, 0)}`);
}

// ----- health -------------------------------------------------------------------------------

type ConditionKind = "adult" | "child" | "crisis" | "hospital" | "cancer" | "acute";

/** Conditions by what a sentence can say of them: a child's, one that sends someone to hospital… */
const conditions: Record<Lang, Record<ConditionKind, string[]>> = {
  es: {
    adult: [
      "diabetes tipo 2",
      "hipertensión",
      "asma",
      "depresión",
      "ansiedad generalizada",
      "epilepsia",
      "cáncer de mama",
      "hipotiroidismo",
      "artritis reumatoide",
      "lupus",
      "insuficiencia renal crónica",
      "Alzheimer",
      "trastorno bipolar",
      "esquizofrenia",
      "hepatitis C",
      "tuberculosis",
      "migraña crónica",
      "fibromialgia",
      "enfermedad celíaca",
      "enfermedad de Crohn",
      "anemia",
      "cálculos renales",
      "glaucoma",
      "EPOC",
      "Parkinson",
      "VIH",
      "cáncer de próstata",
      "colon irritable",
      "psoriasis",
    ],
    child: [
      "asma",
      "TDAH",
      "trastorno del espectro autista",
      "epilepsia",
      "diabetes tipo 1",
      "dislexia",
      "alergia al maní",
      "enfermedad celíaca",
      "cardiopatía congénita",
      "síndrome de Down",
    ],
    crisis: ["asma", "epilepsia", "diabetes tipo 1", "crisis de pánico", "alergia al maní"],
    hospital: [
      "neumonía",
      "apendicitis",
      "covid",
      "dengue",
      "pancreatitis",
      "cirrosis",
      "preeclampsia",
      "insuficiencia renal",
    ],
    cancer: [
      "cáncer de mama",
      "cáncer de próstata",
      "leucemia",
      "linfoma",
      "cáncer de colon",
      "cáncer de cuello uterino",
    ],
    acute: [
      "lumbalgia",
      "gastroenteritis",
      "influenza",
      "bronquitis",
      "esguince de tobillo",
      "covid",
      "conjuntivitis",
      "migraña",
    ],
  },
  pt: {
    adult: [
      "diabetes",
      "hipertensão",
      "asma",
      "depressão",
      "ansiedade",
      "câncer de mama",
      "câncer de próstata",
      "epilepsia",
      "hipotireoidismo",
      "lúpus",
      "esclerose múltipla",
      "síndrome do pânico",
      "transtorno bipolar",
      "Alzheimer",
      "Parkinson",
      "doença celíaca",
      "anemia falciforme",
      "hanseníase",
      "tuberculose",
      "insuficiência cardíaca",
      "HIV",
      "hepatite B",
      "fibromialgia",
      "endometriose",
      "glaucoma",
      "artrose no joelho",
      "pedra no rim",
      "retocolite ulcerativa",
    ],
    child: [
      "asma",
      "TDAH",
      "autismo",
      "epilepsia",
      "diabetes tipo 1",
      "dislexia",
      "alergia a amendoim",
      "doença celíaca",
      "cardiopatia congênita",
      "síndrome de Down",
    ],
    crisis: ["asma", "epilepsia", "diabetes tipo 1", "síndrome do pânico", "alergia a amendoim"],
    hospital: [
      "pneumonia",
      "apendicite",
      "covid",
      "dengue",
      "pancreatite",
      "AVC",
      "infarto",
      "insuficiência renal",
    ],
    cancer: [
      "câncer de mama",
      "câncer de próstata",
      "leucemia",
      "linfoma",
      "câncer de intestino",
      "câncer de colo do útero",
    ],
    acute: [
      "lombalgia",
      "gastroenterite",
      "gripe",
      "bronquite",
      "entorse no tornozelo",
      "conjuntivite",
      "sinusite",
    ],
  },
};
const spanishDrugs = [
  "metformina",
  "sertralina",
  "losartán",
  "levotiroxina",
  "insulina glargina",
  "fluoxetina",
  "metilfenidato",
  "valproato",
  "quetiapina",
  "enalapril",
  "salbutamol",
  "clonazepam",
];
const portugueseDrugs = [
  "metformina",
  "sertralina",
  "losartana",
  "levotiroxina",
  "insulina NPH",
  "fluoxetina",
  "ritalina",
  "escitalopram",
  "carbamazepina",
  "rivotril",
  "tamoxifeno",
  "antirretroviral",
];

export function condition(lang: Lang, kind: ConditionKind = "adult"): Value {
  return v("HEALTH", pick(conditions[lang][kind]));
}

export function drug(lang: Lang): Value {
  return v("HEALTH", pick(lang === "es" ? spanishDrugs : portugueseDrugs));
}

// ----- street addresses ---------------------------------------------------------------------

const number = (minimum = 10, maximum = 4999): number => random.integer(minimum, maximum);

/** Residential addresses of each country in its own convention; span rule in the header. */
export const addresses = {
  mx: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `Calle ${pick(["Hidalgo", "Morelos", "Allende", "Aldama", "Guerrero", "Zaragoza"])} ${number(1, 900)}${chance(0.5) ? ` int. ${random.integer(1, 12)}` : ""}`,
        () =>
          `Av. ${pick(["Benito Juárez", "Revolución", "Insurgentes Sur", "Tláhuac", "Lázaro Cárdenas"])} ${number()}${chance(0.4) ? `, depto. ${random.integer(1, 5)}0${random.integer(1, 4)}` : ""}`,
        () =>
          `${pick(["Privada", "Cerrada", "Andador"])} de ${pick(["los Pinos", "Tulipanes", "la Rosa", "San Juan"])} ${number(1, 80)}`,
        () =>
          `Calle ${random.integer(20, 70)} x ${random.integer(20, 70)} y ${random.integer(20, 70)} #${number(100, 999)}`,
        () =>
          `Mz ${random.integer(1, 60)} Lt ${random.integer(1, 40)}, calle ${pick(["Amapola", "Jazmín", "Cedro", "Ocote"])}`,
      ])(),
    ),
  ar: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `Av. ${pick(["Rivadavia", "Corrientes", "San Martín", "Belgrano", "Cabildo"])} ${number()}${chance(0.6) ? ` ${random.integer(1, 12)}º ${pick(["A", "B", "C", "D"])}` : ""}`,
        () =>
          `${pick(["Tucumán", "Lavalle", "Güemes", "Bolívar", "Moreno", "Sarmiento"])} ${number()}, piso ${random.integer(1, 14)}, depto ${pick(["A", "B", "C", "F"])}`,
        () => `calle ${random.integer(1, 160)} nº ${number(100, 2200)}`,
        () => `Ruta Provincial ${random.integer(2, 90)} km ${random.integer(3, 120)}`,
      ])(),
    ),
  cl: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `Pasaje ${pick(["Los Aromos", "Las Acacias", "El Roble", "Los Copihues"])} ${number(100, 3999)}${chance(0.5) ? `, depto ${random.integer(1, 20)}0${random.integer(1, 8)}` : ""}`,
        () =>
          `Av. ${pick(["Grecia", "Matta", "Vicuña Mackenna", "Tobalaba", "Pajaritos"])} ${number()}, block ${random.integer(1, 30)}, dpto. ${random.integer(100, 500)}`,
        () => `${pick(["Los Carrera", "Freire", "Chacabuco", "O'Higgins"])} ${number(100, 2500)}`,
        () =>
          `Parcela ${random.integer(1, 90)}, camino a ${pick(["Lonquén", "Pirque", "Melipilla"])} km ${random.integer(2, 40)}`,
      ])(),
    ),
  co: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `Calle ${random.integer(1, 180)} # ${random.integer(1, 120)}-${random.integer(1, 99)}${chance(0.5) ? ` apto ${random.integer(1, 20)}0${random.integer(1, 6)}` : ""}`,
        () =>
          `Carrera ${random.integer(1, 110)}${pick(["", "A", "B", " Bis"])} No. ${random.integer(1, 150)}-${random.integer(1, 99)}`,
        () =>
          `Cra ${random.integer(1, 90)} ${random.integer(10, 99)}-${random.integer(10, 99)}, torre ${random.integer(1, 6)} apto ${random.integer(101, 1504)}`,
        () =>
          `Diagonal ${random.integer(10, 80)} Sur # ${random.integer(5, 70)}-${random.integer(10, 60)}`,
        () =>
          `Transversal ${random.integer(2, 60)} #${random.integer(10, 120)}-${random.integer(1, 90)} casa ${random.integer(1, 40)}`,
      ])(),
    ),
  pe: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `Jr. ${pick(["Huallaga", "Junín", "Ica", "Ayacucho", "Callao"])} ${number(100, 1500)}${chance(0.5) ? ` dpto. ${random.integer(101, 804)}` : ""}`,
        () =>
          `Av. ${pick(["Arequipa", "Brasil", "Túpac Amaru", "Los Próceres", "Javier Prado Este"])} ${number(100, 5000)}, int. ${random.integer(1, 30)}`,
        () =>
          `Mz. ${pick(["A", "B", "C", "F", "K"])} Lt. ${random.integer(1, 40)}, Asoc. ${pick(["Los Olivos de Pro", "Santa Rosa", "Villa Sol"])}`,
        () => `Calle ${pick(["Los Geranios", "Las Begonias", "Alcanfores"])} ${number(100, 900)}`,
      ])(),
    ),
  ve: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `Av. ${pick(["Principal de Los Palos Grandes", "Andrés Bello", "Urdaneta"])}, Edif. ${pick(["Ávila", "Residencias Mara", "Torre Sur"])}, piso ${random.integer(1, 15)}, apto ${random.integer(1, 15)}-${pick(["A", "B", "C"])}`,
        () =>
          `Calle ${pick(["Real de Sabana Grande", "Los Mangos", "El Carmen"])}, casa Nº ${random.integer(1, 120)}`,
        () =>
          `Vereda ${random.integer(1, 40)}, casa ${random.integer(1, 60)}, sector ${pick(["La Pradera", "El Valle"])}`,
      ])(),
    ),
  uy: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `Bulevar Artigas ${number(100, 4500)} apto ${random.integer(1, 12)}0${random.integer(1, 4)}`,
        () =>
          `${pick(["Colonia", "Mercedes", "Canelones", "Rivera", "Maldonado"])} ${number(800, 2500)}${chance(0.5) ? ` esc. ${random.integer(101, 902)}` : ""}`,
        () =>
          `Camino ${pick(["Carrasco", "Maldonado", "Repetto"])} km ${random.integer(10, 30)}.${random.integer(1, 9)}`,
      ])(),
    ),
  ec: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `Av. ${pick(["6 de Diciembre", "Amazonas", "10 de Agosto"])} N${random.integer(20, 60)}-${random.integer(10, 300)} y ${pick(["Orellana", "Colón", "Whymper"])}`,
        () =>
          `Cdla. ${pick(["La Alborada", "Sauces 8", "Urdesa"])} mz. ${random.integer(1, 400)} villa ${random.integer(1, 30)}`,
      ])(),
    ),
  /** Central America: directions from a landmark, as the post itself writes them. */
  ca: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `de la iglesia ${pick(["católica", "de San Pedro", "La Merced"])} ${pick(["100", "200", "300", "150"])} metros al ${pick(["norte", "sur", "este", "oeste"])}, casa ${pick(["esquinera", "de portón negro", "verde"])}`,
        () =>
          `del ${pick(["Palí", "antiguo cine", "Banco Nacional", "parque central"])} ${random.integer(1, 4)} cuadras al ${pick(["lago", "sur", "arriba", "abajo"])}, casa ${random.integer(2, 90)}`,
        () =>
          `${random.integer(1, 15)}a. avenida ${random.integer(1, 30)}-${random.integer(10, 90)}, zona ${random.integer(1, 18)}`,
        () =>
          `Colonia ${pick(["Kennedy", "Las Colinas", "Miraflores"])}, bloque ${random.integer(1, 40)}, casa ${random.integer(1, 60)}`,
        () =>
          `Residencial ${pick(["Los Álamos", "Santa Elena"])}, pasaje ${pick(["3", "5", "B", "Los Mangos"])}, casa #${random.integer(1, 90)}`,
      ])(),
    ),
  br: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `Rua ${pick(["das Flores", "Sete de Setembro", "Marechal Deodoro", "Padre Anchieta", "Dom Pedro II", "José Bonifácio", "Itapeva"])}, ${number(10, 2400)}${chance(0.5) ? `, apto ${random.integer(1, 22)}0${random.integer(1, 8)}` : ""}`,
        () =>
          `Av. ${pick(["Brasil", "Getúlio Vargas", "Sete de Setembro", "Afonso Pena", "Caxangá"])}, ${number()}${chance(0.5) ? `, bloco ${pick(["A", "B", "C", "2"])}, ap. ${random.integer(101, 1204)}` : ""}`,
        () =>
          `R. ${pick(["Tabapuã", "Augusta", "Voluntários da Pátria", "Bahia", "Goitacazes"])} ${number(10, 3000)}${chance(0.5) ? ` casa ${random.integer(1, 4)}` : ""}`,
        () => `Travessa ${pick(["São Jorge", "Boa Esperança", "do Comércio"])}, ${number(1, 300)}`,
        () =>
          `Estrada ${pick(["do Sabão", "Velha de Cotia", "da Cachoeira"])}, km ${random.integer(2, 40)}`,
        () =>
          `Rua ${random.integer(1, 40)}, quadra ${random.integer(1, 90)}, lote ${random.integer(1, 30)}`,
        () =>
          `Sítio ${pick(["Boa Vista", "Santa Luzia", "Três Irmãos"])}, Rodovia ${pick(["BR-116", "SP-270", "MG-050", "BR-101"])}, km ${random.integer(10, 500)}`,
        () => `Rua ${pick(["Projetada", "Nova", "da Paz"])}, s/n`,
      ])(),
    ),
  /** A Brazilian street with no number, "s/n". */
  brNoNumber: (): Value =>
    v(
      "STREET_ADDRESS",
      `${pick(["Rua", "Travessa", "Estrada", "Av."])} ${pick(["Projetada", "Boa Vista", "São Sebastião", "do Cruzeiro"])}, s/n`,
    ),
  /** Brasília: superquadras, blocks and flats. */
  df: (): Value =>
    v(
      "STREET_ADDRESS",
      pick([
        () =>
          `${pick(["SQN", "SQS"])} ${pick(["108", "206", "309", "412", "114", "203"])} Bloco ${pick(["A", "C", "E", "H", "K"])} apto ${random.integer(101, 606)}`,
        () =>
          `QNM ${random.integer(1, 40)} Conjunto ${pick(["A", "B", "C", "H"])} Casa ${random.integer(1, 40)}`,
        () =>
          `SHIN QI ${random.integer(1, 14)} Conjunto ${random.integer(1, 9)} Casa ${random.integer(1, 20)}`,
        () =>
          `CLN ${pick(["110", "203", "405"])} Bloco ${pick(["B", "D"])} sala ${random.integer(100, 230)}`,
      ])(),
    ),
};

export type AddressRegion = keyof typeof addresses;
export const spanishRegions: AddressRegion[] = [
  "mx",
  "ar",
  "cl",
  "co",
  "pe",
  "ve",
  "uy",
  "ec",
  "ca",
];
export const spanishAddress = (): Value => addresses[pick(spanishRegions)]();
export const brazilianAddress = (): Value => (chance(0.2) ? addresses.df() : addresses.br());

// ----- fillers for negatives and context ----------------------------------------------------

export const price = (lang: Lang): string =>
  lang === "pt"
    ? `R$ ${random.integer(9, 4800)},${pick(["00", "90", "99", "50"])}`
    : pick([
        `$${random.integer(49, 9999)}`,
        `$ ${dotted(String(random.integer(2000, 890000)))}`,
        `S/ ${random.integer(10, 900)}.${pick(["00", "50", "90"])}`,
        `USD ${random.integer(5, 600)}`,
      ]);
const pad = (value: number): string => String(value).padStart(2, "0");
export const date = (): string =>
  `${pad(random.integer(1, 28))}/${pad(random.integer(1, 12))}/${random.integer(2024, 2027)}`;
/** A birth date, in the past. */
export const birthDate = (): string =>
  `${pad(random.integer(1, 28))}/${pad(random.integer(1, 12))}/${random.integer(1940, 2022)}`;
export const time = (): string => `${random.integer(7, 19)}:${pick(["00", "15", "30", "45"])}`;
export const orderNumber = (): string => String(random.integer(100_000, 9_999_999));
export const quantity = (): number => random.integer(2, 48);
export const year = (): number => random.integer(1950, 2026);

// ----- frames -------------------------------------------------------------------------------

/** One hand-written sentence frame: its language, how its values are placed, and its writer. */
export interface Frame {
  lang: Lang;
  form: string;
  build: () => Draft;
}

export const frame = (lang: Lang, form: string, build: () => Draft): Frame => ({
  lang,
  form,
  build,
});
