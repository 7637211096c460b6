/**
 * What an address carries around its street and units: the neighbourhood written after it
 * ("…, Col. Del Valle", "…, AA.HH. San Martín", "…, zona San Pedro"), the street after a block
 * and lot ("Quadra 4, Lote 17, Rua C-8") and, for an address of units alone, the estate they
 * stand in ("Mz. 222 villa 2, Alborada"). Plain functions over the text and its fold
 * (`foldForMatching`, same offsets), for the street-address rules.
 */

/** The words that open a neighbourhood, an estate or a district, folded. */
export const neighbourhoodWords =
  "colonia|col\\.|urbanizacion|urb\\.|aa\\.?[ \\t]?hh\\.?|asentamiento humano|pueblo joven|p\\.[ \\t]?j\\.|barrio|bairro|b\u00b0|fraccionamiento|fracc\\.|ciudadela|cdla\\.|reparto|poblacion|pobl\\.|lotizacion|loteamento|conjunto habitacional|unidad habitacional|unidad|condominio|cond\\.|residencial|jardim|vila|villa|zona|sector|setor";

/** At most this many words in a neighbourhood's or a street's name after an address. */
const longestName = 4;

/**
 * A neighbourhood right after an address, after a comma, a dash or a space: its word, then its
 * name up to the next comma, stop or line break.
 */
const neighbourhoodAfter = new RegExp(
  `^(?:[ \\t]{0,2}[,-][ \\t]{0,2}|[ \\t]{1,2})(?:${neighbourhoodWords})(?![a-z])\\.?[ \\t]{0,2}`,
);

/** Where a place's name after an address ends: a comma, a stop, a line break or a bracket. */
const placeEnd = /[,;.!?:()\n"]|[ \t]-[ \t]/;

/** Words of prose, never a place's or a street's name: a name typed in lower case ends there. */
const proseWords = new Set(
  `y e o u que pero mas porque pois como cuando quando donde onde si se lo la le les me te nos
  es era fue son esta estan estaba estoy estou tem tiene tengo tenho hay ha he foi vai va
  voy vou para pra por con com sin sem en em desde hasta ate hace faz favor gracias obrigado
  obrigada porfa pls please ya ja aqui ahi ali alli cerca perto lado frente pero entonces
  mi mis meu minha su sus seu sua tu teu tua el ella ele ela eles ellos ellas
  cuesta costo custa custou sale salio sai saiu valen tarda demora dura mide lleva leva
  llega chega queda quedan fica ficam cobra cobran paga pago hizo fez dio deu tienen tinha
  estoy vivo vive moro mora domicilio direccion endereco casa pedido orden ordem factura fatura
  ticket numero codigo cliente producto produto item precio preco valor total cuota pago
  monto caja cajas unidades piezas sala aula habitacion cuarto quarto folio expediente
  protocolo modelo version pagina capitulo articulo na no nas num numa pelo pela a al ao aos
  asi tambien tambem luego despues depois antes ahora agora hoy hoje manana amanha ayer ontem
  siempre sempre nunca solo so bien bem mal muy muito`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a folded word is a word of prose (a verb, a pronoun, a small word), no name's. */
export function isProseWord(folded: string): boolean {
  return proseWords.has(folded);
}

/**
 * Where a name typed in lower case starts in `run` (folded words before a number): after its
 * last word of prose ("vivo en moreno" gives "moreno"); 0 when none is prose.
 */
export function nameAfterProse(run: string): number {
  let start = 0;
  for (const match of run.matchAll(/[^ \t]+/g)) {
    if (proseWords.has(match[0])) start = match.index + match[0].length;
  }
  return start + (/^[ \t]*/.exec(run.slice(start))?.[0].length ?? 0);
}

/** A word of a place's name: capitalised or a number, or any word of a text typed in lower case. */
function isNameWord(original: string, folded: string, lowerCaseText: boolean): boolean {
  if (/^[\p{Lu}\d]/u.test(original)) return true;
  return lowerCaseText && /^[a-z]/.test(folded) && !proseWords.has(folded);
}

const particles = new Set(["de", "del", "la", "las", "los", "el", "da", "das", "do", "dos"]);

/**
 * How far a name from `start` runs: its words up to `placeEnd`, while each is a name's word
 * (particles between them); where it ends, at most `longestName` words. Returns the end offset,
 * or `start` when no word is a name's.
 */
export function nameEnd(
  text: string,
  folded: string,
  start: number,
  lowerCaseText: boolean,
): number {
  const window = folded.slice(start, start + 64);
  const stop = placeEnd.exec(window);
  const piece = stop === null ? window : window.slice(0, stop.index);
  let end = start;
  let words = 0;
  for (const match of piece.matchAll(/[^ \t]+/g)) {
    const wordStart = start + match.index;
    const wordEnd = wordStart + match[0].length;
    const word = match[0];
    if (particles.has(word)) continue;
    if (!isNameWord(text.slice(wordStart, wordEnd), word, lowerCaseText)) break;
    end = wordEnd;
    if (++words === longestName) break;
  }
  return end;
}

/** Whether the text around `at` (300 characters either side) holds no capital letter. */
export function typedInLowerCase(text: string, at: number): boolean {
  return !/\p{Lu}/u.test(text.slice(Math.max(0, at - 300), at + 300));
}

/** A neighbourhood's word and the first word of its name at the end of an address ("… zona San"). */
const neighbourhoodAtEnd = new RegExp(
  `(?:^|[ \\t,])(?:${neighbourhoodWords})\\.?[ \\t]{1,2}([a-z0-9-]+)$`,
);

/**
 * The end of the neighbourhood that ends an address or is named right after it ("…, Col. Roma
 * Norte", "…, zona San Pedro", where the address's flats read only "zona San"), or `end`.
 */
export function afterNeighbourhood(
  text: string,
  folded: string,
  start: number,
  end: number,
): number {
  const inside = neighbourhoodAtEnd.exec(folded.slice(Math.max(start, end - 40), end));
  const word = inside === null ? neighbourhoodAfter.exec(folded.slice(end, end + 32)) : null;
  const nameStart =
    inside?.[1] !== undefined
      ? end - inside[1].length
      : word !== null
        ? end + word[0].length
        : undefined;
  if (nameStart === undefined) return end;
  const nameStop = nameEnd(text, folded, nameStart, typedInLowerCase(text, end));
  return Math.max(end, nameStop);
}

/**
 * The end of what follows an address of units alone (a block and lot, a block and house, no
 * street yet): the street they face ("Quadra 4, Lote 17, Rua C-8", "Mz 3 Lt 12, calle Ocote"), or
 * else the estate named after a comma ("Mz. 222 villa 2, Alborada", "mz. 61 villa 5, sauces 4").
 * `streetType` matches a street's type at the start of a folded piece, `streetEnd` reads a street
 * whole from its type (its end, or undefined when it reads none); `end` when neither follows.
 */
export function afterUnits(
  text: string,
  folded: string,
  end: number,
  streetType: RegExp,
  streetEnd: (from: number) => number | undefined,
): number {
  const separator = /^[ \t]{0,2}[,-]?[ \t]{1,2}/.exec(folded.slice(end, end + 6));
  if (separator === null) return end;
  const from = end + separator[0].length;
  const lowerCaseText = typedInLowerCase(text, end);
  const type = streetType.exec(folded.slice(from, from + 24));
  if (type !== null) {
    const street = streetEnd(from);
    if (street !== undefined) return street;
    const nameStart = from + type[0].length;
    const nameStop = nameEnd(text, folded, nameStart, lowerCaseText);
    return nameStop === nameStart ? end : nameStop;
  }
  // The estate: one piece after a comma, all of it a place's name.
  if (!separator[0].includes(",")) return end;
  const nameStop = nameEnd(text, folded, from, lowerCaseText);
  return nameStop === from ? end : nameStop;
}
