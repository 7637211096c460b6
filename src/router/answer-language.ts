import { guessLanguage, type Language } from "./language.js";
import { detectRegionLanguage, type RegionLanguage } from "./region-language.js";

/**
 * Whether an answer is in another language than the question it answers: a Portuguese question
 * answered in Spanish, a Spanish one in English. Only a clear vote counts (at least three stop
 * words of the answer's language, and at least 1.5 times those of the question's plus one: on 500
 * Spanish and 500 Portuguese sentences, docs/benchmarks.md, it flags 57 % and 85 % of single
 * sentences in the wrong language and none in the right one), and a question
 * that names a language ("tradúcelo al inglés", "em espanhol") may rightly get another one back.
 *
 * A question clearly in Quechua, Guaraní, Aymara or Nahuatl (detectRegionLanguage) must be
 * answered in it: an answer of at least five words clearly in another of the region's languages
 * is flagged — in Spanish, Portuguese or English only with two of its stop words too, so names,
 * numbers and code (left out first) are never read as a language. On the held-out half of
 * AmericasNLP's dev set it flags 69–77 % of Spanish translations and 8 of 3,644 same-language
 * answers (0.2 %; docs/benchmarks.md).
 */
export interface LanguageMismatch {
  expected: RegionLanguage;
  got: RegionLanguage;
}

const namesALanguage =
  /(?<![\p{L}])(?:tradu\p{L}*|translat\p{L}*|ingl[ée]s|english|espa[ñn]ol|espanhol|castellano|spanish|portugu[ée]s|portuguese|franc[ée]s|french|alem[ãa]n?|german|italian[oa]?|quechua|qhichwa|runa ?simi|guaran[ií]|ava[ñn]e'?[ẽe]|aymara|aimara|n[aá]huatl|nahua)(?![\p{L}])/iu;
const leastVotes = 3;
const indigenous: ReadonlySet<RegionLanguage> = new Set(["qu", "gn", "ay", "nah"]);
/** How sure the detector must be of the question's language and of the answer's. */
const leastQuestionConfidence = 0.8;
const leastAnswerConfidence = 0.8;
/** Fewer words (of two letters or more) than this say too little to tell a language. */
const leastAnswerWords = 5;
/** Stop words an answer read as Spanish, Portuguese or English must hold (names and code hold none). */
const leastAnswerVotes = 2;

export function findLanguageMismatch(
  question: string,
  answer: string,
): LanguageMismatch | undefined {
  if (namesALanguage.test(question)) return undefined;
  const asked = detectRegionLanguage(question.slice(-4000));
  if (indigenous.has(asked.language as RegionLanguage)) {
    return asked.confidence >= leastQuestionConfidence
      ? indigenousMismatch(asked.language as RegionLanguage, answer)
      : undefined;
  }
  const expected = guessLanguage(question.slice(-4000)).language;
  if (expected === undefined) return undefined;
  const { language: got, scores } = guessLanguage(answer.slice(0, 4000));
  if (got === undefined || got === expected) return undefined;
  return scores[got] >= leastVotes && scores[got] >= 1.5 * scores[expected] + 1
    ? { expected, got }
    : undefined;
}

/** An answer to a question in an indigenous language of the region that is clearly in another. */
function indigenousMismatch(
  expected: RegionLanguage,
  answer: string,
): LanguageMismatch | undefined {
  const prose = answer
    .slice(0, 4000)
    .replace(/```[\s\S]*?(?:```|$)/gu, " ")
    .replace(/`[^`\n]*`/gu, " ");
  const words = prose.match(/\p{L}[\p{L}\p{M}'’]+/gu) ?? [];
  if (words.length < leastAnswerWords) return undefined;
  const { language: got, confidence } = detectRegionLanguage(prose);
  if (got === "und" || got === expected || confidence < leastAnswerConfidence) return undefined;
  if (isStopWordLanguage(got) && guessLanguage(prose).scores[got] < leastAnswerVotes)
    return undefined;
  return { expected, got };
}

function isStopWordLanguage(language: RegionLanguage): language is Language {
  return language === "es" || language === "pt" || language === "en";
}
