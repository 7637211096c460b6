/**
 * Writes test/fixtures/privacy/evaluation/dev4.jsonl: a fourth development set, mostly street
 * addresses (about 300 lines, Spanish from Mexico to Uruguay and Central America, and Brazilian
 * Portuguese), then identifiers that people write without a label or with unusual ones (PIS,
 * cards, CLABE, RIF and the rest), and about 200 negatives that look like personal data and are
 * not (prices, order and tracking numbers, laws, company and landmark addresses, streets that are
 * not anyone's address). The sentences were written apart from the other sets and without reading
 * the detectors, as people write to the chatbot of a clinic, shop, school, bank or public office.
 *
 * Address span rule: the span is one piece from the street type (or, without one, the street's
 * name) to the last complement: number, km, "s/n", manzana/lote, interior, floor, flat, tower,
 * block, "fundos", and a building or condominium named between the number and the flat. A cross
 * street written as part of the address ("N34-120 y Whymper", "c/ Venezuela", "esquina") is in
 * it; "entre X y Y" is not. Neighbourhood (colonia, barrio, bairro, comuna, urbanización), city,
 * state and postal code are outside it; a Brazilian CEP is a BR_CEP span of its own. Where a
 * place has no streets (Nicaragua, Costa Rica), the span is the directions from the landmark.
 * Company and public-landmark addresses are not personal data: those lines are negatives.
 *
 * Values come from the seeded generators of test/support/pii-generators.ts (RG, CEP, Argentine
 * DNI, Colombian and Venezuelan cédula, e-mails and the card brands it lacks are made below).
 * The seed is fixed, so a run rewrites the same file. Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/dev4 --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node test/support/privacy-evaluation/dev4-sentences.ts
 *   node .colibri-test/dev4/test/support/privacy-evaluation/dev4-sentences.js
 *   rm -rf .colibri-test/dev4
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

const random = new SeededRandom(0xd4d4);

interface Value {
  type: PiiType;
  text: string;
}
type Part = string | Value;
type Parts = Part | readonly Part[];

interface Frame {
  form: string;
  kind?: "negative";
  parts: () => Part[];
}

const v = (type: PiiType, text: string): Value => ({ type, text });

/** A tagged template that keeps values apart from the words around them. */
function s(strings: TemplateStringsArray, ...items: Parts[]): Part[] {
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

const n = (min: number, max: number) => String(random.integer(min, max));
const pick = <T>(items: readonly T[]): T => random.pick(items);
const letter = (from = "ABCDEF") => random.letters(1, from);

// ----- identifier values ----------------------------------------------------------------------

function dotted(digits: string): string {
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

const id = {
  cpf: (formatted?: boolean) => v("BR_CPF", gen.cpf(random, formatted).text),
  cnpj: () => v("BR_CNPJ", gen.cnpj(random).text),
  pis: (formatted?: boolean) => v("BR_PIS", gen.pis(random, formatted).text),
  cnh: () => v("BR_CNH", gen.cnh(random).text),
  /** São Paulo's RG: eight digits and a mod-11 check (X for 10). */
  rg: () => {
    const body = random.digits(8);
    const sum = Array.from(body).reduce((total, d, i) => total + Number(d) * (i + 2), 0);
    const check = sum % 11 === 10 ? "X" : String(sum % 11);
    return v(
      "BR_RG",
      random.boolean()
        ? `${body.slice(0, 2)}.${body.slice(2, 5)}.${body.slice(5)}-${check}`
        : body + check,
    );
  },
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

const name = (lang: "es" | "pt") =>
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

// ----- addresses ------------------------------------------------------------------------------

/** A personal address: words before the street (a barrio), the street span, then the place. */
interface Address {
  pre: string;
  street: string;
  place: Part[];
}

const addr = (street: string, place: Part[] | string = [], pre = ""): Address => ({
  pre,
  street,
  place: typeof place === "string" ? [place] : place,
});

const esAddresses: (() => Address)[] = [
  // México
  () =>
    addr(
      `Av. Insurgentes Sur ${n(300, 3200)}, int. ${n(1, 12)}`,
      `, Col. Del Valle, Benito Juárez, C.P. 03100`,
    ),
  () => addr(`Calle Durango ${n(20, 380)}`, `, Col. Roma Norte, Cuauhtémoc, CDMX`),
  () =>
    addr(
      `Privada de los Fresnos ${n(10, 99)} casa ${n(1, 30)}`,
      `, Fracc. Las Palmas, Zapopan, Jal.`,
    ),
  () =>
    addr(`Calz. de Tlalpan ${n(1000, 4800)} depto ${n(1, 5)}0${n(1, 8)}`, `, Col. Portales, CDMX`),
  () =>
    addr(
      `Andador ${n(2, 19)} Mz. ${letter()} Lt. ${n(1, 40)}`,
      `, U.H. Vicente Guerrero, Iztapalapa`,
    ),
  () => addr(`Calle Hidalgo ${n(100, 900)}`, ` entre Morelos y Juárez, Centro, Oaxaca`),
  () => addr(`Blvd. Agua Caliente ${n(1000, 9999)}-${letter("ABC")}`, `, Tijuana, B.C.`),
  () => addr(`Cerrada Jacarandas ${n(2, 60)}`, `, Col. Santa Úrsula Coapa, Coyoacán, C.P. 04650`),
  // Argentina
  () => addr(`Av. Corrientes ${n(1000, 6500)}, piso ${n(1, 14)} dto. ${letter()}`, `, CABA`),
  () => addr(`Güemes ${n(3000, 4900)}`, `, Palermo`),
  () => addr(`Bv. Oroño ${n(100, 1800)} ${n(1, 9)}° ${letter("ABCD")}`, `, Rosario, Santa Fe`),
  () =>
    addr(`Calle ${n(1, 70)} nro ${n(100, 1500)}`, ` entre ${n(1, 12)} y ${n(13, 25)}, La Plata`),
  () => addr(`Ruta 8 km ${n(25, 60)}`, `, Pilar, Buenos Aires`),
  () => addr(`Pasaje Rivarola ${n(100, 180)}`, `, San Nicolás`),
  () => addr(`Av. Colón ${n(100, 5000)}, 5° piso, of. ${n(1, 20)}`, `, Córdoba Capital`),
  // Colombia
  () => addr(`Calle ${n(10, 170)} # ${n(1, 99)}-${n(10, 99)}`, `, barrio Chapinero, Bogotá`),
  () =>
    addr(
      `Cra. ${n(1, 80)} No. ${n(10, 140)}-${n(10, 99)} Of. ${n(2, 9)}0${n(1, 9)}`,
      `, Bogotá D.C.`,
    ),
  () =>
    addr(
      `Carrera ${n(60, 82)} #${n(30, 50)}-${n(10, 99)} apto ${n(2, 19)}0${n(1, 4)}`,
      `, Laureles, Medellín`,
    ),
  () => addr(`Diagonal ${n(40, 80)}B Sur # ${n(70, 99)}-${n(10, 60)}`, `, Bosa, Bogotá`),
  () =>
    addr(
      `Transversal ${n(2, 30)} # ${n(1, 90)}-${n(10, 99)} torre ${n(1, 6)} apto ${n(1, 15)}0${n(1, 4)}`,
      `, conjunto Los Almendros, Cali`,
    ),
  () => addr(`Lote ${n(1, 30)} sector ${n(1, 6)}`, `, vereda El Salitre, Guasca, Cundinamarca`),
  // Perú
  () => addr(`Jr. Junín ${n(100, 900)}`, `, Cercado de Lima`),
  () => addr(`Av. Arequipa ${n(1000, 5000)}, dpto. ${n(1, 12)}0${n(1, 4)}`, `, Lince`),
  () => addr(`Mz. ${letter("ABCDEFGHJK")} Lt. ${n(1, 40)}`, `, Urb. Santa Rosa, Los Olivos`),
  () => addr(`Calle Las Begonias ${n(200, 900)} int. ${n(1, 9)}`, `, San Isidro`),
  () => addr(`Psje. San Martín ${n(100, 300)}`, `, Miraflores, Arequipa`),
  () =>
    addr(
      `Mz. ${letter("ABCDEFGH")}${n(1, 9)} Lote ${n(1, 25)}`,
      `, AA.HH. Villa El Salvador, sector ${n(1, 3)}`,
      ``,
    ),
  // Chile
  () => addr(`Pasaje Los Aromos ${n(1000, 1999)}`, `, Ñuñoa`),
  () => addr(`Manuel Montt ${n(100, 2500)}`, `, Providencia`),
  () => addr(`Los Cedros ${n(100, 999)}, dpto ${n(1, 20)}0${n(1, 9)}`, `, La Florida, Santiago`),
  () =>
    addr(`Av. Vicuña Mackenna ${n(1000, 9000)}, depto. ${n(2, 20)}0${n(1, 9)}, torre B`, `, Macul`),
  () => addr(`Parcela ${n(1, 60)}, Camino Lonquén km ${n(3, 20)}`, `, Talagante`),
  () => addr(`Calle Prat ${n(100, 999)}, block ${n(1, 9)}, depto ${n(11, 44)}`, `, Valparaíso`),
  // Venezuela
  () =>
    addr(
      `Av. Francisco de Miranda, Edif. Los Andes, piso ${n(2, 15)}, apto ${n(2, 15)}-${letter("ABCD")}`,
      `, Los Palos Grandes, Caracas`,
    ),
  () =>
    addr(
      `Calle ${n(60, 90)} con Av. ${n(2, 15)}E, casa ${n(2, 15)}E-${n(10, 99)}`,
      `, sector Tierra Negra, Maracaibo`,
    ),
  () =>
    addr(
      `Calle ${n(100, 150)}, casa N° ${n(90, 110)}-${n(10, 99)}`,
      `, Urb. La Trigaleña, Valencia`,
    ),
  () =>
    addr(
      `Av. Las Acacias, Res. Doral Plaza, torre ${letter("AB")}, piso ${n(1, 12)}, apto ${n(1, 12)}${letter("ABCD")}`,
      `, La Florida, Caracas`,
    ),
  // Ecuador
  () => addr(`Av. 6 de Diciembre N${n(20, 50)}-${n(10, 250)} y Whymper`, `, Quito`),
  () => addr(`Mz. ${n(100, 300)} villa ${n(1, 30)}`, `, Guayaquil`, `Cdla. Kennedy Norte, `),
  () => addr(`Calle Larga ${n(1, 12)}-${n(10, 99)} y Hermano Miguel`, `, Cuenca`),
  // Uruguay
  () => addr(`Bv. Artigas ${n(1000, 3000)} apto ${n(1, 12)}0${n(1, 4)}`, `, Pocitos, Montevideo`),
  () => addr(`Av. 18 de Julio ${n(800, 2200)} esc. ${n(2, 9)}0${n(1, 4)}`, `, Centro`),
  () => addr(`Ruta Interbalnearia km ${n(22, 48)}`, `, Solymar, Canelones`),
  () => addr(`Juan Paullier ${n(900, 1800)} bis`, `, Cordón`),
  // Paraguay
  () => addr(`Mcal. López ${n(1000, 5000)} c/ Venezuela`, `, Asunción`),
  () => addr(`Calle Ykuá Satí ${n(100, 900)}`, `, barrio Villa Morra`),
  () => addr(`Tte. Fariña ${n(100, 1500)} casi Brasil`, `, Asunción`),
  // Bolivia
  () =>
    addr(
      `Av. 6 de Agosto ${n(2000, 2900)}, edif. Illimani piso ${n(2, 12)}`,
      `, Sopocachi, La Paz`,
    ),
  () => addr(`Calle ${n(10, 30)} de Calacoto Nº ${n(100, 900)}`, `, Zona Sur, La Paz`),
  () =>
    addr(`Av. Cristo Redentor ${n(100, 999)}`, `, entre 3er y 4to anillo, Santa Cruz de la Sierra`),
  // Centroamérica
  () =>
    addr(
      `de la iglesia católica ${n(1, 4)} cuadras al sur, media cuadra abajo`,
      `, Managua`,
      `Barrio San José, `,
    ),
  () =>
    addr(
      `de la Escuela Juan Rafael Mora ${n(1, 4)}00 m norte y 50 oeste, casa ${n(1, 30)}`,
      `, San Pedro de Montes de Oca`,
    ),
  () => addr(`km ${n(10, 20)}.5 carretera a El Salvador`, `, Santa Catarina Pinula`),
  () =>
    addr(`${n(1, 9)}a. Avenida ${n(1, 20)}-${n(10, 60)}`, ` zona ${n(1, 18)}, Ciudad de Guatemala`),
  () => addr(`bloque ${n(1, 40)}, casa ${n(100, 999)}`, `, Tegucigalpa`, `Col. Kennedy, `),
  () =>
    addr(
      `Vía España, PH Torres del Mar, apto ${n(1, 30)}${letter("ABCD")}`,
      `, Bella Vista, Panamá`,
    ),
  () => addr(`Pasaje ${n(1, 9)}, casa #${n(10, 99)}`, `, San Salvador`, `Col. Escalón, `),
  () => addr(`casa ${n(1, 40)} del condominio Los Robles`, `, Heredia`),
];

const ptAddresses: (() => Address)[] = [
  () =>
    addr(
      `Rua Tabapuã, ${n(100, 1500)} - apto ${n(1, 20)}${n(1, 4)}`,
      s`, Itaim Bibi, São Paulo - SP, CEP ${id.cep(`04533${random.digits(3)}`)}`,
    ),
  () =>
    addr(
      `Av. Brasil ${n(100, 9000)} bloco ${letter("ABC")} ap ${n(1, 9)}0${n(1, 4)}`,
      `, Rio de Janeiro - RJ`,
    ),
  () => addr(`Travessa São José, ${n(2, 90)}, fundos`, `, Centro, Niterói`),
  () =>
    addr(
      `SQN ${n(1, 4)}0${n(2, 9)} Bloco ${letter("ABCDEFGHIJK")} apto ${n(1, 6)}0${n(1, 6)}`,
      `, Asa Norte, Brasília - DF`,
    ),
  () =>
    addr(
      `Rodovia SC-401, km ${n(1, 19)}`,
      s`, Florianópolis - SC, ${id.cep(`880${random.digits(5)}`)}`,
    ),
  () =>
    addr(
      `Estrada do Coco, ${n(1000, 4000)}, Condomínio Vila Verde, casa ${n(1, 60)}`,
      `, Lauro de Freitas - BA`,
    ),
  () => addr(`R. Dr. Arnaldo ${n(100, 999)}`, `, Sumaré, São Paulo`),
  () => addr(`Al. Santos ${n(100, 2500)}, cj. ${n(1, 20)}${n(1, 4)}`, `, Jardim Paulista`),
  () => addr(`Praça São Benedito, s/n`, `, Centro, Itu - SP`),
  () => addr(`Quadra ${n(1, 40)} Lote ${n(1, 30)}`, `, Setor Leste, Gama - DF`),
  () =>
    addr(
      `Rua Padre Chagas, ${n(100, 500)}/${n(1, 9)}0${n(1, 4)}`,
      s`, Moinhos de Vento, Porto Alegre - RS, ${id.cep(`9057${random.digits(4)}`)}`,
    ),
  () =>
    addr(
      `Av. Boa Viagem, ${n(1000, 6000)}, apto ${n(1, 25)}0${n(1, 4)}`,
      `, Boa Viagem, Recife - PE`,
    ),
  () =>
    addr(
      `Rua da Bahia, ${n(100, 2000)}, sala ${n(1, 15)}0${n(1, 9)}`,
      `, Centro, Belo Horizonte - MG`,
    ),
  () => addr(`Rua Sete de Setembro ${n(100, 4000)}, casa ${n(1, 9)}`, `, Centro, Curitiba`),
  () =>
    addr(`Rua T-${n(20, 60)}, qd. ${n(1, 150)}, lt. ${n(1, 30)}`, `, Setor Bueno, Goiânia - GO`),
  () => addr(`SHIS QI ${n(5, 29)} Conjunto ${n(1, 12)} Casa ${n(1, 25)}`, `, Lago Sul, Brasília`),
  () =>
    addr(
      `Rua Conde de Bonfim ${n(100, 1200)} casa ${n(1, 20)}`,
      s`, Tijuca, ${id.cep(`205${random.digits(5)}`)}`,
    ),
  () => addr(`Estrada Velha de Itu, km ${n(2, 30)}, Sítio Santa Luzia`, `, zona rural de Jundiaí`),
  () => addr(`Rua Oscar Freire ${n(100, 2500)} ap ${n(1, 20)}${n(1, 4)}`, `, Pinheiros`),
  () =>
    addr(
      `Av. Sete de Setembro, ${n(1000, 4000)}, Ed. Mar Azul, apto ${n(1, 20)}0${n(1, 4)}`,
      `, Vitória, Salvador - BA`,
    ),
  () => addr(`Beco da Paz, ${n(2, 80)}`, `, Rocinha, Rio`),
  () => addr(`Rua Marechal Deodoro ${n(100, 3000)}, fundos`, `, Santa Maria - RS`),
  () =>
    addr(
      `Av. Afonso Pena, ${n(100, 4000)}, ${n(2, 19)}º andar`,
      s`, Funcionários, BH, CEP ${id.cep(`301${random.digits(5)}`)}`,
    ),
  () =>
    addr(
      `Rua Barão de Jaguara, ${n(100, 1800)}, apto ${n(1, 12)}${n(1, 4)}`,
      `, Centro, Campinas - SP`,
    ),
  () =>
    addr(
      `Av. Djalma Batista, ${n(100, 3000)}, Cond. Parque das Árvores, bloco ${n(1, 9)}, ap. ${n(1, 4)}0${n(1, 4)}`,
      `, Chapada, Manaus - AM`,
    ),
  () => addr(`Rua Frei Caneca ${n(100, 1300)}, apartamento ${n(11, 154)}`, `, Consolação`),
  () =>
    addr(
      `Trav. ${pick(["Piedade", "Apinagés", "Quintino Bocaiúva"])}, ${n(100, 2000)}`,
      `, Batista Campos, Belém - PA`,
    ),
  () => addr(`Rua ${n(2, 40)}, nº ${n(10, 600)}`, `, Jardim América, Rio Verde - GO`),
  () =>
    addr(
      `Av. Beira Mar, ${n(1000, 5000)}, torre ${n(1, 3)}, apto ${n(1, 22)}0${n(1, 4)}`,
      `, Meireles, Fortaleza - CE`,
    ),
  () =>
    addr(
      `Linha ${pick(["São Pedro", "Boa Vista", "Santa Cruz"])}, lote ${n(1, 80)}`,
      `, interior de Chapecó - SC`,
    ),
];

const A = (address: Address) => v("STREET_ADDRESS", address.street);
const full = (address: Address): Part[] =>
  [address.pre, A(address), ...address.place].filter((part) => part !== "");
const esA = () => pick(esAddresses)();
const ptA = () => pick(ptAddresses)();
/** An address that reads well alone, after "en" or "por": one with a street, no barrio before it. */
const esStreet = (): Address => {
  for (;;) {
    const address = esA();
    if (address.pre === "" && !/^de /.test(address.street)) return address;
  }
};
/** The address as someone typing fast writes it: all lower case. */
const lower = (address: Address): Address => ({
  pre: address.pre.toLowerCase(),
  street: address.street.toLowerCase(),
  place: address.place.map((part) => (typeof part === "string" ? part.toLowerCase() : part)),
});
/** Only the place's words, without a leading comma. */
const placeOf = (address: Address): Part[] => {
  const [first, ...rest] = address.place;
  if (typeof first === "string") {
    const trimmed = first.replace(/^[,\s]+/, "");
    return trimmed === "" ? rest : [trimmed, ...rest];
  }
  return address.place;
};

// ----- address frames -------------------------------------------------------------------------

const esAddressFrames: Frame[] = [
  {
    form: "after-vivo-en",
    parts: () => s`hola buenas, vivo en ${full(esA())} y quería saber si hacen envíos hasta allá`,
  },
  { form: "after-mi-direccion-es", parts: () => s`Mi dirección es ${full(esA())}.` },
  { form: "after-direccion-de-envio", parts: () => s`Dirección de envío: ${full(esA())}` },
  {
    form: "form-field",
    parts: () => {
      const a = esA();
      return s`Nombre: ${name("es")}\nDirección: ${A(a)}\nCiudad: ${placeOf(a)}\nTeléfono: ${id.phone()}`;
    },
  },
  {
    form: "no-intro",
    parts: () => s`Pasen por ${A(esStreet())} mañana después de las 3, ahí les recibe mi mamá`,
  },
  { form: "lower-case", parts: () => s`vivo en ${full(lower(esA()))} porfa mándenlo ahí` },
  {
    form: "line-break",
    parts: () => {
      const a = esA();
      return s`Les dejo mis datos para la factura:\n${a.pre}${A(a)}\n${placeOf(a)}`;
    },
  },
  {
    form: "text-start",
    parts: () => s`${A(esStreet())}, ahí es donde tienen que traer el colchón`,
  },
  {
    form: "text-end",
    parts: () => s`el técnico puede venir el jueves? la dirección es ${A(esStreet())}`,
  },
  { form: "after-name", parts: () => s`${name("es")}, ${full(esA())}` },
  {
    form: "signature",
    parts: () => {
      const a = esA();
      return s`Quedo atenta a su respuesta.\n\nSaludos cordiales,\n${name("es")}\n${a.pre}${A(a)}\n${placeOf(a)}\nCel. ${id.phone()}`;
    },
  },
  {
    form: "list",
    parts: () =>
      s`Para el retiro necesito:\n1) copia de la boleta\n2) dirección: ${A(esStreet())}\n3) horario de 9 a 13`,
  },
  {
    form: "formal-letter",
    parts: () =>
      s`Por medio de la presente, yo, ${name("es")}, con domicilio en ${full(esA())}, solicito el cambio de titularidad del servicio.`,
  },
  {
    form: "change-of-address",
    parts: () => s`Me mudé, ya no estoy en ${A(esStreet())}. Ahora es ${full(esA())}`,
  },
  { form: "after-domicilio", parts: () => s`Domicilio: ${full(esA())}` },
  {
    form: "parentheses",
    parts: () => s`Mi hija va a recoger el pedido (vive en ${A(esStreet())}) si no hay problema`,
  },
  {
    form: "delivery-instruction",
    parts: () =>
      s`el repartidor no encontró la casa 🙄 es ${A(esStreet())}, portón verde al lado de la tienda`,
  },
  {
    form: "question",
    parts: () => s`¿Llega el envío a ${A(esStreet())}? es que la última vez se perdió`,
  },
  {
    form: "school-enrolment",
    parts: () =>
      s`Buenas tardes, para la matrícula de mi hijo: vivimos en ${full(esA())}, somos nuevos en el barrio`,
  },
  {
    form: "clinic-home-visit",
    parts: () =>
      s`necesito una visita a domicilio para mi papá, la dirección es ${full(esA())}, él no puede bajar escaleras`,
  },
  {
    form: "bank-update",
    parts: () =>
      s`Quiero actualizar mi domicilio en el banco. Anterior: ${A(esStreet())}. Nuevo: ${A(esStreet())}`,
  },
  { form: "quotes", parts: () => s`En el sistema figura "${A(esStreet())}" pero ya no vivo ahí` },
  {
    form: "after-calle",
    parts: () => s`estoy esperando el paquete en ${A(esStreet())} desde las 8 y nada`,
  },
  {
    form: "json",
    parts: () =>
      s`{"cliente": "${name("es")}", "direccion": "${A(esStreet())}", "pago": "contraentrega"}`,
  },
  {
    form: "csv-row",
    parts: () => {
      const a = esA();
      return s`${name("es")};${A(a)};${placeOf(a)};2`;
    },
  },
  {
    form: "two-addresses",
    parts: () => s`Recoger en ${A(esStreet())} y entregar en ${A(esStreet())}, es un sobre nomás`,
  },
  {
    form: "after-queda-en",
    parts: () =>
      s`La casa de mi abuela queda en ${full(esA())}, ¿pueden ir a instalar el internet allá?`,
  },
  {
    form: "dash-list",
    parts: () =>
      s`Datos para el flete:\n- origen: ${A(esStreet())}\n- destino: ${A(esStreet())}\n- 3 cajas y una heladera`,
  },
  {
    form: "municipal-claim",
    parts: () =>
      s`Hago el reclamo porque frente a ${A(esStreet())} hay un poste caído hace una semana`,
  },
  { form: "after-estoy-en", parts: () => s`Ya estoy en ${A(esStreet())}, bajo en 5 min` },
  {
    form: "rental",
    parts: () =>
      s`Consulto por el contrato de alquiler del depto de ${full(esA())}, ¿cuándo se renueva?`,
  },
  {
    form: "police-report",
    parts: () =>
      s`Quiero denunciar un robo ocurrido en mi domicilio, ${full(esA())}, el día sábado en la noche`,
  },
  {
    form: "after-referencia",
    parts: () =>
      s`Dirección: ${A(esStreet())}. Referencia: frente al parque, casa de dos pisos color crema`,
  },
  {
    form: "voice-note-transcript",
    parts: () =>
      s`eh sí hola, mire, le escribo porque la dirección que le di está mal, es ${A(esStreet())}, gracias`,
  },
  { form: "glued-colon", parts: () => s`Dirección:${A(esStreet())}` },
  {
    form: "uppercase-form",
    parts: () => {
      const a = esA();
      return s`DOMICILIO FISCAL: ${a.pre.toUpperCase()}${v("STREET_ADDRESS", a.street.toUpperCase())}${a.place.map((p) => (typeof p === "string" ? p.toUpperCase() : p))}`;
    },
  },
  {
    form: "insurance-claim",
    parts: () =>
      s`El siniestro fue en el estacionamiento de mi casa en ${A(esStreet())}, adjunto fotos`,
  },
  {
    form: "after-entregar-en",
    parts: () => s`Entregar en ${full(esA())}, preguntar por ${name("es")}`,
  },
  {
    form: "gas-appointment",
    parts: () =>
      s`para la revisión del medidor de gas, estamos en ${A(esStreet())}, cualquier día a la tarde`,
  },
  { form: "emergency", parts: () => s`URGENTE ambulancia a ${A(esStreet())} mi mamá se cayó` },
  {
    form: "pharmacy-delivery",
    parts: () =>
      s`Quiero que me manden los remedios a ${A(esStreet())}, pago con tarjeta al recibir`,
  },
  {
    form: "after-con-domicilio",
    parts: () =>
      s`${name("es")}, con domicilio en ${A(esStreet())}, declara bajo juramento que los datos son verdaderos.`,
  },
  { form: "table-row", parts: () => s`| ${name("es")} | ${A(esStreet())} | pendiente |` },
  {
    form: "wedding-invite",
    parts: () =>
      s`Los esperamos el sábado en nuestra casa, ${full(esA())}, a partir de las 7 pm 🎉`,
  },
  {
    form: "after-me-mude-a",
    parts: () =>
      s`me mudé a ${A(esStreet())} así que cambien la dirección de la suscripción por fa`,
  },
  { form: "after-colon-newline", parts: () => s`Dirección de facturación:\n${full(esA())}` },
  {
    form: "comma-separated",
    parts: () => {
      const a = esA();
      return s`${name("es")}, ${A(a)}, ${placeOf(a)}, ${id.phone()}`;
    },
  },
  {
    form: "school-transport",
    parts: () =>
      s`Buenas, ¿el transporte escolar pasa por ${A(esStreet())}? los niños salen a las 6:40`,
  },
  {
    form: "after-ubicado-en",
    parts: () =>
      s`Tengo un terreno ubicado en ${full(esA())} y quiero saber si tiene deudas de impuesto predial`,
  },
  {
    form: "pickup-correction",
    parts: () => s`perdón no es ${A(esStreet())}, me equivoqué, es ${A(esStreet())}`,
  },
  {
    form: "courier-notice",
    parts: () =>
      s`Hola! No estaba cuando pasaron. Pueden volver a ${A(esStreet())}? Estoy todo el día mañana`,
  },
  {
    form: "semicolon-fields",
    parts: () => s`nombre ${name("es")}; dirección ${A(esStreet())}; horario tarde`,
  },
  {
    form: "neighbour",
    parts: () => s`Si no estoy, dejen el paquete con la vecina de ${A(esStreet())}`,
  },
  {
    form: "loan-application",
    parts: () =>
      s`Para el crédito me piden la dirección del negocio, que es mi misma casa: ${full(esA())}`,
  },
  { form: "after-en", parts: () => s`Nos vemos en ${A(esStreet())} a las 5, es mi casa` },
];

const ptAddressFrames: Frame[] = [
  {
    form: "after-moro-na",
    parts: () => s`oi, boa tarde! moro na ${full(ptA())}, vocês entregam aqui?`,
  },
  { form: "after-endereco", parts: () => s`Endereço: ${full(ptA())}` },
  {
    form: "after-entregar-em",
    parts: () => s`Entregar em ${full(ptA())} depois das 18h, por favor`,
  },
  {
    form: "form-field",
    parts: () => {
      const a = ptA();
      return s`Nome: ${name("pt")}\nEndereço: ${A(a)}\nBairro/Cidade: ${placeOf(a)}\nCelular: ${id.phone("BR")}`;
    },
  },
  { form: "no-intro", parts: () => s`Passa na ${A(ptA())} amanhã que eu te entrego a chave` },
  { form: "lower-case", parts: () => s`meu endereço é ${full(lower(ptA()))} pode mandar pra lá` },
  {
    form: "line-break",
    parts: () => {
      const a = ptA();
      return s`Segue meu endereço pra nota:\n${A(a)}\n${placeOf(a)}`;
    },
  },
  { form: "text-start", parts: () => s`${A(ptA())}, é esse o endereço do cadastro, confere aí` },
  { form: "text-end", parts: () => s`o técnico da internet pode vir sábado? endereço ${A(ptA())}` },
  { form: "after-name", parts: () => s`${name("pt")} - ${full(ptA())}` },
  {
    form: "signature",
    parts: () => {
      const a = ptA();
      return s`Atenciosamente,\n${name("pt")}\n${A(a)}\n${placeOf(a)}\nTel. ${id.phone("BR")}`;
    },
  },
  {
    form: "list",
    parts: () =>
      s`Pra fazer a matrícula preciso mandar:\n1) RG do aluno\n2) comprovante de residência (${A(ptA())})\n3) foto 3x4`,
  },
  {
    form: "formal-letter",
    parts: () =>
      s`Eu, ${name("pt")}, residente na ${full(ptA())}, venho requerer a segunda via do carnê do IPTU.`,
  },
  {
    form: "change-of-address",
    parts: () => s`Mudei de endereço! Saí da ${A(ptA())} e agora tô na ${A(ptA())}`,
  },
  { form: "after-residente", parts: () => s`residente e domiciliado na ${full(ptA())}` },
  {
    form: "parentheses",
    parts: () => s`Minha sogra vai receber (ela mora na ${A(ptA())}), tudo bem?`,
  },
  {
    form: "delivery-instruction",
    parts: () => s`o motoboy tá perdido kkk é ${A(ptA())}, portão preto do lado da padaria`,
  },
  {
    form: "question",
    parts: () => s`Vocês atendem na ${A(ptA())}? Queria um orçamento de pintura`,
  },
  {
    form: "clinic-home-visit",
    parts: () => s`Preciso de coleta domiciliar pro exame da minha mãe, ela mora na ${full(ptA())}`,
  },
  {
    form: "bank-update",
    parts: () => s`Quero atualizar meu endereço no banco. Antigo: ${A(ptA())}. Novo: ${A(ptA())}`,
  },
  { form: "quotes", parts: () => s`No boleto tá "${A(ptA())}" mas eu não moro mais lá` },
  {
    form: "json",
    parts: () => s`{"nome": "${name("pt")}", "endereco": "${A(ptA())}", "frete": "PAC"}`,
  },
  {
    form: "csv-row",
    parts: () => {
      const a = ptA();
      return s`${name("pt")},"${A(a)}",${placeOf(a)},1`;
    },
  },
  {
    form: "two-addresses",
    parts: () => s`Coleta na ${A(ptA())} e entrega na ${A(ptA())}, são duas caixas`,
  },
  {
    form: "after-fica-na",
    parts: () => s`A casa da minha vó fica na ${full(ptA())}, dá pra instalar lá?`,
  },
  {
    form: "dash-list",
    parts: () =>
      s`Dados da mudança:\n- saída: ${A(ptA())}\n- chegada: ${A(ptA())}\n- geladeira, fogão e 10 caixas`,
  },
  {
    form: "municipal-claim",
    parts: () => s`Tem um buraco enorme na frente da ${A(ptA())} faz um mês, ninguém conserta`,
  },
  { form: "after-to-na", parts: () => s`já tô na ${A(ptA())}, pode descer` },
  {
    form: "rental",
    parts: () => s`Sobre o aluguel do apê da ${full(ptA())}: o reajuste vem em qual mês?`,
  },
  {
    form: "police-report",
    parts: () => s`Quero registrar um furto na minha residência, ${full(ptA())}, ontem à noite`,
  },
  {
    form: "after-referencia",
    parts: () => s`Endereço: ${A(ptA())}. Ponto de referência: em frente ao mercadinho`,
  },
  { form: "glued-colon", parts: () => s`End.:${A(ptA())}` },
  {
    form: "uppercase-form",
    parts: () => {
      const a = ptA();
      return s`ENDEREÇO: ${v("STREET_ADDRESS", a.street.toUpperCase())}${a.place.map((p) => (typeof p === "string" ? p.toUpperCase() : p))}`;
    },
  },
  {
    form: "pharmacy-delivery",
    parts: () => s`Manda o remédio pra ${A(ptA())}, pago no pix quando chegar`,
  },
  { form: "emergency", parts: () => s`SAMU urgente na ${A(ptA())} meu pai desmaiou` },
  { form: "table-row", parts: () => s`| ${name("pt")} | ${A(ptA())} | aguardando |` },
  {
    form: "party-invite",
    parts: () => s`Churrasco sábado lá em casa, ${full(ptA())}, a partir das 13h! 🍖`,
  },
  { form: "after-colon-newline", parts: () => s`Endereço de cobrança:\n${full(ptA())}` },
  {
    form: "comma-separated",
    parts: () => {
      const a = ptA();
      return s`${name("pt")}, ${A(a)}, ${placeOf(a)}, ${id.phone("BR")}`;
    },
  },
  {
    form: "school-transport",
    parts: () => s`A van escolar passa na ${A(ptA())}? As crianças saem 6h30`,
  },
  { form: "correction", parts: () => s`desculpa, não é ${A(ptA())}, errei, é ${A(ptA())}` },
  { form: "neighbour", parts: () => s`Se eu não estiver, deixa com a vizinha da ${A(ptA())}` },
  {
    form: "after-situado-na",
    parts: () => s`Tenho um imóvel situado na ${full(ptA())} e quero saber o valor venal`,
  },
  {
    form: "courier-notice",
    parts: () => s`Não tinha ninguém quando o carteiro passou. Pode voltar na ${A(ptA())} amanhã?`,
  },
  { form: "after-em", parts: () => s`A gente se encontra em ${A(ptA())} às 17h, é a minha casa` },
];

// ----- identifier frames ----------------------------------------------------------------------

const last4 = (value: Value) => value.text.replace(/\D/g, "").slice(-4);

const esIdFrames: Frame[] = [
  {
    form: "card-last4-then-full",
    parts: () => {
      const c = id.card();
      return s`la tarjeta terminada en ${last4(c)}... no, mejor el número completo: ${c}`;
    },
  },
  {
    form: "card-no-spaces",
    parts: () => s`Número de tarjeta ${id.card(false)} vence ${n(1, 12)}/${n(26, 31)}`,
  },
  {
    form: "card-amex-4-6-5",
    parts: () => s`cárguenlo a mi amex ${id.amex()} que la otra está bloqueada`,
  },
  {
    form: "card-other-brand",
    parts: () => s`Pagué con la tarjeta ${id.otherCard()} y me cobraron dos veces el mismo monto`,
  },
  {
    form: "card-no-label-amid",
    parts: () => s`cobrar a ${id.card(true)} el total del mes, gracias`,
  },
  { form: "clabe-grouped-3-3-11-1", parts: () => s`CLABE: ${id.clabeGrouped()}` },
  {
    form: "clabe-no-label",
    parts: () => s`transfiéreme a ${id.clabe()} a nombre de ${name("es")} porfa`,
  },
  { form: "clabe-cuenta-clabe", parts: () => s`mi cuenta clabe es ${id.clabe()}, es de nómina` },
  {
    form: "clabe-interbancaria",
    parts: () => s`Interbancaria ${id.clabeNew()} (es de una app, no de banco)`,
  },
  { form: "rif-label-hyphens", parts: () => s`RIF: ${id.rif(true)}` },
  {
    form: "rif-compact",
    parts: () => s`el rif de mi firma personal es ${id.rif(false)} para que salga en la factura`,
  },
  { form: "label-after", parts: () => s`${id.rif()} ← ese es el RIF, el otro estaba vencido` },
  { form: "csv-row", parts: () => s`${name("es")};${id.curp()};${id.rfc()};CDMX` },
  {
    form: "pasted-form",
    parts: () =>
      s`Nombre completo: ${name("es")}\nCURP: ${id.curp()}\nClave de elector: ${id.ine()}\nCorreo: ${id.email("es")}`,
  },
  {
    form: "numbered-list",
    parts: () => s`te paso lo que pidieron: 1) cuil ${id.cuit(true)} 2) documento ${id.arDni()}`,
  },
  { form: "glued-punctuation", parts: () => s`RUT:${id.rut()}.` },
  {
    form: "parentheses",
    parts: () => s`mi cédula (${id.coCedula()}) ya está registrada en la EPS`,
  },
  {
    form: "two-values",
    parts: () => s`Cédula ${id.ecCedula()} y RUC ${id.ecRuc()}, los dos a mi nombre`,
  },
  {
    form: "label-after-dni",
    parts: () => s`${id.peDni()} es mi DNI, lo pongo de nuevo porque la vez pasada salió mal`,
  },
  { form: "uruguay-pair", parts: () => s`CI ${id.uyCedula()} / RUT ${id.uyRut()}` },
  { form: "unusual-label", parts: () => s`mi número de contribuyente en la SET es ${id.pyRuc()}` },
  { form: "ve-cedula-ci", parts: () => s`C.I. ${id.veCedula()}, estudiante de 3er semestre` },
  { form: "nit-invoice", parts: () => s`Factura a nombre de mi negocio, NIT ${id.nit()}` },
  { form: "email-or-phone", parts: () => s`escríbeme a ${id.email("es")} o al ${id.phone()}` },
  { form: "table-row", parts: () => s`| ${id.rfc()} | ${id.clabe()} | ${id.email("es")} |` },
  {
    form: "ruc-peru-label-after",
    parts: () => s`RUC de persona natural ${id.peRucPerson()} (soy independiente)`,
  },
];

const ptIdFrames: Frame[] = [
  { form: "pis-label", parts: () => s`Meu PIS é ${id.pis()}` },
  { form: "pasep-label", parts: () => s`número do PASEP: ${id.pis()}, sou servidora estadual` },
  { form: "nis-label", parts: () => s`NIS ${id.pis()} (é o do Bolsa Família)` },
  { form: "nit-label", parts: () => s`NIT ${id.pis()} pra contribuir no INSS como autônoma` },
  {
    form: "numero-do-trabalhador",
    parts: () => s`número do trabalhador que aparece no app da carteira digital: ${id.pis(true)}`,
  },
  {
    form: "pis-label-after",
    parts: () => s`${id.pis(false)} é o número que tá na minha carteira de trabalho`,
  },
  {
    form: "card-last4-then-full",
    parts: () => {
      const c = id.card();
      return s`o cartão final ${last4(c)}... não, melhor o número todo: ${c}`;
    },
  },
  {
    form: "card-other-brand",
    parts: () => s`paguei no cartão ${id.otherCard()} e a compra não apareceu`,
  },
  {
    form: "card-no-spaces",
    parts: () => s`Cartão ${id.card(false)} validade ${n(1, 12)}/${n(26, 31)}`,
  },
  { form: "csv-row", parts: () => s`${name("pt")},${id.cpf()},${id.rg()},${id.cep()}` },
  {
    form: "pasted-form",
    parts: () =>
      s`Nome: ${name("pt")}\nCPF: ${id.cpf()}\nRG: ${id.rg()}\nCNH: ${id.cnh()}\nE-mail: ${id.email("pt")}`,
  },
  { form: "numbered-list", parts: () => s`1) CPF ${id.cpf()} 2) CNPJ do MEI ${id.cnpj()}` },
  { form: "glued-punctuation", parts: () => s`CPF:${id.cpf()};` },
  { form: "parentheses", parts: () => s`a habilitação (CNH ${id.cnh()}) tá vencendo mês que vem` },
  { form: "label-after", parts: () => s`${id.cpf()} - esse é o CPF do titular do plano` },
  { form: "two-values", parts: () => s`PIS ${id.pis()} e CPF ${id.cpf()}, pro seguro-desemprego` },
  {
    form: "email-or-phone",
    parts: () => s`me chama no zap ${id.phone("BR")} ou manda e-mail pra ${id.email("pt")}`,
  },
  { form: "cep-alone", parts: () => s`qual o frete pro CEP ${id.cep()}?` },
  { form: "rg-with-issuer", parts: () => s`RG ${id.rg()} SSP/SP, emitido em 2015` },
  { form: "json", parts: () => s`{"cpf":"${id.cpf()}","pis":"${id.pis()}"}` },
  { form: "table-row", parts: () => s`| ${name("pt")} | ${id.pis()} | admissão 03/2024 |` },
  {
    form: "pix-key",
    parts: () => s`chave pix: ${pick([id.cpf(), id.email("pt"), id.phone("BR")])}`,
  },
  { form: "card-amex-4-6-5", parts: () => s`o amex da empresa é ${id.amex()}, pode passar nele` },
  { form: "card-no-label-amid", parts: () => s`passa no ${id.card(true)} em 3x sem juros` },
];

// ----- negatives ------------------------------------------------------------------------------

const negative = (form: string, parts: () => Part[]): Frame => ({ form, kind: "negative", parts });
const hour = () => `${n(7, 20)}:${pick(["00", "15", "30", "45"])}`;
const opens = () => `${n(7, 10)}:${pick(["00", "30"])}`;
const closes = () => `${n(16, 20)}:${pick(["00", "30"])}`;
const day = () => `${n(1, 28)}/${String(random.integer(1, 12)).padStart(2, "0")}`;
const thousands = (min: number, max: number) => dotted(n(min, max));

const esLandmarks = [
  "El Museo Nacional de Antropología está en Av. Paseo de la Reforma s/n, Bosque de Chapultepec",
  "El Teatro Colón queda en Cerrito 628, frente a la plaza",
  "La Casa Rosada está en Balcarce 50",
  "Nuestra sucursal Palermo está en Av. Santa Fe 3253, local 12",
  "La oficina del SAT más cercana está en Av. Hidalgo 77, Col. Guerrero",
  "El consulado atiende en Av. Providencia 2653, piso 12",
  "Pueden retirar en nuestra tienda de Jr. de la Unión 450, Cercado de Lima",
  "El Palacio de La Moneda está en Moneda s/n, Santiago",
  "La sede principal del banco está en Cra. 7 No. 32-16, Bogotá",
  "El Mercado del Puerto queda en Rambla 25 de Agosto de 1825",
  "Nuestro centro de distribución está en Ruta 2 km 38, Florencio Varela",
  "La clínica atiende en Av. Javier Prado Este 1066, San Isidro",
  "El Estadio Centenario está en Av. Dr. Américo Ricaldoni s/n",
  "La municipalidad recibe trámites en Av. Abancay 537, primer piso",
  "Encuéntranos en Blvd. Miguel de Cervantes Saavedra 303, Plaza Carso",
  "El registro civil funciona en Calle 26 # 13-19, módulo B",
  "Nuestro local de Quito está en Av. Amazonas N24-196 y Cordero, junto al banco",
  "La biblioteca municipal está en Mcal. López 1280, Asunción",
  "El Cristo de la Concordia se visita por la Av. Costanera, Cochabamba",
  "La Universidad Central queda en Av. Los Ilustres, Los Chaguaramos",
];

const esNegativeFrames: Frame[] = [
  negative(
    "price",
    () =>
      s`¿El sillón de 3 cuerpos sigue a $ ${thousands(100_000, 900_000)}? vi que antes estaba más barato`,
  ),
  negative("price-soles", () => s`el menú cuesta S/ ${n(12, 45)}.90 con bebida incluida`),
  negative(
    "price-bolivares",
    () => s`me cobraron Bs. ${n(150, 900)},00 por el cambio de aceite, es normal?`,
  ),
  negative(
    "date-time",
    () => s`La cita quedó para el ${day()} a las ${hour()}, ¿me la pueden pasar para la tarde?`,
  ),
  negative(
    "order-number",
    () => s`Mi pedido #MX-${n(100000, 999999)} todavía dice "en preparación"`,
  ),
  negative(
    "invoice-number",
    () => s`necesito la factura F001-000${n(10000, 99999)} en PDF, no me llegó al correo`,
  ),
  negative(
    "tracking-number",
    () => s`número de guía ${random.digits(12)}, ¿por qué sigue en tránsito?`,
  ),
  negative(
    "ticket-number",
    () => s`Abrí el ticket INC${random.digits(7)} hace tres días y nadie me respondió`,
  ),
  negative(
    "sku",
    () => s`¿tienen stock del SKU ZAP-${n(1000, 9999)}-NEG-${n(35, 44)}? talla ${n(35, 44)}`,
  ),
  negative(
    "bank-branch",
    () =>
      s`Abrí la cuenta en la sucursal ${String(random.integer(1, 999)).padStart(4, "0")} del centro, ¿puedo cerrarla en otra?`,
  ),
  negative(
    "company-phone",
    () => s`llamé al 01 800 ${n(100, 999)} ${n(1000, 9999)} de atención al cliente y no contestan`,
  ),
  negative(
    "company-phone-ar",
    () => s`El 0800-${n(100, 999)}-${n(1000, 9999)} de la empresa está siempre ocupado`,
  ),
  negative(
    "law-number",
    () =>
      s`Según la Ley ${pick(["19.628", "25.326", "1581 de 2012", "29733"])}, ¿cuánto tiempo guardan mis datos?`,
  ),
  negative(
    "article",
    () =>
      s`el art. ${n(2, 90)}, inciso ${pick(["a", "b", "c", "II", "IV"])} del reglamento dice otra cosa`,
  ),
  negative(
    "measurement",
    () => s`el mueble mide ${n(80, 200)} x ${n(30, 60)} x ${n(70, 210)} cm, ¿entra en el ascensor?`,
  ),
  negative(
    "year",
    () => s`Compré el auto en ${n(2008, 2024)} y la garantía era de ${n(2, 5)} años`,
  ),
  negative(
    "version",
    () => s`la app versión ${n(2, 9)}.${n(0, 20)}.${n(0, 9)} se cierra sola cuando abro el carrito`,
  ),
  negative("km-distance", () => s`¿Cuánto sale el envío a ${n(20, 300)} km de la capital?`),
  negative("room-number", () => s`La reunión de padres es en el aula ${n(101, 320)}, segundo piso`),
  negative(
    "flight-number",
    () =>
      s`Mi vuelo ${pick(["LA", "AV", "AR", "CM", "H2"])}${n(100, 2999)} sale a las ${hour()}, ¿alcanzo a retirar antes?`,
  ),
  negative(
    "medical-prose",
    () =>
      s`¿A qué hora abre el laboratorio los sábados? Solo quiero saber si hay que ir en ayunas para un hemograma`,
  ),
  negative(
    "street-not-address",
    () =>
      s`La calle estaba inundada ${pick(["otra vez", "desde anoche", "toda la mañana"])}, por eso el camión no pudo pasar`,
  ),
  negative("street-band", () => s`¿Tienen entradas para Calle 13 del ${day()}?`),
  negative(
    "avenida-principal",
    () =>
      s`Estoy en la avenida principal, ¿su local está antes o después del semáforo? llego en ${n(5, 20)} minutos`,
  ),
  negative(
    "percent",
    () => s`¿el descuento del ${n(10, 50)}% aplica también a los productos en oferta?`,
  ),
  negative(
    "installments",
    () => s`quiero pagar en ${pick(["3", "6", "12", "18"])} cuotas sin interés, se puede?`,
  ),
  negative(
    "exchange-rate",
    () => s`¿A cuánto está el dólar hoy? ayer estaba a ${n(900, 1400)},${n(10, 99)}`,
  ),
  negative(
    "product-code",
    () =>
      s`El código del producto es ${letter("ABCDEFGH")}${letter("KLMNPQ")}-${n(1000, 99999)}, sale en la caja`,
  ),
  negative(
    "course-code",
    () => s`¿el curso MAT-${n(100, 400)} tiene cupo en la sección ${n(1, 9)}?`,
  ),
  negative(
    "apartment-listing-generic",
    () =>
      s`Busco departamento de ${n(1, 3)} dormitorios, hasta $ ${thousands(300_000, 900_000)} por mes, zona norte`,
  ),
  negative(
    "bus-line",
    () => s`¿La línea ${n(10, 199)} pasa por el hospital? o me conviene tomar el metro`,
  ),
  negative(
    "serial-number",
    () => s`el número de serie del equipo es SN${random.digits(10)}, ¿sigue en garantía?`,
  ),
  negative(
    "queue-number",
    () =>
      s`Tengo el turno ${letter("ABC")}-${n(10, 199)} y van por el ${letter("ABC")}-${n(1, 9)}, ¿cuánto falta?`,
  ),
  negative("weight", () => s`la caja pesa ${n(2, 40)},${n(1, 9)} kg, ¿la pueden mandar por moto?`),
  negative(
    "school-grade",
    () => s`Mi hijo sacó ${n(4, 7)},${n(0, 9)} en matemáticas, ¿cuándo es la recuperación?`,
  ),
  negative(
    "policy-number-company",
    () =>
      s`La póliza colectiva ${n(1000, 9999)}-${n(10, 99)} de la empresa cubre a todos los empleados?`,
  ),
  negative(
    "coordinates-generic",
    () => s`El evento es en el parque, cerca del lago, a ${n(2, 9)} cuadras de la estación`,
  ),
  negative(
    "kilometer-road-landmark",
    () => s`hay un choque en el km ${n(10, 90)} de la Panamericana, ¿mi envío se va a atrasar?`,
  ),
  negative(
    "opening-hours",
    () => s`¿Atienden el feriado del ${day()}? necesito hacer un depósito antes de las ${hour()}`,
  ),
  negative(
    "wifi-password-generic",
    () => s`la clave del wifi del café es la que está en el ticket, empieza con ${n(10, 99)}`,
  ),
  negative(
    "temperature",
    () => s`El clima marca ${n(28, 41)} °C, ¿el envío de chocolates llega bien?`,
  ),
  negative(
    "stock-question",
    () =>
      s`¿Cuántas unidades quedan del modelo ${n(2020, 2025)}? necesito ${n(2, 12)} para la oficina`,
  ),
  negative(
    "phone-extension",
    () => s`Llamé a la central y me pasaron al anexo ${n(100, 999)}, pero se cortó`,
  ),
];

const ptLandmarks = [
  "O Museu do Ipiranga fica na Rua dos Patriotas, 100",
  "O MASP fica na Av. Paulista, 1578",
  "A Catedral da Sé fica na Praça da Sé, s/n",
  "Nossa loja do centro fica na Rua XV de Novembro, 1200, loja 4",
  "A agência do INSS mais perto é na Av. Rio Branco, 156",
  "O Theatro Municipal fica na Praça Floriano, s/n, Cinelândia",
  "A Receita atende na Av. Presidente Vargas, 670, térreo",
  "O Mercado Central de BH fica na Av. Augusto de Lima, 744",
  "O Poupatempo da Sé fica na Rua do Carmo, s/n",
  "Nosso centro de distribuição fica na Rodovia Anhanguera, km 33",
  "A clínica fica na Rua Pamplona, 1000, 3º andar, sala 31",
  "O Detran atende na Av. Dr. Nilo Peçanha, 1400",
  "A sede da empresa é na Al. Rio Negro, 500, torre B, Alphaville",
  "O Mercado Modelo fica na Praça Visconde de Cayru, 250",
  "A prefeitura recebe protocolos na Rua Líbero Badaró, 425",
  "O Estádio do Maracanã fica na Av. Pres. Castelo Branco, portão 3",
  "Retire seu pedido no nosso quiosque do Shopping Iguatemi, Av. Brig. Faria Lima, 2232",
  "O cartório fica na Rua Marechal Floriano, 98, sobreloja",
  "O Hospital das Clínicas fica na Av. Dr. Enéas Carvalho de Aguiar, 255",
  "A biblioteca municipal fica na Rua da Consolação, 94",
];

const ptNegativeFrames: Frame[] = [
  negative(
    "price-reais",
    () => s`O sofá tá R$ ${thousands(1000, 9999)},${n(10, 99)} à vista ou em 10x?`,
  ),
  negative(
    "price-cents",
    () => s`paguei R$ ${n(5, 99)},${n(10, 99)} no frete e demorou ${n(5, 20)} dias`,
  ),
  negative("date-time", () => s`A consulta ficou pro dia ${day()} às ${hour()}, dá pra remarcar?`),
  negative(
    "order-number",
    () => s`Meu pedido nº ${n(100000000, 999999999)} ainda não foi despachado`,
  ),
  negative(
    "invoice-number",
    () => s`preciso da nota fiscal nº ${thousands(1000, 999999)}, série ${n(1, 3)}, pro reembolso`,
  ),
  negative(
    "tracking-code",
    () =>
      s`código de rastreio ${letter("NOQLP")}${letter("BXAC")}${random.digits(9)}BR, tá parado em Curitiba`,
  ),
  negative(
    "protocol-number",
    () => s`Meu protocolo de atendimento é ${n(2024, 2026)}${random.digits(10)}, liguei ontem`,
  ),
  negative(
    "sku",
    () =>
      s`tem o tênis SKU ${letter()}${letter("KLMN")}${n(1000, 9999)}-${n(34, 44)} no tamanho ${n(34, 44)}?`,
  ),
  negative(
    "bank-branch",
    () => s`Minha conta é da agência ${n(1000, 9999)}, posso sacar em outra?`,
  ),
  negative(
    "company-phone",
    () => s`Liguei no 0800 ${n(100, 999)} ${n(1000, 9999)} e caiu três vezes`,
  ),
  negative("company-phone-4004", () => s`o SAC é 4004-${n(1000, 9999)} pra capitais, né?`),
  negative(
    "law-number",
    () =>
      s`Pela Lei ${pick(["13.709/2018", "8.078/90", "14.181", "12.965/2014"])}, vocês podem guardar meus dados por quanto tempo?`,
  ),
  negative(
    "article",
    () => s`o art. ${n(2, 90)}º, inciso ${pick(["I", "II", "III", "IV", "V"])}, da LGPD fala disso`,
  ),
  negative(
    "measurement",
    () => s`a estante tem ${n(80, 200)} x ${n(30, 60)} x ${n(70, 210)} cm, passa na porta?`,
  ),
  negative(
    "year",
    () => s`Comprei a geladeira em ${n(2015, 2025)}, a garantia estendida era de ${n(2, 5)} anos`,
  ),
  negative("version", () => s`o app na versão ${n(3, 9)}.${n(0, 30)}.${n(0, 9)} não abre o boleto`),
  negative("km-distance", () => s`Vocês entregam a ${n(20, 300)} km de São Paulo?`),
  negative(
    "room-number",
    () => s`A prova vai ser na sala ${n(101, 420)} do bloco ${letter("ABCD")}`,
  ),
  negative(
    "flight-number",
    () =>
      s`Meu voo ${pick(["G3", "LA", "AD"])}${n(1000, 9999)} sai às ${hour()}, dá tempo de retirar?`,
  ),
  negative(
    "medical-prose",
    () =>
      s`O laboratório abre que horas no sábado? Só quero saber se precisa de jejum pro hemograma`,
  ),
  negative(
    "street-not-address",
    () =>
      s`A rua tava alagada ${pick(["de novo", "desde ontem", "a manhã toda"])}, o caminhão não passou`,
  ),
  negative(
    "street-soap-opera",
    () => s`Alguém lembra da novela Rua das Flores? passava às ${hour()}`,
  ),
  negative(
    "avenida-principal",
    () =>
      s`Tô na avenida principal, a loja fica antes ou depois do semáforo? chego em ${n(5, 20)} min`,
  ),
  negative(
    "paulista-traffic",
    () => s`A Paulista tá parada por causa da manifestação, vou atrasar uns ${n(10, 40)} minutos`,
  ),
  negative("percent", () => s`o desconto de ${n(10, 50)}% vale pra produto em promoção também?`),
  negative(
    "installments",
    () => s`dá pra parcelar em ${pick(["3", "6", "10", "12"])}x sem juros no cartão?`,
  ),
  negative(
    "product-code",
    () => s`O código do produto é ${letter()}${letter("KLMNP")}-${n(1000, 99999)}, tá na etiqueta`,
  ),
  negative(
    "bus-line",
    () => s`O ônibus ${n(100, 999)}${pick(["", "A", "-10"])} passa no hospital ou pego o metrô?`,
  ),
  negative(
    "serial-number",
    () => s`o número de série da TV é ${letter()}${random.digits(11)}, ainda tá na garantia?`,
  ),
  negative(
    "queue-number",
    () =>
      s`Peguei a senha ${letter("ABCNP")}${n(10, 199)} e tão chamando a ${letter("ABCNP")}${n(1, 9)}, vai demorar?`,
  ),
  negative("weight", () => s`a caixa pesa ${n(2, 40)},${n(1, 9)} kg, vai por Sedex?`),
  negative(
    "school-grade",
    () => s`Meu filho tirou ${n(4, 7)},${n(0, 9)} em matemática, quando é a recuperação?`,
  ),
  negative(
    "bank-branch-code",
    () =>
      s`Banco ${pick(["001", "237", "341", "104", "033"])}, agência ${n(1000, 9999)}-${n(0, 9)}: esse é o código certo do banco?`,
  ),
  negative(
    "road-km-traffic",
    () =>
      s`Acidente no km ${n(10, 400)} da ${pick(["Dutra", "Régis Bittencourt", "BR-101", "Anchieta"])}, minha entrega vai atrasar?`,
  ),
  negative(
    "opening-hours",
    () => s`Vocês abrem no feriado de ${day()}? Preciso pagar um boleto antes das ${hour()}`,
  ),
  negative("temperature", () => s`Tá fazendo ${n(30, 42)} °C aqui, o chocolate chega derretido?`),
  negative(
    "stock-question",
    () => s`Quantas unidades do modelo ${n(2020, 2025)} ainda tem? preciso de ${n(2, 12)}`,
  ),
  negative(
    "phone-extension",
    () => s`Liguei na central e me passaram pro ramal ${n(100, 999)}, mas desligaram`,
  ),
  negative(
    "cnae-code",
    () =>
      s`qual CNAE uso pro MEI de manicure? vi ${n(1000, 9999)}-${n(1, 9)}/${n(10, 99)} mas não tenho certeza`,
  ),
  negative(
    "boleto-due",
    () => s`o boleto vence dia ${day()}, se eu pagar dia ${n(1, 28)} tem multa de ${n(1, 2)}%?`,
  ),
  negative(
    "cep-question-generic",
    () => s`Como eu descubro meu CEP? Mudei faz ${n(2, 11)} meses e nunca soube`,
  ),
  negative(
    "electricity-reading",
    () => s`A conta de luz veio ${n(200, 900)} kWh, mês passado foi ${n(150, 400)}, tá certo isso?`,
  ),
  negative(
    "pix-limit",
    () => s`Qual o limite do pix noturno? Tentei mandar R$ ${thousands(1000, 9000)},00 e não foi`,
  ),
];

/** One line per landmark or company address, in one of a few ways of asking or telling. */
/** The company's own words ("Nuestra sucursal…") are only told; a public place is also asked about. */
const ownWords = /^(Nuestr|Nuestro|Nossa|Nosso|Pueden|Encuéntranos|Retire)/;
const lowerFirst = (place: string) => place.replace(/^\S+/, (word) => word.toLowerCase());

/** One line per landmark or company address, in one of a few ways of asking or telling. */
const landmarkFrames = (lang: "es" | "pt", landmarks: readonly string[]): Frame[] =>
  landmarks.map((place) =>
    negative("landmark-or-company-address", () => {
      const told =
        lang === "es"
          ? s`${place}. Abre de lunes a viernes de ${opens()} a ${closes()}.`
          : s`${place}. Funciona de segunda a sexta, das ${opens()} às ${closes()}.`;
      if (ownWords.test(place)) return told;
      return lang === "es"
        ? pick([
            told,
            s`Hola, una consulta: ${lowerFirst(place)}, ¿verdad? tengo que ir el ${day()}`,
            s`Según la página, ${lowerFirst(place)}. ¿Hay estacionamiento?`,
          ])
        : pick([
            told,
            s`Oi, só confirmando: ${lowerFirst(place)}, né? Vou lá dia ${day()}`,
            s`No site diz que ${lowerFirst(place)}. Tem estacionamento?`,
          ]);
    }),
  );

// ----- the set --------------------------------------------------------------------------------

function build(
  lineId: string,
  lang: "es" | "pt",
  frame: Frame,
): { line: EvaluationLine; values: Value[] } {
  let text = "";
  const spans: EvaluationSpan[] = [];
  const values: Value[] = [];
  for (const part of frame.parts()) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    values.push(part);
    spans.push({ type: part.type, start: text.length, end: text.length + part.text.length });
    text += part.text;
  }
  const line = evaluationLineSchema.parse({
    id: lineId,
    lang,
    kind: frame.kind ?? "positive",
    form: frame.form,
    text,
    spans,
  });
  for (const [index, span] of line.spans.entries()) {
    const value = line.text.slice(span.start, span.end);
    if (value === "" || value.trim() !== value || value !== values[index]?.text) {
      throw new Error(`${lineId}: span ${JSON.stringify(value)} is not the value written`);
    }
  }
  if ((line.kind === "negative") !== (line.spans.length === 0)) {
    throw new Error(`${lineId}: a ${line.kind} line with ${line.spans.length} spans`);
  }
  return { line, values };
}

const plan: [lang: "es" | "pt", frames: Frame[], times: number][] = [
  ["es", esAddressFrames, 3],
  ["pt", ptAddressFrames, 3],
  ["es", esIdFrames, 3],
  ["pt", ptIdFrames, 3],
  ["es", landmarkFrames("es", esLandmarks), 1],
  ["pt", landmarkFrames("pt", ptLandmarks), 1],
  ["es", esNegativeFrames, 2],
  ["pt", ptNegativeFrames, 2],
];

const lines: EvaluationLine[] = [];
const seen = new Set<string>();
for (const [lang, frames, times] of plan) {
  for (let round = 0; round < times; round++) {
    for (const frame of frames) {
      const { line } = build(`dev4-${String(lines.length + 1).padStart(4, "0")}`, lang, frame);
      if (seen.has(line.text)) continue;
      seen.add(line.text);
      lines.push(line);
    }
  }
}

writeFileSync(
  "test/fixtures/privacy/evaluation/dev4.jsonl",
  lines.map((line) => JSON.stringify(line)).join("\n") + "\n",
);
const spanCount = lines.reduce((total, line) => total + line.spans.length, 0);
console.log(
  `dev4: ${lines.length} lines (es ${lines.filter((line) => line.lang === "es").length}, negatives ${lines.filter((line) => line.kind === "negative").length}), ${spanCount} spans`,
);
