/**
 * A small stop-word vote between Spanish, Portuguese and English: what routing rules need ("is
 * this prompt Portuguese?") in well under a microsecond, not a general language identifier.
 */
const stopWords = {
  es: [
    "el",
    "la",
    "los",
    "las",
    "de",
    "del",
    "que",
    "y",
    "en",
    "es",
    "un",
    "una",
    "por",
    "con",
    "para",
    "su",
    "al",
    "lo",
    "como",
    "más",
    "pero",
    "sus",
    "le",
    "ya",
    "o",
    "este",
    "sí",
    "porque",
    "esta",
    "entre",
    "cuando",
    "muy",
    "sin",
    "sobre",
    "también",
    "hay",
    "son",
    "puede",
    "capital",
  ],
  pt: [
    "o",
    "a",
    "os",
    "as",
    "de",
    "do",
    "da",
    "dos",
    "das",
    "que",
    "e",
    "em",
    "no",
    "na",
    "um",
    "uma",
    "por",
    "com",
    "para",
    "não",
    "mais",
    "como",
    "mas",
    "ao",
    "ele",
    "é",
    "são",
    "seu",
    "sua",
    "ou",
    "quando",
    "muito",
    "também",
    "isso",
    "você",
  ],
  en: [
    "a",
    "what",
    "how",
    "who",
    "why",
    "write",
    "please",
    "my",
    "your",
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "it",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "are",
    "be",
    "this",
    "by",
    "an",
    "or",
    "from",
    "at",
    "which",
    "you",
    "can",
    "have",
    "not",
    "capital",
  ],
} as const;

export type Language = keyof typeof stopWords;

const languageList: readonly Language[] = ["es", "pt", "en"];
const stopWordSets: Record<Language, ReadonlySet<string>> = {
  es: new Set(stopWords.es),
  pt: new Set(stopWords.pt),
  en: new Set(stopWords.en),
};

export function guessLanguage(text: string): {
  language: Language | undefined;
  scores: Record<Language, number>;
} {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const scores = { es: 0, pt: 0, en: 0 };
  for (const word of words) {
    for (const language of languageList) {
      if (stopWordSets[language].has(word)) scores[language]++;
    }
  }
  // Characters only one of the languages uses settle close votes.
  if (/[ñ¿¡]/.test(text)) scores.es += 2;
  if (/[ãõç]/.test(text)) scores.pt += 2;
  const ranked = (Object.entries(scores) as [Language, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  const language = first && first[1] > 0 && first[1] > (second?.[1] ?? 0) ? first[0] : undefined;
  return { language, scores };
}

/** The language of a prompt for routing rules: es, pt, en, or "other" when the vote is unclear. */
export function detectLanguage(text: string): Language | "other" {
  return guessLanguage(text.length > 4000 ? text.slice(0, 4000) : text).language ?? "other";
}
