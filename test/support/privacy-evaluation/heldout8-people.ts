/**
 * The people of the eighth held-out set (heldout8-sentences.ts): names of all of Latin America's
 * communities (Quechua and Aymara, Maya and Nahua, Mapuche, Guaraní, Afro-Latin, Lebanese and
 * Syrian, Japanese, Chinese, Korean, Italian, German, Jewish and Ukrainian families, and the
 * ordinary Hispanic and Portuguese ones with their particles), written in full, with initials, as
 * a nickname and surname, "Surname, Given" as a register lists them, in lower or upper case; home
 * addresses in each country's own format, rural and urban, split into the span and what follows
 * it; conditions and medicines said in lay and clinical words. Spans as the header of
 * heldout8-values.ts sets out.
 */
import { chance, int, pick, v, type Country, type Lang, type Value } from "./heldout8-values.js";

// ----- people -------------------------------------------------------------------------------

export type Gender = "f" | "m";

const givenNames: Record<Lang, Record<Gender, readonly string[]>> = {
  es: {
    f: [
      "Rosa",
      "Luz",
      "Paz",
      "Esperanza",
      "Amparo",
      "Socorro",
      "Maricruz",
      "Wara",
      "Killa",
      "Ayelén",
      "Millaray",
      "Rayen",
      "Yanet",
      "Nélida",
      "Eusebia",
      "Yamilé",
      "Zoila",
      "Mirtha",
      "Keiko",
      "Fabiana",
      "Ana Lucía",
      "María del Carmen",
      "Sara",
      "Oksana",
      "Rut Noemí",
      "Leidy",
      "Lupita",
    ],
    m: [
      "Cruz",
      "Wilber",
      "Remigio",
      "Fortunato",
      "Teodosio",
      "Ulises",
      "Lautaro",
      "Pelayo",
      "Kevin",
      "Brayan",
      "Jhon Jairo",
      "Juan Carlos",
      "Luis Alberto",
      "Emeterio",
      "Kenji",
      "Elías",
      "Yusef",
      "Julián",
      "Óscar Iván",
      "Saúl",
      "Pedro Pablo",
      "Anselmo",
      "Gumercindo",
      "Wilfredo",
      "Dong-hyun",
    ],
  },
  pt: {
    f: [
      "Graça",
      "Vitória",
      "Conceição",
      "Aparecida",
      "Raimunda",
      "Francisca",
      "Iracema",
      "Jurema",
      "Naara",
      "Tainá",
      "Akemi",
      "Yumi",
      "Soo-ah",
      "Hadassa",
      "Rebeca",
      "Nádia",
      "Samira",
      "Kelly Cristina",
      "Maria das Dores",
      "Ana Beatriz",
      "Luzia",
      "Rosângela",
      "Thaís",
      "Edileuza",
    ],
    m: [
      "Francisco de Assis",
      "Raimundo Nonato",
      "Cícero",
      "Josué",
      "Adalberto",
      "Juscelino",
      "Wellington",
      "Kauã",
      "Ubirajara",
      "Hiroshi",
      "Takeshi",
      "Min-jun",
      "Jorge Elias",
      "Fuad",
      "Bruno",
      "Otávio",
      "Gustavo Henrique",
      "Ivo",
      "Taras",
      "Davi",
      "Valdecir",
      "Edvaldo",
      "Lucas Gabriel",
    ],
  },
};

export const someGender = (): Gender => (chance(0.5) ? "f" : "m");

const familyNames: Record<Lang, readonly string[]> = {
  es: [
    "Mamani",
    "Quispe",
    "Condori",
    "Huanca",
    "Choque",
    "Ccori",
    "Limachi",
    "Quisbert",
    "Chambi",
    "Yupanqui",
    "Apaza",
    "Ticona",
    "Pech",
    "Chan",
    "Canul",
    "Ek",
    "Poot",
    "Uc",
    "Tzul",
    "Tuyuc",
    "Cocom",
    "Dzib",
    "Huenchumilla",
    "Painemal",
    "Catrileo",
    "Ñancupil",
    "Aguará",
    "Benítez",
    "Mina",
    "Angulo",
    "Caicedo",
    "Haddad",
    "Khoury",
    "Nasser",
    "Saad",
    "Abdo",
    "Farah",
    "Chahine",
    "Tanaka",
    "Nakamura",
    "Chang",
    "Wong",
    "Romano",
    "Colombo",
    "Greco",
    "Esposito",
    "Schmidt",
    "Kessler",
    "Goldberg",
    "Szwarc",
    "Kovalenko",
    "Kim",
    "de la Cruz",
    "del Río",
    "de los Santos",
    "Villca",
    "Gutiérrez",
    "Paredes",
    "Sepúlveda",
    "Ocampo",
  ],
  pt: [
    "da Silva",
    "dos Santos",
    "das Neves",
    "Rocha",
    "Branco",
    "Lima",
    "Nascimento",
    "Conceição",
    "Bezerra",
    "Cavalcanti",
    "Maluf",
    "Jafet",
    "Kassab",
    "Bitar",
    "Haddad",
    "Sato",
    "Tanaka",
    "Nakamura",
    "Yamamoto",
    "Park",
    "Lee",
    "Romano",
    "Colombo",
    "Bruno",
    "Greco",
    "Esposito",
    "Schneider",
    "Müller",
    "Hoffmann",
    "Kowalczuk",
    "Melnyk",
    "Kogan",
    "Zylberstajn",
    "Guajajara",
    "Terena",
    "Kaingang",
    "Pataxó",
    "Machado",
    "Assunção",
    "de Souza",
    "Ribeiro",
    "Barbosa",
    "Fagundes",
    "Queiroz",
  ],
};

const capitalized = (word: string): string =>
  /^(de|da|do|dos|das|del|la|los)$/.test(word)
    ? word
    : word.charAt(0).toUpperCase() + word.slice(1);

function twoFamilyNames(lang: Lang): [string, string] {
  const first = pick(familyNames[lang]);
  let second = pick(familyNames[lang]);
  while (second === first) second = pick(familyNames[lang]);
  return [first, second];
}

/** "Wara Quispe Huenchumilla", "Hiroshi Sato da Silva", "Graça Maluf". */
export function personName(lang: Lang, gender: Gender = someGender()): Value {
  const given = pick(givenNames[lang][gender]);
  const [first, second] = twoFamilyNames(lang);
  const both = chance(lang === "es" ? 0.55 : 0.5);
  const text = both ? `${given} ${first} ${second}` : `${given} ${first}`;
  return v("PERSON_NAME", text.charAt(0).toUpperCase() + text.slice(1));
}

/** "Wara", "Francisco de Assis": the given name alone. */
export const firstName = (lang: Lang, gender: Gender = someGender()): Value =>
  v("PERSON_NAME", pick(givenNames[lang][gender]));

/** "MAMANI CHOQUE, Killa" or "Sato, Akemi": a register's "Surname, Given". */
export function listedName(lang: Lang, upper = chance(0.4)): Value {
  const [first, second] = twoFamilyNames(lang);
  const family = lang === "es" || chance(0.4) ? `${first} ${second}` : first;
  const text = `${family.split(" ").map(capitalized).join(" ")}, ${pick(givenNames[lang][someGender()])}`;
  return v("PERSON_NAME", upper ? text.toUpperCase() : text);
}

/** "J. C. Mamani", "M. das Dores Bitar": initials and a surname. */
export function initialsName(lang: Lang): Value {
  const given = pick(givenNames[lang][someGender()]);
  const initials = given
    .split(" ")
    .filter((word) => !/^(de|da|das|del|dos)$/.test(word))
    .map((word) => `${word.charAt(0).toUpperCase()}.`)
    .join(" ");
  return v("PERSON_NAME", `${initials} ${capitalized(pick(familyNames[lang]))}`);
}

const nicknames: Record<Lang, readonly string[]> = {
  es: ["Chino", "Flaco", "Negra", "Gordo", "Pocho", "Nena", "Toño", "Cholo", "Pelusa", "Mono"],
  pt: ["Zé", "Tião", "Dona Cida", "Neguinho", "Bia", "Juca", "Preta", "Tonho", "Lelê", "Nando"],
};

/** "Chino Quispe", "Zé Bitar": a nickname and a surname, as friends write. */
export const nicknameName = (lang: Lang): Value =>
  v("PERSON_NAME", `${pick(nicknames[lang])} ${capitalized(pick(familyNames[lang]))}`);

// ----- addresses ----------------------------------------------------------------------------

const n = (low = 10, high = 4999): number => int(low, high);
const letter = (): string => pick(["A", "B", "C", "D", "E"]);

/** The street part (the span) and what may follow it outside the span. */
interface AddressParts {
  street: string;
  after: string;
}

const addressMakers: Record<Country, () => AddressParts> = {
  MX: () =>
    pick([
      () => ({
        street: `Calle ${int(20, 90)} No. ${n(100, 999)}${pick(["", "-A", " int. 2"])}`,
        after: `${pick(["", " x 35 y 37", " por 21 y 23"])}, ${pick(["col. Itzimná", "col. García Ginerés", "Francisco de Montejo"])}, Mérida, Yuc.`,
      }),
      () => ({
        street: `Andador ${pick(["Tulipanes", "Ceiba", "Xtabentún"])} Mz. ${int(1, 80)} Lt. ${int(1, 40)}`,
        after: `, Unidad Habitacional ${pick(["Vicente Guerrero", "El Rosario"])}, CDMX`,
      }),
      () => ({
        street: `Privada ${pick(["Los Pinos", "Hidalgo", "Guadalupe Victoria"])} ${n(1, 120)} int. ${int(1, 12)}`,
        after: `, ${pick(["San Cristóbal de las Casas", "Oaxaca de Juárez", "Tlaquepaque"])}`,
      }),
      () => ({
        street: `Carretera ${pick(["Chetumal-Bacalar", "Mérida-Progreso"])} km ${int(3, 60)}`,
        after: `, ${pick(["Q. Roo", "Yucatán"])}`,
      }),
    ])(),
  AR: () =>
    pick([
      () => ({
        street: `${pick(["Av. Corrientes", "Av. Rivadavia", "Humahuaca", "Bulnes"])} ${n(100, 6999)}, piso ${int(1, 14)} depto ${letter()}`,
        after: `, CABA`,
      }),
      () => ({
        street: `Pje. ${pick(["Los Aromos", "Santa Rosa", "Güemes"])} ${n(10, 999)}`,
        after: `, barrio ${pick(["San Vicente", "Alta Córdoba", "Villa El Libertador"])}, Córdoba`,
      }),
      () => ({
        street: `calle ${int(1, 160)} n° ${n(100, 2999)}`,
        after: ` entre ${int(1, 80)} y ${int(1, 80)}, ${pick(["La Plata", "Berisso", "City Bell"])}`,
      }),
      () => ({
        street: `Manzana ${int(1, 90)} Casa ${int(1, 40)}`,
        after: `, barrio ${pick(["Toba", "Qom", "Mitre"])}, ${pick(["Resistencia", "Formosa"])}`,
      }),
    ])(),
  CO: () =>
    pick([
      () => ({
        street: `Cl ${int(1, 170)} # ${int(1, 120)}-${int(1, 99)} apto ${int(101, 1204)}`,
        after: `, ${pick(["Bogotá", "Medellín", "Ibagué"])}`,
      }),
      () => ({
        street: `Cra. ${int(1, 100)} ${pick(["#", "No."])} ${int(1, 90)}${pick(["", "A", "B"])}-${int(1, 99)}`,
        after: `, barrio ${pick(["El Poblado", "Chapinero", "Aranjuez", "San Antonio"])}`,
      }),
      () => ({
        street: `Diagonal ${int(10, 90)} Sur # ${int(1, 80)}-${int(1, 99)} Torre ${int(1, 8)} apto ${int(101, 902)}`,
        after: `, ${pick(["Soacha", "Bosa", "Kennedy"])}`,
      }),
      () => ({
        street: `Transversal ${int(1, 60)} # ${int(1, 90)}-${int(1, 99)}`,
        after: `, ${pick(["Buenaventura", "Quibdó", "Tumaco"])}`,
      }),
      () => ({
        street: `Finca ${pick(["Los Naranjos", "El Recreo"])}, km ${int(2, 30)} vía ${pick(["Chinchiná", "Pitalito"])}`,
        after: `, vereda ${pick(["La Esperanza", "El Placer"])}, ${pick(["Caldas", "Huila"])}`,
      }),
    ])(),
  PE: () =>
    pick([
      () => ({
        street: `Jr. ${pick(["Huallaga", "Junín", "Ayacucho", "Tacna"])} ${n(100, 1999)}, int. ${int(1, 20)}`,
        after: `, Cercado de Lima`,
      }),
      () => ({
        street: `Psje. ${pick(["Los Incas", "San Martín", "Túpac Amaru"])} ${n(100, 999)}`,
        after: `, ${pick(["Wanchaq", "San Sebastián", "Santiago"])}, Cusco`,
      }),
      () => ({
        street: `Mz. ${letter()} Lt. ${int(1, 30)}`,
        after: `, A.H. ${pick(["Villa María", "Nuevo Progreso", "Los Olivos de Pro"])}, ${pick(["San Juan de Lurigancho", "Ate", "Comas"])}`,
      }),
      () => ({
        street: `Av. ${pick(["Túpac Amaru", "Los Próceres", "Ejército"])} ${n(100, 4999)} dpto. ${int(101, 805)}`,
        after: `, ${pick(["Arequipa", "Trujillo", "Puno"])}`,
      }),
    ])(),
  CL: () =>
    pick([
      () => ({
        street: `Pasaje ${pick(["Los Copihues", "Lautaro", "Pedro de Valdivia Norte", "Los Boldos"])} ${n(100, 3999)}`,
        after: `, ${pick(["Temuco", "Padre Las Casas", "La Pintana", "Puente Alto"])}`,
      }),
      () => ({
        street: `${pick(["Av. Matta", "Santa Rosa", "Gran Avenida", "Av. Alemania"])} ${n(100, 9999)}, depto ${int(101, 2408)}`,
        after: `, ${pick(["Santiago", "San Miguel", "Temuco"])}`,
      }),
      () => ({
        street: `Camino ${pick(["a Cholchol", "Los Laureles", "a Melipeuco"])} km ${int(2, 40)}`,
        after: `, comunidad ${pick(["Juan Catrileo", "Huilcaleo"])}, Araucanía`,
      }),
    ])(),
  EC: () =>
    pick([
      () => ({
        street: `${pick(["Av. 10 de Agosto", "Rumipamba", "Av. Maldonado"])} ${pick(["N", "S"])}${int(10, 60)}-${n(10, 199)}`,
        after: ` y ${pick(["Villalengua", "Mariana de Jesús", "Pujilí"])}, Quito`,
      }),
      () => ({
        street: `Mz. ${int(1, 400)} Solar ${int(1, 30)}`,
        after: `, Coop. ${pick(["Unión de Bananeros", "Juan Montalvo"])}, Guayaquil`,
      }),
      () => ({
        street: `Calle ${pick(["Bolívar", "Sucre", "Rocafuerte"])} s/n`,
        after: ` y ${pick(["Montalvo", "Olmedo"])}, ${pick(["Otavalo", "Riobamba", "Latacunga"])}`,
      }),
    ])(),
  VE: () =>
    pick([
      () => ({
        street: `Calle ${pick(["Los Mangos", "El Carmen", "Principal"])}, casa N° ${n(1, 299)}`,
        after: `, sector ${pick(["La Pastora", "Los Frailes", "23 de Enero"])}, Caracas`,
      }),
      () => ({
        street: `Av. ${pick(["Bolívar", "Las Delicias", "Universidad"])}, edif. ${pick(["Anauco", "Mérida", "Torre Sur"])}, piso ${int(1, 16)}, apto ${int(1, 16)}${letter()}`,
        after: `, ${pick(["Maracay", "Valencia", "Maracaibo"])}`,
      }),
    ])(),
  UY: () =>
    pick([
      () => ({
        street: `${pick(["Bvar. Artigas", "Av. Millán", "Garibaldi", "Colonia"])} ${n(100, 4999)} ap. ${int(101, 1205)}`,
        after: `, ${pick(["Montevideo", "Las Piedras"])}`,
      }),
      () => ({
        street: `Camino ${pick(["Maldonado", "Carrasco", "Repetto"])} km ${int(10, 30)},${int(1, 9)}`,
        after: `, ${pick(["Toledo", "Barros Blancos"])}`,
      }),
    ])(),
  PY: () =>
    pick([
      () => ({
        street: `Tte. ${pick(["Vera", "Ettiene", "Rojas Silva"])} N° ${n(100, 3999)}`,
        after: ` c/ ${pick(["Sacramento", "Dr. Morra", "Ayala Velázquez"])}, Asunción`,
      }),
      () => ({
        street: `Calle ${pick(["Teniente Ortiz", "San Blas"])} s/n`,
        after: `, compañía ${pick(["Cañada Garay", "Rincón"])}, ${pick(["San Lorenzo", "Capiatá", "Itá"])}`,
      }),
    ])(),
  BO: () =>
    pick([
      () => ({
        street: `Calle ${int(1, 30)} N° ${n(100, 1999)}`,
        after: `, zona ${pick(["Villa Adela", "Río Seco", "Senkata", "16 de Julio"])}, El Alto`,
      }),
      () => ({
        street: `Av. ${pick(["Juan Pablo II", "Tiahuanacu", "Bolivia"])} N° ${n(100, 4999)}`,
        after: `, zona ${pick(["Ballivián", "Villa Dolores"])}, El Alto`,
      }),
      () => ({
        street: `Mza. ${int(1, 40)} Lote ${int(1, 30)}`,
        after: `, UV ${int(100, 200)}, barrio ${pick(["Plan 3000", "Los Lotes", "Villa 1ro de Mayo"])}, Santa Cruz de la Sierra`,
      }),
      () => ({
        street: `Calle ${pick(["Ayacucho", "Lanza", "Esteban Arce"])} s/n, casa ${int(1, 60)}`,
        after: `, ${pick(["Quillacollo", "Sacaba"])}, Cochabamba`,
      }),
    ])(),
  BR: () =>
    pick([
      () => ({
        street: `R. ${pick(["Dom Pedro II", "Marechal Deodoro", "Tiradentes", "João Pessoa"])}, ${n(10, 2999)}, casa ${int(1, 9)}`,
        after: ` - ${pick(["Santa Cruz do Sul", "Blumenau", "Joinville", "Chapecó"])}`,
      }),
      () => ({
        street: `SQS ${int(102, 416)} Bloco ${letter()} apto ${int(101, 606)}`,
        after: `, Asa Sul, Brasília - DF`,
      }),
      () => ({
        street: `QNM ${int(1, 40)} Conjunto ${letter()} Casa ${int(1, 40)}`,
        after: `, Ceilândia`,
      }),
      () => ({
        street: `Estrada ${pick(["do Cafundá", "dos Bandeirantes", "da Gávea"])}, ${n(100, 9999)}, bloco ${int(1, 12)} apto ${int(101, 504)}`,
        after: `, ${pick(["Taquara", "Jacarepaguá", "Rocinha"])}, Rio de Janeiro`,
      }),
      () => ({
        street: `Sítio ${pick(["Boa Esperança", "Santa Luzia", "Três Irmãos"])}, Estrada Municipal ${pick(["SRQ-010", "BRT-040", "s/n"])} km ${int(2, 30)}`,
        after: `, zona rural de ${pick(["Serra Negra", "Santa Maria de Jetibá", "Chapada"])}`,
      }),
      () => ({
        street: `Chácara ${int(1, 120)}, Rua ${int(1, 20)}`,
        after: `, Vicente Pires - DF`,
      }),
      () => ({
        street: `Alameda ${pick(["Santos", "dos Anapurus", "Franca"])}, ${n(100, 2999)}, apto ${int(11, 222)}`,
        after: ` - ${pick(["Jardins", "Moema"])}, São Paulo`,
      }),
      () => ({
        street: `Praça ${pick(["da Matriz", "São Benedito", "Tenente Portela"])}, ${n(1, 300)}`,
        after: `, ${pick(["Parintins", "Tefé", "Santarém"])}`,
      }),
      () => ({
        street: `Travessa ${pick(["Mauriti", "Padre Prudêncio", "Vileta"])}, ${n(10, 2999)}, passagem ${pick(["Santa Maria", "São Pedro"])}, casa ${int(1, 30)}`,
        after: `, Belém`,
      }),
      () => ({
        street: `Rua ${letter()}, nº ${n(1, 300)}`,
        after: `, Vila ${pick(["Operária", "Esperança", "Nova"])}, ${pick(["Cubatão", "Camaçari", "Volta Redonda"])}`,
      }),
    ])(),
};

/** A home address: the street part is the span, `after` goes outside it. */
export function homeAddress(country: Country): { street: Value; after: string } {
  const parts = addressMakers[country]();
  return { street: v("STREET_ADDRESS", parts.street), after: parts.after };
}

// ----- health -------------------------------------------------------------------------------

const conditions: Record<Lang, readonly string[]> = {
  es: [
    "presión alta",
    "azúcar alta",
    "depre",
    "ansiedad",
    "TDAH",
    "TEA",
    "epilepsia",
    "hepatitis C",
    "tuberculosis",
    "adicción a la pasta base",
    "VIH",
    "cirrosis",
    "insuficiencia renal en diálisis",
    "esquizofrenia",
    "trastorno bipolar",
    "cáncer de mama",
    "Alzheimer",
    "Parkinson",
    "lupus",
    "asma",
    "artritis",
    "mal de Chagas",
    "gastritis crónica",
    "hernia de disco",
    "hipotiroidismo",
    "migraña crónica",
  ],
  pt: [
    "pressão alta",
    "açúcar no sangue alto",
    "depressão",
    "ansiedade",
    "TDAH",
    "autismo",
    "epilepsia",
    "hepatite C",
    "tuberculose",
    "dependência química",
    "HIV positivo",
    "cirrose",
    "insuficiência renal",
    "esquizofrenia",
    "bipolaridade",
    "câncer de mama",
    "Alzheimer",
    "Parkinson",
    "lúpus",
    "asma",
    "artrite",
    "diabetes",
    "AVC",
    "sopro no coração",
    "hipotireoidismo",
    "glaucoma",
  ],
};

const medicines: Record<Lang, readonly string[]> = {
  es: [
    "losartán 50 mg",
    "metformina 850 mg",
    "clonazepam 0,5 mg",
    "fluoxetina 20 mg",
    "insulina NPH",
    "valproato 500 mg",
    "metilfenidato 10 mg",
    "risperidona 1 mg",
    "levodopa/carbidopa 250/25",
    "tenofovir/emtricitabina",
    "sofosbuvir 400 mg",
    "isoniazida 300 mg",
    "prednisona 20 mg",
    "salbutamol 100 mcg",
    "donepecilo 10 mg",
    "Eutirox 100 mcg",
  ],
  pt: [
    "losartana 50 mg",
    "metformina 850 mg",
    "rivotril 2 mg",
    "fluoxetina 20 mg",
    "insulina NPH",
    "sertralina 50 mg",
    "ácido valproico 250 mg",
    "Ritalina LA 20 mg",
    "carbonato de lítio 300 mg",
    "hidroclorotiazida 25 mg",
    "Aradois 50 mg",
    "levotiroxina 88 mcg",
    "haloperidol 5 mg",
    "Neozine 25 mg",
    "hidroxicloroquina 400 mg",
  ],
};

export const healthCondition = (lang: Lang): Value => v("HEALTH", pick(conditions[lang]));
export const medicine = (lang: Lang): Value => v("HEALTH", pick(medicines[lang]));
