import type { Finding } from "../../core/pii-types.js";
import type { Detector } from "./detector.js";
import {
  afterNeighbourhood,
  afterUnits,
  isProseWord,
  nameAfterProse,
  neighbourhoodWords,
  typedInLowerCase,
} from "./address-neighbourhood.js";
import { boundedMatches, mayMatch, type Candidate } from "./candidate.js";
import { foldedMatches } from "./folded-matches.js";
import { foldedValue } from "./folded-value.js";
import { mentionsPerson, sentenceAround } from "./person-context.js";
import type { ScanInput } from "./scan-input.js";

/**
 * Street addresses: a street-type word ("calle", "Av.", "jirón", "carrera", "rua", "travessa",
 * "mz."), the street's name and its number ("Los Olivos 123", "das Flores, 45", "7 # 45-10",
 * "s/n"), with the flat or house after it ("apto 12", "depto 3B", "casa 2"). An address tied to a
 * person — a word such as "vivo en" or "endereço", or a person in the same sentence — is found;
 * one on its own ("la Avenida Paulista 1578 es famosa") stays below the default threshold. Without
 * a number, only right after an address word ("moro na Rua das Flores").
 */
export const streetAddressDetector: Detector = {
  types: ["STREET_ADDRESS"],
  detect: (input) => {
    // Each rule is set up only where its pattern may match (most one-line messages hold none),
    // and the rules that read a number only in a text that has one, tested first (cheaper).
    const folded = input.foldedInput;
    const { hasDigits } = input;
    const rules: Iterable<Finding | undefined>[] = [];
    if (mayMatch(folded, streetTypeWord)) rules.push(streetAddresses(input));
    if (hasDigits && mayMatch(input, blockCode)) {
      rules.push(blockAddresses(input, boundedMatches(input, blockCode)));
    }
    if (hasDigits && mayMatch(folded, brasiliaBlock)) {
      rules.push(blockAddresses(input, foldedMatches(input, brasiliaBlock), true));
    }
    if (hasDigits && mayMatch(folded, typelessPattern)) rules.push(typelessAddresses(input));
    if (hasDigits && mayMatch(folded, numberBeforeFlat)) rules.push(flatAddresses(input));
    if (hasDigits && mayMatch(folded, unitPattern)) rules.push(unitAddresses(input));
    if ((hasDigits || spelledDistance.test(input.folded)) && mayMatch(folded, directionPattern)) {
      rules.push(directionAddresses(input));
    }
    return rules;
  },
};

/** Street types that name nothing else. */
const streetTypes = [
  "calle",
  "c/",
  "avenida",
  "av\\.?",
  "avda\\.?",
  "jiron",
  "jr\\.",
  "pasaje",
  "psje\\.?",
  "carrera",
  "cra\\.?",
  "kr\\.?",
  "diagonal",
  "dg\\.",
  "transversal",
  "tv\\.",
  "boulevard",
  "bulevar",
  "blvd\\.?",
  "calzada",
  "callejon",
  "privada",
  "prolongacion",
  "rua",
  "r\\.",
  "travessa",
  "trav\\.",
  "alameda",
  "praca",
  "rodovia",
  "rod\\.",
  "estrada",
  "ladeira",
  "viela",
  "passagem",
  "camino",
  "carretera",
  "paseo",
  "plaza",
  "largo",
  "autopista",
  "ruta",
  "bv\\.",
  "bvd\\.?",
  "cl\\.",
  "cll\\.?",
  "c\\.",
  "al\\.",
  "est\\.",
  "calz\\.",
  "beco",
  "vereda",
  "servidao",
  "pje\\.",
  "quadra",
  "qd\\.?",
  "priv\\.",
  "prol\\.",
  "cda\\.",
  "cerrada",
  "andador",
  "circuito",
  "retorno",
  "periferico",
  "circunvalacion",
  "costanera",
  "malecon",
  "travesia",
  "lgo\\.",
  "pca\\.",
  "estr\\.",
  "trv\\.",
  "via",
  "linha",
  "caserio",
  "aldea",
  "comunidad",
  "recinto",
  "paraje",
  "bvar\\.?",
  "cno\\.",
  "rambla",
  "rbla\\.",
  "diag\\.",
  "kra\\.?",
  "cr\\.",
  "carr\\.",
]
  // Longest first: "callejon" before "calle", so a type is never read as the start of a longer one.
  .sort((left, right) => right.length - left.length)
  .join("|");
/** Street types that are also ordinary words ("largo", "camino", "plaza"): the name must be capitalised. */
const ordinaryWordTypes = new Set([
  "caserio",
  "aldea",
  "comunidad",
  "recinto",
  "paraje",
  "via",
  "linha",
  "quadra",
  "cerrada",
  "circuito",
  "retorno",
  "periferico",
  "camino",
  "carretera",
  "paseo",
  "plaza",
  "largo",
  "autopista",
  "ruta",
  "privada",
  "diagonal",
  "transversal",
  "rambla",
]);

const nameWord = "[a-z0-9][a-z0-9'\u2019.-]{0,24}";
const number =
  "(?:(?:n|no|nro|num|numero|n\u00ba|n\u00b0|#)\\.?[ \\t]{0,2})?(?:(?:oe|e|s)\\d{1,3}[a-z]?[ \\t]{0,2}-[ \\t]{0,2}\\d{1,4}[a-z]?(?![a-z0-9])|\\d{1,5}(?!\\d|h(?:s|rs)?(?![a-z0-9]))[a-z]?(?:[ \\t]{0,2}(?:#|n\u00ba|n\u00b0|no\\.?)?[ \\t]{0,2}\\d{1,4}[a-z]?(?:[ \\t](?:sur|norte|este|oeste|bis))?[ \\t]{0,2}-[ \\t]{0,2}\\d{1,4}|(?:[ \\t](?:sur|norte|este|oeste|bis))?[ \\t]{0,2}-[ \\t]{0,2}\\d{1,4}(?![\\d\u00ba\u00b0\u00aa]|(?:o|a|er|ro|do|to|vo|no|mo)?\\.?[ \\t]{0,2}(?:andar|piso))|[ \\t]{0,2}/[ \\t]{0,2}\\d{1,5}|-[a-z](?![a-z0-9]))?(?:[ \\t]{1,2}(?:bis|pte|ote|nte|poniente|oriente)\\.?(?![a-z0-9]))?(?:[ \\t]{0,2},?[ \\t]{1,2}km[ \\t]{0,2}\\d{1,4}(?:[.,]\\d{1,3})?)?|km[ \\t]{0,2}\\d{1,4}(?:[.,]\\d{1,3})?|s/n|s\\.n\\.|sin numero|sem numero|sn)";
const complementWord = `(?:${[
  "apartamento",
  "residencia",
  "edificio",
  "quinta",
  "predio",
  "bodega",
  "conj",
  "dto",
  "ofi",
  "res",
  "qta",
  "cs",
  "departamento",
  "interior",
  "oficina",
  "conjunto",
  "manzana",
  "bloque",
  "bloco",
  "andar",
  "torre",
  "depto",
  "local",
  "apto",
  "dpto",
  "piso",
  "casa",
  "lote",
  "sala",
  "loja",
  "apt",
  "int",
  "ap",
  "bl",
  "of",
  "lt",
  "mz",
  "cj",
  "escalera",
  "esc",
  "unidad",
  "unid",
  "block",
  "quadra",
  "qd",
  "zona",
].join("|")})`;
/** A floor as an ordinal ("2º andar", "3° B", "5to C", "2do piso") or the ground floor ("PB"). */
const floor =
  "\\d{1,2}(?:\u00ba|\u00b0|\u00aa|o|a|er|ro|do|to|vo|no|mo)?\\.?[ \\t]{0,2}(?:piso|andar)|\\d{1,2}(?:\u00ba|\u00b0|\u00aa|o|a|er|ro|do|to|vo|no|mo)\\.?[ \\t]{0,2}[a-z]\\b|pb\\b(?:[ \\t]{1,2}[a-z](?![a-z0-9]))?|planta baja|terreo";
/** One flat, floor or building after the number: "apto 3-B", "edificio Miramar", "2º andar", "PB". */
/** A building's name after its word: "edificio Los Andes", "Res. Caracas", "condomínio Jardim". */
const building = `(?:edificio|edif|ed|conjunto|predio|residencia|residencial|res|torre|quinta|qta|condominio|cond|ph|sitio|chacara|fazenda|granja|finca|parcela|sector|setor)(?:\\.?[ \\t]{1,2}|\\.)(?:(?:de|del|los|las|la|el|do|da|dos|das)[ \\t])?[a-z0-9][a-z0-9-]{0,14}(?:[ \\t](?!(?:${complementWord}|en|na|no|em|y|e|a|al|con|com|para|por|que|hasta|ate|cerca|perto|frente)(?![a-z0-9]))[a-z][a-z0-9-]{1,14}){0,2}(?![a-z0-9])(?:[ \\t]{1,2}(?:n[\u00ba\u00b0o]?\\.?|nro\\.?|#)[ \\t]{0,2}\\d{1,5}[a-z]?(?![a-z0-9]))?`;
const complementItem = `[ \\t]{0,2}[,/-]?[ \\t]{1,2}(?:${building}|${complementWord}(?:\\.?[ \\t]{1,2}|\\.|(?=[\\d#]))(?:#[ \\t]?|(?:n[\u00ba\u00b0o]|nro|num|numero)\\.?[ \\t]?)?(?:s/n|[a-z0-9][a-z0-9-]{0,11}(?![a-z0-9])(?:[\u00ba\u00b0\u00aa]\\.?(?:[ \\t]{0,2}[a-z](?![a-z0-9]))?)?)(?:[ \\t](?:sur|norte|este|oeste|sul|leste))?|${floor}|(?:(?:dos|do|de)[ \\t]{1,2})?fundos|s/n(?![a-z0-9]))`;
const complement = `(?:${complementItem}){0,4}`;

/** Street type, name (1–6 words), then optionally its number and the flat. Matched on the fold. */
/** Shortest before a number ("Brasil 2125 entre las 9"); longest without one. */
const numberedName = `(?:${nameWord}[ \\t]{1,3}){0,5}?${nameWord}`;
const bareName = `(?:${nameWord}[ \\t]{1,3}){0,5}${nameWord}`;
/** The corner after the number: "455 y Av. Colón", "120 esquina com Rua Bahia". */
const corner = `((?:[ \\t]{1,2}(?:(?:e/|entre)[ \\t]{1,2}(?:(?:calles|ruas|avenidas)[ \\t]{1,2})?${nameWord}[ \\t]{1,2}y(?=[ \\t])|y|e|con|c/|casi|esq\\.?|esquina(?:[ \\t]{1,2}(?:con|com|c/))?|x(?=[ \\t]{1,2}\\d))[ \\t]{1,2}(?:(?:${streetTypes})[ \\t]{1,3})?${nameWord}(?:[ \\t]{1,2}${nameWord}){0,3})(${complement}))?`;
/** Yucatán's streets between which the house stands: "Calle 51 x 32 y 30 #444". */
const crossStreets = `[ \\t]{1,2}(?:x[ \\t]{1,2}\\d{1,3}[a-z]?(?:[ \\t]{1,2}y[ \\t]{1,2}\\d{1,3}[a-z]?)?|entre[ \\t]{1,2}\\d{1,3}[a-z]?[ \\t]{1,2}y[ \\t]{1,2}\\d{1,3}[a-z]?)(?=[ \\t]{1,2}(?:#|n))`;
/** A corner street between a numbered street's name and its flat: "Calle 75 con Av. 14E, casa 14E-85". */
const typedCorner = `[ \\t]{1,2}(?:y|e|con|com|esq\\.?|esquina(?:[ \\t]{1,2}(?:con|com))?)[ \\t]{1,2}(?:${streetTypes})[ \\t]{1,3}${nameWord}`;
const addressPattern = new RegExp(
  `(${streetTypes})[ \\t]{1,3}(?:(${numberedName})(?:${crossStreets})?(?:(?:[ \\t]{0,2},)?[ \\t]{1,3}(${number})(${complement})${corner}|((?:${typedCorner})?(?:${complementItem}){1,4}))|(${bareName}))|(?:manzana|mz)\\.?[ \\t]{0,2}[a-z0-9]{1,3}[ \\t]{0,2},?[ \\t]{1,3}(?:lote|lt|solar)\\.?[ \\t]{0,2}(\\d{1,4})(${complement})`,
  "g",
);
/** After an ordinal ("8a. Avenida 15-46") the type is the name: the number follows it. */
const ordinalStreetFrom = new RegExp(
  `(${streetTypes})(?:[ \\t]{1,3}(${number})(${complement})${corner}|((?:${complementItem}){1,4}))`,
  "y",
);

/**
 * Right before the address: a word that says someone lives there, receives or leaves things
 * there, moves or meets there, or an address label ("vivo en", "envíen a", "me mudé a",
 * "nos juntamos en mi casa,", "Dirección:").
 */
const addressContext =
  /(?:^|[^\p{L}\p{N}])(?:(?:vivo|vive|vivimos|viven|vivia|viviendo|moro|mora|moramos|moram|morando|morava|resido|reside|residimos|residencia|residente|domicilio|domiciliado|domiciliada|direccion|dire|endereco|logradouro|morada|mi casa|minha casa|casa de|en casa|em casa|mi departamento|meu apartamento|meu ap|envio|envios|retiro|retirar|retirada|entregar|entrega|entreguen|entreguem|entregue|mandem|envien|envie|enviar|enviem|envia|envialo|enviala|enviamelo|enviame|mandar|manden|mande|manda|mandalo|mandala|mandamelo|mandame|paquete|pacote|encomenda|pedido|flete|frete|recoger|buscar|busquen|dejar|deixar|deixem|dejen|mude|mudei|mudamos|mudou|mudo|mudanza|mudanca|alquilo|alquilando|alugo|alugando|me encuentras|me encontras|me encuentran|me achem|me acham|me encontram|juntamos|reunimos|encontrar|encontramos|espero|esperamos|esperamos|fiesta|festa|cumpleanos|aniversario|cep|codigo postal)\b|(?:origen|destino|origem|saida|chegada|llegada|partida|anterior|nuevo|nueva|novo|nova|antigo|antiga|actual|atual)[ \t]{0,2}:)[^.!?\n]{0,24}$/u;
/** A table's column of addresses: "endereco", "direccion", "domicilio". */
const addressColumn = /(?:endereco|direccion|domicilio|logradouro|address|morada|calle y numero)/u;

/** The address words that speak of a home, even beside a shop or an office. */
const homeContext =
  /(?:^|[^\p{L}\p{N}])(?:vivo|vive|vivimos|viven|moro|mora|moramos|moram|resido|reside|residimos|domicilio|domiciliado|domiciliada|mi casa|minha casa|mi domicilio|meu endereco|mi direccion)\b[^.!?\n]{0,24}$/u;
/** After the address, in its sentence: "…, es donde recibo el correo", "onde moro". */
const addressAfter =
  /^[^.!?\n]{0,60}?(?:(?:ahi|ali|aqui|aca|alli|la)[ \t]{1,2}(?:es|e)[ \t]{1,2}(?:donde|onde|adonde|aonde)|(?:vivo|vive|vivia|vivi|vivimos|viven|moro|mora|morava|morei|moramos|moram)[ \t]{1,2}(?:ahi|ali|aqui|aca|alla|la)|(?:donde|onde|aqui|aca|ahi)[ \t]{1,2}(?:vivo|vive|vivimos|viven|moro|mora|moramos|moram|recibo|recibe|recibimos|recebo|recebe|recebemos)|(?:es|e)[ \t]{1,2}(?:mi casa|minha casa|mi domicilio|meu endereco|mi direccion|mi departamento|meu apartamento))(?![a-z])/u;
/** Words that only place something ("estoy en", "fica na"): enough for an address with a number. */
const placeContext =
  /(?:^|[^\p{L}\p{N}])(?:estoy|estou|estamos|queda|quedamos|fica|fico|ficamos|departamento|apartamento|depto|casa|hogar|estar|estare|estarei|estaremos|trabajo|trabajamos|trabalho|trabalhamos|vemos|veremos|espero|pasen|passem|venha|venham|vengan|es en|e na|e no|taller|oficina|escritorio|consultorio|loja|tienda|sitio|fazenda|finca|chacra|ubicado|ubicada|situado|situada|localizado|localizada|terreno|imovel|to na|to no|frente a|vecina de|vecino de|vizinha da|vizinho da|pasa por|pasar por|pasen por|passa na|passa pela|passar na|passar no|passar pela|sai da|sai do)\b[^.!?\n]{0,24}$/u;

const particles = new Set([
  "a",
  "al",
  "de",
  "del",
  "la",
  "las",
  "los",
  "el",
  "da",
  "das",
  "do",
  "dos",
  "e",
  "y",
  "as",
  "os",
  "ao",
  "aos",
]);

/** A neighbourhood, estate or block named right before the street, and its comma if any. */
const neighbourhoodBefore = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])((?:${neighbourhoodWords}|conjunto|sitio|chacara|fazenda|granja|finca|rancho|hacienda|parcela)[ \\t]{1,2}(?:[\\p{L}\\p{N}'.-]+[ \\t]{1,2}){0,3}[\\p{L}\\p{N}'.-]+(,?)[ \\t]{1,2})$`,
  "u",
);

/** Guatemala's street numbered before its type, then its house: "15 calle 3-20", "6 avenida 9-14". */
const numberBefore = /(?:^|[^\p{L}\p{N}])(\d{1,2}[ \t])$/u;
const guatemalanStreet = /^(?:calle|avenida|av\.?)[ \t]{1,3}\d{1,2}[a-z]?-\d{1,3}(?!\d)/;

/** An ordinal right before a street type: "5a ", "3ra. ", "2da ", "1ª ", "10º ". */
const ordinalBefore =
  /(?:^|[^\p{L}\p{N}])(\d{1,2}(?:a|ra|da|ta|va|na|ma|o|er|ro|do|to|vo|no|mo|\u00aa|\u00ba)\.?[ \t]{1,2})$/u;

/** Where an address may start: a street type (short enough for `boundedMatches`' window). */
const streetTypeWord = new RegExp(
  `(?<![a-z0-9])(?<![a-z]\\.)(?:${streetTypes}|manzana|mz\\.?)`,
  "g",
);
const addressFrom = new RegExp(addressPattern.source, "y");

function* streetAddresses(input: ScanInput): Generator<Finding | undefined> {
  let addressEnd = 0;
  for (const candidate of foldedMatches(input, streetTypeWord)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    if (candidate.start < addressEnd) continue;
    // The whole address, read on the whole fold so it does not depend on how far the scan read.
    const [value, groups] = addressAt(input, candidate.start) ?? [];
    if (value === undefined || groups === undefined) continue;
    const finding = judge(input, candidate.start, value, groups);
    // Past what was taken; a street type inside what was not ("Avenida 13-12 y entregar en
    // Calz. de Tlalpan") may start an address of its own.
    addressEnd = finding?.end ?? candidate.end;
    if (finding !== undefined) yield finding;
  }
}

/** The address starting at a street type, and its parts as `judge` reads them. */
function addressAt(
  input: ScanInput,
  at: number,
): [string, readonly (string | undefined)[]] | undefined {
  if (ordinalBefore.test(input.folded.slice(Math.max(0, at - 8), at))) {
    ordinalStreetFrom.lastIndex = at;
    const match = ordinalStreetFrom.exec(input.folded);
    if (match !== null) return [match[0], [match[1], undefined, ...match.slice(2)]];
  }
  addressFrom.lastIndex = at;
  const match = addressFrom.exec(input.folded);
  return match === null ? undefined : [match[0], match.slice(1)];
}

function judge(
  input: ScanInput,
  at: number,
  value: string,
  groups: readonly (string | undefined)[],
): Finding | undefined {
  const [
    type,
    numberedName,
    streetNumber,
    numberedFlat,
    cornerStreet,
    cornerFlat,
    flat,
    bareName,
    lot,
    blockFlat,
  ] = groups;
  const houseNumber = streetNumber ?? flat ?? lot;
  const name = numberedName ?? bareName;
  const { text, folded } = input;
  let start = at;
  let end = at + value.length;
  // Blocks, lots and houses with no street yet: "Mz. 222 villa 2", "Quadra 4, Lote 17".
  const unitsOnly = startsWithUnit.test(folded.slice(at, at + 12));
  // A street numbered before its type: "5a Avenida 12-45", "3ra calle poniente", "1ª Travessa",
  // Guatemala's "15 calle 3-20".
  start -=
    (ordinalBefore.exec(folded.slice(Math.max(0, start - 8), start)) ??
      (guatemalanStreet.test(folded.slice(at, at + 16))
        ? numberBefore.exec(folded.slice(Math.max(0, start - 4), start))
        : null))?.[1]?.length ?? 0;
  // The neighbourhood written before the street belongs to the address: "Colonia Roma, Calle 5
  // 12"; before units, also without its comma: "Urb. Los Jardines Mz. B Lt. 5".
  const neighbourhood = neighbourhoodBefore.exec(folded.slice(Math.max(0, start - 64), start));
  const neighbourhoodLength =
    neighbourhood?.[2] === "," || unitsOnly ? (neighbourhood?.[1]?.length ?? 0) : 0;
  const inNeighbourhood = neighbourhoodLength > 0;
  start -= neighbourhoodLength;
  const before = input.contextBefore(start);
  const context = addressContext.test(before) || addressColumn.test(input.columnLabel(start));
  // A flat without a street number ("Av Sucre, Res. Caracas, piso 7") counts as one when it has
  // a digit, or a house's name where the neighbourhood or an address word says where it is
  // ("Urb. Los Palos Grandes, 4ta Transversal, Qta. Maritza").
  if (flat !== undefined && !/\d/.test(flat) && !(context || inNeighbourhood)) return undefined;
  const placed = context || placeContext.test(before);
  let lowerCase = false;
  let lowerCaseText = false;
  const withFlat = /\d/.test(numberedFlat ?? flat ?? "");
  if (type !== undefined && name !== undefined) {
    const nameStart = at + value.indexOf(name, type.length);
    const words = wordsOf(text, nameStart, name);
    // The name's words as written: capitalised or numbers, or anything after an address word.
    const written = words.filter((word) => !particles.has(word.folded));
    // A street's name never ends in "a las" or "de": "Avenida Bolívar a las 10" gives a time;
    // "Rua A, 45" is a street named by its letter.
    const last = words[words.length - 1];
    if (
      houseNumber !== undefined &&
      particles.has(last?.folded ?? "") &&
      !(words.length === 1 && /^\p{Lu}$/u.test(last?.original ?? ""))
    ) {
      return undefined;
    }
    // A document's number is no street's name: "C.C. 1072978428, 31 años".
    if (written.some((word) => /\d{5}/.test(word.folded))) return undefined;
    // In a text typed all in lower case, a name's words are a street's when none is a word of
    // prose and the number ends the address ("calle niños héroes 768, adulto mayor").
    lowerCase = !written.every((word) => /^[\p{Lu}\d]/u.test(word.original));
    lowerCaseText =
      lowerCase &&
      houseNumber !== undefined &&
      written.every((word) => !isProseWord(word.folded)) &&
      !/^(?:y|e|o|u)$/.test(words[0]?.folded ?? "") &&
      // "pasaje a cusco 350," is a ticket's fare; "camino a melipilla 8450" a road.
      !(/^(?:a|al|ao|para|pra|hasta|ate)$/.test(words[0]?.folded ?? "") && !roadTypes.test(type)) &&
      typedInLowerCase(text, at) &&
      (withFlat || cornerStreet !== undefined || endsAddress(folded, at + value.length));
    const proper = !lowerCase || lowerCaseText;
    if (!proper && !context && !(placed && houseNumber !== undefined)) return undefined;
    if (
      ordinaryWordTypes.has(type) &&
      !/^[\p{Lu}\d]/u.test(written[0]?.original ?? "") &&
      !(
        lowerCaseText &&
        (placed || withFlat || (roadTypes.test(type) && !isHouseNumber(houseNumber)))
      )
    ) {
      return undefined;
    }
    if (houseNumber === undefined) {
      if (!context) return undefined;
      // Without a number the name ends at the last of its first capitalised words, a corner's
      // among them: "Rua das Palmeiras e o vizinho Ademir Rocha" gives "Rua das Palmeiras",
      // "Calle Comercio esq. Ayacucho" all of it.
      const firstLower = written.findIndex(
        (word) => !/^[\p{Lu}\d]/u.test(word.original) && !cornerWords.has(word.folded),
      );
      const lastProper = written[(firstLower < 0 ? written.length : firstLower) - 1];
      if (lastProper === undefined) return undefined;
      end = lastProper.end - (lastProper.original.endsWith(".") ? 1 : 0);
    }
  }
  // A corner without a street type is a street only when its words are capitalised ("7-62 y
  // Hermano Miguel", not "1450 y entregar"), or all in lower case after an address word; in a
  // text typed in lower case, up to its first word of prose ("821 y entregar en av. …").
  if (cornerStreet !== undefined && !(context && lowerCase && !lowerCaseText)) {
    // The corner's group holds its street and then its flat.
    const cornerStart = end - cornerStreet.length;
    const street = cornerStreet.slice(0, cornerStreet.length - (cornerFlat ?? "").length);
    const kept = cornerLength(text, cornerStart, street, lowerCaseText);
    if (kept < street.length) end = cornerStart + kept;
  }
  // The neighbourhood after the address; after units named without one, else the street they
  // face or the estate they stand in, and its neighbourhood.
  let extended = afterNeighbourhood(text, folded, start, end);
  if (unitsOnly && extended === end && !inNeighbourhood) {
    // The street is read whole, with its number and flats: "Quadra 104 Norte, Alameda 14, lote 20".
    const streetEnd = (from: number): number | undefined => {
      const [street, parts] = addressAt(input, from) ?? [];
      return street === undefined || parts === undefined
        ? undefined
        : judge(input, from, street, parts)?.end;
    };
    extended = afterNeighbourhood(
      text,
      folded,
      start,
      afterUnits(text, folded, end, startsWithTypeAndSpace, streetEnd),
    );
  }
  end = extended;
  const sentence = sentenceAround(input, start, end);
  // "La tienda queda en…", "el estadio está del parque 2 cuadras al sur": a public place's address.
  const inPublic = speaksOfPublicPlace(input, start, end);
  // There, "nuestra tienda", "retirar en" and a street named after someone ("Av. Presidente
  // Vargas") speak of the business: only a word of living there ties it.
  const tied =
    (inPublic ? homeContext.test(before) : context) ||
    addressAfter.test(input.folded.slice(end, end + 80)) ||
    (!inPublic && ((houseNumber !== undefined && placed) || mentionsPerson(input, sentence)));
  // With its number, above a name's confidence: "Rua Dr. Flores 264" is a street, not Mr Flores.
  const confidence = tied
    ? houseNumber === undefined
      ? 0.8
      : 0.96
    : untiedConfidence(
        isHouseNumber(houseNumber) || (type ?? houseNumber) === undefined,
        inPublic,
        [
          numberedFlat,
          flat,
          blockFlat,
          end === at + value.length ? cornerFlat : undefined,
          // A farm or a plot before the road is a home's: "Parcela 55, Camino Lonquén km 6".
          /^(?:sitio|chacara|fazenda|granja|finca|rancho|hacienda|parcela)/.test(
            neighbourhood?.[1] ?? "",
          )
            ? neighbourhood?.[1]
            : undefined,
        ],
      );
  return addressFinding(input, start, end, confidence);
}

function addressFinding(input: ScanInput, start: number, end: number, confidence: number): Finding {
  return {
    type: "STREET_ADDRESS",
    country: null,
    start,
    end,
    confidence,
    validated: false,
    normalized: foldedValue(input.folded.slice(start, end)),
  };
}

/**
 * An address nothing ties to a person. Unless its sentence speaks of a public place or an event
 * ("el museo está en Av. Paulista 1578 y abre a las 10"), it is masked in doubt — the guard
 * stands in front of the cloud: with a flat, floor or building after its number it is someone's
 * home or office ("Av. Arequipa 4545, dpto. 1201"), with only its number it may be. Without a
 * number it stays below the threshold.
 */
function untiedConfidence(
  numbered: boolean,
  inPublic: boolean,
  flats: readonly (string | undefined)[],
): number {
  if (inPublic) return 0.45;
  if (flats.some((flat) => flat !== undefined && flat.trim() !== "")) return 0.9;
  return numbered ? 0.6 : 0.45;
}

/** A house number, not a kilometre on a road ("Rodovia dos Bandeirantes km 45"). */
function isHouseNumber(houseNumber: string | undefined): boolean {
  return houseNumber !== undefined && !houseNumber.startsWith("km");
}

/**
 * Whether the sentence of an address, outside it, speaks of a public place, a business or an
 * event, or the next sentence gives opening hours ("Abre de lunes a viernes"); a place named as
 * a landmark ("al lado de la tienda", "em frente ao mercado") does not count.
 */
export function speaksOfPublicPlace(input: ScanInput, start: number, end: number): boolean {
  const { folded } = input;
  // The sentence by its own stops, within 200 characters: a person's message runs on ("… - SP.
  // Já paguei … Se precisarem, o CNPJ da minha empresa …") and the next sentence is not this one.
  const before = folded.slice(Math.max(0, start - 200), start);
  const stop = /(?:[.!?][ \t]+|\n)(?=[^.!?\n]*$)/.exec(before);
  const after = folded.slice(end, end + 200);
  const next = /[.!?](?:[ \t]|$)|\n/.exec(after);
  const beside = [stop === null ? before : before.slice(stop.index), after.slice(0, next?.index)];
  for (const around of beside) {
    for (const match of around.matchAll(publicPlaces)) {
      if (!landmarkReference.test(around.slice(Math.max(0, match.index - 24), match.index))) {
        return true;
      }
    }
  }
  return openingHours.test(after);
}

/**
 * Whether a person's address words stand before the address ("vivo en", "entreguen en",
 * "Dirección:") or after it ("…, ahí es donde vivo"), and whether it opens with a street's type:
 * for an address found some other way (the privacy guard's model pass), the tests the typeless
 * forms here must pass.
 */
export function addressShape(
  input: ScanInput,
  start: number,
  end: number,
): { typed: boolean; tied: boolean } {
  const { folded } = input;
  const typed = startsWithType.test(folded.slice(start, end));
  const before = folded.slice(Math.max(0, start - 80), start);
  const tied =
    addressContext.test(before) ||
    homeContext.test(before) ||
    addressAfter.test(folded.slice(end, end + 80));
  return { typed, tied };
}

/** A business's hours: "abre de lunes a viernes", "funciona das 8h às 18h", "horario: 9 a 18". */
const openingHours =
  /^[^\n]{0,120}?(?:abre|abren|abrimos|abierto|aberto|aberta|horario|funciona|atiende|atende|atendemos)[^\n]{0,16}?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda|terca|quarta|quinta|sexta|\d{1,2}(?::\d\d)?[ \t]{0,2}(?:h|hs|a|as|hasta|ate))(?![a-z])/u;

const landmarkReference =
  /(?:lado|frente|cerca|perto|junto|enfrente|atras|detras|referencia|proximo|proxima|esquina|vecina|vecino|vizinha|vizinho|pegado|pegadinho|diagonal)[^.!?\n]{0,14}$/u;

/** Words of a sentence about a public place, a business or a landmark rather than a home. */
const publicPlaces =
  /(?<![a-z])(?:muse[ou]s?|teatro|cinema|cine|estadio|shopping|centro comercial|mall|tienda|loja|restaurante|lanchonete|cafeteria|hotel|pousada|hostal|banco|agencia|embajada|embaixada|consulado|ministerio|prefeitura|municipalidad|municipio|alcaldia|gobernacion|camara|tribunal|juzgado|cartorio|notaria|universidad|universidade|faculdade|colegio|escuela|escola|hospital|clinica|farmacia|drogaria|supermercado|mercado|feira|iglesia|igreja|catedral|parroquia|biblioteca|sede|sucursal|filial|empresa|fabrica|oficinas|escritorios|abre|abren|abierto|aberto|famos[oa]|conocid[oa]|conhecid[oa]|turistas?|historic[oa]|monumento|estacion|estacao|terminal|aeropuerto|aeroporto|correo|correios|poupatempo|receita federal|sat|registro civil|reniec|anses|sunat|afip|dian|detran|masp|accidente|colision|colisao|batida|(?:un|el|del|hubo|um|o|houve)[ \t]{1,2}choque|acidente|incendio|protesta|marcha|manifestacion|manifestacao|obras?|transito|trafico|congestionamento|evento|show|concierto|concerto|festival|exposicion|exposicao|congreso|congresso|senado|asamblea|parlamento|palacio|gobierno|governo|encuentranos|visitanos|visite|visitenos|distribucion|distribuicao|deposito|cd|laboratorio|ponto de coleta|punto de retiro|ponto de retirada|nuestro local|nosso local)s?(?![a-z])/gu;

/** The words that join a corner's two streets: "esq.", "esquina", "c/", "casi", "con". */
const cornerWords: ReadonlySet<string> = new Set([
  "esq.",
  "esq",
  "esquina",
  "c/",
  "casi",
  "con",
  "com",
]);

const cornerWord =
  /^[ \t]{1,2}(?:(?:e\/|entre)[ \t]{1,2}(?:(?:calles|ruas|avenidas)[ \t]{1,2})?[^ \t]+[ \t]{1,2}y|y|e|con|c\/|casi|esq\.?|esquina(?:[ \t]{1,2}(?:con|com|c\/))?|x(?=[ \t]{1,2}\d))[ \t]{1,2}/;

/**
 * How much of a corner ("y Hermano Miguel", "c/ Venezuela así") is a street: all of it after a
 * street type, else its capitalised words; 0 when none is.
 */
function cornerLength(text: string, start: number, folded: string, lowerCaseText = false): number {
  const connector = cornerWord.exec(folded)?.[0] ?? "";
  const street = folded.slice(connector.length);
  if (startsWithType.test(street)) return folded.length;
  let length = 0;
  for (const word of wordsOf(text, start + connector.length, street)) {
    if (particles.has(word.folded)) continue;
    if (!/^[\p{Lu}\d]/u.test(word.original) && !(lowerCaseText && !isProseWord(word.folded))) {
      break;
    }
    length = word.end - start;
  }
  return length;
}

interface Word {
  original: string;
  folded: string;
  end: number;
}

function wordsOf(text: string, start: number, folded: string): Word[] {
  return [...folded.matchAll(/[^ \t]+/g)].map((match) => ({
    folded: match[0],
    original: text.slice(start + match.index, start + match.index + match[0].length),
    end: start + match.index + match[0].length,
  }));
}

/**
 * A block written as a code in capitals and its number, then the building or house: Brasília's
 * "SQS 308 Bloco C Apto 201", "QNM 36 Conjunto P Casa 19". The flat after it is required.
 */
const blockCode =
  /(?<![\p{L}\p{N}])[A-Z]{2,5}(?:[ \t][A-Z]{2,3})?[ \t]{1,2}\d{1,4}[A-Z]?(?![\p{L}\p{N}])/gu;
const flatsFrom = new RegExp(`(?:${complementItem}){1,4}`, "y");

/** Brasília's block codes as typed in lower case: "sqn 108", "shin qi 4", "qnm 30", "cln 405". */
const brasiliaBlock =
  /(?<![a-z0-9])(?:sq[ns]w?|sh[il][ns]|sh[ic]s|qn[a-z]|cl[ns]|cr[ns]|eq[ns])(?:[ \t](?:qi|ql))?[ \t]{1,2}\d{1,4}[a-z]?(?![a-z0-9])/g;

/**
 * The block addresses among `candidates` (block codes and their number); `lowerCase`: codes
 * read on the fold, taken only where the text is typed in lower case (the others are the
 * capitals' own).
 */
function* blockAddresses(
  input: ScanInput,
  candidates: Iterable<Candidate | undefined>,
  lowerCase = false,
): Generator<Finding | undefined> {
  for (const candidate of candidates) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    if (lowerCase && !typedInLowerCase(input.text, candidate.start)) continue;
    flatsFrom.lastIndex = candidate.end;
    const flats = flatsFrom.exec(input.folded);
    if (flats === null || !/\d|\b[a-z]\b/.test(flats[0])) continue;
    const { start } = candidate;
    const end = candidate.end + flats[0].length;
    const before = input.contextBefore(start);
    const tied =
      addressContext.test(before) ||
      placeContext.test(before) ||
      mentionsPerson(input, sentenceAround(input, start, end));
    // Its flat is required: a home unless a public place is around it.
    const confidence = tied || !speaksOfPublicPlace(input, start, end) ? 0.9 : 0.45;
    yield addressFinding(input, start, end, confidence);
  }
}

/**
 * A street written without its type, right after a word that says someone lives there:
 * "vivo en Las Acacias 340", "mi casa, 25 de Mayo 1180 depto 2". Its words must be capitalised
 * and its number must not count days or years ("vivo en Lima 20 años").
 */
/** The corner after a typeless street: "Mariscal López 1234 c/ Brasil", "Olmedo 45 esq. Colón". */
const typelessCorner = `(?:[ \\t]{1,2}(?:c/|casi|esq\\.?|esquina(?:[ \\t]{1,2}(?:con|com|c/))?)[ \\t]{1,2}${nameWord}(?:[ \\t]{1,2}${nameWord})?)?`;
/** "bis" after a house number: "Soriano 1257 bis", "Juan Paullier 1564 bis". */
const bisAhead = "[ \\t]{1,2}bis(?![a-z])";
const bisFrom = new RegExp(bisAhead, "y");
const typelessCornerAhead = `[ \\t]{1,2}(?:c/|casi|esq\\.?|esquina)[ \\t]{1,2}[a-z]`;
const typelessPattern = new RegExp(
  `(?<![a-z0-9])(?:(?:vivo|vive|vivimos|viven|moro|mora|moramos|moram|resido|reside|residimos|mi casa|minha casa|domicilio|direccion|endereco|mi direccion es|meu endereco e|envien|enviar|enviem|entregar|entreguem|entreguen|mandar|manden|mandem|dejar|deixar|quedamos|nos vemos|pasen por|passem na|passem no|estoy|estou|estamos|pasa por|passa na|passa pela|queda|fica|to na|to no|(?:pedido|paquete|pacote|encomenda)[ \\t]{1,2}(?:va|vai|llega|chega))(?![a-z])(?:[ \\t]{1,2}(?:en|na|no|em|es|e|a|al|para))?|(?:direccion|endereco)[^.!?\\n:]{0,40}?[ \\t](?:es|e|era)|(?:casa|origen|destino|origem|saida|chegada|llegada|partida|anterior|nuevo|nueva|novo|nova|antigo|antiga|actual|atual)(?=[ \\t]{0,2}[:,]))[ \\t]{0,2}["']?[ \\t]{0,2}[:,]?[ \\t]{0,2}["']?[ \\t]{0,2}((?:\\d{1,2}[ \\t]de[ \\t])?((?:${nameWord}[ \\t]{1,2}){0,3}?${nameWord})(?:[ \\t]{0,2},)?[ \\t]{1,2}([nseo]\\d{1,3}-\\d{1,4}|\\d{2,5}[a-z]?(?:[ \\t]bis(?![a-z]))?)(?![\\d.,:/]?\\d)(${complement})${typelessCorner})`,
  "g",
);
/** After the number and its flat: the end of the sentence or a clause, or a small word. */
const typelessEnd =
  /^(?:$|[ \t]{0,2}[,.;:)!?\n]|[ \t]{1,2}(?:en|na|no|em|desde|hace|ha|por|y|e|con|com|a|o|de|do|da|pero|mas|hasta|ate)(?![a-z]))/u;
const startsWithType = new RegExp(`^(?:${streetTypes}|manzana|mz\\.?)(?![a-z])`);
const startsWithTypeAndSpace = new RegExp(`^(?:${streetTypes})[ \\t]{1,3}`);

/** The types of a road, whose name may say where it leads: "camino a Melipilla". */
const roadTypes =
  /^(?:camino|cno\.|carretera|carr\.|ruta|estrada|estr\.|est\.|rodovia|rod\.|autopista|via)$/;

/**
 * Whether an address typed in lower case ends at `end`: a stop, a quote or a table's bar, or a
 * word that opens the next clause follows ("…, 768, adulto", "… 2502 después de las 15 h").
 */
function endsAddress(folded: string, end: number): boolean {
  const after = folded.slice(end, end + 12);
  return typelessEnd.test(after) || clauseAfter.test(after);
}
const clauseAfter =
  /^(?:[ \t]{0,2}["'|(]|[ \t]{1,2}(?:pra|para|despues|depois|antes|manana|amanha|hoy|hoje|ahora|agora|mi|meu|minha|lo|la|le|les|se|me|nos|que|si|pero|porque|pues|ahi|ali|aqui|alla|asi|entonces|ya|ja|tocar|toco|preguntar|perguntar|llamar|ligar)(?![a-z]))/;

function* typelessAddresses(input: ScanInput): Generator<Finding | undefined> {
  for (const candidate of foldedMatches(input, typelessPattern)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    const [address, name, houseNumber, flats] = candidate.groups;
    if (address === undefined || name === undefined || houseNumber === undefined) continue;
    if (startsWithType.test(address)) continue;
    let start = candidate.end - address.length;
    const end = candidate.end;
    // "vivo en Lima 20 años", "mandar a Lima 300 unidades": a count, not a house number.
    if (!typelessEnd.test(input.folded.slice(end, end + 12))) continue;
    // Three digits at least, or a flat after it: "Sucre 12" may be anything.
    // A year ("São Paulo 2024") is no house number unless a flat follows it.
    const yearLike = /^(?:19|20)\d\d$/.test(houseNumber);
    if ((houseNumber.length < 3 || yearLike) && (flats ?? "") === "") continue;
    // The street is the capitalised words before the number: "la dirección correcta es
    // Sarmiento 2210" gives "Sarmiento 2210"; typed in lower case, its words that are no prose.
    const nameStart = start + address.indexOf(name);
    const words = wordsOf(input.text, nameStart, name);
    // In a text typed in lower case, every word after the address word that is no prose.
    const lowerCaseText = typedInLowerCase(input.text, start);
    const lastLower = words.findLastIndex(
      (word) =>
        !particles.has(word.folded) &&
        (lowerCaseText ? isProseWord(word.folded) : !/^[\p{Lu}\d]/u.test(word.original)),
    );
    const street = words.slice(lastLower + 1).filter((word) => !particles.has(word.folded));
    const first = street[0];
    if (first === undefined) continue;
    if (lastLower >= 0) start = first.end - first.original.length;
    if (startsWithType.test(input.folded.slice(start, end))) continue;
    if (speaksOfPublicPlace(input, start, end)) continue;
    yield addressFinding(input, start, end, 0.9);
  }
}

/**
 * A street without its type, anywhere, when a flat follows its number: "Los Cedros 455, dpto
 * 302", "Manuel Montt 1450 casa 3". The name is the capitalised words right before the number.
 */
const numberBeforeFlat = new RegExp(
  `\\d{2,5}[a-z]?(?=${complementItem}|${typelessCornerAhead}|${bisAhead}|[ \\t]{0,2},?[ \\t]{1,2}(?:ahi|ali|aqui|aca|alli|la|es|e|donde|onde)[ \\t])`,
  "g",
);
/** Up to four words in lower case (folded) right before a number, and a comma. */
const lowerCaseRunBefore =
  /(?<![\p{L}\p{N}])((?:[a-z][a-z'.-]*|\d{1,2})(?:[ \t]{1,2}(?:[a-z][a-z'.-]*|\d{1,2})){0,3}),?[ \t]{1,2}$/u;
const capitalisedRunBefore =
  /(?<![\p{L}\p{N}])((?:[\p{Lu}][\p{L}'\u2019.-]*|\d{1,2}|de|del|la|las|los|el|da|das|do|dos)(?:[ \t]{1,2}(?:[\p{Lu}][\p{L}'\u2019.-]*|\d{1,2}|de|del|la|las|los|el|da|das|do|dos)){0,4}),?[ \t]{1,2}$/u;

/** A room, a floor or a building, not a street: "Sala 204, piso 2", "Torre 3, apto 12". */
const startsWithRoom = new RegExp(
  `^(?:${complementWord}|aula|salon|habitacion|quarto|consultorio|auditorio|laboratorio|box|cama|leito|modulo|pabellon|pavilhao|ala|sector|setor)(?![a-z])`,
);

/**
 * A law's article, a chapter or a step numbered "bis", not a street ("Artículo 41 bis"), nor a
 * road's kilometre ("camino a melipilla km 17, bodega 18").
 */
const numberedPart =
  /(?:^|[ \t])(?:km|kilometro|quilometro|articulo|art\.|capitulo|cap\.|inciso|fraccion|numeral|seccion|apartado|clausula|anexo|regla|norma|ley|decreto|resolucion|parrafo|item|punto|paso|tomo|volumen|pagina|version|modelo|ticket|codigo)[ \t]*$/;

const shortFlatWord = /^[ \t]{0,2}[,/-]?[ \t]{1,2}(?:of|int|res|cs|lt|bl|ap|cj)[ \t]/;

const typelessCornerFrom = new RegExp(
  `[ \\t]{1,2}(?:c/|casi|esq\\.?|esquina(?:[ \\t]{1,2}(?:con|com))?)[ \\t]{1,2}${nameWord}(?:[ \\t]{1,2}${nameWord})?`,
  "y",
);

/** The flat after a typeless street's number, or its corner with a capitalised street. */
function flatOrCornerAfter(input: ScanInput, at: number): string | undefined {
  bisFrom.lastIndex = at;
  const bis = bisFrom.exec(input.folded)?.[0];
  if (bis !== undefined) return bis + (flatOrCornerAfter(input, at + bis.length) ?? "");
  flatsFrom.lastIndex = at;
  const flats = flatsFrom.exec(input.folded)?.[0];
  // A flat word that is also English or a code ("Item 12 of 45") needs its dot.
  if (flats !== undefined && /\d/.test(flats) && !shortFlatWord.test(flats)) return flats;
  typelessCornerFrom.lastIndex = at;
  const corner = typelessCornerFrom.exec(input.folded)?.[0];
  if (corner === undefined) return undefined;
  const kept = cornerLength(input.text, at, corner, typedInLowerCase(input.text, at));
  return kept === 0 ? undefined : corner.slice(0, kept);
}

function* flatAddresses(input: ScanInput): Generator<Finding | undefined> {
  for (const candidate of foldedMatches(input, numberBeforeFlat)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    // Or words after it that say someone lives there: "Güemes 4249, ahí es donde…".
    const after =
      flatOrCornerAfter(input, candidate.end) ??
      (addressAfter.test(input.folded.slice(candidate.end, candidate.end + 80)) ? "" : undefined);
    if (after === undefined) continue;
    const from = Math.max(0, candidate.start - 64);
    const lowerCaseText = typedInLowerCase(input.text, candidate.start);
    const run = (lowerCaseText ? lowerCaseRunBefore : capitalisedRunBefore).exec(
      (lowerCaseText ? input.folded : input.text).slice(from, candidate.start),
    );
    if (run?.[1] === undefined) continue;
    // The name starts at its first capitalised word ("en Los Cedros": "Los Cedros"); typed in
    // lower case, after the last word of prose ("vivo en moreno 2338": "moreno").
    // Typed in lower case, an article opens the name ("los cedros 531").
    const afterProse = lowerCaseText ? nameAfterProse(run[1]) : 0;
    const lead = (
      lowerCaseText
        ? /^(?:(?:de|del|da|do|\d{1,2})[ \t]{1,2})*/u
        : /^(?:(?:de|del|la|las|los|el|da|das|do|dos|\d{1,2})[ \t]{1,2})*/u
    ).exec(run[1].slice(afterProse))?.[0];
    const start = from + run.index + afterProse + (lead?.length ?? 0);
    const name = input.folded.slice(start, candidate.start);
    if (
      !/[a-z]/.test(name) ||
      startsWithType.test(name) ||
      startsWithRoom.test(name) ||
      numberedPart.test(name)
    ) {
      continue;
    }
    yield addressFinding(input, start, candidate.end + after.length, 0.9);
  }
}

/**
 * Directions from a landmark, as Central America writes addresses: "de la iglesia 2 cuadras al
 * sur", "De la Rotonda Güegüense 3 c. al lago, 1/2 c. abajo", "del Parque Central 200 metros al
 * norte"; and a kilometre of a road: "km 12.5 carretera a El Salvador".
 */
const distanceNumber =
  "(?:\\d{1,4}(?:[.,]\\d{1,2})?|\\d/\\d|media|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|cien|doscientos|trescientos|cincuenta)";
const distanceUnit = "(?:cuadras?|c\\.|cdas?\\.?|varas|vrs\\.?|metros|mts?\\.?|m(?![a-z]))";
const distance = `${distanceNumber}[ \\t]{1,2}${distanceUnit}`;
const heading =
  "(?:(?:al|hacia(?:[ \\t]{1,2}el)?|a[ \\t]{1,2}la|para[ \\t]{1,2}el)[ \\t]{1,2})?(?:norte|sur|este|oeste|lago|arriba|abajo|oriente|poniente|montana|derecha|izquierda)(?![a-z])";
/** One leg or more: "2 cuadras al sur, media cuadra abajo", "200 metros sur y 25 este". */
const legs = `${distance}[ \\t]{1,2}${heading}(?:[ \\t]{0,2},?[ \\t]{1,2}(?:y[ \\t]{1,2})?${distanceNumber}(?:[ \\t]{1,2}${distanceUnit})?[ \\t]{1,2}${heading}){0,3}`;
const landmark = `(?:de|del|desde)[ \\t]{1,2}(?:(?:la|el|los|las)[ \\t]{1,2})?`;
const directionPattern = new RegExp(
  `(?<![a-z0-9])(?:${landmark}(?:${nameWord}[ \\t]{1,2}){0,6}?(?=(${distanceNumber}))${legs}|(?=(${distanceNumber}))${legs}[ \\t]{1,2}${landmark}${nameWord}|(?:km|kilometro|quilometro)\\.?[ \\t]{0,2}\\d{1,4}(?:[.,]\\d{1,3}|[ \\t]1/2|\u00bd)?[ \\t]{1,2}(?:(?:de|da|do)[ \\t]{1,2}(?:(?:la|a|o)[ \\t]{1,2})?)?(?:carretera|ruta|rodovia|autopista|estrada|panamericana|interamericana|camino|via)(?:[ \\t]{1,2}(?:a|al|para|de|del|do|da)?[ \\t]{0,2}${nameWord}){0,2}(?:[ \\t-]{1,2}[a-z]{2}[ \\t-]?\\d{2,3})?)(${complement})`,
  "g",
);

/** A distance in words ("dos cuadras", "media cuadra"): directions without a digit. */
const spelledDistance = /\b(?:media|una|un|dos|tres|cuatro|cinco|cien)\b/;

function* directionAddresses(input: ScanInput): Generator<Finding | undefined> {
  for (const candidate of foldedMatches(input, directionPattern)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    const [steps, stepsFirst, flats] = candidate.groups;
    // A kilometre is a place on a road: only an address with words that tie it to someone.
    const finding = judge(input, candidate.start, candidate.value, [
      undefined,
      undefined,
      steps ?? stepsFirst ?? "km",
      flats,
    ]);
    if (finding !== undefined) yield finding;
  }
}

/**
 * An address of units alone, with no street: "bloque 23, casa 885" (Tegucigalpa), "casa 12 del
 * condominio Los Robles", "Lote 27 sector 5", "Mz. 128 villa 2". Two units at least, or a house
 * right after its estate and a comma ("Condomínio Solar, casa 14"), and none right after a street, whose
 * flats the street's own pattern reads.
 */
const unitWords =
  "casa|lote|lt|solar|bloque|bloco|block|parcela|villa|manzana|mz|quadra|qd|torre|modulo|etapa|sector|setor";
const unitWord = `(?:${unitWords})`;
const startsWithUnit = new RegExp(`^${unitWord}(?![a-z])`);
/** What may follow a first unit: another, or the flat in it ("Torre 2, Apto 502"). */
const unitFollower = `(?:${unitWords}|apto|apt|ap|depto|dpto|departamento|apartamento|piso|interior|int)`;
const unitNumber = "(?:n[\\u00ba\\u00b0o]\\.?[ \\t]?|#[ \\t]?)?";
const unitPattern = new RegExp(
  `(?<![a-z0-9])${unitWord}\\.?[ \\t]{0,2}${unitNumber}(\\d{1,5}[a-z]?(?:-[a-z0-9]{1,4})?|[a-z](?=[ \\t]{0,2},?[ \\t]))((?:[ \\t]{0,2},?[ \\t]{1,2}${unitFollower}\\.?[ \\t]{0,2}${unitNumber}(?:\\d[a-z0-9-]{0,5}|[a-z]\\d[a-z0-9-]{0,4}|[a-z])(?![a-z0-9])|[ \\t]{1,2}(?:del|do|da|de la|de)[ \\t]{1,2}(?:condominio|conjunto|residencial|edificio|fraccionamiento|loteamento|urbanizacion)[ \\t]{1,2}${nameWord}(?:[ \\t]{1,2}${nameWord}){0,2}){0,3})`,
  "g",
);
const streetBefore = new RegExp(`(?<![a-z0-9])(?:${streetTypes})[ \\t][^.!?\\n;|]{0,48}$`);

/** Brasília's block code, whose units `blockAddresses` reads with it: "SQN 308 Bloco C …". */
const blockCodeBefore =
  /(?<![\p{L}\p{N}])[A-Z]{2,5}(?:[ \t][A-Z]{2,3})?[ \t]{1,2}\d{1,4}[A-Z]?[ \t]{1,2}$/u;

const brasiliaBlockBefore = new RegExp(`${brasiliaBlock.source}[ \\t]{1,2}$`);

function* unitAddresses(input: ScanInput): Generator<Finding | undefined> {
  for (const candidate of foldedMatches(input, unitPattern)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    const [first, more] = candidate.groups;
    if (!/\d/.test(`${first ?? ""}${more ?? ""}`)) continue;
    // One house alone only after its estate and a comma: "Condomínio Solar, casa 14".
    if (
      (more ?? "") === "" &&
      (!/^(?:casa|villa|solar|bloque|bloco|block|torre)/.test(candidate.value) ||
        neighbourhoodBefore.exec(
          input.folded.slice(Math.max(0, candidate.start - 64), candidate.start),
        )?.[2] !== ",")
    ) {
      continue;
    }
    if (
      streetBefore.test(input.folded.slice(Math.max(0, candidate.start - 56), candidate.start)) ||
      blockCodeBefore.test(input.text.slice(Math.max(0, candidate.start - 16), candidate.start)) ||
      brasiliaBlockBefore.test(
        input.folded.slice(Math.max(0, candidate.start - 16), candidate.start),
      )
    ) {
      continue;
    }
    // Units only: masked in doubt (0.6); lots and plots only when a word ties them to someone
    // (a medicine's "lote 12, lote 13" is no home).
    const finding = judge(input, candidate.start, candidate.value, [undefined, undefined, first]);
    if (finding === undefined) continue;
    if (finding.confidence < 0.9 && /^(?:lote|lt|parcela)/.test(candidate.value)) continue;
    yield finding;
  }
}
