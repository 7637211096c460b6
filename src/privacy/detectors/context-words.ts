/**
 * Context words: what is written just before a candidate. A positive word ("CPF", "RUT",
 * "teléfono") makes an identifier likely; a negative one right before it ("pedido nº",
 * "ticket #") says the number is something else.
 */

/** How far back a positive word counts, within the same sentence. */
const positiveReach = 40;

/**
 * Ends of sentences: a blank line, `!?;`, or a full stop after a number or a word of 4+ letters
 * ("C.I." and "nº." do not end one). A single line break does not: forms put "CPF:" above it.
 */
const sentenceBreak = /\n\s*\n|[!?;]|(?<=\p{L}{4}|\p{N})\.(?=\s)/gu;

const wordCharacter = /[\p{L}\p{N}]/u;
const leadingWord = /^[\p{L}\p{N}]+/u;
const nonAscii = /[\u0080-\uffff]/;

/**
 * The text before `start` that context words are looked for in (lower case, no accents): up to
 * 40 characters, from the last sentence break. `folded` is `foldForMatching(text)`, which keeps
 * every offset, so one fold of the whole text serves every candidate.
 */
export function contextBefore(folded: string, start: number): string {
  const from = Math.max(0, start - positiveReach);
  let window = folded.slice(from, start);
  // A window cut inside a word must not make its tail look like a word ("abrut" → "rut").
  if (from > 0 && wordCharacter.test(folded[from - 1] ?? ""))
    window = window.replace(leadingWord, "");
  let cut = -1;
  for (const match of window.matchAll(sentenceBreak)) cut = match.index + match[0].length;
  return cut >= 0 ? window.slice(cut) : window;
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

/** A test for any of `words` (written folded: lower case, no accents) as whole words. */
export function wordsPattern(words: readonly string[]): RegExp {
  const alternatives = words.map((word) => escapeForPattern(foldForMatching(word))).join("|");
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "u");
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
  "conta",
  "agencia",
  "cuenta",
  "id",
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
  "formulario",
  "form",
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
];

/**
 * A negative word followed by at most three short words ("pedido de compra", "order number is",
 * "protocolo de atendimento", "nº", "#") and the number.
 */
const negativeEnd = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:${negativeWords.map(escapeForPattern).join("|")})(?:[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]{1,12}){0,3}[^\\p{L}\\p{N}]*$`,
  "u",
);

/** Whether `context` (from `contextBefore`) has a negative word, or a `#`, right before the number. */
export function endsWithNegativeWord(context: string): boolean {
  return context.trimEnd().endsWith("#") || negativeEnd.test(context);
}
