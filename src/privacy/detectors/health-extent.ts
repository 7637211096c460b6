import { namedAfterHeads } from "./health-lexicon.js";
import { clinicalAdjective, isMedicine } from "./health-word-shapes.js";
import type { ScanInput } from "./scan-input.js";

/**
 * How far a condition or a medicine found by health.ts reaches: the words after it that say
 * which kind it is ("leucemia linfoblástica", "diabetes mellitus tipo 2", "embarazo de alto
 * riesgo"), where in the body ("artrosis de rodilla"), what an allergy is to, a medicine's dose
 * ("losartana 50 mg") and the condition a medicine or treatment is for.
 */

/** After a condition, what says how far along it is: "aguda", "tipo 2", "de 5 meses" (pregnancy). */
const qualifier =
  /^[ \t]{1,2}(?:aguda|agudo|cronica|cronico|severa|severo|grave|leve|moderada|moderado|congenita|congenito|avanzada|avancada|recurrente|recorrente|positivo|positiva|profunda|profundo|maligna|maligno|benigna|benigno|latente|refractaria|refratario|refrataria|de[ \t]{1,2}\d{1,2}[ \t]{1,2}(?:semanas|meses)|tipo[ \t]{1,2}(?:[12]|i{1,2}|[ab])|(?:estadio|estagio|grado|grau|fase|etapa)[ \t]{1,2}(?:[0-4]|i{1,3}|iv|[a-c])|de[ \t]{1,2}(?:(?:alto|bajo|baixo)[ \t]{1,2})?(?:riesgo|risco))(?![\p{L}\p{N}])/u;

/** After a hepatitis, its letter: "hepatitis A", "hepatite E". */
const hepatitisLetter = /^[ \t]{1,2}[a-e](?![\p{L}\p{N}])/u;

/** After a word of the text, the next word: an adjective of a condition when clinicalAdjective says so. */
const nextWord = /^[ \t]{1,2}(\p{L}{4,}(?:-\p{L}{3,})?)(?![\p{L}\p{N}])/u;

/** After a medicine, its dose: "850 mg", "50mg", "0,5 mg", "100 UI", or a bare strength ("metformina 850"). */
const dose =
  /^[ \t]{1,2}(?:de[ \t]{1,2})?\d{1,4}(?:[.,]\d{1,3})?(?:[ \t]?(?:mg|mcg|ug|g|ml|ui|u|unidades|gotas)(?:\/(?:ml|dia|d))?)?(?![\p{L}\p{N}])/u;

/** After a condition, where in the body: "artrose no joelho", "tendinitis en el hombro derecho". */
const bodyPlace =
  /^[ \t]{1,2}(?:no|na|nos|nas|en[ \t]{1,2}(?:el|la|los|las)|de|de[ \t]{1,2}(?:la|las|los)|del|da|do|das|dos)[ \t]{1,2}(?:joelhos?|rodillas?|cadera|quadril|hombros?|ombros?|columna|coluna|espalda|costas|cuello|pescoco|manos?|maos?|pies?|pes?|tobillos?|tornozelos?|codos?|cotovelos?|munecas?|punhos?|ojos?|olhos?|oidos?|ouvidos?|dedos?|piernas?|pernas?|brazos?|bracos?|unas?|unhas?|cabeza|cabeca|pecho|peito|garganta|piel|pele)(?:[ \t]{1,2}(?:derech[oa]s?|izquierd[oa]s?|direit[oa]s?|esquerd[oa]s?))?(?![\p{L}\p{N}])/u;

/** After an allergy, to what: "alergia a amendoim", "alergia al maní", "alérgico a la penicilina". */
const allergen =
  /^[ \t]{1,2}(?:a|al|ao|aos|as|a[ \t]{1,2}(?:la|las|los|el)|de|por)[ \t]{1,2}(\p{L}{3,})(?:[ \t]{1,2}(\p{L}{3,}))?/u;
/** Words that end what an allergy is to: "alergia a amendoim e precisa …". */
const afterAllergen = new Set([
  "que",
  "pero",
  "mas",
  "para",
  "por",
  "com",
  "con",
  "desde",
  "hace",
  "faz",
  "muy",
  "muito",
  "pois",
  "porque",
  "entao",
  "entonces",
  "cuando",
  "quando",
  "tambien",
  "tambem",
  "los",
  "las",
  "uma",
  "una",
  "um",
  "uno",
  "sus",
  "seu",
  "sua",
  "mis",
  "meu",
  "minha",
]);

/** After a medicine or a treatment, the condition it is for: "quimioterapia por câncer de mama". */
const forCondition =
  /^[ \t]{1,2}(?:por(?:[ \t]{1,2}causa)?|para|pra|contra|pela|pelo|a[ \t]{1,2}causa|debido|devido)(?:[ \t]{1,2}(?:de|del|do|da|dos|das|a|al|ao|à))?[ \t]{1,2}(?:(?:el|la|los|las|o|a|os|as|un|una|um|uma|mi|su|sua|seu)[ \t]{1,2})?/u;

/**
 * After a head named by what follows it, that: "síndrome de Down", "enfermedad de Parkinson",
 * "adicción al alcohol", "transtorno do sono" (group 1: the word).
 */
const namedAfter =
  /^[ \t]{1,2}(?:de|del|do|da|dos|das|a|al|ao|aos|a[ \t]{1,2}(?:la|las|los|el)|em|en|por)[ \t]{1,2}(?:(?:la|el|los|las|o|os|as)[ \t]{1,2})?(\p{L}{3,})(?:-\p{L}{2,})?(?![\p{L}\p{N}])/u;
/** Words that name no condition after such a head: "síndrome de este mes", "enfermedad de mi tía". */
const namesNothing = new Set([
  ...afterAllergen,
  "este",
  "esta",
  "estos",
  "estas",
  "esse",
  "essa",
  "eso",
  "esto",
  "isso",
  "isto",
  "aquel",
  "aquela",
  "todo",
  "toda",
  "todos",
  "todas",
  "cada",
  "otro",
  "otra",
  "outro",
  "outra",
  "nada",
  "algo",
  "nadie",
  "ninguem",
  "quien",
  "quem",
  "cual",
  "qual",
  "tus",
  "nuestro",
  "nuestra",
  "nosso",
  "nossa",
  "dele",
  "dela",
  "tanto",
  "tanta",
  "tantos",
  "tantas",
  "mucho",
  "mucha",
  "muito",
  "muita",
  "poco",
  "pouco",
  // "Enfermedad de base:", "Doença de base:" head a form's field.
  "base",
]);

/** Before a condition, an indefinite article that is part of how it is named: "un trastorno de …". */
const article = /(?:^|[^\p{L}\p{N}])(?:un|una|um|uma)[ \t]{1,2}$/u;

/** At most this many words of kind, stage or dose after a condition ("asma bronquial severa"). */
const mostQualifiers = 3;

/** Where a condition found at `start` starts with the indefinite article before it. */
export function extendedStart(input: ScanInput, start: number): number {
  const found = article.exec(input.folded.slice(Math.max(0, start - 6), start));
  if (found === null) return start;
  return start - found[0].length + found[0].search(/u/);
}

/**
 * Where a condition ends with what follows it: its kind, stage or type, a medicine's dose, where
 * in the body, what an allergy is to, and the condition a medicine or treatment is for.
 * `conditionAt` reads a condition at an offset of the fold and says where it ends.
 */
export function extendedEnd(
  input: ScanInput,
  value: string,
  end: number,
  conditionAt: (from: number) => number | undefined,
): number {
  const { folded } = input;
  let to = end + qualifiersLength(folded, value, end);
  if (to === end && namedAfterHeads.has(value)) {
    const named = namedAfter.exec(folded.slice(to, to + 40));
    if (named !== null && !namesNothing.has(named[1] ?? "")) {
      to += named[0].length;
      to += qualifiersLength(folded, value, to);
    }
  }
  const place = bodyPlace.exec(folded.slice(to, to + 48));
  if (place !== null) return to + place[0].length;
  if (value.startsWith("alergi")) {
    const target = allergen.exec(folded.slice(to, to + 48));
    if (target === null) return to;
    const second = target[2];
    if (second === undefined || !afterAllergen.has(second)) return to + target[0].length;
    return to + target[0].slice(0, target[0].lastIndexOf(second)).trimEnd().length;
  }
  const link = forCondition.exec(folded.slice(to, to + 24));
  if (link !== null) {
    const conditionEnd = conditionAt(to + link[0].length);
    if (conditionEnd !== undefined) to = conditionEnd;
  }
  return to;
}

/** How long the words of kind, stage, type or dose right after `end` are, together. */
function qualifiersLength(folded: string, value: string, end: number): number {
  const medicine = isMedicine(value);
  let to = end;
  for (let taken = 0; taken < mostQualifiers; taken++) {
    const after = folded.slice(to, to + 40);
    const word =
      qualifier.exec(after)?.[0] ??
      (medicine ? dose.exec(after)?.[0] : undefined) ??
      (taken === 0 && value.startsWith("hepatit") ? hepatitisLetter.exec(after)?.[0] : undefined);
    if (word !== undefined) {
      to += word.length;
      continue;
    }
    const next = nextWord.exec(after);
    if (next === null || medicine || !clinicalAdjective(next[1] ?? "")) break;
    to += next[0].length;
  }
  return to - end;
}
