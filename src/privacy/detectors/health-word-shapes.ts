import { healthMedicines } from "./health-medicines.js";

/**
 * Health words known by their shape, not by a list (folded: lower case, no accents), so that a
 * medicine or a condition the lexicon lacks is still found:
 * - medicines by the stems of their WHO International Nonproprietary Names ("-pril", "-sartán",
 *   "-statina", "-azepam", "-prazol", "-mab"…; WHO, "The use of stems in the selection of
 *   INN", 2018), in their Spanish and Portuguese spelling;
 * - conditions by the Greek and Latin endings of clinical words ("-itis", "-osis", "-emia",
 *   "-algia", "-patía", "-plejia", "-ectomía"), less the everyday words that end the same way;
 * - the adjectives that say which kind a condition is ("linfoblástica", "bronquial", "senil").
 */

/** INN stems, as they end a medicine's name in Spanish or Portuguese (folded). */
const medicineStems = [
  "pril", // ACE inhibitors: enalapril, lisinopril
  "sartan", // angiotensin II blockers: losartán, telmisartan
  "sartana",
  "statina", // statins: atorvastatina
  "dipino", // calcium channel blockers: amlodipino, nifedipino
  "dipina",
  "olol", // beta blockers: atenolol, metoprolol
  "tiazida", // thiazide diuretics: hidroclorotiazida
  "semida", // loop diuretics: furosemida
  "xaban", // factor Xa inhibitors: rivaroxabán, apixabana
  "xabana",
  "gatran", // thrombin inhibitors: dabigatrán
  "gatrana",
  "parina", // heparins: enoxaparina
  "gliptina", // diabetes: sitagliptina
  "glutida", // diabetes: semaglutida
  "gliflozina", // diabetes: dapagliflozina
  "azepam", // benzodiazepines: clonazepam, diazepam
  "azolam", // benzodiazepines: alprazolam, midazolam
  "lopram", // antidepressants: citalopram, escitalopram
  "oxetina", // antidepressants: fluoxetina, duloxetina
  "faxina", // antidepressants: venlafaxina
  "triptilina", // tricyclics: amitriptilina
  "zapina", // antipsychotics: olanzapina, clozapina
  "tiapina", // antipsychotics: quetiapina
  "zepina", // antiepileptics: carbamazepina
  "peridona", // antipsychotics: risperidona
  "piprazol", // antipsychotics: aripiprazol
  "prazol", // proton pump inhibitors: omeprazol
  "tidina", // H2 blockers: ranitidina
  "setron", // antiemetics: ondansetrón
  "triptan", // migraine: sumatriptán
  "triptana",
  "lukast", // asthma: montelukast
  "metasona", // corticosteroids: dexametasona
  "nisona", // corticosteroids: prednisona
  "nisolona",
  "dronato", // osteoporosis: alendronato
  "ovir", // antivirals: aciclovir, tenofovir
  "navir", // HIV protease inhibitors: ritonavir
  "tegravir", // HIV integrase inhibitors: dolutegravir
  "buvir", // hepatitis C: sofosbuvir
  "asvir",
  "previr",
  "amivir", // influenza: oseltamivir
  "micina", // antibiotics: azitromicina
  "cilina", // penicillins: amoxicilina
  "floxacino", // quinolones: ciprofloxacino
  "floxacina",
  "conazol", // antifungals: fluconazol
  "mab", // monoclonal antibodies: adalimumab, rituximab
  "mabe",
  "tinib", // kinase inhibitors: imatinib
  "tinibe",
  "platino", // cisplatino, carboplatino
  "lutamida", // antiandrogens: bicalutamida
  "cumarol", // coumarin anticoagulants: acenocumarol
  "ciclina", // tetracyclines: doxiciclina
  "picina", // rifamycins: rifampicina
  "niazida", // tuberculosis: isoniazida
  "vudina", // HIV nucleosides: lamivudina, zidovudina
  "dazol", // antiparasitics: metronidazol, albendazol
  "imazol", // thyroid: metimazol
  "clopramida", // antiemetics: metoclopramida
  "peramida", // loperamida
  "salazina", // bowel disease: sulfasalazina
  "ticasona", // corticosteroids: fluticasona
  "cortisona", // hidrocortisona
  "tropio", // inhaled bronchodilators: tiotropio
  "cept", // receptor fusion proteins: etanercept
  "cepte",
  "azodona", // antidepressants: trazodona
  "pexol", // Parkinson's: pramipexol
  "afil", // PDE5 inhibitors: sildenafil
  "sterida", // 5-alpha reductase inhibitors: finasterida
  "ulosina", // alpha blockers: tamsulosina
  "fuzosina",
] as const;

/**
 * Endings of a condition's name: inflammation, a condition, the blood, pain, disease, palsy,
 * removal, an infestation.
 */
const conditionEndings = [
  "itis",
  "osis",
  "emia",
  "algia",
  "patia",
  "plejia",
  "plegia",
  "ectomia",
  "ostomia",
  "iasis", // infestations: giardiasis, candidiasis
  "iase",
  "ose", // Portuguese "-osis": trombose, micose, estenose
] as const;

/** Everyday words with a clinical ending ("academia", "dosis", "nostalgia", "simpatía"). */
const everydayWords = new Set([
  "academia",
  "academias",
  "pandemia",
  "epidemia",
  "endemia",
  "sindemia",
  "infodemia",
  "blasfemia",
  "bohemia",
  "boemia",
  "sobredosis",
  "hipnosis",
  "simbiosis",
  "metamorfosis",
  "apoteosis",
  "osmosis",
  "mitosis",
  "meiosis",
  "diagnosis",
  "nostalgia",
  "simpatia",
  "empatia",
  "antipatia",
  "telepatia",
  "apatia",
  "homeopatia",
  "osteopatia",
  "naturopatia",
  // Portuguese words and sugars in "-ose", and English words a message may quote.
  "glicose",
  "glucose",
  "lactose",
  "frutose",
  "sacarose",
  "maltose",
  "dextrose",
  "celulose",
  "hipnose",
  "simbiose",
  "metamorfose",
  "apoteose",
  "diagnose",
  "prognose",
  "osmose",
  "mitose",
  "meiose",
  "overdose",
  "purpose",
  "suppose",
  "dispose",
  "compose",
  "propose",
  "expose",
  "impose",
  "oppose",
  "choose",
  "verbose",
  "morose",
]);

/** A medicine's name by its stem, from the start of a word (at least three letters before it). */
export const medicineShapeSource = `([a-z]{3,}(?:${medicineStems.join("|")}))(?![a-z])`;
/** A condition's name by its ending, from the start of a word. */
export const conditionShapeSource = `([a-z]{3,}(?:${conditionEndings.join("|")}))(?![a-z])`;

/** Whether a word of a condition's shape is an everyday word instead. */
export function isEverydayWord(word: string): boolean {
  return everydayWords.has(word);
}

const listedMedicines = new Set(healthMedicines);
const medicineShape = new RegExp(`^${medicineShapeSource}$`);

/** Whether a folded value is a medicine: of the list, or shaped like one. */
export function isMedicine(value: string): boolean {
  return listedMedicines.has(value) || medicineShape.test(value);
}

/**
 * Adjectives that say which kind a condition is, by their ending: "-ica" (linfoblástica,
 * cardíaca), "-al" (bronquial, renal), "-osa" (nerviosa), "-iva" (depresiva), "-il" (senil),
 * "-oide" (reumatoide), "-forme" (falciforme), "-ular"/"-olar" (muscular, bipolar), "-aria"
 * (urinaria, respiratoria), a participle of how far it has spread (generalizada, descompensada), "mellitus".
 */
const adjectiveShape =
  /^(?:[a-z]{3,}(?:ic|ac)[oa]s?|[a-z]{3,}al(?:es)?|[a-z]{3,}(?:os|iv)[oa]s?|[a-z]{2,}il|[a-z]{2,}(?:oide|forme)|[a-z]{2,}(?:ular|olar|lmonar|iliar)|lumbar|[a-z]{2,}(?:atori|inari|onari|undari|imari|entari)[oa]s?|[a-z]{3,}(?:izad|ensad|anzad)[oa]|[a-z]{2,}(?:istente|ependiente|endente|apacitante|alidante)|mellitus|insipida)$/;

/** Everyday adjectives of those shapes that say nothing of a condition's kind. */
const everydayAdjectives = new Set([
  "igual",
  "final",
  "total",
  "local",
  "actual",
  "normal",
  "general",
  "especial",
  "personal",
  "principal",
  "real",
  "legal",
  "ideal",
  "oficial",
  "nacional",
  "federal",
  "digital",
  "virtual",
  "semanal",
  "mensual",
  "anual",
  "unica",
  "unico",
  "publica",
  "publico",
  "practica",
  "basica",
  "tipica",
  "medica",
  "medico",
  "hermosa",
  "famosa",
  "preciosa",
  "motivo",
  "objetivo",
  "archivo",
  "incentivo",
  "colectivo",
  "exclusivo",
  "movil",
  "facil",
  "dificil",
  "util",
  "abril",
  "civil",
  "perfil",
  "brasil",
  "celular",
  "popular",
  "regular",
  "particular",
  "similar",
  // A company's or an office's, not a body's: "insuficiencia presupuestal", "falla estructural".
  "presupuestal",
  "patrimonial",
  "fiscal",
  "estructural",
  "comercial",
  "salarial",
  "laboral",
  "industrial",
  "empresarial",
  "institucional",
  "operacional",
  "operativa",
  "operativo",
  "administrativa",
  "administrativo",
  "economica",
  "economico",
  "tecnica",
  "tecnico",
  "logistica",
  "politica",
  "juridica",
  "juridico",
]);

/** Whether a folded word says which kind a condition is ("linfoblastica", "obsesivo-compulsivo"). */
export function clinicalAdjective(word: string): boolean {
  return word
    .split("-")
    .every((part) => adjectiveShape.test(part) && !everydayAdjectives.has(part));
}
