import { createHash } from "node:crypto";
import { francAll } from "franc-all";
import { LRUCache } from "lru-cache";
import { guessLanguage } from "./language.js";

/**
 * The languages of the region a prompt may be in, as ISO 639 codes: Quechua (qu), Guaraní (gn),
 * Aymara (ay), Nahuatl (nah, the ISO 639-2/5 collective code: no single variety), Spanish,
 * Portuguese and English; "und" (undetermined) when the text is too short or in none of them.
 */
export const regionLanguages = ["qu", "gn", "ay", "nah", "es", "pt", "en"] as const;
export type RegionLanguage = (typeof regionLanguages)[number];

export interface LanguageDetection {
  language: RegionLanguage | "und";
  /** 0.5–1 (0 for und): 0.5 plus the lead over the runner-up, see marginConfidence. */
  confidence: number;
}

/** franc-all's ISO 639-3 profiles for the region, restricted so other languages cannot win. */
const francCodes: Record<string, RegionLanguage> = {
  quy: "qu",
  gug: "gn",
  ayr: "ay",
  nhn: "nah",
  spa: "es",
  por: "pt",
  eng: "en",
};
const francOnly = Object.keys(francCodes);

/**
 * Words that mark Nahuatl in the spellings people use today, written for this detector from the
 * grammar and the errors on the first half of americasnlp-dev (not copied from it): franc's one
 * Nahuatl profile misses much of it.
 */
const nahuatlWords = new Set([
  "ihuan",
  "huan",
  "amo",
  "ahmo",
  "inin",
  "inon",
  "tlen",
  "quena",
  "cualli",
  "yehhua",
  "yehhuan",
  "yehua",
  "nochi",
  "cenca",
  "zan",
  "ihcon",
  "quemeh",
  "canpa",
  "onpa",
  "ompa",
  "nican",
  "axcan",
  "nehhua",
  "tehhua",
  "nehuatl",
  "tehuatl",
  "ica",
  "itech",
  "occe",
  "ce",
  "catca",
  "catcah",
  "achiyoc",
  "quizah",
  "huehca",
  "tlahuel",
]);
/** Word shapes only Nahuatl has among these languages: -tl/-tli/-tzin endings, tl- and tz- starts. */
const nahuatlShape =
  /^(?:tl\p{L}+|tz\p{L}+|\p{L}*(?:tl|tli|tzin|tzintli|meh|queh|tiah|yah|huan)|(?:ni|ti|qui|nic|tic|mitz|nech|quin|mo|no|to)\p{L}*(?:tz|tl|hu|uh)\p{L}*)$/u;

/** Marks of each indigenous language's spelling that Spanish, Portuguese and English lack. */
const spellingMarks: Record<"qu" | "gn" | "ay", RegExp> = {
  // q outside que/qui, ejectives, and the plural and reported-speech suffixes.
  qu: /kuna|nisqa|chk|sqa|(?:qa|pi|manta|mi|chu|pas|nku|nchik|ykun|yki)$/u,
  // Nasal vowels written with a tilde or circumflex, and the glottal stop between vowels.
  gn: /[ĝỹẽũĩâêîôû]|g̃|[aeiouyáéíóúý]'[aeiouyáéíóúý]|^(?:mb|nd|ng)|rehe$|kuéra$|^ha$|^upe/u,
  // Diaereses, the topic marker -x, and -naka/-nak plurals.
  ay: /[äïü]|[aeiu]x$|naka|^ja|jj|taki$|txa/u,
};

/** Common Spanish and Portuguese words the stop-word vote lacks, and that the other never writes. */
// "no" is a Portuguese stop word too ("in the"), but far more often Spanish's "no".
const spanishWords = new Set(
  ["no", "me", "te", "se", "mi", "mis", "tu", "yo", "nosotros", "nada", "algo", "nadie"].concat([
    "ningún",
    "ninguna",
    "ninguno",
    "creo",
    "tengo",
    "quiero",
    "puedo",
    "muy",
    "ahí",
    "allí",
  ]),
);
const portugueseWords = new Set(["eu", "meu", "minha", "nós", "não", "você", "lhe", "isso"]);

const unPortuguese = /(?<![qgk])ue|ie|ll|ñ|^y$/u;
const unRomance = /[kwỹĝ]|q(?!u)|y[bcdfgjklmnpqrstvxz]|[ptkq]h/u;

/**
 * How much each language's own evidence weighs beside franc's trigram score (1 for the best):
 * the share of words that are its stop words or carry its marks.
 */
const wordWeight = 1.5;
const shortest = 3;
const longest = 2048;

/**
 * Detections of the samples seen lately, by their hash (never the text): a conversation sends
 * its earlier turns again with each new one, and a client often sends the same prompt. The
 * detection is a pure function of the sample; it was ~4 % of the gateway's CPU per request.
 */
const recent = new LRUCache<string, LanguageDetection>({ max: 4096 });

/** The language of a text among the region's; well under a millisecond a sentence. */
export function detectRegionLanguage(text: string): LanguageDetection {
  const sample = text.length > longest ? text.slice(0, longest) : text;
  const key = createHash("sha256").update(sample).digest("base64");
  const known = recent.get(key);
  if (known !== undefined) return { ...known };
  const detected = detectSample(sample);
  recent.set(key, detected);
  return { ...detected };
}

function detectSample(sample: string): LanguageDetection {
  const words = sample.toLowerCase().match(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu) ?? [];
  const letters = words.join("").length;
  if (letters < shortest) return { language: "und", confidence: 0 };
  const scores = new Map<RegionLanguage, number>();
  for (const [code, score] of francAll(sample, { only: francOnly, minLength: 1 })) {
    const language = francCodes[code];
    if (language !== undefined) scores.set(language, score);
  }
  const plainWords = words.flatMap((word) => word.split(/['’]/u));
  const votes = guessLanguage(plainWords.join(" ")).scores;
  for (const word of plainWords) {
    if (spanishWords.has(word) || /ción|cione/u.test(word)) votes.es += 1;
    if (portugueseWords.has(word) || /lh|nh|[ãõç]/u.test(word)) votes.pt += 1;
  }
  const evidence: Record<RegionLanguage, number> = {
    es: votes.es / plainWords.length,
    pt: votes.pt / plainWords.length,
    en: votes.en / plainWords.length,
    nah: nahuatlVotes(words) / words.length,
    qu: marked(words, spellingMarks.qu),
    gn: marked(words, spellingMarks.gn),
    ay: marked(words, spellingMarks.ay),
  };
  // Words Spanish and Portuguese spelling cannot hold (k, w, q without u, a consonant after y, an
  // h after p, t, k or q) count against both: the indigenous languages borrow Spanish words, not
  // the reverse.
  const foreign = marked(plainWords, unRomance);
  evidence.es -= foreign;
  // Spelling Portuguese never has (Spanish ie, ue, ll, ñ, y alone) counts against it alone.
  evidence.pt -= foreign + marked(plainWords, unPortuguese);
  const ranked = regionLanguages
    .map((language) => ({
      language,
      score: (scores.get(language) ?? 0) + wordWeight * evidence[language],
    }))
    .sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  if (first === undefined || first.score <= 0) return { language: "und", confidence: 0 };
  return {
    language: first.language,
    confidence: marginConfidence(first.score - (second?.score ?? 0)),
  };
}

function marked(words: readonly string[], marks: RegExp): number {
  let count = 0;
  for (const word of words) if (marks.test(word)) count += 1;
  return count / words.length;
}

function nahuatlVotes(words: readonly string[]): number {
  let votes = 0;
  for (const word of words) {
    if (nahuatlWords.has(word) || (word.length > 3 && nahuatlShape.test(word))) votes += 1;
  }
  return votes;
}

/**
 * 0.5 plus the lead over the runner-up. On the first half of americasnlp-dev this reads roughly as
 * a chance of being right: 99.7 % right at 1, 98 % at 0.8–0.99, 91 % at 0.7, about 70 % below.
 */
function marginConfidence(margin: number): number {
  return Math.round(Math.min(1, 0.5 + margin) * 1000) / 1000;
}
