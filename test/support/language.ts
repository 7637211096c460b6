/**
 * A small stop-word vote between Spanish, Portuguese and English, enough to tell which language
 * an answer is written in (the tests need "is this Spanish?", not a language identifier).
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

export function guessLanguage(text: string): {
  language: Language | undefined;
  scores: Record<Language, number>;
} {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const scores = { es: 0, pt: 0, en: 0 };
  for (const word of words) {
    for (const language of Object.keys(stopWords) as Language[]) {
      if ((stopWords[language] as readonly string[]).includes(word)) scores[language]++;
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
