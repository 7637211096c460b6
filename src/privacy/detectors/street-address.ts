import type { Finding } from "../../core/pii-types.js";
import type { Detector } from "./detector.js";
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
  detect: (input) => [streetAddresses(input)],
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
]
  // Longest first: "callejon" before "calle", so a type is never read as the start of a longer one.
  .sort((left, right) => right.length - left.length)
  .join("|");
/** Street types that are also ordinary words ("largo", "camino", "plaza"): the name must be capitalised. */
const ordinaryWordTypes = new Set([
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
const addressPattern = new RegExp(
  `(${streetTypes})[ \\t]{1,3}(?:(${numberedName})(?:(?:[ \\t]{0,2},)?[ \\t]{1,3}(${number})${complement}|((?:${complementItem}){1,4}))|(${bareName}))|(?:manzana|mz)\\.?[ \\t]{0,2}[a-z0-9]{1,3}[ \\t]{0,2},?[ \\t]{1,3}(?:lote|lt)\\.?[ \\t]{0,2}\\d{1,4}`,
  "g",
);

/**
 * Right before the address: a word that says someone lives there, receives or leaves things
 * there, moves or meets there, or an address label ("vivo en", "envíen a", "me mudé a",
 * "nos juntamos en mi casa,", "Dirección:").
 */
const addressContext =
  /(?:^|[^\p{L}\p{N}])(?:vivo|vive|vivimos|viven|vivia|viviendo|moro|mora|moramos|moram|morando|morava|resido|reside|residimos|residencia|residente|domicilio|domiciliado|domiciliada|direccion|dire|endereco|logradouro|morada|mi casa|minha casa|casa de|en casa|em casa|mi departamento|meu apartamento|meu ap|envio|envios|retiro|retirar|retirada|entregar|entrega|entreguen|entreguem|entregue|mandem|envien|envie|enviar|enviem|envia|mandar|manden|mande|paquete|pacote|encomenda|recoger|buscar|busquen|dejar|deixar|deixem|dejen|mude|mudei|mudamos|mudou|mudo|mudanza|mudanca|alquilo|alquilando|alugo|alugando|me encuentras|me encontras|me encuentran|me achem|me acham|me encontram|juntamos|reunimos|encontrar|encontramos|espero|esperamos|esperamos|fiesta|festa|cumpleanos|aniversario|cep|codigo postal)\b[^.!?\n]{0,24}$/u;
/** Words that only place something ("estoy en", "fica na"): enough for an address with a number. */
const placeContext =
  /(?:^|[^\p{L}\p{N}])(?:estoy|estou|estamos|estan|estao|esta|queda|quedamos|fica|fico|ficamos|ficam|es en|e na|e no|taller|oficina|escritorio|consultorio|loja|tienda|sitio|fazenda|finca|chacra)\b[^.!?\n]{0,24}$/u;

const particles = new Set([
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

/** Where an address may start: a street type (short enough for `boundedMatches`' window). */
const streetTypeWord = new RegExp(`(?:${streetTypes}|manzana|mz\\.?)`, "g");
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
  start: number,
  value: string,
  groups: readonly (string | undefined)[],
): Finding | undefined {
  const [type, numberedName, streetNumber, flat, bareName] = groups;
  // A flat without a street number ("Av Sucre, Res. Caracas, piso 7") counts as one when it has a digit.
  if (flat !== undefined && !/\d/.test(flat)) return undefined;
  const houseNumber = streetNumber ?? flat;
  const name = numberedName ?? bareName;
  const { text } = input;
  let end = start + value.length;
  const before = input.contextBefore(start);
  const context = addressContext.test(before);
  const placed = context || placeContext.test(before);
  if (type !== undefined && name !== undefined) {
    const nameStart = start + value.indexOf(name, type.length);
    const words = wordsOf(text, nameStart, name);
    // The name's words as written: capitalised or numbers, or anything after an address word.
    const written = words.filter((word) => !particles.has(word.folded));
    const proper = written.every((word) => /^[\p{Lu}\d]/u.test(word.original));
    if (!proper && !context) return undefined;
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
