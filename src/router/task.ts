import type { tasks } from "../config/schema.js";

export type Task = (typeof tasks)[number];

/**
 * Keyword cues per task, in Spanish, Portuguese and English, checked in this order (the first
 * task with a cue wins): precise enough for routing rules such as "code goes to the cloud".
 */
const cues: readonly [Task, RegExp][] = [
  [
    "code",
    /```|\b(function|def|class|return|import|const|SELECT|console\.log|printf)\b|=>|\b(c[óo]digo|code|script|program(a|ar|ming)?|bug|compil\w*|regex|python|javascript|typescript|java|sql)\b/i,
  ],
  [
    "translation",
    /\b(tradu[cz]\w*|translat\w*|em ingl[eê]s|en ingl[eé]s|in english|al (espa[nñ]ol|portugu[eé]s)|para o (portugu[eê]s|espanhol|ingl[eê]s))\b/i,
  ],
  ["summarization", /\b(resum\w*|summar\w*|tl;?dr|sintetiz\w*|sinopse)\b/i],
  ["extraction", /\b(extra(e|ia|er|ct)\w*|list(a|e|ar)? (todos|todas|all)|campos|fields|json)\b/i],
  ["classification", /\b(clasific\w*|classif\w*|categori[zs]\w*|sentiment\w*|sentimiento)\b/i],
  [
    "math",
    /\d\s*[-+*/^×÷=]\s*\d|\b(calcul\w*|equa[cç][aã]o|ecuaci[oó]n|equation|integral|deriva\w*|probabilidad\w*|probability|solve|resolv\w*)\b/i,
  ],
  [
    "question",
    /[?¿]|^\s*(qu[eé]|qui[eé]n|c[oó]mo|cu[aá]ndo|d[oó]nde|por qu[eé]|o que|quem|como|quando|onde|what|who|how|when|where|why)\b/i,
  ],
];

/** The kind of work a prompt asks for; "chat" when no cue matches. */
export function detectTask(text: string): Task {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  for (const [task, cue] of cues) if (cue.test(sample)) return task;
  return "chat";
}
