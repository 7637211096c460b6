/**
 * The values of the sixth held-out set (heldout6-sentences.ts): one seeded random source; every
 * identifier type of the catalogue made by test/support/pii-generators.ts (and the few it lacks
 * made here), with the words a receptionist, teacher, shop assistant or clerk in Latin America
 * writes before it; people's names, home addresses of eleven countries, health conditions and
 * medicines; and the written forms a value arrives in. Written without reading the detectors.
 *
 * Span rules, as the earlier sets mark them: STREET_ADDRESS from the street type (or the street's
 * name) to its last complement (number, flat, floor, block, lot, km, "s/n"), neighbourhood, city
 * and postal code outside; PERSON_NAME the name only, without "Sr.", "Dra.", "Lic."; HEALTH the
 * words of the condition or the medicine tied to a person, not the verb before them.
 */
import { parsePhoneNumber } from "awesome-phonenumber";
import type { PiiType } from "../../../src/core/pii-types.js";
import type { EvaluationSpan } from "../../../tools/bench/privacy-evaluation-line.js";
import * as gen from "../pii-generators.js";
import { SeededRandom } from "../pii-generators.js";

export const random = new SeededRandom(0x5eed6);
export const pick = <T>(values: readonly T[]): T => random.pick(values);
export const chance = (probability: number): boolean => random.next() < probability;
export const int = (low: number, high: number): number => random.integer(low, high);

export type Lang = "es" | "pt";
export type Country = "MX" | "AR" | "CO" | "PE" | "CL" | "EC" | "VE" | "UY" | "PY" | "BO" | "BR";
export const spanishCountries: readonly Country[] = [
  "MX",
  "AR",
  "CO",
  "PE",
  "CL",
  "EC",
  "VE",
  "UY",
  "PY",
  "BO",
];

/** A personal value placed in a text, as written. */
export interface Value {
  type: PiiType;
  text: string;
}
/** A written text and where its personal values lie. */
export interface Draft {
  text: string;
  spans: EvaluationSpan[];
}
export type Part = string | number | Value | Draft;

export const v = (type: PiiType, text: string): Value => ({ type, text });

const isDraft = (part: Part): part is Draft => typeof part === "object" && "spans" in part;

/** `s\`Mi CURP es ${value}\``: the text, with a span over every Value and every Draft's spans. */
export function s(strings: TemplateStringsArray, ...parts: Part[]): Draft {
  let text = strings[0] ?? "";
  const spans: EvaluationSpan[] = [];
  parts.forEach((part, index) => {
    if (typeof part !== "object") {
      text += String(part);
    } else if (isDraft(part)) {
      for (const span of part.spans) {
        spans.push({ ...span, start: span.start + text.length, end: span.end + text.length });
      }
      text += part.text;
    } else {
      if (part.text.trim() !== part.text || part.text === "") {
        throw new Error(`span with spaces: "${part.text}"`);
      }
      spans.push({ type: part.type, start: text.length, end: text.length + part.text.length });
      text += part.text;
    }
    text += strings[index + 1] ?? "";
  });
  return { text, spans };
}

const dotted = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ".");
const pad = (value: number): string => String(value).padStart(2, "0");

// ----- people -------------------------------------------------------------------------------

const given: Record<Lang, { f: string[]; m: string[] }> = {
  es: {
    f: [
      "Andrea",
      "Paola",
      "Lorena",
      "Rocío",
      "Mayra",
      "Yadira",
      "Fabiola",
      "Sonia",
      "Jimena",
      "Renata",
      "Milagros",
      "Soledad",
      "Brenda",
      "Karina",
      "Maite",
      "Antonella",
      "Abril",
      "Luciana",
      "Tatiana",
      "Nelly",
      "Gabriela",
      "Ana Sofía",
      "María José",
      "Flor de María",
      "Isabel",
      "Norma",
      "Teresa",
      "Araceli",
      "Zoila",
      "Wendy",
    ],
    m: [
      "Alejandro",
      "Diego",
      "Rodrigo",
      "Gonzalo",
      "Esteban",
      "Iván",
      "Julio César",
      "Miguel Ángel",
      "Rubén",
      "Óscar",
      "Hugo",
      "Ramiro",
      "Emiliano",
      "Thiago",
      "Benjamín",
      "Joaquín",
      "Franco",
      "Cristian",
      "Álvaro",
      "Germán",
      "Wilson",
      "Darwin",
      "Jhonatan",
      "Luis Enrique",
      "Marco Antonio",
      "Ernesto",
      "Ignacio",
      "Abel",
    ],
  },
  pt: {
    f: [
      "Camila",
      "Larissa",
      "Fernanda",
      "Beatriz",
      "Letícia",
      "Vitória",
      "Thaís",
      "Juliana",
      "Patrícia",
      "Sandra",
      "Eliane",
      "Simone",
      "Débora",
      "Gabriele",
      "Kelly",
      "Valdirene",
      "Maria Eduarda",
      "Ana Júlia",
      "Lívia",
      "Priscila",
      "Raquel",
      "Vanessa",
      "Sueli",
      "Aline",
    ],
    m: [
      "Rafael",
      "Gustavo",
      "Felipe",
      "Eduardo",
      "Rodrigo",
      "Diego",
      "Matheus",
      "Lucas",
      "Enzo",
      "Davi",
      "Arthur",
      "Leandro",
      "Wellington",
      "Reginaldo",
      "Valter",
      "Josué",
      "Francisco",
      "Paulo Henrique",
      "Carlos Eduardo",
      "João Vitor",
      "Ademir",
      "Cláudio",
      "Márcio",
    ],
  },
};

const surnames: Record<Lang, string[]> = {
  es: [
    "García",
    "Rodríguez",
    "Martínez",
    "López",
    "González",
    "Pérez",
    "Sánchez",
    "Romero",
    "Torres",
    "Flores",
    "Vargas",
    "Castillo",
    "Rojas",
    "Morales",
    "Herrera",
    "Medina",
    "Aguilar",
    "Vega",
    "Cruz",
    "Reyes",
    "Molina",
    "Cabrera",
    "Paredes",
    "Cárdenas",
    "Apaza",
    "Huanca",
    "Mamani",
    "Tito",
    "Carrasco",
    "Fuentes",
    "Valenzuela",
    "Muñoz",
    "Sosa",
    "Giménez",
    "Benítez",
    "Duarte",
    "Villalba",
    "Caballero",
    "Montoya",
    "Restrepo",
    "Londoño",
    "Guzmán",
    "Escobar",
    "Palacios",
    "Chávez",
    "Salinas",
    "Ortega",
    "Olivera",
    "Pereyra",
    "Fernández",
  ],
  pt: [
    "Souza",
    "Lima",
    "Ferreira",
    "Alves",
    "Pereira",
    "Ribeiro",
    "Carvalho",
    "Gomes",
    "Martins",
    "Araújo",
    "Barbosa",
    "Rocha",
    "Cardoso",
    "Teixeira",
    "Moreira",
    "Mendes",
    "Nunes",
    "Cavalcanti",
    "Bezerra",
    "Freitas",
    "Monteiro",
    "Pinto",
    "Correia",
    "Batista",
    "Vieira",
    "Campos",
    "Dias",
    "Machado",
    "Castro",
    "Rezende",
    "da Silva",
    "dos Santos",
    "de Oliveira",
    "da Costa",
    "de Almeida",
    "do Carmo",
  ],
};

export type Gender = "f" | "m";
const someGender = (): Gender => (chance(0.5) ? "f" : "m");

/** A given name alone: "Rocío", "Maria Eduarda". */
export function givenName(lang: Lang, gender: Gender = someGender()): Value {
  return v("PERSON_NAME", pick(given[lang][gender]));
}

function surname(lang: Lang): string {
  return pick(surnames[lang]);
}

/** A full name as the language's countries write it: es with two surnames most of the time. */
export function fullName(lang: Lang, gender: Gender = someGender()): Value {
  const first = pick(given[lang][gender]);
  const last = surname(lang);
  let second = surname(lang);
  while (second === last) second = surname(lang);
  const two = chance(lang === "es" ? 0.65 : 0.45);
  return v("PERSON_NAME", two ? `${first} ${last} ${second}` : `${first} ${last}`);
}

/** "Pérez Rojas, Andrea": how a list or a school's register writes a name. */
export function surnameFirst(lang: Lang, gender: Gender = someGender()): Value {
  const first = pick(given[lang][gender]);
  const last = lang === "es" ? `${surname("es")} ${surname("es")}` : surname("pt");
  return v("PERSON_NAME", `${last}, ${first}`);
}

// ----- addresses ----------------------------------------------------------------------------

const n = (low = 10, high = 3999): number => int(low, high);

const addressMakers: Record<Country, () => string> = {
  MX: () =>
    pick([
      () =>
        `Calle ${pick(["Niños Héroes", "Independencia", "Pino Suárez", "Matamoros"])} ${n(1, 900)}`,
      () =>
        `Av. ${pick(["Constituyentes", "Universidad", "Vallarta", "Gómez Morín"])} ${n()} int. ${int(1, 20)}`,
      () => `Retorno ${int(1, 40)} de ${pick(["Cecilio Robelo", "Fray Servando"])} ${n(1, 120)}`,
      () =>
        `Cda. de ${pick(["las Flores", "Jacarandas", "Olivos"])} ${n(1, 60)}, depto. ${int(1, 6)}`,
    ])(),
  AR: () =>
    pick([
      () =>
        `${pick(["Av. Santa Fe", "Av. Pueyrredón", "Av. Córdoba"])} ${n()} ${int(1, 15)}° ${pick(["A", "B", "C"])}`,
      () =>
        `${pick(["Thames", "Gorriti", "Humahuaca", "Jujuy", "Mitre"])} ${n()}, dpto ${int(1, 9)}`,
      () => `Pasaje ${pick(["Bollini", "Rivarola", "del Carmen"])} ${n(10, 900)}`,
      () => `calle ${int(1, 180)} N° ${n(100, 2500)}`,
    ])(),
  CO: () =>
    pick([
      () => `Cl. ${int(2, 170)} # ${int(1, 110)}-${int(1, 99)}`,
      () => `Carrera ${int(1, 100)} # ${int(1, 160)}-${int(1, 99)} apto ${int(101, 1204)}`,
      () => `Av. Calle ${int(20, 150)} # ${int(10, 99)}-${int(10, 90)}, int. ${int(1, 12)}`,
      () => `Kr ${int(1, 90)}${pick(["A", "B", "C"])} # ${int(1, 70)}-${int(10, 99)}`,
    ])(),
  PE: () =>
    pick([
      () => `Jr. ${pick(["Cusco", "Ancash", "Puno", "Moquegua"])} ${n(100, 1800)}`,
      () =>
        `Av. ${pick(["La Marina", "Universitaria", "Angamos Oeste"])} ${n(100, 4500)} dpto. ${int(101, 905)}`,
      () =>
        `Calle ${pick(["Las Magnolias", "Los Pinos", "Schell"])} ${n(100, 700)}, int. ${int(1, 9)}`,
      () =>
        `Mz. ${pick(["D", "G", "H", "J"])} Lt. ${int(1, 30)}, AA.HH. ${pick(["San Martín", "Villa Hermosa"])}`,
    ])(),
  CL: () =>
    pick([
      () =>
        `Av. ${pick(["Irarrázaval", "Independencia", "La Florida", "Ossa"])} ${n(100, 6000)}, depto ${int(101, 1802)}`,
      () => `Pasaje ${pick(["Las Golondrinas", "El Litre", "Los Maitenes"])} ${n(100, 2900)}`,
      () =>
        `${pick(["Manuel Montt", "Santa Isabel", "San Diego"])} ${n(100, 2500)}, dpto. ${int(21, 1505)}`,
    ])(),
  EC: () =>
    pick([
      () =>
        `Av. ${pick(["República", "Eloy Alfaro", "Naciones Unidas"])} E${int(2, 9)}-${int(10, 200)} y ${pick(["Portugal", "Shyris", "Italia"])}`,
      () =>
        `Calle ${pick(["Bolívar", "Sucre", "Olmedo"])} ${n(100, 1500)} y ${pick(["Rocafuerte", "Chile"])}`,
      () => `Mz. ${int(1, 300)} villa ${int(1, 40)}, ${pick(["Alborada", "Sauces 4"])}`,
    ])(),
  VE: () =>
    pick([
      () =>
        `Av. ${pick(["Francisco de Miranda", "Libertador", "Baralt"])}, Edif. ${pick(["Centauro", "Los Cedros"])}, piso ${int(1, 14)}, apto ${int(1, 14)}${pick(["A", "B", "C"])}`,
      () => `Calle ${pick(["Negrín", "Los Jabillos", "San Antonio"])}, casa N° ${int(1, 90)}`,
      () =>
        `Urb. ${pick(["La Trinidad", "El Paraíso"])}, calle ${int(1, 12)}, quinta ${pick(["Mi Refugio", "Los Abuelos"])} N° ${int(1, 40)}`,
    ])(),
  UY: () =>
    pick([
      () =>
        `${pick(["Av. 18 de Julio", "Av. Rivera", "Av. Italia"])} ${n(800, 4800)} apto ${int(101, 1204)}`,
      () => `${pick(["Soriano", "Paysandú", "Durazno", "Cerrito"])} ${n(100, 1800)} bis`,
      () => `Camino ${pick(["Carrasco", "Cibils"])} ${n(100, 6000)}`,
    ])(),
  PY: () =>
    pick([
      () =>
        `${pick(["Mcal. López", "Av. España", "Eusebio Ayala"])} ${n(100, 4500)} c/ ${pick(["Brasilia", "San Martín", "Kubitschek"])}`,
      () => `Calle ${pick(["Tte. Fariña", "Yegros", "Humaitá"])} N° ${n(100, 1800)}`,
      () =>
        `Barrio ${pick(["San Vicente", "Obrero"])}, calle ${pick(["Itapúa", "Cerro Corá"])} ${n(10, 900)}`,
    ])(),
  BO: () =>
    pick([
      () => `Av. ${pick(["6 de Agosto", "Arce", "Busch", "Cristo Redentor"])} N° ${n(100, 3200)}`,
      () =>
        `Calle ${pick(["Sagárnaga", "Potosí", "Ayacucho", "Junín"])} ${n(10, 900)}, zona ${pick(["Sopocachi", "Miraflores", "San Pedro"])}`,
      () => `Calle ${int(1, 30)} de ${pick(["Calacoto", "Achumani"])} N° ${n(10, 400)}`,
    ])(),
  BR: () =>
    pick([
      () =>
        `Rua ${pick(["Barão de Mauá", "Tiradentes", "Santos Dumont", "Bento Gonçalves", "XV de Novembro"])}, ${n(10, 2800)}`,
      () =>
        `Av. ${pick(["Paulista", "Boa Viagem", "João Pessoa", "Presidente Vargas"])}, ${n(10, 3500)}, apto ${int(11, 1204)}`,
      () =>
        `R. ${pick(["Amazonas", "Ceará", "Pernambuco", "Goiás"])} ${n(10, 1800)}, casa ${int(1, 5)}`,
      () => `Travessa ${pick(["Santa Rita", "do Rosário", "Campo Grande"])}, ${n(1, 400)}`,
      () => `Rua ${pick(["Projetada 4", "Sete", "Dez"])}, s/n`,
      () =>
        `Quadra ${int(1, 60)}, Lote ${int(1, 30)}, Rua ${pick(["das Palmeiras", `C-${int(1, 9)}`])}`,
    ])(),
};

export function address(country: Country): Value {
  return v("STREET_ADDRESS", addressMakers[country]());
}

export const city: Record<Country, readonly string[]> = {
  MX: ["Guadalajara", "Puebla", "Querétaro", "CDMX", "Mérida"],
  AR: ["CABA", "Rosario", "Córdoba", "Mendoza", "La Plata"],
  CO: ["Medellín", "Bogotá", "Cali", "Bucaramanga", "Pereira"],
  PE: ["Lima", "Arequipa", "Trujillo", "Cusco", "Chiclayo"],
  CL: ["Santiago", "Ñuñoa", "Valparaíso", "Concepción", "Temuco"],
  EC: ["Quito", "Guayaquil", "Cuenca", "Ambato"],
  VE: ["Caracas", "Maracaibo", "Valencia", "Barquisimeto"],
  UY: ["Montevideo", "Salto", "Paysandú", "Maldonado"],
  PY: ["Asunción", "Luque", "Encarnación", "Ciudad del Este"],
  BO: ["La Paz", "El Alto", "Cochabamba", "Santa Cruz"],
  BR: ["Campinas", "Recife", "Curitiba", "Salvador", "Belo Horizonte", "Fortaleza", "Goiânia"],
};

// ----- health -------------------------------------------------------------------------------

const conditions: Record<Lang, string[]> = {
  es: [
    "diabetes mellitus tipo 2",
    "hipertensión arterial",
    "asma bronquial",
    "depresión mayor",
    "trastorno de ansiedad",
    "epilepsia",
    "hipotiroidismo",
    "insuficiencia cardíaca",
    "VIH",
    "hepatitis B",
    "cáncer de tiroides",
    "artrosis de rodilla",
    "obesidad mórbida",
    "gastritis crónica",
    "anorexia nerviosa",
    "esclerosis múltiple",
    "síndrome de Down",
    "autismo",
    "TDAH",
    "embarazo de alto riesgo",
    "preeclampsia",
    "dengue",
    "chikungunya",
    "sífilis",
    "leucemia linfoblástica",
    "insuficiencia renal",
    "Parkinson",
    "demencia senil",
  ],
  pt: [
    "diabetes tipo 1",
    "hipertensão",
    "asma",
    "depressão",
    "síndrome do pânico",
    "transtorno bipolar",
    "epilepsia",
    "HIV",
    "hepatite C",
    "câncer de mama",
    "tuberculose",
    "hanseníase",
    "anemia falciforme",
    "autismo",
    "TDAH",
    "gestação de risco",
    "insuficiência renal crônica",
    "AVC",
    "Alzheimer",
    "esquizofrenia",
    "dengue",
    "sífilis congênita",
    "obesidade grau 3",
    "lúpus",
  ],
};

const drugs: Record<Lang, string[]> = {
  es: [
    "metformina 850 mg",
    "losartán",
    "enalapril",
    "levotiroxina",
    "sertralina",
    "escitalopram",
    "ácido valproico",
    "insulina NPH",
    "clonazepam",
    "risperidona",
    "atorvastatina",
    "tenofovir",
  ],
  pt: [
    "metformina",
    "losartana 50 mg",
    "insulina regular",
    "fluoxetina",
    "sertralina",
    "carbonato de lítio",
    "ácido valproico",
    "clonazepam",
    "risperidona",
    "dolutegravir",
    "levotiroxina",
  ],
};

export const condition = (lang: Lang): Value => v("HEALTH", pick(conditions[lang]));
export const drug = (lang: Lang): Value => v("HEALTH", pick(drugs[lang]));

// ----- phones and e-mails -------------------------------------------------------------------

/** A valid phone of the country, written nationally or with its +CC. */
export function phoneOf(country: Country, international = chance(0.5)): string {
  if (
    country === "BR" ||
    country === "MX" ||
    country === "AR" ||
    country === "CL" ||
    country === "CO" ||
    country === "PE"
  ) {
    return gen.phone(random, country, international).text;
  }
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = {
      UY: () =>
        international
          ? `+598 9${int(1, 9)} ${random.digits(3)} ${random.digits(3)}`
          : `09${int(1, 9)} ${random.digits(3)} ${random.digits(3)}`,
      VE: () =>
        international
          ? `+58 4${pick(["12", "14", "16", "24", "26"])} ${random.digits(3)} ${random.digits(4)}`
          : `04${pick(["12", "14", "16", "24", "26"])}-${random.digits(7)}`,
      EC: () =>
        international
          ? `+593 9${int(5, 9)} ${random.digits(3)} ${random.digits(4)}`
          : `09${int(5, 9)} ${random.digits(3)} ${random.digits(4)}`,
      PY: () =>
        international
          ? `+595 9${pick(["71", "72", "81", "82", "85", "91"])} ${random.digits(6)}`
          : `09${pick(["71", "72", "81", "82", "85", "91"])} ${random.digits(3)} ${random.digits(3)}`,
      BO: () =>
        international ? `+591 7${random.digits(7)}` : `7${random.digits(2)} ${random.digits(5)}`,
    }[country]();
    const parsed = parsePhoneNumber(candidate, international ? {} : { regionCode: country });
    if (parsed.valid && parsed.regionCode === country) return candidate;
  }
  throw new Error(`no valid ${country} phone in 1000 tries`);
}

const mailUsers = [
  "lore.castillo",
  "dgarcia",
  "paola_medina",
  "secretaria.colegio",
  "rocio.apaza",
  "hugo.montoya",
  "fer.rezende",
  "thais.bezerra",
  "vendas.loja",
  "ju.cavalcanti",
  "tati.ferreira",
  "jc.aguilar",
  "mayra.vega",
  "nelly.huanca",
  "gonza.sosa",
  "recepcao.clinica",
];
const mailHosts: Record<Country, readonly string[]> = {
  MX: ["gmail.com", "hotmail.com", "prodigy.net.mx", "outlook.es"],
  AR: ["gmail.com", "yahoo.com.ar", "hotmail.com.ar", "arnet.com.ar"],
  CO: ["gmail.com", "hotmail.com", "une.net.co", "unal.edu.co"],
  PE: ["gmail.com", "hotmail.com", "upch.pe", "outlook.com"],
  CL: ["gmail.com", "vtr.net", "uchile.cl", "hotmail.cl"],
  EC: ["gmail.com", "hotmail.com", "puce.edu.ec"],
  VE: ["gmail.com", "cantv.net", "hotmail.com"],
  UY: ["gmail.com", "adinet.com.uy", "montevideo.com.uy"],
  PY: ["gmail.com", "tigo.com.py", "hotmail.com"],
  BO: ["gmail.com", "entelnet.bo", "hotmail.com"],
  BR: ["gmail.com", "hotmail.com", "uol.com.br", "ig.com.br", "yahoo.com.br", "outlook.com"],
};

export function emailOf(country: Country): string {
  const user = `${pick(mailUsers)}${chance(0.45) ? String(int(1, 99)) : ""}`;
  return `${user}@${pick(mailHosts[country])}`;
}

// ----- identifier kinds ---------------------------------------------------------------------

/**
 * What a value is for, which picks the messages it goes in: a person's document, a tax number on
 * an invoice, a bank account, a card, a Pix key, a contact, a child's document at school, a
 * patient's document at a clinic, a postal code next to an address.
 */
export type Role =
  "person" | "tax" | "bank" | "card" | "pix" | "contact" | "child" | "patient" | "cep";

export interface Kind {
  type: PiiType;
  lang: Lang;
  /** The country for names, addresses and money; undefined: any of the language's. */
  country?: Country;
  labels: readonly string[];
  roles: readonly Role[];
  /** Whether the value stands out by its shape (check digits, length) with no word before it. */
  standsAlone?: boolean;
  make: (country: Country) => string;
}

const arDni = (): string => {
  const digits = String(int(7_000_000, 46_999_999));
  return chance(0.6) ? dotted(digits) : digits;
};
const coCedula = (): string => {
  const digits = chance(0.5) ? String(int(10_000_000, 99_999_999)) : `10${random.digits(8)}`;
  return chance(0.5) ? dotted(digits) : digits;
};
const veCedula = (): string => {
  const letter = chance(0.85) ? "V" : "E";
  const digits = String(int(5_000_000, 30_999_999));
  return pick([`${letter}-${dotted(digits)}`, `${letter}-${digits}`, `${letter}${digits}`]);
};
const cep = (): string => {
  const digits = `${int(1, 9)}${random.digits(7)}`;
  return chance(0.7) ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits;
};

export const kinds: readonly Kind[] = [
  {
    type: "BR_CPF",
    lang: "pt",
    country: "BR",
    labels: ["CPF", "cpf", "CPF nº", "C.P.F."],
    roles: ["person", "tax", "pix", "child", "patient"],
    standsAlone: true,
    make: () => gen.cpf(random, chance(0.75)).text,
  },
  {
    type: "BR_CNPJ",
    lang: "pt",
    country: "BR",
    labels: ["CNPJ", "cnpj", "CNPJ/MF", "CNPJ do tomador"],
    roles: ["tax", "pix"],
    standsAlone: true,
    make: () => gen.cnpj(random, { formatted: chance(0.75), alphanumeric: chance(0.15) }).text,
  },
  {
    type: "BR_PIS",
    lang: "pt",
    country: "BR",
    labels: ["PIS", "PIS/PASEP", "NIS", "nº do PIS"],
    roles: ["person"],
    make: () => gen.pis(random, chance(0.6)).text,
  },
  {
    type: "BR_CNH",
    lang: "pt",
    country: "BR",
    labels: ["CNH", "CNH nº", "nº da CNH", "registro da CNH"],
    roles: ["person"],
    make: () => gen.cnh(random).text,
  },
  {
    type: "BR_RG",
    lang: "pt",
    country: "BR",
    labels: ["RG", "rg", "RG nº", "identidade"],
    roles: ["person", "child", "patient"],
    make: () => gen.rg(random).text,
  },
  {
    type: "BR_CEP",
    lang: "pt",
    country: "BR",
    labels: ["CEP", "cep"],
    roles: ["cep"],
    make: cep,
  },
  {
    type: "MX_CURP",
    lang: "es",
    country: "MX",
    labels: ["CURP", "curp", "Curp"],
    roles: ["person", "child", "patient"],
    standsAlone: true,
    make: () => gen.curp(random).text,
  },
  {
    type: "MX_RFC",
    lang: "es",
    country: "MX",
    labels: ["RFC", "rfc", "RFC con homoclave"],
    roles: ["tax"],
    make: () => gen.rfc(random).text,
  },
  {
    type: "MX_CLABE",
    lang: "es",
    country: "MX",
    labels: ["CLABE", "clabe", "cuenta CLABE", "CLABE interbancaria"],
    roles: ["bank"],
    standsAlone: true,
    make: () => (chance(0.7) ? gen.clabe(random) : gen.clabeOutsideBankList(random)).text,
  },
  {
    type: "MX_INE",
    lang: "es",
    country: "MX",
    labels: ["clave de elector", "clave de elector (INE)", "clave elector"],
    roles: ["person"],
    make: () => gen.ine(random).text,
  },
  {
    type: "AR_CUIT",
    lang: "es",
    country: "AR",
    labels: ["CUIT", "CUIL", "cuit", "N° de CUIL"],
    roles: ["person", "tax"],
    make: () => gen.cuit(random, chance(0.7)).text,
  },
  {
    type: "AR_DNI",
    lang: "es",
    country: "AR",
    labels: ["DNI", "dni", "D.N.I. N°"],
    roles: ["person", "child", "patient"],
    make: arDni,
  },
  {
    type: "CL_RUT",
    lang: "es",
    country: "CL",
    labels: ["RUT", "rut", "RUN"],
    roles: ["person", "tax", "child", "patient"],
    make: () => gen.rut(random).text,
  },
  {
    type: "CO_NIT",
    lang: "es",
    country: "CO",
    labels: ["NIT", "nit", "NIT No."],
    roles: ["tax"],
    make: () => gen.nit(random).text,
  },
  {
    type: "CO_CEDULA",
    lang: "es",
    country: "CO",
    labels: ["cédula", "C.C.", "CC", "cédula de ciudadanía"],
    roles: ["person", "patient"],
    make: coCedula,
  },
  {
    type: "PE_RUC",
    lang: "es",
    country: "PE",
    labels: ["RUC", "ruc", "RUC N°"],
    roles: ["tax"],
    make: () => gen.peruRuc(random).text,
  },
  {
    type: "PE_DNI",
    lang: "es",
    country: "PE",
    labels: ["DNI", "dni", "DNI N°"],
    roles: ["person", "child", "patient"],
    make: () => gen.peruDni(random).text,
  },
  {
    type: "EC_CEDULA",
    lang: "es",
    country: "EC",
    labels: ["cédula", "C.I.", "cédula de identidad", "cedula"],
    roles: ["person", "child", "patient"],
    make: () => gen.ecuadorCedula(random).text,
  },
  {
    type: "EC_RUC",
    lang: "es",
    country: "EC",
    labels: ["RUC", "ruc"],
    roles: ["tax"],
    make: () => gen.ecuadorRuc(random).text,
  },
  {
    type: "UY_CEDULA",
    lang: "es",
    country: "UY",
    labels: ["cédula", "C.I.", "CI"],
    roles: ["person", "child", "patient"],
    make: () => gen.uruguayCedula(random).text,
  },
  {
    type: "UY_RUT",
    lang: "es",
    country: "UY",
    labels: ["RUT", "rut", "RUT N°"],
    roles: ["tax"],
    make: () => gen.uruguayRut(random).text,
  },
  {
    type: "VE_CEDULA",
    lang: "es",
    country: "VE",
    labels: ["cédula", "C.I.", "CI"],
    roles: ["person", "patient"],
    make: veCedula,
  },
  {
    type: "VE_RIF",
    lang: "es",
    country: "VE",
    labels: ["RIF", "rif", "R.I.F."],
    roles: ["tax"],
    make: () => gen.rif(random).text,
  },
  {
    type: "PY_RUC",
    lang: "es",
    country: "PY",
    labels: ["RUC", "ruc", "RUC N°"],
    roles: ["tax"],
    make: () => gen.paraguayRuc(random).text,
  },
  {
    type: "EMAIL",
    lang: "es",
    labels: ["correo", "mail", "e-mail", "correo electrónico"],
    roles: ["contact"],
    standsAlone: true,
    make: emailOf,
  },
  {
    type: "EMAIL",
    lang: "pt",
    country: "BR",
    labels: ["e-mail", "email", "E-mail"],
    roles: ["contact", "pix"],
    standsAlone: true,
    make: emailOf,
  },
  {
    type: "PHONE",
    lang: "es",
    labels: ["cel", "celular", "teléfono", "WhatsApp", "tel."],
    roles: ["contact"],
    make: (country) => phoneOf(country),
  },
  {
    type: "PHONE",
    lang: "pt",
    country: "BR",
    labels: ["celular", "telefone", "zap", "whats", "tel."],
    roles: ["contact", "pix"],
    make: (country) => phoneOf(country),
  },
  {
    type: "CARD",
    lang: "es",
    labels: ["tarjeta", "tarjeta de crédito", "TC", "nro de tarjeta"],
    roles: ["card"],
    standsAlone: true,
    make: () => gen.card(random, chance(0.6)).text,
  },
  {
    type: "CARD",
    lang: "pt",
    country: "BR",
    labels: ["cartão", "cartão de crédito", "nº do cartão"],
    roles: ["card"],
    standsAlone: true,
    make: () => gen.card(random, chance(0.6)).text,
  },
];

// ----- written forms ------------------------------------------------------------------------

/** The forms people ordinarily type (about 75 % of the lines). */
export const ordinaryForms = ["canonical", "spaces", "no separators"] as const;
/** The forms real text also contains. */
export const hardForms = [
  "line-wrapped",
  "nbsp",
  "fullwidth digits",
  "label glued",
  "lower case",
] as const;
export type WrittenForm = (typeof ordinaryForms)[number] | (typeof hardForms)[number];

/** A value regrouped by spaces where it has no separator of its own; undefined if none fits. */
function grouped(text: string, type: PiiType): string | undefined {
  if (/^\d{18}$/.test(text)) return text.replace(/^(\d{3})(\d{3})(\d{11})(\d)$/, "$1 $2 $3 $4");
  if (/^\d{16}$/.test(text)) return text.replace(/(\d{4})(?=\d)/g, "$1 ");
  if (/^\d{15}$/.test(text)) return text.replace(/^(\d{4})(\d{6})(\d{5})$/, "$1 $2 $3");
  if (type === "MX_RFC") {
    const parts = /^([A-ZÑ&]{3,4})(\d{6})([A-Z\d]{3})$/.exec(text);
    if (parts !== null) return `${parts[1]} ${parts[2]} ${parts[3]}`;
  }
  return undefined;
}

/** The value in `form`, or undefined where the form does not apply to it. */
export function written(text: string, type: PiiType, form: WrittenForm): string | undefined {
  const changed = (result: string | undefined) =>
    result === undefined || result === text ? undefined : result;
  switch (form) {
    case "canonical":
    case "label glued":
      return text;
    case "spaces": {
      if (type === "EMAIL") return undefined;
      if (type === "PHONE")
        return changed(
          text
            .replace(/[-().]/g, " ")
            .replace(/ {2,}/g, " ")
            .trim(),
        );
      if (/[.\-/]/.test(text)) return changed(text.replace(/[.\-/]+/g, " ").replace(/ {2,}/g, " "));
      return changed(grouped(text, type));
    }
    case "no separators": {
      if (type === "EMAIL") return undefined;
      return changed(text.replace(/(?!^\+)[.\-/() ]/g, ""));
    }
    case "line-wrapped": {
      if (type === "EMAIL") return undefined;
      const spaces = [...text.matchAll(/ /g)]
        .map((match) => match.index)
        .filter((index) => index > 2 && index < text.length - 3);
      if (spaces.length > 0) {
        const at = pick(spaces);
        return `${text.slice(0, at)}\n${text.slice(at + 1)}`;
      }
      const separators = [...text.matchAll(/[.\-/]/g)]
        .map((match) => match.index + 1)
        .filter((index) => index > 2 && index < text.length - 1);
      const at =
        separators.length > 0
          ? pick(separators)
          : int(Math.floor(text.length / 3), Math.ceil((text.length * 2) / 3));
      return `${text.slice(0, at)}\n${text.slice(at)}`;
    }
    case "nbsp": {
      if (type === "EMAIL") return undefined;
      const spaced = text.includes(" ") ? text : written(text, type, "spaces");
      return spaced === undefined ? undefined : changed(spaced.replace(/ /g, "\u00a0"));
    }
    case "fullwidth digits":
      return changed(text.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit))));
    case "lower case":
      return type === "EMAIL" ? undefined : changed(text.toLowerCase());
  }
}

/** About three lines in four in an ordinary form; a hard form is tried until one applies. */
export function drawForm(): WrittenForm {
  const roll = random.next();
  if (roll < 0.45) return "canonical";
  if (roll < 0.6) return "spaces";
  if (roll < 0.75) return "no separators";
  return pick(hardForms);
}

// ----- money, dates -------------------------------------------------------------------------

export function money(country: Country): string {
  switch (country) {
    case "BR":
      return `R$ ${int(15, 4800)},${pick(["00", "90", "50"])}`;
    case "MX":
      return `$${int(150, 18000).toLocaleString("en-US")}.00 MXN`;
    case "PE":
      return `S/ ${int(20, 2500)}.${pick(["00", "50"])}`;
    case "EC":
      return `USD ${int(10, 900)}.${pick(["00", "75"])}`;
    case "BO":
      return `Bs ${int(50, 3000)}`;
    case "PY":
      return `₲ ${dotted(String(int(50, 3000) * 1000))}`;
    case "VE":
      return `Bs. ${int(200, 9000)},00`;
    default:
      return `$ ${dotted(String(int(2, 900) * 100))}`;
  }
}

export const day = (): string => `${pad(int(1, 28))}/${pad(int(1, 12))}`;
export const fullDate = (): string => `${day()}/${int(2025, 2027)}`;
export const birth = (): string => `${pad(int(1, 28))}/${pad(int(1, 12))}/${int(1948, 2006)}`;
export const childBirth = (): string => `${pad(int(1, 28))}/${pad(int(1, 12))}/${int(2012, 2021)}`;
export const hour = (): string => `${int(7, 19)}:${pick(["00", "15", "30", "45"])}`;
