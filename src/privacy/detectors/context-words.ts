/**
 * Context words: what is written just before a candidate. A positive word ("CPF", "RUT",
 * "teléfono") makes an identifier likely; a negative one right before it ("pedido nº",
 * "ticket #") says the number is something else.
 */

/** How far back a positive word counts, within the same sentence. */
const positiveReach = 40;
/** How far back a sentence's subject is read ("el rif que … es X"; see `wordsAsSubjectOfValue`). */
export const subjectReach = 96;

const wordCharacter = /[\p{L}\p{N}]/u;
const letter = /\p{L}/u;
const nonAscii = /[\u0080-\uffff]/;

/**
 * The text before `start` that context words are looked for in (lower case, no accents): up to
 * 40 characters (`reach`), from the last sentence break. `folded` is `foldForMatching(text)`,
 * which keeps every offset, so one fold of the whole text serves every candidate.
 */
export function contextBefore(folded: string, start: number, reach = positiveReach): string {
  const from = Math.max(0, start - reach);
  const cut = lastSentenceBreak(folded, from, start);
  if (cut > from || from === 0 || !wordCharacter.test(folded[from - 1] ?? "")) {
    return folded.slice(cut, start);
  }
  // A window cut inside a word must not make its tail look like a word ("abrut" → "rut").
  let wordEnd = from;
  while (wordEnd < start && wordCharacter.test(folded[wordEnd] ?? "")) wordEnd++;
  return folded.slice(wordEnd, start);
}

/**
 * Where the sentence holding `start` begins, looking back no further than `from`: after a blank
 * line, `;`, `!?` (unless only spaces follow, up to `start`), or a full stop (followed by a space) after a number or a word of 4+ letters —
 * "C.I." and "nº." do not end one. A single line break does not: forms put "CPF:" above it.
 */
function lastSentenceBreak(folded: string, from: number, start: number): number {
  for (let index = start - 1; index >= from; index--) {
    const character = folded[index];
    if (character === ";") return index + 1;
    // A question right before the value is the value's own label asking for it ("sirve este
    // DNI? 25504122", "Qual o CEP? 04569-509"): the sentence goes on past it.
    if ((character === "!" || character === "?") && folded.slice(index + 1, start).trim() !== "")
      return index + 1;
    if (character === "\n") {
      let previous = index - 1;
      while (previous >= from && /[ \t\r]/.test(folded[previous] ?? "")) previous--;
      if (previous >= from && folded[previous] === "\n") return index + 1;
    }
    if (character === "." && index + 1 < start && /\s/.test(folded[index + 1] ?? "")) {
      if (/\d/.test(folded[index - 1] ?? "") && index - 1 >= from) return index + 1;
      if (index - 4 >= from && endsInFourLetters(folded, index)) return index + 1;
    }
  }
  return from;
}

function endsInFourLetters(folded: string, end: number): boolean {
  for (let index = end - 4; index < end; index++) {
    if (!letter.test(folded[index] ?? "")) return false;
  }
  return true;
}

const foldedCharacters = new Map<string, string>();
const nonAsciiCharacters = /[\u0080-\uffff]/g;

/** One non-ASCII UTF-16 unit, folded to one lower-case unit without its accent. */
function foldCharacter(unit: string): string {
  let folded = foldedCharacters.get(unit);
  if (folded === undefined) {
    const base = unit.normalize("NFD").charAt(0).toLowerCase();
    folded = base.length === 1 ? base : unit.toLowerCase().length === 1 ? unit.toLowerCase() : "?";
    foldedCharacters.set(unit, folded);
  }
  return folded;
}

/**
 * Lower case without accents, one UTF-16 unit for one ("Cédula" → "cedula"), so offsets into
 * the folded text are offsets into the original.
 */
export function foldForMatching(text: string): string {
  if (!nonAscii.test(text)) return text.toLowerCase();
  return text.replace(nonAsciiCharacters, foldCharacter).toLowerCase();
}

/**
 * A test for any of `words` (written folded: lower case, no accents) as whole words. The
 * boundary before is a lookbehind, not a character matched (`(?:^|[^\\p{L}\\p{N}])`): a search
 * then skips to the words' first letters instead of trying the alternation after every
 * character — 10 to 20 times faster through a long text (`ScanInput.mentionsBefore`), with the
 * same answer from `test`.
 */
export function wordsPattern(words: readonly string[]): RegExp {
  const alternatives = words.map((word) => escapeForPattern(foldForMatching(word))).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "u");
}

function escapeForPattern(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Words that, right before a number, say it names an order, a ticket, a document or a payment. */
const negativeWords = [
  "pedido",
  "pedidos",
  "orden",
  "ordem",
  "order",
  "ticket",
  "tiquete",
  "protocolo",
  "protocol",
  "folio",
  "factura",
  "fatura",
  "nota fiscal",
  "nf-e",
  "nfe",
  "nf",
  "boleto",
  "boletos",
  "invoice",
  "referencia",
  "reference",
  "ref",
  "chamado",
  "codigo de barras",
  "linha digitavel",
  "guia",
  "rastreio",
  "rastreamento",
  "tracking",
  "seguimiento",
  "envio",
  "remito",
  "recibo",
  "comprobante",
  "cupom",
  "cupon",
  "transacao",
  "transaccion",
  "transaction",
  "operacion",
  "operacao",
  "autorizacao",
  "autorizacion",
  "lote",
  "serie",
  "serial",
  "sku",
  "modelo",
  "caso",
  "case",
  "incidente",
  "solicitud",
  "solicitacao",
  "reserva",
  "booking",
  "localizador",
  "expediente",
  "processo",
  "proceso",
  "contrato",
  "apolice",
  "poliza",
  "policy",
  "account",
  "conta",
  "agencia",
  "cuenta",
  "codigo",
  "code",
  "part",
  "peca",
  "pieza",
  "item",
  "artigo",
  "articulo",
  "produto",
  "producto",
  "product",
  "radicado",
  "tramite",
  "turno",
  "licitacao",
  "licitacion",
  "sorteo",
  "bilhete",
  "billete",
  "voo",
  "vuelo",
  "flight",
  "container",
  "contenedor",
  "batch",
  "build",
  "versao",
  "version",
  "isbn",
  "ean",
  "nsu",
  "lei",
  "ley",
  "decreto",
  "portaria",
  "resolucao",
  "resolucion",
  "norma",
  "art",
  "edicao",
  "edicion",
  "pagina",
  "pag",
  "capitulo",
  "sala",
  "apartamento",
  "apto",
  "depto",
  "habitacion",
  "quarto",
  "linea",
  "linha",
  "ruta",
];

/**
 * A negative word followed by at most three short words ("pedido de compra", "order number is",
 * "protocolo de atendimento", "nº", "#") and the number.
 */
const negativeEnd = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${negativeWords.map(escapeForPattern).join("|")})(?:[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]{1,12}){0,3}[^\\p{L}\\p{N}]*$`,
  "u",
);

/**
 * A label word stands right before the number: `words` (a `wordsPattern`), then nothing but
 * punctuation and a few filler words ("CPF: ", "RUT nº ", "mi CURP es ", "CLABE interbancaria ").
 */
export function wordsRightBeforeValue(words: RegExp): RegExp {
  return new RegExp(`${words.source}${labelFiller}$`, "u");
}

/**
 * A label word right after the number: "16001599 — D.N.I.", "puse "139…" como DNI", "(CPF)".
 * Tested on `ScanInput.contextAfter`.
 */
export function wordsRightAfterValue(words: RegExp): RegExp {
  const filler =
    "(?:[^\\p{L}\\p{N}]*(?:como|es|e|eh|era|fue|foi|que|mi|meu|minha|su|seu|sua|do|da|de|del|el|la|o|a|en|no|na|campo))?";
  return new RegExp(`^${filler}${filler}${filler}[^\\p{L}\\p{N}]*${words.source}`, "u");
}

/** Verbs that join a label and its value across a sentence ("… es", "… é", "… foi"), folded. */
const copulas = new Set(["es", "e", "eh", "era", "fue", "foi", "sera", "seria", "is"]);

/**
 * Whether the last word before `start` in `folded` (past punctuation and spaces) is a copula:
 * the cheap test before `wordsAsSubjectOfValue` is tried.
 */
export function copulaBefore(folded: string, start: number): boolean {
  let end = start;
  while (end > 0 && end > start - 8 && !wordCharacter.test(folded[end - 1] ?? "")) end--;
  let from = end;
  while (from > 0 && end - from < 6 && letter.test(folded[from - 1] ?? "")) from--;
  if (from > 0 && wordCharacter.test(folded[from - 1] ?? "")) return false;
  return copulas.has(folded.slice(from, end));
}

/** Whether the first word after `end` in `folded` is a copula (before `wordsAsPredicateOfValue`). */
export function copulaAfter(folded: string, end: number): boolean {
  let from = end;
  while (from < folded.length && from < end + 8 && !wordCharacter.test(folded[from] ?? "")) from++;
  let to = from;
  while (to < folded.length && to - from < 6 && letter.test(folded[to] ?? "")) to++;
  if (wordCharacter.test(folded[to] ?? "")) return false;
  return copulas.has(folded.slice(from, to));
}

/**
 * A label word as the subject of the sentence whose predicate is the number: "el rif que tiene
 * que salir en la factura es ", "o número do meu PIS, o que está na carteira, é ". The label
 * names the value however far back it stands in its sentence, and outweighs an order word in
 * between. Tested on a context read `subjectReach` back.
 */
export function wordsAsSubjectOfValue(words: RegExp): RegExp {
  return new RegExp(
    `${words.source}[^.!?;:\\n]*[^\\p{L}\\p{N}](?:es|e|eh|era|fue|foi|sera|seria|is)[^\\p{L}\\p{N}]*$`,
    "u",
  );
}

/**
 * The mirror of `wordsAsSubjectOfValue`: the number is the subject and the label ends its
 * predicate ("17639… é o número que tá na minha carteira de trabalho", "G9274… es mi RIF").
 * Tested on `ScanInput.sentenceAfter`. The character before the label may be any but a letter or
 * digit, a stop or a colon too ("es:cpf"), as before `wordsPattern` tested its boundary behind.
 */
export function wordsAsPredicateOfValue(words: RegExp): RegExp {
  return new RegExp(
    `^[^\\p{L}\\p{N}]*(?:es|e|eh|era|fue|foi|is)(?![\\p{L}\\p{N}])[^.!?;:\\n]*?(?:^|[^\\p{L}\\p{N}])${words.source}`,
    "u",
  );
}

const labelFiller =
  "(?:[^\\p{L}\\p{N}]+(?:n|no|nro|num|numero|number|e|es|eh|is|do|da|de|del|o|a|el|la|interbancaria|completo|completa))*[^\\p{L}\\p{N}]*";

/** Words that label some identifier without saying which: "ID", "nº", "número". */
const genericLabel = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:id|n[o\u00ba\u00b0]|nro|num|numero|number|identificacion|identificacao|identidad|documento|doc)${labelFiller}$`,
  "u",
);

/** "The right one" in Spanish and Portuguese, folded: the value that replaces a wrong one. */
const correctedWords = [
  "bueno",
  "buena",
  "correcto",
  "correcta",
  "certo",
  "certa",
  "correto",
  "correta",
];

/**
 * A number that corrects one the writer gave before: a word owning up to a mistake ("me
 * equivoqué", "errei", "me confundi", "corrijo"), then "the right one is" right before it — not
 * when the mistake was an amount, a date or a time. Like a generic label, it says a value of the
 * writer's own follows, not which.
 */
const correctedValue = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:equivo|erre|errad|erro|me confund|corrij|corrig|correc)(?:(?!precio|preco|valor|monto|total|importe|cantidad|quantidade|fecha|data|hora)[^.!?;\\n]){0,30}[^\\p{L}\\p{N}](?:el|la|o|a)\\s+(?:${correctedWords.join("|")})[^\\p{L}\\p{N}]+(?:es|e|eh|seria)[^\\p{L}\\p{N}]*$`,
  "u",
);

/** The generic labels, for `ScanInput.mentionsBefore`. */
export const genericLabelWords = wordsPattern([
  "id",
  "no",
  "n",
  "nro",
  "num",
  "numero",
  "number",
  "identificacion",
  "identificacao",
  "identidad",
  "documento",
  "doc",
  ...correctedWords,
]);

/**
 * Whether a generic label ("ID", "Nº", "número") stands right before the number, or the number
 * corrects one given before ("me equivoqué, el bueno es …"), not after a negative word.
 */
export function endsWithGenericLabel(context: string): boolean {
  return (
    (genericLabel.test(context) || correctedValue.test(context)) && !endsWithNegativeWord(context)
  );
}

/** Words for a person: between a negative word and the number, the number is theirs ("solicitud del usuario nº"). */
const personWord =
  /(?<![\p{L}\p{N}])(?:usuario|usuaria|cliente|paciente|titular|alumno|alumna|aluno|aluna|socio|socia|afiliado|afiliada|beneficiario|beneficiaria|empleado|empleada|funcionario|funcionaria|contribuyente|contribuinte|ciudadano|cidadao)(?![\p{L}\p{N}])/u;

/** Whether `context` (from `contextBefore`) has a negative word, or a `#`, right before the number. */
export function endsWithNegativeWord(context: string): boolean {
  if (context.trimEnd().endsWith("#")) return true;
  const negative = negativeEnd.exec(context);
  return negative !== null && !personWord.test(negative[0]);
}
