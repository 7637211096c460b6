/**
 * Capitalised runs that belong to an address, not to a person: what follows an address's number
 * ("Av. Insurgentes Sur 2861, int. 9, Col. Del Valle, Benito Juárez, C.P. 03100" — the
 * neighbourhood, the municipality, the city), the corner street after it ("7-62 y Hermano
 * Miguel"), a Brazilian city before its state ("Belém - PA") and a street named after someone
 * before its number ("pasa por Juan Paullier 1564 bis"). Plain functions over the text and its
 * fold (`foldForMatching`, same offsets).
 */

/** How far back, and over how many comma-separated places, an address is looked for. */
const reach = 160;
const maxPlaces = 6;

/** Whether the run at `start`–`end` of `text` is a place of an address or a street. */
export function inAddressTail(text: string, folded: string, start: number, end: number): boolean {
  return beforeStateCode(text, end) || afterAddress(text, folded, start, end);
}

/** "Belém - PA", "Porto Alegre/RS": a city before a Brazilian state's code. */
const stateCode =
  /^[ \t]*[-–—/][ \t]*(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)(?![\p{L}\p{N}])/u;

function beforeStateCode(text: string, end: number): boolean {
  return stateCode.test(text.slice(end, end + 8));
}

/**
 * The number a street ends with, at the end of a piece of an address: "1439", "476/203", "7-62",
 * "N40-80", "nº 550", "#683", "1564 bis", "s/n", and a corner street after it ("7-62 y Hermano
 * Miguel", "4681 c/ Venezuela").
 */
const numberAtEnd =
  /(?:^|[ \t#º°])(?:[A-Za-z]|n[º°o]?\.?[ \t]*)?(?:\d{1,5}(?:[-/]\d{1,4})?[A-Za-z]?(?:[ \t]+bis)?|s\/n)(?:[ \t]+(?:y|e|esq\.?|esquina|c\/)[ \t]+[^,\n]{1,40})?[ \t]*$/u;

/** The words of a flat, a block or a building before a number: "int. 9", "apto 201", "lote 5". */
const complementBefore =
  /(?:^|[^a-z])(?:piso|apto|apt|ap|of|oficina|sala|casa|bloco|bloque|block|bl|torre|dpto|depto|int|interior|lote|lt|mz|manzana|qd|quadra|andar|conjunto|conj|km|n|no|numero|nro|esc|villa|sector|setor)\.?[ \t]*#?[ \t]*[a-z]?[0-9][0-9a-z/-]*(?:[ \t]+bis)?[ \t]*$/;

/** A street's word (folded), where an address starts: "calle", "Av.", "Trav.", "rua", "jirón". */
const streetWords: ReadonlySet<string> = new Set(
  `calle cl cll avenida av avda rua r travessa trav tv carrera cra kr jiron jr pasaje psje pje
  diagonal dg transversal tr camino boulevard bulevar blvd bv calzada calz callejon privada priv
  cerrada cda alameda al praca pca plaza rodovia rod estrada est ladeira paseo carretera ruta via
  beco viela largo linha quadra qd setor`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * A piece between commas that is a place: capitalised words, numbers, particles and the words of
 * a flat or a district ("Col. Del Valle", "INT. 9", "apto 1801", "zona rural de Jundiaí").
 */
const placeWord =
  /^(?:[\p{Lu}\p{N}#][\p{L}\p{M}\p{N}.'’/º°-]*|de|del|da|do|dos|das|la|las|los|el|y|e|int\.?|interior|piso|apto|apt|ap\.?|dpto|depto|of\.?|casa|bloco|bloque|block|bl\.?|torre|lote|lt\.?|qd\.?|quadra|sala|andar|fundos|esc\.?|edif\.?|ed\.?|cond\.?|villa|sector|setor|km|bis|s\/n|zona|rural|centro|barrio|bairro|colonia|col\.?)$/u;

function isPlace(piece: string): boolean {
  const words = piece.trim().split(/[ \t]+/);
  if (words.length > maxPlaces || words[0] === "") return false;
  return words.every((word) => placeWord.test(word));
}

/**
 * Whether `text` from `from` to `to` (a line up to a comma or a corner's word) ends with an
 * address's number: a street's word before it, or a flat's word right before it.
 */
function endsWithAddressNumber(text: string, folded: string, from: number, to: number): boolean {
  // The number and a corner after it fit in the last 64 characters.
  const tailStart = Math.max(from, to - 64);
  const number = numberAtEnd.exec(text.slice(tailStart, to));
  if (number === null) return false;
  const numberStart = tailStart + number.index;
  const numberEnd = numberStart + number[0].length;
  if (complementBefore.test(folded.slice(Math.max(from, numberStart - 24), numberEnd).trimEnd())) {
    return true;
  }
  return folded
    .slice(from, numberStart + 1)
    .split(/[^a-z]+/)
    .some((word) => streetWords.has(word));
}

/**
 * Where `character` last occurs before `before`, looking no further back than `floor` (a scan
 * of a long text must not read back to its start for every run); `floor - 1` when it does not.
 */
function lastBefore(text: string, character: string, before: number, floor: number): number {
  const limit = Math.max(0, floor);
  for (let index = before - 1; index >= limit; index--) {
    if (text[index] === character) return index;
  }
  return limit - 1;
}

/** The separator right before the run: a comma, or a corner's word right after a number. */
const commaBefore = /,[ \t]*$/;
const cornerBefore = /[ \t](?:y|e|esq\.?|esquina|c\/)[ \t]+$/;
/** After a run that opens a line: more places of the address on that line. */
const morePlacesAfter = /^[ \t]*(?:,|[-–—][ \t])/;

/**
 * Whether the run follows an address on its line, over commas and places: "…, 1439, Batista
 * Campos", "…, int. 9, Col. Del Valle, Benito Juárez", "7-62 y Hermano Miguel, Cuenca"; or opens
 * the line after an address's line and more places follow it ("Trav. Piedade, 409\nBatista
 * Campos, Belém - PA").
 */
function afterAddress(text: string, folded: string, start: number, end: number): boolean {
  // Cheap first: most runs follow no comma, corner or line break.
  const nearStart = Math.max(0, start - 12);
  let near = text.slice(nearStart, start);
  const lineBreak = near.lastIndexOf("\n");
  if (lineBreak >= 0) near = near.slice(lineBreak + 1);
  let lineStart: number;
  let cursor: number;
  const corner = cornerBefore.exec(near);
  if (commaBefore.test(near)) {
    cursor = lastBefore(text, ",", start, nearStart);
    lineStart = lastBefore(text, "\n", cursor, cursor - reach) + 1;
  } else if (corner !== null) {
    // "7-62 y Hermano Miguel": only right after a number.
    cursor = start - corner[0].length;
    lineStart = lastBefore(text, "\n", cursor, cursor - reach) + 1;
    return endsWithAddressNumber(text, folded, Math.max(lineStart, cursor - reach), cursor);
  } else if (
    lineBreak >= 0 &&
    near.trim() === "" &&
    morePlacesAfter.test(text.slice(end, end + 4))
  ) {
    cursor = nearStart + lineBreak;
    if (text[cursor - 1] === "\r") cursor--;
    lineStart = lastBefore(text, "\n", cursor, cursor - reach) + 1;
  } else {
    return false;
  }
  const floor = Math.max(lineStart, start - reach);
  // No number, no address: prose's commas end here.
  if (!/\d/.test(text.slice(floor, cursor))) return false;
  for (let places = 0; places < maxPlaces && cursor > floor; places++) {
    const comma = lastBefore(text, ",", cursor, floor);
    const pieceStart = comma < floor ? floor : comma + 1;
    if (endsWithAddressNumber(text, folded, floor, cursor)) {
      return true;
    }
    if (comma < floor || !isPlace(text.slice(pieceStart, cursor))) return false;
    cursor = comma;
  }
  return false;
}

/**
 * "Juan Paullier 1564 bis?", "Mcal. López 4681 c/ Venezuela", "Güemes 4407, gracias": a run
 * right before a house number is the street's name. The number ends there or is followed by a
 * flat, a corner or a pause; a year ("1985") counts only with "bis", a corner or a flat after it.
 */
const houseNumberAfter =
  /^[ \t]{1,2}(?:n[º°o]\.?[ \t]*)?(\d{1,5})[A-Za-z]?(?:([ \t]+bis|-[A-Z]|[ \t]+(?:esq\.?|esquina|c\/|casi|entre|apto|apt|ap|depto|dpto|piso|int|of\.|casa|bloco|bl|torre|fundos)(?![\p{L}\p{N}]))|(?=[ \t]*(?:$|[,;?!)\n]|\.(?:$|[ \t\n]))))/u;
const yearLike = /^(?:19|20)\d\d$/;

/** Whether a house number follows the run ending at `end`. */
export function beforeHouseNumber(text: string, end: number): boolean {
  const match = houseNumberAfter.exec(text.slice(end, end + 24));
  if (match === null) return false;
  const digits = match[1] ?? "";
  if (match[2] !== undefined) return true;
  // Alone, "Juan Pérez 35" is a score or an age, "Pedro Gómez 1985" a year, more often than a house.
  return digits.length >= 3 && !yearLike.test(digits);
}
