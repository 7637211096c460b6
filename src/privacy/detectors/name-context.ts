import { placeNouns, streetHonorifics, titleWords } from "./name-words.js";

/** The words right before a run of capitalised words: do they announce a name, or a place? */

/** Right before the run: words that say a person's name follows ("paciente", "me llamo"). */
const nameContextPhrases: ReadonlySet<string> = new Set([
  "paciente",
  "cliente",
  "titular",
  "sr",
  "sra",
  "srta",
  "dr",
  "dra",
  "lic",
  "ing",
  "prof",
  "profa",
  "don",
  "dona",
  "senor",
  "senora",
  "senorita",
  "senhor",
  "senhora",
  "me llamo",
  "mi nombre es",
  "meu nome e",
  "me chamo",
  "se llama",
  "se chama",
  "chama-se",
  "llamado",
  "llamada",
  "chamado",
  "chamada",
  "soy",
  "sou",
  "nombre",
  "nombre completo",
  "nome",
  "nome completo",
  "firma",
  "firmado",
  "assinado",
  "assinatura",
  "atentamente",
  "atenciosamente",
  "respeitosamente",
  "grato",
  "grata",
  "saudacoes",
  "un abrazo",
  "um abraco",
  "saludos",
  "saludos cordiales",
  "cordialmente",
  "abracos",
  "abrazos",
  "abs",
  "bjs",
  "beijos",
  "besos",
  "att",
  "atte",
  "hola",
  "ola",
  "oi",
  "querido",
  "querida",
  "estimado",
  "estimada",
  "prezado",
  "prezada",
  "hijo",
  "hija",
  "filho",
  "filha",
  "esposo",
  "esposa",
  "marido",
  "madre",
  "padre",
  "mae",
  "pai",
  "hermano",
  "hermana",
  "irmao",
  "irma",
  "abuelo",
  "abuela",
  "avo",
  "nieto",
  "nieta",
  "neto",
  "neta",
  "tio",
  "tia",
  "primo",
  "prima",
  "cunado",
  "cunada",
  "cunhado",
  "cunhada",
  "suegro",
  "suegra",
  "sogro",
  "sogra",
  "sobrino",
  "sobrina",
  "sobrinho",
  "sobrinha",
  "yerno",
  "nuera",
  "genro",
  "nora",
  "amigo",
  "amiga",
  "novio",
  "novia",
  "namorado",
  "namorada",
  "companero",
  "companera",
  "colega",
  "jefe",
  "jefa",
  "chefe",
  "doctor",
  "doctora",
  "doutor",
  "doutora",
  "medico",
  "medica",
  "enfermera",
  "enfermeira",
  "alumno",
  "alumna",
  "aluno",
  "aluna",
  "responsable",
  "responsavel",
  "apoderado",
  "apoderada",
  "contacto",
  "contato",
  "a nombre de",
  "em nome de",
  "aos cuidados de",
  "a cargo de",
  "aqui es",
  "aqui e",
  "oi e",
  "ola e",
  "hola es",
  "quem fala e",
  "quien habla es",
  "habla",
  "fala",
  "hable con",
  "hablar con",
  "hablamos con",
  "converse con",
  "conversamos con",
  "conversei com",
  "conversamos com",
  "falei com",
  "falar com",
  "dile",
  "digale",
  "avisale",
  "preguntale",
  "pregunten por",
  "preguntar por",
  "pergunte por",
  "perguntem por",
  "procure",
  "procurem",
  "procurar",
  "profe",
  "encaminhado por",
  "encaminhada por",
  "encaminado por",
  "enviado por",
  "enviada por",
  "reenviado por",
  "atendido por",
  "atendida por",
  "vecino",
  "vecina",
  "morador",
  "moradora",
  "notificado",
  "notificada",
  "asistentes",
  "presentes",
  "ausentes",
  "participantes",
  "integrantes",
  "convidados",
  "invitados",
]);

/**
 * Roles that, as a label before a colon, announce a person: "Responsable del turno: ",
 * "Vendedor: ", "Responsável pelo plantão: ". A label "… por:" does too ("Recebido por: ").
 */
const roleWords: ReadonlySet<string> = new Set([
  "responsable",
  "responsavel",
  "encargado",
  "encargada",
  "encarregado",
  "encarregada",
  "vendedor",
  "vendedora",
  "atendente",
  "solicitante",
  "remitente",
  "remetente",
  "destinatario",
  "destinataria",
  "beneficiario",
  "beneficiaria",
  "propietario",
  "propietaria",
  "proprietario",
  "proprietaria",
  "inquilino",
  "inquilina",
  "locatario",
  "locataria",
  "firmante",
  "testigo",
  "testemunha",
  "acompanante",
  "acompanhante",
  "conductor",
  "motorista",
  "repartidor",
  "entregador",
  "supervisor",
  "supervisora",
  "gerente",
  "coordinador",
  "coordinadora",
  "coordenador",
  "coordenadora",
  "docente",
  "tutor",
  "tutora",
  "representante",
  "asesor",
  "asesora",
  "assessor",
  "assessora",
  "consultor",
  "consultora",
  "tecnico",
  "tecnica",
  "autor",
  "autora",
  "orientador",
  "orientadora",
  "nomina",
]);

/** The label before a colon on the run's line, folded: "responsable del turno". */
const labelBefore = /(?:^|\n)[ \t]*([a-z\u00c0-\u024f][a-z\u00c0-\u024f \t]{0,40}?)[ \t]*:[ \t]*$/;
const byLabel = /(?:ado|ido|ada|ida)[ \t]+(?:por|para|a)$/;

/** Whether the run at `start` follows a label that names a role: "Vendedor: ", "Recibido por: ". */
export function followsRoleLabel(folded: string, start: number): boolean {
  if (folded[start - 1] !== " " && folded[start - 1] !== "\t" && folded[start - 1] !== ":") {
    return false;
  }
  const label = labelBefore.exec(folded.slice(Math.max(0, start - 48), start))?.[1];
  if (label === undefined) return false;
  if (byLabel.test(label)) return true;
  return label.split(/[ \t]+/).some((word) => roleWords.has(word));
}

/**
 * An identifier's word, its value at most, and "de": "el C.I. 0556305159 de Franco", "o CPF da
 * Lívia", "la cédula de Marta". Read on the fold, up to 48 characters before the run.
 */
const identifierOf =
  /(?:^|[^a-z])(?:c\.?[ \t]?i|dni|cpf|rg|rut|run|curp|cedula|nit|cuil|cuit|pasaporte|passaporte|carnet|cnh|nie)\.?(?:[ \t]+(?:n[o.]?|numero))?(?:[ \t]+[\dve][\d.\-/ ]{4,20}[\dk])?[ \t]+(?:de|do|da|del)[ \t]+$/;

/** Whether the run at `start` follows an identifier's word and "de": whose identifier it is. */
export function followsIdentifier(folded: string, start: number): boolean {
  // Most runs follow no "de": only those are read further back.
  if (!/(?:^|[^a-z])d(?:e|el|o|a)[ \t]+$/.test(folded.slice(Math.max(0, start - 6), start))) {
    return false;
  }
  return identifierOf.test(folded.slice(Math.max(0, start - 48), start));
}

/** Between a context word and the name: "mãe do Vitória", "aqui é a Iracema". */
const contextFillers: ReadonlySet<string> = new Set([
  "de",
  "del",
  "do",
  "da",
  "dos",
  "das",
  "el",
  "la",
  "o",
  "a",
]);

/**
 * Up to four words before `start` (folded), nearest last, within 40 characters: punctuation
 * between them is skipped ("Sr. ", "Nombre: ", "Atentamente,\n"), a sentence's end stops it.
 */
export function precedingWords(folded: string, start: number, sameLine = false): string[] {
  const found: string[] = [];
  let index = start - 1;
  const limit = Math.max(0, start - 40);
  while (index >= limit && found.length < 4) {
    const character = folded[index] ?? "";
    // A table's cell ("Nome | Setor") says nothing of the next cell.
    if (character === "!" || character === "?" || character === ";" || character === "|") break;
    if (character === "\n" && (sameLine || endsParagraph(folded, index))) break;
    // A full stop ends the sentence, unless it ends a title: "Sr. ", "Dra. ", "Att. ".
    if (character === "." && !afterAbbreviation(folded, index)) break;
    if (!isWordCharacter(character)) {
      if (sameLine && character !== " " && character !== "\t" && character !== ".") break;
      index--;
      continue;
    }
    let wordStart = index;
    while (wordStart > 0 && isWordCharacter(folded[wordStart - 1] ?? "")) wordStart--;
    if (wordStart < limit) break;
    found.unshift(folded.slice(wordStart, index + 1));
    index = wordStart - 1;
  }
  return found;
}

const abbreviations = new Set([
  "sr",
  "sra",
  "srta",
  "dr",
  "dra",
  "lic",
  "ing",
  "prof",
  "profa",
  "att",
  "atte",
  "mtro",
  "mtra",
  "av",
  "blvd",
  "jr",
  "pres",
  "gral",
  "gen",
  "cel",
  "sen",
  "dep",
  "tte",
  "brig",
  "mcal",
  "gob",
  "pdte",
  "cmte",
  "alte",
  "sgto",
]);

function afterAbbreviation(folded: string, index: number): boolean {
  let wordStart = index;
  while (wordStart > 0 && isWordCharacter(folded[wordStart - 1] ?? "")) wordStart--;
  return abbreviations.has(folded.slice(wordStart, index));
}

/** A blank line before the line break at `index`: the paragraph before says nothing of this one. */
function endsParagraph(folded: string, index: number): boolean {
  let previous = index - 1;
  while (previous >= 0 && /[ \t\r]/.test(folded[previous] ?? "")) previous--;
  return folded[previous] === "\n";
}

function isWordCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || code === 45;
  return /\p{L}/u.test(character);
}

/** "paciente", "me llamo", "mi nombre es", "mãe do": the name follows. */
export function followsNameContext(before: readonly string[]): boolean {
  let words = before;
  if (words.length > 1 && contextFillers.has(words[words.length - 1] ?? "")) {
    if (matchesPhrase(words, nameContextPhrases)) return true;
    words = words.slice(0, -1);
  }
  return matchesPhrase(words, nameContextPhrases);
}

function matchesPhrase(words: readonly string[], phrases: ReadonlySet<string>): boolean {
  for (let length = 1; length <= Math.min(3, words.length); length++) {
    if (phrases.has(words.slice(-length).join(" "))) return true;
  }
  return false;
}

/** A greeting said to someone, before the name of whom it greets ("Bom dia, Potira!"). */
const greetings: ReadonlySet<string> = new Set([
  "buenos dias",
  "buen dia",
  "buenas tardes",
  "buenas noches",
  "bom dia",
  "boa tarde",
  "boa noite",
]);

/**
 * "Buenas noches Santiago, disculpa la hora": a greeting, then the run and a comma or "!": the
 * run is the person greeted. Without that stop it may be a show's name ("Bom dia Brasil").
 */
export function greetedByName(before: readonly string[], after: string): boolean {
  return greetings.has(before.slice(-2).join(" ")) && /^[ \t]*[,!]/.test(after);
}

/**
 * "a biografia da …", "el concierto de …", '"Cien años de soledad" de …': the run names an author
 * or a performer of a public work, no one's personal data.
 */
const workWords: ReadonlySet<string> = new Set([
  "biografia",
  "autobiografia",
  "show",
  "concierto",
  "concerto",
  "discografia",
]);

export function namesAuthorOfWork(before: readonly string[], textBefore: string): boolean {
  let index = before.length - 1;
  while (index > 0 && contextFillers.has(before[index] ?? "")) index--;
  if (index < before.length - 1 && workWords.has(before[index] ?? "")) return true;
  return /["”»][ \t]+(?:de|do|da|del)[ \t]+$/.test(textBefore);
}

/**
 * "Nossa Senhora da Conceição", "Nuestra Señora de Guadalupe", "Virgen del Carmen": an invocation
 * of the Virgin (a feast, a church, a city), not a person. `run` is the capitalised run, folded,
 * and `before` the words before it on its line.
 */
export function invokesOurLady(run: string, before: readonly string[]): boolean {
  if (/\b(?:nossa senhora|nuestra senora)\b|^(?:virgen|virgem)\b/.test(run)) return true;
  let index = before.length - 1;
  while (index > 0 && contextFillers.has(before[index] ?? "")) index--;
  const last = before[index] ?? "";
  const pair = `${before[index - 1] ?? ""} ${last}`;
  return (
    last === "virgen" || last === "virgem" || pair === "nossa senhora" || pair === "nuestra senora"
  );
}

/** "la marca Dr. Simi", "da marca Boticário": the run is a brand, not a person. */
export function followsBrandWord(before: readonly string[]): boolean {
  let index = before.length - 1;
  while (index > 0 && titleWords.has(before[index] ?? "")) index--;
  return before[index] === "marca" || before[index] === "marcas";
}

/**
 * "la calle Los Olivos", "hospital Albert Einstein": the run names a place. `before` holds the
 * words of the same line, with nothing but spaces between them and the run.
 */
export function followsPlaceNoun(before: readonly string[]): boolean {
  let index = before.length - 1;
  // "Rua Dr. Flores", "Avenida Presidente Vargas": the street is named after someone.
  while (index > 0 && streetHonorifics.has(before[index] ?? "")) index--;
  while (index > 0 && contextFillers.has(before[index] ?? "")) index--;
  return placeNouns.has(before[index] ?? "");
}
