/**
 * Context words: what is written just before a candidate. A positive word ("CPF", "RUT",
 * "teléfono") makes an identifier likely; a negative one right before it ("pedido nº",
 * "ticket #") says the number is something else.
 */

/** How far back a positive word counts, within the same sentence. */
const positiveReach = 40;

/** Ends of sentences: a line break, `!?;`, or a full stop after a number or a word of 4+ letters. */
const sentenceBreak = /[\n!?;]|(?<=\p{L}{4}|\p{N})\.(?=\s)/gu;

/** The text before `start` that context words are looked for in: lower case, no accents. */
export function contextBefore(text: string, start: number): string {
  let window = text.slice(Math.max(0, start - positiveReach), start);
  let cut = -1;
  for (const match of window.matchAll(sentenceBreak)) cut = match.index + match[0].length;
  if (cut >= 0) window = window.slice(cut);
  return foldForMatching(window);
}

export function foldForMatching(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
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
];

/** What may stand between a negative word and its number: "nº", "número", "#", "do", ":"… */
const fillerTail =
  /(?:[\s:#º°.-]|(?<![a-z])(?:numero|number|nro|num|no|n|do|da|de|del|of)(?![a-z]))+$/u;
const negativeEnd = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:${negativeWords.map(escapeForPattern).join("|")})$`,
  "u",
);

/** Whether `context` (from `contextBefore`) ends in a negative word, or a `#`, before the number. */
export function endsWithNegativeWord(context: string): boolean {
  const tail = fillerTail.exec(context);
  if (tail?.[0].includes("#") === true) return true;
  const stripped = tail === null ? context : context.slice(0, tail.index);
  return negativeEnd.test(stripped);
}
