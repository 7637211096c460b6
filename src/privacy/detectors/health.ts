import type { Finding } from "../../core/pii-types.js";
import { mayMatch } from "./candidate.js";
import type { Detector } from "./detector.js";
import { foldedMatches } from "./folded-matches.js";
import { foldedValue } from "./folded-value.js";
import { healthLabelSource, labelledHealthFindings, labelledValue } from "./health-labels.js";
import { extendedEnd, extendedStart } from "./health-extent.js";
import { healthConditions, needsComplement } from "./health-lexicon.js";
import { conditionShapeSource, isEverydayWord, medicineShapeSource } from "./health-word-shapes.js";
import { mentionsSomeone, sentenceAround, speaksInGeneral } from "./person-context.js";
import type { ScanInput } from "./scan-input.js";

/**
 * Health data: a condition or medicine of the lexicon (health-lexicon.ts), one known by its shape
 * (health-word-shapes.ts) or an ICD-10 code after "CID" or "CIE", when its sentence ties it to a person — "tengo", "tem", "padece", "sofre de" before it,
 * or kin, a title, a patient, a diagnosis or a person's name in the sentence. A question about a
 * disease ("¿Cuáles son los síntomas del dengue?") stays below the default threshold.
 */
export const healthDetector: Detector = {
  types: ["HEALTH"],
  detect: (input) => {
    const folded = input.foldedInput;
    const rules: Iterable<Finding | undefined>[] = [];
    if (mayMatch(folded, healthPattern)) rules.push(healthFindings(input));
    if (mayMatch(folded, labelledValue)) rules.push(labelledHealthFindings(input));
    return rules;
  },
};

/** One character of a condition as a pattern: a space may be doubled, a hyphen may be a space or nothing. */
const characterPattern = (character: string) =>
  character === " "
    ? "[ \\t]{1,2}"
    : character === "-"
      ? "[ -]?"
      : character.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * The conditions as one pattern shaped like a tree of their letters ("diabet(?:es|ico|…)"), so the
 * scan tries each place against a few branches instead of every condition; a longer condition is
 * tried before the shorter one it starts with ("diabetes tipo 2" before "diabetes").
 */
function conditionsPattern(conditions: readonly string[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const condition of conditions) {
    let node = root;
    for (const character of condition) {
      let child = node.next.get(character);
      if (child === undefined) {
        child = { next: new Map(), end: false };
        node.next.set(character, child);
      }
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    const branches = [...node.next].map(
      ([character, child]) => characterPattern(character) + source(child),
    );
    if (node.end) branches.push("");
    if (branches.length === 0) return "";
    if (branches.length === 1) return branches[0] ?? "";
    return `(?:${branches.join("|")})`;
  };
  return source(root);
}

/**
 * From the start of a word: an ICD-10 code with its "CID"/"CIE" or after "Dx:" (group 1), a condition or
 * medicine of the lexicon, a medicine by its INN stem (group 2) or a condition by its clinical
 * ending (group 3).
 */
const healthPattern = new RegExp(
  `(?<![a-z0-9])(?:(?:cid|cie|dx|diagnostico)(?:[ -]?10)?[ \\t:]{0,3}([a-z]\\d{2}(?:\\.\\d{1,2})?)|${conditionsPattern(healthConditions)}|${medicineShapeSource}|${conditionShapeSource})`,
  "g",
);
/** The same, tried at one place: the condition a treatment is for. */
const conditionHere = new RegExp(healthPattern.source, "y");

/** Where a condition (no code, no everyday word) read at `from` in the fold ends. */
function conditionAt(input: ScanInput, from: number): number | undefined {
  conditionHere.lastIndex = from;
  const condition = conditionHere.exec(input.folded);
  if (condition === null || condition[1] !== undefined) return undefined;
  if (isEverydayWord(condition[0]) || needsComplement.has(condition[0])) return undefined;
  return conditionHere.lastIndex;
}

/** Right before the condition: someone has it ("tengo", "tem", "sofre de", "diagnosticada con"). */
const hasCondition =
  /(?:^|[^\p{L}\p{N}])(?:tengo|tenho|tiene|tem|tenia|tinha|tuve|tive|teve|tuvo|sufro|sofro|sufre|sofre|padezco|padeco|padece|padeceu|soy|sou|estoy|estou|esta|estava|estaba|vivo|vive|convivo|convive|diagnosticad[oa]s?|presenta|apresenta|presento|apresentou|detectaron|detectaram|dieron|deram|confirmaron|confirmaram|descubri|descobri|controla|controlo|to|ta|tava|estuve|estive|estuvo|esteve|estamos|andaba|andava|sigo|sigue|segue|continua|continuo|permanece|dio|deu|positivo|positiva|reagente|tomo|toma|tomando|medicado|medicada|operado|operada|operaron|operaram|opere|amputaron|amputaram|nacio|nasceu|naci|nasci|internaron|internaram|dx|hd|lucho|luchando|luto|lutando|venci|supere|superei|recuperando|recupero|curei|remision|remissao|sobrevivi|sobreviviente|sobrevivente|salio|saiu|resulto|resultou|uso|usa|usando|reposo|repouso|afastado|afastada|afastamento|internado|internada|hospitalizado|hospitalizada|incapacidad|recetaron|receto|receitaram|receitou|prescribieron|prescribio|prescreveram|prescreveu|indicaron|indicaram|peguei|pegou|pego|contraje|contrajo|contraiu|agarre|agarro|certificado|constancia|justificante)(?![\p{L}\p{N}])[^.!?\n]{0,40}$/u;

/**
 * Before the condition, why someone is away, excused, referred or in hospital: "no podrá hacer
 * educación física este mes por", "licencia médica por", "vai faltar por causa de", "encaminhado
 * por", "internación por".
 */
const excusedFor =
  /(?:^|[^\p{L}\p{N}])(?:no[ \t]{1,2}(?:podra|puede|pudo|podre|vino|asistio|asistira)|nao[ \t]{1,2}(?:podera|pode|pude|veio|vai)|faltas?|falto|faltou|faltara|faltar|faltando|faltaria|ausente|ausencia|inasistencia|licencia|licenca|baja|afastad[oa]|afastamento|dispensad[oa]|dispensa|justifica|justificar|justifico|justificativa|incapacidad|incapacidade|reposo|repouso|interconsulta|derivad[oa]|derivacion|encaminhad[oa]|encaminhamento|referid[oa]|internacion|internacao|hospitalizacion|hospitalizacao)(?![\p{L}\p{N}])[^.!?\n]{0,60}(?:por|pela|pelo|debido[ \t]{1,2}a|devido[ \t]{1,2}a|a[ \t]{1,2}causa[ \t]{1,2}de|por[ \t]{1,2}causa[ \t]{1,2}d[eoa])[ \t]{1,2}(?:(?:el|la|un|una|o|a|um|uma|su|sua|seu)[ \t]{1,2})?$/u;

/** Right before the condition, a procedure someone had: "fiz cirurgia de vesícula", "le hicieron una biopsia". */
const procedureDone =
  /(?:^|[^\p{L}\p{N}])(?:fiz|fez|fizeram|hice|hizo|hicieron|realizaron|realizaram)[ \t]{1,2}(?:(?:una|uma|um|un)[ \t]{1,2})?$/u;

/** Before the condition, a cause, and after it what the writer cannot do: "Por mi artritis no puedo …". */
const causeBefore =
  /(?:^|[^\p{L}\p{N}])(?:por|por[ \t]{1,2}causa[ \t]{1,2}d[eoa]|debido[ \t]{1,2}a|devido[ \t]{1,2}[aà]|a[ \t]{1,2}causa[ \t]{1,2}de)[ \t]{1,2}(?:(?:mi|minha|meu|la|a|el|o)[ \t]{1,2})?$/u;
const cannotAfter =
  /^[^.!?\n]{0,24}?(?:no|nao)[ \t]{1,2}(?:puedo|pude|podre|posso|pude|podia|podre|consigo|consegui|vou[ \t]{1,2}poder)(?![\p{L}\p{N}])/u;

/** Right before the condition, a person it is with: "adulto mayor con insuficiencia renal". */
const personWith =
  /(?:^|[^\p{L}\p{N}])(?:adult[oa][ \t]{1,2}mayor|ancian[oa]|idos[oa]|nin[oa]|menor|bebe|alumn[oa]|alun[oa]|estudiante|paciente|beneficiari[oa]|domiciliad[oa]|residente)(?:[ \t]{1,2}(?:de[ \t]{1,2}\d{1,3}[ \t]{1,2}(?:anos|meses)|\p{L}{3,})){0,3},?[ \t]{1,2}(?:con|com)[ \t]{1,2}(?:(?:un|una|um|uma)[ \t]{1,2})?$/u;

/** A health field of a form right before it: "Condición médica: cardiopatía congénita". */
const labelled = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])${healthLabelSource}[ \\t]*:[^.!?\\n]{0,40}$`,
  "u",
);

/** Right before the condition, a clinical abbreviation with its full stop, which ends no sentence: "Tto. enalapril". */
const abbreviatedLabel = /(?:^|[^\p{L}\p{N}])(?:dx|tto|diag|trat)\.[ \t]{0,2}$/u;

/** Right before the condition, who carries it: "portador de HIV", "portadora do vírus". */
const carrier = /(?:^|[^\p{L}\p{N}])portador(?:a|es|as)?[ \t]{1,2}(?:de|do|da|del)[ \t]{1,2}$/u;

/** Treatment before the condition: someone's only with the writer or kin, or "en tratamiento". */
const treatment =
  /(?:^|[^\p{L}\p{N}])(?:trata|tratando|tratamento|tratamiento|tratamentos|tratamientos)(?![\p{L}\p{N}])[^.!?\n]{0,40}$/u;
const inTreatment =
  /(?:^|[^\p{L}\p{N}])(?:en|em|sob|bajo|hago|faco|fazendo|haciendo)[ \t]{1,2}(?:(?:o|el|un|um)[ \t]{1,2})?(?:tratamento|tratamiento)/u;

/** Right before an adjective of the lexicon, "is": "mi abuela es sorda", "meu sogro é cardíaco". */
const isCondition =
  /(?:^|[^\p{L}\p{N}])(?:es|e|eres|son|sao|era|foi|fue|nacio|nasceu)[ \t]{1,2}(?:muy[ \t]|bem[ \t]|muito[ \t])?$/u;

/** Words of the lexicon that are ordinary words in lower case ("tea", "ela"): only in capitals. */
const capitalsOnly = new Set(["tea", "ela"]);

/** The next sentence ties a condition asked about to someone: "A mi esposa se lo detectaron". */
const toldOfSomeone =
  /(?:^|[^\p{L}\p{N}])(?:(?:l[oa]s?|lhe|me|te)[ \t]{1,2}(?:detectaron|diagnosticaron|descubrieron|encontraron|dieron|detectaram|diagnosticaram|descobriram|encontraram|deram)|(?:tengo|tiene|tenho|tem|padece|padezco|sofre|sufre)[ \t]{1,2}(?:eso|esto|isso|isto)|descobriu|descubrio|detectou|diagnosticou|foi[ \t]{1,2}diagnosticad[oa]|(?:es|e|son|sao)[ \t]{1,2}(?:para|pra|pro)[ \t]{1,2}(?:(?:mi|su|meu|minha|seu|sua|o|a)[ \t]{1,2})?(?:esposo|esposa|marido|mujer|mulher|hij[oa]|filh[oa]|madre|mama|mae|padre|papa|pai|herman[oa]|irmao|irma|abuel[oa]|avo|suegr[oa]|sogr[oa]|ti[oa]|niet[oa]|net[oa]|sobrin[oa]|sobrinh[oa]|bebe|paciente)|(?:l[oa]s?|[oa]s?)[ \t]{1,2}(?:necesito|necesita|preciso|precisa|necessito|necessita|toma|tomo|usa|uso))(?![\p{L}\p{N}])/u;

/**
 * A sentence about a condition in general — a question on how it works, or a campaign —
 * unless the first person or kin is in it: "¿Cómo se diagnostica el asma?", "previna o câncer".
 */
const questionWord =
  /^[\s¿"'(]*(?:como|que|o que|lo que|cuales|cual|quais|qual|por que|porque|cuando|quando|donde|onde)(?![\p{L}\p{N}])/u;
const generalTopic =
  /^[\s¿"'(]*(?:como|que|o que|lo que|cuales|cual|quais|qual|por que|porque|cuando|quando|donde|onde)(?![\p{L}\p{N}])|(?:^|[^\p{L}\p{N}])(?:prevenir|previna|prevencion|prevencao|prevenga|campana|campanha|guia|vacuna|vacina|vacunacion|vacinacao|mitos|dia mundial|dia nacional|especialistas?[ \t]{1,2}(?:en|em)|necesita receta|precisa de receita|precisa receita|sin receta|sem receita|venta libre|venda livre)(?![\p{L}\p{N}])/u;
/** The first person or kin: the writer or their family has it, whatever else the sentence says. */
const ownerCue =
  /(?:^|[^\p{L}\p{N}])(?:yo|eu|mi|mis|meu|minha|meus|minhas|me|tengo|tenho|tuve|tive|soy|sou|estoy|estou|hijo|hija|filho|filha|esposo|esposa|marido|madre|mae|padre|pai|hermano|hermana|irmao|irma|abuelo|abuela|avo|suegro|suegra|sogro|sogra)(?![\p{L}\p{N}])/u;

function* healthFindings(input: ScanInput): Generator<Finding | undefined> {
  for (const candidate of foldedMatches(input, healthPattern)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    const code = candidate.groups[0];
    if (candidate.groups[2] !== undefined && isEverydayWord(candidate.value)) continue;
    if (code === undefined && capitalsOnly.has(candidate.value)) {
      if (input.text.slice(candidate.start, candidate.end) !== candidate.value.toUpperCase()) {
        continue;
      }
    }
    const carried = carrier.exec(
      input.folded.slice(Math.max(0, candidate.start - 16), candidate.start),
    );
    const start =
      carried === null
        ? extendedStart(input, candidate.start)
        : candidate.start - carried[0].length + carried[0].search(/p/);
    const end = extendedEnd(input, candidate.value, candidate.end, (from) =>
      conditionAt(input, from),
    );
    // "insuficiencia", "síndrome", "trastorno" name a condition only with what follows them.
    if (end === candidate.end && needsComplement.has(candidate.value)) continue;
    const sentence = sentenceAround(input, start, end);
    // The condition's own words are not its owner: "câncer de mama" names no mother.
    const someone =
      mentionsSomeone(input, { start: sentence.start, end: start }) ||
      mentionsSomeone(input, { start: end, end: sentence.end });
    const sentenceText = input.folded.slice(sentence.start, sentence.end);
    const inGeneral = !someone && speaksInGeneral(input, sentence);
    const asked = input.folded[sentence.end] === "?" || sentenceText.endsWith("?");
    const topic =
      generalTopic.test(sentenceText) &&
      (asked || !questionWord.test(sentenceText)) &&
      !ownerCue.test(sentenceText);
    const general = inGeneral || topic;
    // The verb stands at most 40 characters before, and is at most 14 long.
    const from = Math.max(sentence.start, start - 60);
    const before = input.folded.slice(from, start);
    // "es"/"é" right before only for a word that describes a person ("sorda", not "autismo").
    const describes =
      !/(?:ismo|ia|is|es|e|ma)$/.test(candidate.value.split(" ")[0] ?? "") &&
      !needsComplement.has(candidate.value);
    const treated =
      treatment.test(before) && (inTreatment.test(before) || ownerCue.test(sentenceText));
    const had =
      hasCondition.test(before) ||
      excusedFor.test(input.folded.slice(Math.max(sentence.start, start - 100), start)) ||
      personWith.test(before) ||
      procedureDone.test(before) ||
      (causeBefore.test(before) && cannotAfter.test(input.folded.slice(end, end + 40))) ||
      labelled.test(before) ||
      abbreviatedLabel.test(input.folded.slice(Math.max(0, start - 8), start)) ||
      carried !== null ||
      (describes && isCondition.test(before)) ||
      treated;
    // The writer's own verb ("estoy con", "tengo") outweighs a general word later ("a quién").
    // The next sentence saying whose it is outweighs a question about it ("¿Qué es el lupus?").
    const tied =
      (!topic && (someone || (had && (!inGeneral || ownerCue.test(before))))) ||
      (!inGeneral && toldNext(input, sentence.end));
    yield {
      type: "HEALTH",
      country: null,
      start,
      end,
      confidence: tied ? (code === undefined ? 0.85 : 0.9) : general ? 0.2 : 0.3,
      validated: false,
      normalized: foldedValue(input.folded.slice(start, end)),
    };
  }
}

/** Whether the sentence right after the one ending at `end` tells whose the condition is. */
function toldNext(input: ScanInput, end: number): boolean {
  const following = input.folded.slice(end + 1, end + 161);
  const stop = following.search(/[.!?\n]/);
  const next = stop < 0 ? following : following.slice(0, stop);
  return toldOfSomeone.test(next) && ownerCue.test(next);
}
