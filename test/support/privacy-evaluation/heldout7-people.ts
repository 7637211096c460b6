/**
 * The people of the seventh held-out set (heldout7-sentences.ts): names of the region's many
 * origins (Andean and Mesoamerican, Spanish, Portuguese, Italian, German, Lebanese, Japanese),
 * given alone, in full, or "Surname, Given" as a payroll lists them; home addresses in each
 * country's own format, split into the span and what follows it; conditions and medicines of many
 * specialties. Spans as the header of heldout7-values.ts sets out.
 */
import {
  chance,
  digits,
  int,
  pick,
  v,
  type Country,
  type Lang,
  type Value,
} from "./heldout7-values.js";
// ----- people -------------------------------------------------------------------------------

export type Gender = "f" | "m";

const givenNames: Record<Lang, Record<Gender, readonly string[]>> = {
  es: {
    f: [
      "Xóchitl",
      "Guadalupe",
      "Itzel",
      "Nayeli",
      "Yolanda",
      "María de los Ángeles",
      "Luz Marina",
      "Rosa Elvira",
      "Marisol",
      "Florencia",
      "Agustina",
      "Delfina",
      "Valentina",
      "Catalina",
      "Josefina",
      "Ximena",
      "Yesenia",
      "Dayana",
      "Katherine",
      "Sumaq",
    ],
    m: [
      "Nahuel",
      "Facundo",
      "Santino",
      "Maximiliano",
      "Juan Pablo",
      "José Luis",
      "Francisco Javier",
      "Héctor",
      "Edwin",
      "Yeferson",
      "Wilmer",
      "Cuauhtémoc",
      "Efraín",
      "Baltazar",
      "Segundo",
      "Aníbal",
      "Osvaldo",
      "Mateo",
      "Tomás",
      "Ulises",
    ],
  },
  pt: {
    f: [
      "Maria Aparecida",
      "Ana Clara",
      "Luíza",
      "Heloísa",
      "Rayssa",
      "Jéssica",
      "Francisca",
      "Rosângela",
      "Cristiane",
      "Tatiane",
      "Yasmin",
      "Marta",
      "Emília",
      "Keiko",
      "Naomi",
      "Iracema",
    ],
    m: [
      "João Pedro",
      "José Carlos",
      "Antônio",
      "Sebastião",
      "Raimundo",
      "Edson",
      "Thiago",
      "Bernardo",
      "Caio",
      "Otávio",
      "Murilo",
      "Hiroshi",
      "Kenji",
      "Samir",
      "Wesley",
      "Cauã",
      "Benedito",
    ],
  },
};

export const someGender = (): Gender => (chance(0.5) ? "f" : "m");

const familyNames: Record<Lang, readonly string[]> = {
  es: [
    "Quispe",
    "Mamani",
    "Huamán",
    "Condori",
    "Choque",
    "Ticona",
    "Yupanqui",
    "Apaza",
    "Colque",
    "Chambi",
    "Canché",
    "Xool",
    "Pech",
    "Tzul",
    "Cocom",
    "Chan",
    "Cuxim",
    "Bianchi",
    "Lombardi",
    "Ferraro",
    "Rinaldi",
    "Benedetti",
    "Galli",
    "Echeverría",
    "Goicoechea",
    "Urrutia",
    "Iturralde",
    "Schmidt",
    "Krause",
    "Hoffmann",
    "Bauer",
    "Haddad",
    "Chahín",
    "Abdala",
    "Kattan",
    "Yunis",
    "Nakamura",
    "Higa",
    "de la Cruz",
    "del Castillo",
    "de los Santos",
    "Villavicencio",
    "Benítez",
    "Ocampo",
    "Saavedra",
    "Montenegro",
    "Arévalo",
    "Cifuentes",
  ],
  pt: [
    "da Silva",
    "dos Santos",
    "de Souza",
    "das Neves",
    "do Nascimento",
    "Ferreira",
    "Albuquerque",
    "Cavalcanti",
    "Magalhães",
    "Gonçalves",
    "Rocha",
    "Teixeira",
    "Nogueira",
    "Bezerra",
    "Moraes",
    "Tavares",
    "Nakamura",
    "Takahashi",
    "Yamamoto",
    "Okada",
    "Higa",
    "Sato",
    "Haddad",
    "Salomão",
    "Abdalla",
    "Maluf",
    "Schneider",
    "Becker",
    "Müller",
    "Zanetti",
    "Bortolotto",
    "Mancini",
    "Guarani",
    "Potiguara",
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

/** "Nayeli Canché Pech", "Kenji Okada da Silva", "Ana Clara Bezerra". */
export function personName(lang: Lang, gender: Gender = someGender()): Value {
  const given = pick(givenNames[lang][gender]);
  const [first, second] = twoFamilyNames(lang);
  const both = chance(lang === "es" ? 0.6 : 0.5);
  const text = both ? `${given} ${first} ${second}` : `${given} ${first}`;
  return v("PERSON_NAME", text.charAt(0).toUpperCase() + text.slice(1));
}

/** "Nayeli", "João Pedro": the given name alone, as people call each other. */
export const firstName = (lang: Lang, gender: Gender = someGender()): Value =>
  v("PERSON_NAME", pick(givenNames[lang][gender]));

/** "CANCHÉ PECH, NAYELI" or "Canché Pech, Nayeli": how a payroll or a register lists people. */
export function listedName(lang: Lang, upper = chance(0.4)): Value {
  const [first, second] = twoFamilyNames(lang);
  const family = lang === "es" || chance(0.5) ? `${first} ${second}` : first;
  const text = `${family.split(" ").map(capitalized).join(" ")}, ${pick(givenNames[lang][someGender()])}`;
  return v("PERSON_NAME", upper ? text.toUpperCase() : text);
}

// ----- addresses ----------------------------------------------------------------------------

const n = (low = 10, high = 4999): number => int(low, high);
const letter = (): string => pick(["A", "B", "C", "D"]);

/** The street part (the span) and what may follow it outside the span. */
interface AddressParts {
  street: string;
  after: string;
}

const addressMakers: Record<Country, () => AddressParts> = {
  MX: () =>
    pick([
      () => ({
        street: `Calle ${pick(["Mina", "Hidalgo", "Zaragoza", "Allende"])} ${n(10, 900)} int. ${int(1, 12)}`,
        after: `, Col. ${pick(["Centro", "Obrera", "Santa María la Ribera", "Del Valle"])}`,
      }),
      () => ({
        street: `Av. ${pick(["Revolución", "Insurgentes Sur", "Tláhuac", "Vallarta"])} ${n()} depto. ${int(101, 804)}`,
        after: `, Col. ${pick(["San Ángel", "Guadalupe Inn", "Arcos Vallarta"])}, C.P. ${int(10, 89)}${digits(3)}`,
      }),
      () => ({
        street: `Calle ${int(20, 90)} #${n(100, 999)}`,
        after: ` x ${int(20, 90)} y ${int(20, 90)}, ${pick(["Col. García Ginerés", "Fracc. Francisco de Montejo"])}, Mérida`,
      }),
      () => ({
        street: `Privada ${pick(["de los Pinos", "Fresnos", "Jacarandas"])} ${n(1, 60)} int. ${letter()}`,
        after: `, ${pick(["Ecatepec", "Zapopan", "San Nicolás de los Garza"])}`,
      }),
    ])(),
  AR: () =>
    pick([
      () => ({
        street: `Av. ${pick(["Rivadavia", "Corrientes", "San Martín", "Cabildo"])} ${n(100, 9999)} ${int(1, 14)}° ${letter()}`,
        after: `, ${pick(["Caballito", "Almagro", "Belgrano", "Flores"])}, CABA`,
      }),
      () => ({
        street: `Calle ${int(1, 70)} N° ${n(100, 1999)}`,
        after: ` entre ${int(1, 35)} y ${int(36, 72)}, La Plata`,
      }),
      () => ({
        street: `Ruta ${pick(["5", "8", "9", "40"])} km ${int(12, 480)}`,
        after: `, ${pick(["Luján", "Pilar", "Tafí Viejo"])}`,
      }),
      () => ({
        street: `Pasaje ${pick(["Los Andes", "Bollini", "Santa Rosa"])} ${n(100, 2999)} PB dto. ${int(1, 6)}`,
        after: `, ${pick(["Rosario", "Córdoba", "Mendoza"])}`,
      }),
    ])(),
  CO: () =>
    pick([
      () => ({
        street: `Cra. ${int(1, 120)} # ${int(1, 180)}-${int(1, 99)} apto ${int(101, 1504)}`,
        after: `, ${pick(["Chapinero", "Laureles", "El Poblado", "Cedritos"])}`,
      }),
      () => ({
        street: `Calle ${int(1, 170)} Sur # ${int(1, 99)}${letter()}-${int(1, 99)} torre ${int(1, 6)} apto ${int(101, 1204)}`,
        after: `, Bogotá`,
      }),
      () => ({
        street: `Diagonal ${int(10, 90)}${letter()} # ${int(1, 60)}-${int(1, 99)}`,
        after: `, barrio ${pick(["La Castellana", "Santa Fe", "Kennedy"])}`,
      }),
      () => ({
        street: `Transversal ${int(1, 40)} # ${int(1, 90)}-${int(1, 99)} casa ${int(1, 40)}`,
        after: `, ${pick(["Soacha", "Bello", "Itagüí"])}`,
      }),
    ])(),
  PE: () =>
    pick([
      () => ({
        street: `Jr. ${pick(["Ayacucho", "Huancavelica", "Junín", "Cusco"])} ${n(100, 1800)} dpto. ${int(101, 604)}`,
        after: `, Cercado de Lima`,
      }),
      () => ({
        street: `Mz. ${letter()} Lt. ${int(1, 30)}`,
        after: `, ${pick(["AA.HH. Los Olivos de Pro", "Urb. Santa Rosa", "Asoc. Villa Sol"])}, ${pick(["Comas", "Ate", "Carabayllo"])}`,
      }),
      () => ({
        street: `Av. ${pick(["Arequipa", "Brasil", "La Marina", "Tacna"])} ${n(100, 4999)} int. ${int(1, 20)}`,
        after: `, ${pick(["Lince", "Pueblo Libre", "Jesús María"])}`,
      }),
      () => ({
        street: `Calle ${pick(["Los Jazmines", "Las Begonias", "Los Cedros"])} ${n(100, 900)}`,
        after: `, ${pick(["Arequipa", "Trujillo", "Huancayo"])}`,
      }),
    ])(),
  CL: () =>
    pick([
      () => ({
        street: `Pasaje ${pick(["Las Violetas", "El Arrayán", "Los Copihues"])} ${n(100, 3999)}`,
        after: `, ${pick(["Maipú", "La Florida", "Puente Alto"])}`,
      }),
      () => ({
        street: `Av. ${pick(["Grecia", "Vicuña Mackenna", "Matta", "Pajaritos"])} ${n(100, 9999)} depto. ${int(101, 2210)} torre ${letter()}`,
        after: `, ${pick(["Ñuñoa", "Santiago", "Macul"])}`,
      }),
      () => ({
        street: `Camino a ${pick(["Melipilla", "Lonquén", "Farellones"])} km ${int(3, 60)} parcela ${int(1, 80)}`,
        after: `, ${pick(["Padre Hurtado", "Talagante"])}`,
      }),
      () => ({
        street: `${pick(["Los Aromos", "Las Acacias", "Los Boldos"])} ${n(100, 2999)}`,
        after: `, villa ${pick(["Los Presidentes", "O'Higgins"])}, ${pick(["Temuco", "Concepción", "Talca"])}`,
      }),
    ])(),
  EC: () =>
    pick([
      () => ({
        street: `Av. ${pick(["6 de Diciembre", "Amazonas", "10 de Agosto"])} N${int(20, 60)}-${int(10, 300)}`,
        after: ` y ${pick(["Whymper", "Orellana", "Portugal"])}, Quito`,
      }),
      () => ({
        street: `Mz. ${int(1, 300)} villa ${int(1, 40)}`,
        after: `, Cdla. ${pick(["Kennedy Norte", "La Alborada", "Sauces 6"])}, Guayaquil`,
      }),
      () => ({
        street: `Calle ${pick(["Bolívar", "Sucre", "Gran Colombia"])} ${int(1, 20)}-${int(10, 99)}`,
        after: ` y ${pick(["Tarqui", "Benigno Malo", "Hermano Miguel"])}, Cuenca`,
      }),
    ])(),
  VE: () =>
    pick([
      () => ({
        street: `Av. ${pick(["Libertador", "Andrés Bello", "Francisco de Miranda"])}, Edif. ${pick(["Los Samanes", "Residencias Caroní", "Torre Oasis"])}, piso ${int(1, 14)}, apto ${int(1, 14)}-${letter()}`,
        after: `, ${pick(["Chacao", "Los Palos Grandes", "La Candelaria"])}, Caracas`,
      }),
      () => ({
        street: `Calle ${pick(["Los Mangos", "El Carmen", "Páez"])}, casa N° ${int(1, 90)}`,
        after: `, Urb. ${pick(["La Floresta", "El Trigal", "Prebo"])}, Valencia`,
      }),
      () => ({
        street: `Av. ${int(2, 20)} con calle ${int(60, 90)}, casa ${int(60, 90)}-${int(10, 99)}`,
        after: `, Maracaibo`,
      }),
    ])(),
  UY: () =>
    pick([
      () => ({
        street: `Bv. ${pick(["Artigas", "España", "Batlle y Ordóñez"])} ${n(1000, 4999)} apto. ${int(101, 1202)}`,
        after: `, ${pick(["Pocitos", "La Blanqueada", "Tres Cruces"])}`,
      }),
      () => ({
        street: `Av. 18 de Julio ${n(800, 2400)} esc. ${int(101, 904)}`,
        after: `, Montevideo`,
      }),
      () => ({
        street: `Ruta ${pick(["8", "1", "5"])} km ${int(20, 90)},${int(1, 9)}`,
        after: `, ${pick(["Pando", "Canelones", "Libertad"])}`,
      }),
      () => ({
        street: `Calle ${pick(["Rivera", "Cerrito", "Treinta y Tres"])} ${n(100, 3999)} bis`,
        after: `, ${pick(["Salto", "Paysandú", "Maldonado"])}`,
      }),
    ])(),
  PY: () =>
    pick([
      () => ({
        street: `${pick(["Mcal. López", "Tte. Fariña", "Cerro Corá", "Eusebio Ayala"])} ${n(100, 3999)}`,
        after: ` c/ ${pick(["Venezuela", "Brasil", "EE.UU.", "Tacuary"])}, Asunción`,
      }),
      () => ({
        street: `Calle ${pick(["Las Residentas", "Coronel Bogado", "Pa'i Pérez"])} N° ${n(100, 2999)}`,
        after: ` e/ ${pick(["Iturbe", "Antequera"])} y ${pick(["Brasil", "Paraguarí"])}`,
      }),
      () => ({
        street: `Compañía ${pick(["Yukyry", "Potrerito"])}, Ruta ${pick(["2", "PY03"])} km ${int(20, 90)}`,
        after: `, ${pick(["Luque", "Itauguá", "Caacupé"])}`,
      }),
    ])(),
  BO: () =>
    pick([
      () => ({
        street: `Av. 6 de Agosto N° ${n(100, 3999)}, edif. ${pick(["Illimani", "Huayna Potosí", "Alameda"])}, piso ${int(1, 12)}`,
        after: `, Sopocachi, La Paz`,
      }),
      () => ({
        street: `Calle ${pick(["Jaén", "Sagárnaga", "Linares", "Colombia"])} N° ${n(100, 999)}`,
        after: ` esquina ${pick(["Potosí", "Murillo", "Santa Cruz"])}`,
      }),
      () => ({
        street: `Av. ${pick(["Busch", "Beni", "Banzer"])} ${n(100, 2999)}`,
        after: `, ${pick(["Miraflores", "tercer anillo", "Equipetrol"])}, ${pick(["La Paz", "Santa Cruz"])}`,
      }),
    ])(),
  BR: () =>
    pick([
      () => ({
        street: `Rua ${pick(["Teodoro Sampaio", "Voluntários da Pátria", "Padre Chagas", "Barão de Jaguara"])}, ${n(10, 3999)}, ap. ${int(11, 184)}`,
        after: ` - ${pick(["Pinheiros", "Botafogo", "Moinhos de Vento", "Centro"])}`,
      }),
      () => ({
        street: `SQN ${int(102, 416)} Bloco ${letter()} apto ${int(101, 606)}`,
        after: `, Asa Norte, Brasília`,
      }),
      () => ({
        street: `SHIS QI ${int(1, 29)} conjunto ${int(1, 20)} casa ${int(1, 30)}`,
        after: `, Lago Sul`,
      }),
      () => ({
        street: `Av. ${pick(["Sete de Setembro", "Bento Gonçalves", "Caxangá"])}, ${n(100, 5999)}, bloco ${letter()}, apto ${int(101, 1804)}`,
        after: ` - ${pick(["Salvador", "Porto Alegre", "Recife"])}`,
      }),
      () => ({
        street: `Travessa ${pick(["São José", "das Flores", "Pe. Eutíquio"])}, s/n`,
        after: `, ${pick(["Belém", "Marabá", "Castanhal"])}`,
      }),
      () => ({
        street: `Rua ${pick(["Sete", "Quinze", "das Palmeiras"])}, ${n(10, 900)}, fundos`,
        after: ` - ${pick(["Jardim Ângela", "Vila Kennedy", "Cidade Tiradentes"])}`,
      }),
      () => ({
        street: `Rodovia ${pick(["BR-116", "SP-55", "MG-050"])}, km ${int(10, 480)}`,
        after: `, zona rural de ${pick(["Itapecerica", "Ubatuba", "Divinópolis"])}`,
      }),
      () => ({
        street: `Quadra ${int(1, 60)} Lote ${int(1, 40)}`,
        after: `, Setor ${pick(["Jardim América", "Parque Amazônia"])}, Goiânia`,
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
    "diabetes tipo 2",
    "hipertensión arterial",
    "hipotiroidismo",
    "EPOC",
    "insuficiencia renal crónica",
    "artritis reumatoide",
    "depresión mayor",
    "trastorno bipolar",
    "TDAH",
    "trastorno de ansiedad generalizada",
    "trastorno de pánico",
    "VIH",
    "hepatitis C",
    "tuberculosis pulmonar",
    "dengue",
    "enfermedad de Chagas",
    "cáncer de colon",
    "melanoma",
    "linfoma de Hodgkin",
    "leucemia linfoblástica aguda",
    "fibrosis quística",
    "esclerosis múltiple",
    "enfermedad de Gaucher",
    "distrofia muscular de Duchenne",
    "epilepsia",
    "enfermedad celíaca",
    "anorexia nerviosa",
    "lupus",
  ],
  pt: [
    "diabetes tipo 1",
    "hipertensão",
    "insuficiência cardíaca",
    "asma grave",
    "doença de Crohn",
    "depressão",
    "transtorno bipolar",
    "autismo",
    "esquizofrenia",
    "HIV",
    "sífilis",
    "hanseníase",
    "covid longa",
    "câncer de pulmão",
    "linfoma não Hodgkin",
    "leucemia mieloide crônica",
    "anemia falciforme",
    "esclerose lateral amiotrófica",
    "fibromialgia",
    "epilepsia",
    "doença renal crônica",
    "Alzheimer",
  ],
};

const medicines: Record<Lang, readonly string[]> = {
  es: [
    "metformina 850 mg",
    "losartán 50 mg",
    "levotiroxina 75 mcg",
    "sertralina 50 mg",
    "Rivotril 2 mg",
    "quetiapina 25 mg",
    "insulina glargina",
    "Ozempic 0,5 mg",
    "tamoxifeno 20 mg",
    "metotrexato 15 mg",
    "dolutegravir",
    "lamotrigina 100 mg",
    "Concerta 36 mg",
    "fluoxetina 20 mg",
    "litio 300 mg",
    "enalapril 10 mg",
  ],
  pt: [
    "Glifage XR 500 mg",
    "losartana 50 mg",
    "Puran T4 50 mcg",
    "escitalopram 10 mg",
    "clonazepam 2 mg",
    "Ritalina 10 mg",
    "insulina NPH",
    "Truvada",
    "hidroxiureia 500 mg",
    "Venvanse 30 mg",
    "risperidona 2 mg",
    "carbamazepina 200 mg",
    "Xarelto 20 mg",
    "imatinibe 400 mg",
  ],
};

export const healthCondition = (lang: Lang): Value => v("HEALTH", pick(conditions[lang]));

/** Conditions and medicines of psychiatry alone, for a chat with a psychiatrist. */
export const mentalHealth = {
  conditions: ["depresión mayor", "trastorno bipolar", "trastorno de pánico", "TOC", "TDAH"],
  medicines: [
    "sertralina 50 mg",
    "quetiapina 25 mg",
    "litio 300 mg",
    "Rivotril 2 mg",
    "fluoxetina 20 mg",
  ],
} as const;
export const medicine = (lang: Lang): Value => v("HEALTH", pick(medicines[lang]));
