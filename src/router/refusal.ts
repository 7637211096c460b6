/**
 * Whether an answer declines instead of answering ("Lo siento, no puedo ayudar con eso", "Desculpe,
 * não posso responder", "As an AI language model, I cannot…"). Only the opening counts: an answer
 * that helps and later says what it cannot do is an answer.
 */
const refusalSources: readonly RegExp[] = [
  // Spanish
  /^(?:lo siento|lo lamento|disculpa|disculpe|perd[óo]n)\b[^.!?\n]{0,60}\bno (?:puedo|podr[ée]|es posible|tengo|s[ée])\b/u,
  /^(?:no puedo|no me es posible|no estoy en condiciones de|no tengo (?:acceso|informaci[óo]n))\b/u,
  /^como (?:un )?(?:modelo de lenguaje|asistente virtual|ia|inteligencia artificial)\b[^.!?\n]{0,60}\bno\b/u,
  // Portuguese
  /^(?:desculpe|desculpa|sinto muito|lamento|perd[ãa]o)\b[^.!?\n]{0,60}\bn[ãa]o (?:posso|consigo|[ée] poss[íi]vel|tenho|sei)\b/u,
  /^(?:n[ãa]o posso|n[ãa]o consigo|n[ãa]o tenho (?:acesso|informa[çc][õo]es))\b/u,
  /^como (?:um )?(?:modelo de linguagem|assistente virtual|ia|intelig[êe]ncia artificial)\b[^.!?\n]{0,60}\bn[ãa]o\b/u,
  // English
  /^(?:i'?m sorry|sorry|i apologi[sz]e)\b[^.!?\n]{0,60}\b(?:can'?not|can'?t|am unable|unable|don'?t (?:have|know))\b/u,
  /^(?:i can'?not|i can'?t|i am unable to|i'?m unable to|i won'?t)\b/u,
  /^as an ai(?: language model)?\b[^.!?\n]{0,60}\b(?:can'?not|can'?t|don'?t|do not)\b/u,
];

/** `\b` in a JavaScript regular expression knows only ASCII letters: "perdón", "não" need this. */
const boundary = String.raw`(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))`;
const refusalPatterns = refusalSources.map(
  (pattern) => new RegExp(pattern.source.replaceAll(String.raw`\b`, boundary), "u"),
);

export function isRefusal(text: string): boolean {
  const opening = text
    .trim()
    .toLowerCase()
    .replace(/^[\s*_#>"“¡¿-]+/u, "")
    .replace(/[’`]/gu, "'")
    .slice(0, 200);
  return refusalPatterns.some((pattern) => pattern.test(opening));
}
