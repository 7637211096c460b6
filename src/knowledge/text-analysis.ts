import { stemmer as portugueseStemmer } from "@orama/stemmers/portuguese";
import { stemmer as spanishStemmer } from "@orama/stemmers/spanish";
import { stopwords as portugueseStopWords } from "@orama/stopwords/portuguese";
import { stopwords as spanishStopWords } from "@orama/stopwords/spanish";

/** The languages whose text analysis (Snowball stemming, stop words) retrieval knows. */
export const analysisLanguages = ["es", "pt"] as const;
export type AnalysisLanguage = (typeof analysisLanguages)[number];

/** Turns one lower-cased word into the term that is indexed and searched, or null to drop it. */
export type TermAnalyzer = (word: string) => string | null;

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Words: runs of letters and digits, lower-cased. Used by every analyzer. */
export function words(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

/** No analysis: the lower-cased word itself (the plain BM25 baseline). */
export const plainTerm: TermAnalyzer = (word) => word;

const languages: Record<AnalysisLanguage, { stem: (word: string) => string; stopWords: string[] }> =
  {
    es: { stem: spanishStemmer, stopWords: spanishStopWords },
    pt: { stem: portugueseStemmer, stopWords: portugueseStopWords },
  };

/**
 * Language-aware terms: stop words dropped, Snowball stem, then accents folded, so "canción",
 * "canciones" and "cancion" meet on one term.
 */
export function languageTerm(language: AnalysisLanguage): TermAnalyzer {
  const { stem, stopWords } = languages[language];
  const stop = new Set([...stopWords, ...stopWords.map(foldAccents)]);
  return (word) => (stop.has(word) ? null : foldAccents(stem(word)));
}

/** "canción" → "cancion", "ação" → "acao"; ñ and ç lose their marks too. */
export function foldAccents(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}
