import { namePattern, namesInRun } from "./name-runs.js";
import type { ScanInput } from "./scan-input.js";

/**
 * Whether a sentence is about a particular person: the words that tie an address or a health
 * condition to someone ("tengo", "mi hijo", "minha mãe", "paciente", "Sra."), or a person's name.
 */

/** How far around a value its sentence is read, each way. */
const sentenceReach = 240;

export interface Sentence {
  start: number;
  end: number;
}

/** The sentence holding `start`–`end` in `folded`, at most `sentenceReach` each way. */
export function sentenceAround(folded: string, start: number, end: number): Sentence {
  let from = start;
  while (from > 0 && start - from < sentenceReach && !endsSentence(folded, from - 1)) from--;
  let to = end;
  while (to < folded.length && to - end < sentenceReach && !endsSentence(folded, to)) to++;
  return { start: from, end: to };
}

function endsSentence(folded: string, index: number): boolean {
  const character = folded[index];
  if (character === "!" || character === "?" || character === "\n") return true;
  // A full stop ends a sentence before a space, not inside "Av." or "3.5".
  return (
    character === "." &&
    /\s/.test(folded[index + 1] ?? "") &&
    /\p{L}{3}$/u.test(folded.slice(index - 3, index))
  );
}

const cue = (words: readonly string[]) =>
  new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}\\p{N}])`, "u");

/** Kin, titles, third-person pronouns, a patient, a diagnosis: someone in particular. */
const someoneWords = [
  "ella",
  "ele",
  "ela",
  "paciente",
  "senor",
  "senora",
  "senhor",
  "senhora",
  "dona",
  "sr",
  "sra",
  "diagnosticado",
  "diagnosticada",
  "diagnosticaron",
  "diagnosticaram",
  "diagnostico de",
  "portador",
  "portadora",
  "internado",
  "internada",
  "hospitalizado",
  "hospitalizada",
  "hijo",
  "hija",
  "filho",
  "filha",
  "esposo",
  "esposa",
  "marido",
  "mi mujer",
  "minha mulher",
  "madre",
  "mama",
  "mae",
  "padre",
  "papa",
  "pai",
  "hermano",
  "hermana",
  "irmao",
  "irma",
  "abuelo",
  "abuela",
  "avo",
  "tio",
  "tia",
  "novio",
  "novia",
  "namorado",
  "namorada",
  "bebe",
  "nene",
  "nena",
  // A medical record's labels: the condition is the patient's.
  "antecedentes",
  "historico",
  "historial",
  "historia clinica",
  "diagnostico",
  "enfermedad de base",
  "doenca de base",
  "comorbilidad",
  "comorbilidades",
  "comorbidade",
  "comorbidades",
  "atestado",
  "laudo",
  "prontuario",
  "receta",
  "receita",
  "cid",
  "cie",
];
const someoneCue = cue(someoneWords);

/** Besides those, the first person: "yo", "eu", "mi", "minha", "vivo", "moro". */
const personCue = cue([
  ...someoneWords,
  "yo",
  "eu",
  "mi",
  "mis",
  "meu",
  "minha",
  "meus",
  "minhas",
  "me",
  "tengo",
  "tenho",
  "soy",
  "sou",
  "estoy",
  "estou",
  "vivo",
  "moro",
  "nuestro",
  "nuestra",
  "nosso",
  "nossa",
]);

/** A sentence about people in general: "¿Una persona con VIH puede donar sangre?" */
const generalSubject =
  /(?:^|[^\p{L}\p{N}])(?:alguien|alguem|una persona|uma pessoa|las personas|as pessoas|la gente|a gente|quien|quem|quienes|pacientes|personas|pessoas|cualquiera|qualquer)(?![\p{L}\p{N}])/u;

/** Whether the sentence speaks of someone: the first person, kin, a title, or a person's name. */
export function mentionsPerson(input: ScanInput, sentence: Sentence): boolean {
  const folded = input.folded.slice(sentence.start, sentence.end);
  return personCue.test(folded) || namesIn(input, sentence);
}

/** Whether the sentence speaks of someone in particular besides the writer: kin, a title, a name. */
export function mentionsSomeone(input: ScanInput, sentence: Sentence): boolean {
  const folded = input.folded.slice(sentence.start, sentence.end);
  return someoneCue.test(folded) || namesIn(input, sentence);
}

/** Whether the sentence speaks of people in general, not of someone. */
export function speaksInGeneral(input: ScanInput, sentence: Sentence): boolean {
  return generalSubject.test(input.folded.slice(sentence.start, sentence.end));
}

function namesIn(input: ScanInput, sentence: Sentence): boolean {
  const text = input.text.slice(sentence.start, sentence.end);
  const matcher = new RegExp(namePattern.source, namePattern.flags);
  for (const match of text.matchAll(matcher)) {
    const spans = namesInRun(input.text, input.folded, sentence.start + match.index, match[0]);
    if (spans.some((span) => span.confidence >= 0.6)) return true;
  }
  return false;
}
