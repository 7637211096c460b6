import type { Finding } from "../../core/pii-types.js";
import type { Detector } from "./detector.js";
import { foldedMatches } from "./folded-matches.js";
import { foldedValue } from "./folded-value.js";
import { healthConditions } from "./health-lexicon.js";
import { mentionsSomeone, sentenceAround, speaksInGeneral } from "./person-context.js";
import type { ScanInput } from "./scan-input.js";

/**
 * Health data: a condition of the lexicon (health-lexicon.ts) or an ICD-10 code after "CID" or
 * "CIE", when its sentence ties it to a person — "tengo", "tem", "padece", "sofre de" before it,
 * or kin, a title, a patient, a diagnosis or a person's name in the sentence. A question about a
 * disease ("¿Cuáles son los síntomas del dengue?") stays below the default threshold.
 */
export const healthDetector: Detector = {
  types: ["HEALTH"],
  detect: (input) => [healthFindings(input)],
};

const phrase = (condition: string) =>
  condition
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/ /g, "[ \\t]{1,2}")
    .replace(/-/g, "[ -]?");

/** Longest first, so "diabetes tipo 2" wins over "diabetes"; ICD-10 codes with their "CID"/"CIE". */
const healthPattern = new RegExp(
  `(?:cid|cie)(?:[ -]?10)?[ \\t:]{0,3}([a-z]\\d{2}(?:\\.\\d{1,2})?)|${[...healthConditions]
    .sort((left, right) => right.length - left.length)
    .map(phrase)
    .join("|")}`,
  "g",
);

/** Right before the condition: someone has it ("tengo", "tem", "sofre de", "diagnosticada con"). */
const hasCondition =
  /(?:^|[^\p{L}\p{N}])(?:tengo|tenho|tiene|tem|tenia|tinha|tuve|tive|teve|tuvo|sufro|sofro|sufre|sofre|padezco|padeco|padece|padeceu|soy|sou|estoy|estou|esta|estava|estaba|vivo|vive|convivo|convive|diagnosticad[oa]s?|presenta|apresenta|presento|apresentou|detectaron|detectaram|dieron|deram|confirmaron|confirmaram|descubri|descobri|trata|tratando|tratamento|tratamiento|controla|controlo)(?![\p{L}\p{N}])[^.!?\n]{0,40}$/u;

function* healthFindings(input: ScanInput): Generator<Finding | undefined> {
  for (const candidate of foldedMatches(input, healthPattern)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    const code = candidate.groups[0];
    const { start, end } = candidate;
    const sentence = sentenceAround(input, candidate.start, end);
    const someone = mentionsSomeone(input, sentence);
    const general = !someone && speaksInGeneral(input, sentence);
    // The verb stands at most 40 characters before, and is at most 14 long.
    const from = Math.max(sentence.start, candidate.start - 60);
    const had = hasCondition.test(input.folded.slice(from, candidate.start));
    const tied = someone || (had && !general);
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
