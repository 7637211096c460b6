import type { Finding } from "../../core/pii-types.js";
import type { Detector } from "./detector.js";
import { boundedMatches } from "./candidate.js";
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
  detect: (input) => [streetAddresses(input), blockAddresses(input), typelessAddresses(input)],
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
]
  // Longest first: "callejon" before "calle", so a type is never read as the start of a longer one.
  .sort((left, right) => right.length - left.length)
  .join("|");
/** Street types that are also ordinary words ("largo", "camino", "plaza"): the name must be capitalised. */
const ordinaryWordTypes = new Set([
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
]);

const nameWord = "[a-z0-9][a-z0-9'\u2019.-]{0,24}";
const number =
  "(?:(?:n|no|nro|num|numero|n\u00ba|n\u00b0|#)\\.?[ \\t]{0,2})?(?:\\d{1,5}[a-z]?(?:[ \\t]{0,2}(?:#|n\u00ba|n\u00b0|no\\.?)?[ \\t]{0,2}\\d{1,4}[a-z]?(?:[ \\t](?:sur|norte|este|oeste|bis))?[ \\t]{0,2}-[ \\t]{0,2}\\d{1,4}|(?:[ \\t](?:sur|norte|este|oeste|bis))?[ \\t]{0,2}-[ \\t]{0,2}\\d{1,4}(?![\\d\u00ba\u00b0\u00aa]|(?:o|a|er|ro|do|to|vo|no|mo)?\\.?[ \\t]{0,2}(?:andar|piso))|[ \\t]{0,2}/[ \\t]{0,2}\\d{1,5})?|km[ \\t]{0,2}\\d{1,4}(?:[.,]\\d{1,3})?|s/n|s\\.n\\.|sin numero|sem numero|sn)";
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
].join("|")})`;
/** A floor as an ordinal ("2º andar", "3° B", "5to C", "2do piso") or the ground floor ("PB"). */
const floor =
  "\\d{1,2}(?:\u00ba|\u00b0|\u00aa|o|a|er|ro|do|to|vo|no|mo)?\\.?[ \\t]{0,2}(?:piso|andar)|\\d{1,2}(?:\u00ba|\u00b0|\u00aa|er|ro|do|to|vo|no|mo)\\.?[ \\t]{0,2}[a-z]\\b|pb\\b|planta baja|terreo";
/** One flat, floor or building after the number: "apto 3-B", "edificio Miramar", "2º andar", "PB". */
/** A building's name after its word: "edificio Los Andes", "Res. Caracas", "condomínio Jardim". */
const building = `(?:edificio|predio|residencia|residencial|res|torre|quinta|qta|condominio|cond)(?:\\.?[ \\t]{1,2}|\\.)(?:(?:de|del|los|las|la|el|do|da|dos|das)[ \\t])?[a-z0-9][a-z0-9-]{0,14}(?![a-z0-9])`;
const complementItem = `[ \\t]{0,2}[,/-]?[ \\t]{1,2}(?:${building}|${complementWord}(?:\\.?[ \\t]{1,2}|\\.|(?=[\\d#]))(?:#[ \\t]?)?[a-z0-9][a-z0-9-]{0,11}(?![a-z0-9])(?:[ \\t](?:sur|norte|este|oeste|sul|leste))?|${floor}|fundos|bis)`;
const complement = `(?:${complementItem}){0,4}`;

/** Street type, name (1–6 words), then optionally its number and the flat. Matched on the fold. */
/** Shortest before a number ("Brasil 2125 entre las 9"); longest without one. */
const numberedName = `(?:${nameWord}[ \\t]{1,3}){0,5}?${nameWord}`;
const bareName = `(?:${nameWord}[ \\t]{1,3}){0,5}${nameWord}`;
/** The corner after the number: "455 y Av. Colón", "120 esquina com Rua Bahia". */
const corner = `(?:[ \\t]{1,2}(?:y|e|esq\\.?|esquina(?:[ \\t]{1,2}(?:con|com|c/))?)[ \\t]{1,2}(?:${streetTypes})[ \\t]{1,3}${nameWord}(?:[ \\t]{1,2}${nameWord})?)?`;
const addressPattern = new RegExp(
  `(${streetTypes})[ \\t]{1,3}(?:(${numberedName})(?:(?:[ \\t]{0,2},)?[ \\t]{1,3}(${number})${complement}${corner}|((?:${complementItem}){1,4}))|(${bareName}))|(?:manzana|mz)\\.?[ \\t]{0,2}[a-z0-9]{1,3}[ \\t]{0,2},?[ \\t]{1,3}(?:lote|lt)\\.?[ \\t]{0,2}\\d{1,4}`,
  "g",
);

/**
 * Right before the address: a word that says someone lives there, receives or leaves things
 * there, moves or meets there, or an address label ("vivo en", "envíen a", "me mudé a",
 * "nos juntamos en mi casa,", "Dirección:").
 */
const addressContext =
  /(?:^|[^\p{L}\p{N}])(?:vivo|vive|vivimos|viven|vivia|viviendo|moro|mora|moramos|moram|morando|morava|resido|reside|residimos|residencia|residente|domicilio|domiciliado|domiciliada|direccion|dire|endereco|logradouro|morada|mi casa|minha casa|casa de|en casa|em casa|mi departamento|meu apartamento|meu ap|envio|envios|retiro|retirar|retirada|entregar|entrega|entreguen|entreguem|entregue|mandem|envien|envie|enviar|enviem|envia|envialo|enviala|enviamelo|enviame|mandar|manden|mande|manda|mandalo|mandala|mandamelo|mandame|paquete|pacote|encomenda|recoger|buscar|busquen|dejar|deixar|deixem|dejen|mude|mudei|mudamos|mudou|mudo|mudanza|mudanca|alquilo|alquilando|alugo|alugando|me encuentras|me encontras|me encuentran|me achem|me acham|me encontram|juntamos|reunimos|encontrar|encontramos|espero|esperamos|esperamos|fiesta|festa|cumpleanos|aniversario|cep|codigo postal)\b[^.!?\n]{0,24}$/u;
/** After the address, in its sentence: "…, es donde recibo el correo", "onde moro". */
const addressAfter =
  /^[^.!?\n]{0,60}?(?:(?:donde|onde|aqui|aca|ahi)[ \t]{1,2}(?:vivo|vive|vivimos|viven|moro|mora|moramos|moram|recibo|recibe|recibimos|recebo|recebe|recebemos)|(?:es|e)[ \t]{1,2}(?:mi casa|minha casa|mi domicilio|meu endereco|mi direccion|mi departamento|meu apartamento))(?![a-z])/u;
/** Words that only place something ("estoy en", "fica na"): enough for an address with a number. */
const placeContext =
  /(?:^|[^\p{L}\p{N}])(?:estoy|estou|estamos|queda|quedamos|fica|fico|ficamos|departamento|apartamento|depto|casa|hogar|estar|estare|estarei|estaremos|trabajo|trabajamos|trabalho|trabalhamos|vemos|veremos|espero|pasen|passem|venha|venham|vengan|es en|e na|e no|taller|oficina|escritorio|consultorio|loja|tienda|sitio|fazenda|finca|chacra)\b[^.!?\n]{0,24}$/u;

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
]);

/** A neighbourhood, estate or block named right before the street, with its comma. */
const neighbourhoodBefore =
  /(?:^|[^\p{L}\p{N}])((?:vila|villa|colonia|col\.|conjunto habitacional|conjunto|residencial|urb\.|urbanizacion|barrio|bairro|fraccionamiento|fracc\.|jardim|reparto|setor|sector)[ \t]{1,2}(?:[\p{L}\p{N}'.-]+[ \t]{1,2}){0,3}[\p{L}\p{N}'.-]+,[ \t]{1,2})$/u;

/** Where an address may start: a street type (short enough for `boundedMatches`' window). */
const streetTypeWord = new RegExp(`(?<![a-z0-9])(?:${streetTypes}|manzana|mz\\.?)`, "g");
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
    addressFrom.lastIndex = candidate.start;
    const match = addressFrom.exec(input.folded);
    if (match === null) continue;
    addressEnd = candidate.start + match[0].length;
    const finding = judge(input, candidate.start, match[0], match.slice(1));
    if (finding !== undefined) yield finding;
  }
}

function judge(
  input: ScanInput,
  at: number,
  value: string,
  groups: readonly (string | undefined)[],
): Finding | undefined {
  const [type, numberedName, streetNumber, flat, bareName] = groups;
  // A flat without a street number ("Av Sucre, Res. Caracas, piso 7") counts as one when it has a digit.
  if (flat !== undefined && !/\d/.test(flat)) return undefined;
  const houseNumber = streetNumber ?? flat;
  const name = numberedName ?? bareName;
  const { text } = input;
  let start = at;
  let end = at + value.length;
  // The neighbourhood written before the street belongs to the address: "Colonia Roma, Calle 5 12".
  const neighbourhood = neighbourhoodBefore.exec(
    input.folded.slice(Math.max(0, start - 64), start),
  );
  if (neighbourhood?.[1] !== undefined) start -= neighbourhood[1].length;
  const before = input.contextBefore(start);
  const context = addressContext.test(before);
  const placed = context || placeContext.test(before);
  if (type !== undefined && name !== undefined) {
    const nameStart = at + value.indexOf(name, type.length);
    const words = wordsOf(text, nameStart, name);
    // The name's words as written: capitalised or numbers, or anything after an address word.
    const written = words.filter((word) => !particles.has(word.folded));
    // A street's name never ends in "a las" or "de": "Avenida Bolívar a las 10" gives a time.
    if (houseNumber !== undefined && particles.has(words[words.length - 1]?.folded ?? "")) {
      return undefined;
    }
    const proper = written.every((word) => /^[\p{Lu}\d]/u.test(word.original));
    if (!proper && !context && !(placed && houseNumber !== undefined)) return undefined;
    if (ordinaryWordTypes.has(type) && !/^[\p{Lu}\d]/u.test(written[0]?.original ?? "")) {
      return undefined;
    }
    if (houseNumber === undefined) {
      if (!context) return undefined;
      // Without a number the name ends at its last capitalised word.
      const lastProper = [...written].reverse().find((word) => /^[\p{Lu}\d]/u.test(word.original));
      if (lastProper === undefined) return undefined;
      end = lastProper.end - (lastProper.original.endsWith(".") ? 1 : 0);
    }
  }
  const tied =
    context ||
    (houseNumber !== undefined && placed) ||
    addressAfter.test(input.folded.slice(end, end + 80)) ||
    mentionsPerson(input, sentenceAround(input, start, end));
  // With its number, above a name's confidence: "Rua Dr. Flores 264" is a street, not Mr Flores.
  const confidence = tied ? (houseNumber === undefined ? 0.8 : 0.96) : 0.45;
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

function* blockAddresses(input: ScanInput): Generator<Finding | undefined> {
  if (!input.hasDigits) return;
  for (const candidate of boundedMatches(input, blockCode)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
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
    yield {
      type: "STREET_ADDRESS",
      country: null,
      start,
      end,
      confidence: tied ? 0.9 : 0.45,
      validated: false,
      normalized: foldedValue(input.folded.slice(start, end)),
    };
  }
}

/**
 * A street written without its type, right after a word that says someone lives there:
 * "vivo en Las Acacias 340", "mi casa, 25 de Mayo 1180 depto 2". Its words must be capitalised
 * and its number must not count days or years ("vivo en Lima 20 años").
 */
const typelessPattern = new RegExp(
  `(?<![a-z0-9])(?:vivo|vive|vivimos|viven|moro|mora|moramos|moram|resido|reside|residimos|mi casa|minha casa|domicilio|direccion|endereco|mi direccion es|meu endereco e|envien|enviar|enviem|entregar|entreguem|entreguen|mandar|manden|mandem|dejar|deixar)(?:[ \\t]{1,2}(?:en|na|no|em|es|e|a|al|para))?[ \\t]{0,2}[:,]?[ \\t]{1,2}((?:\\d{1,2}[ \\t]de[ \\t])?((?:${nameWord}[ \\t]{1,2}){0,3}?${nameWord})(?:[ \\t]{0,2},)?[ \\t]{1,2}(\\d{2,5}[a-z]?)(?![\\d.,:/]?\\d)(${complement}))`,
  "g",
);
/** After the number and its flat: the end of the sentence or a clause, or a small word. */
const typelessEnd =
  /^(?:$|[ \t]{0,2}[,.;:)!?\n]|[ \t]{1,2}(?:en|na|no|em|desde|hace|ha|por|y|e|con|com|a|o|de|do|da|pero|mas|hasta|ate)(?![a-z]))/u;
const startsWithType = new RegExp(`^(?:${streetTypes}|manzana|mz\\.?)(?![a-z])`);

function* typelessAddresses(input: ScanInput): Generator<Finding | undefined> {
  if (!input.hasDigits) return;
  for (const candidate of foldedMatches(input, typelessPattern)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    const [address, name, houseNumber, flats] = candidate.groups;
    if (address === undefined || name === undefined || houseNumber === undefined) continue;
    if (startsWithType.test(address)) continue;
    const start = candidate.end - address.length;
    const end = candidate.end;
    // "vivo en Lima 20 años", "mandar a Lima 300 unidades": a count, not a house number.
    if (!typelessEnd.test(input.folded.slice(end, end + 12))) continue;
    // Three digits at least, or a flat after it: "Sucre 12" may be anything.
    // A year ("São Paulo 2024") is no house number unless a flat follows it.
    const yearLike = /^(?:19|20)\d\d$/.test(houseNumber);
    if ((houseNumber.length < 3 || yearLike) && (flats ?? "") === "") continue;
    const nameStart = start + address.indexOf(name);
    const written = wordsOf(input.text, nameStart, name).filter(
      (word) => !particles.has(word.folded),
    );
    if (!written.every((word) => /^[\p{Lu}\d]/u.test(word.original))) continue;
    yield {
      type: "STREET_ADDRESS",
      country: null,
      start,
      end,
      confidence: 0.9,
      validated: false,
      normalized: foldedValue(input.folded.slice(start, end)),
    };
  }
}
