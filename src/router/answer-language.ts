import { guessLanguage, type Language } from "./language.js";

/**
 * Whether an answer is in another language than the question it answers: a Portuguese question
 * answered in Spanish, a Spanish one in English. Only a clear vote counts (at least three stop
 * words of the answer's language, and at least 1.5 times those of the question's plus one: on 500
 * Spanish and 500 Portuguese sentences, docs/benchmarks.md, it flags 57 % and 85 % of single
 * sentences in the wrong language and none in the right one), and a question
 * that names a language ("tradúcelo al inglés", "em espanhol") may rightly get another one back.
 */
export interface LanguageMismatch {
  expected: Language;
  got: Language;
}

const namesALanguage =
  /(?<![\p{L}])(?:tradu\p{L}*|translat\p{L}*|ingl[ée]s|english|espa[ñn]ol|espanhol|castellano|spanish|portugu[ée]s|portuguese|franc[ée]s|french|alem[ãa]n?|german|italian[oa]?)(?![\p{L}])/iu;
const leastVotes = 3;

export function findLanguageMismatch(
  question: string,
  answer: string,
): LanguageMismatch | undefined {
  if (namesALanguage.test(question)) return undefined;
  const expected = guessLanguage(question.slice(-4000)).language;
  if (expected === undefined) return undefined;
  const { language: got, scores } = guessLanguage(answer.slice(0, 4000));
  if (got === undefined || got === expected) return undefined;
  return scores[got] >= leastVotes && scores[got] >= 1.5 * scores[expected] + 1
    ? { expected, got }
    : undefined;
}
