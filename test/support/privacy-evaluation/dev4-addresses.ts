/**
 * Personal street addresses for dev4-sentences.ts, by country, with the span rule of that
 * file's header: the street part is the span, a barrio before it and the place after it are not.
 */
import { id, letter, n, pick, random, s, v, type Part } from "./dev4-values.js";

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

export const A = (address: Address) => v("STREET_ADDRESS", address.street);
export const full = (address: Address): Part[] =>
  [address.pre, A(address), ...address.place].filter((part) => part !== "");
export const esA = () => pick(esAddresses)();
export const ptA = () => pick(ptAddresses)();
/** An address that reads well alone, after "en" or "por": one with a street, no barrio before it. */
export const esStreet = (): Address => {
  for (;;) {
    const address = esA();
    if (address.pre === "" && !/^de /.test(address.street)) return address;
  }
};
/** The address as someone typing fast writes it: all lower case. */
export const lower = (address: Address): Address => ({
  pre: address.pre.toLowerCase(),
  street: address.street.toLowerCase(),
  place: address.place.map((part) => (typeof part === "string" ? part.toLowerCase() : part)),
});
/** Only the place's words, without a leading comma. */
export const placeOf = (address: Address): Part[] => {
  const [first, ...rest] = address.place;
  if (typeof first === "string") {
    const trimmed = first.replace(/^[,\s]+/, "");
    return trimmed === "" ? rest : [trimmed, ...rest];
  }
  return address.place;
};
