/**
 * Where the fourth held-out set puts a value: chat messages in es and pt as people type them
 * (no accents, "eh", "vlw", "porfa"), labels glued to the value or with "#", "Nº", "nro.", ":",
 * values after a number or another token, on the next line, in CSV rows, JSON, lists, tables,
 * query strings and form dumps, and two values in one message. `label` is a word people use
 * for the value, `value` the value as written, `other` a second value with its own label.
 */
import { s, type Draft, type Value } from "./heldout2-values.js";
import { pick, random } from "./heldout4-values.js";

export interface Labelled {
  label: string;
  value: Value;
}

export interface Placement {
  name: string;
  /** Whether the value must stay on one line (JSON strings, query strings, table cells). */
  oneLine?: boolean;
  build: (main: Labelled, other: Labelled) => Draft;
}

/** A label as a field's key: "C.E.P." → "cep", "habilitação" → "habilitacao", "nº do PIS" → "n_do_pis". */
const key = (label: string): string =>
  label
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f.]/g, "")
    .replace(/[^a-z]+/g, "_")
    .replace(/^_|_$/g, "");
const hour = (): string => `${random.integer(8, 20)}h${pick(["", "30", "15"])}`;
const day = (): string => `${random.integer(1, 28)}/${random.integer(1, 12)}`;

/** Two placements written the same in both languages. */
const jsonGlued: Placement = {
  name: "json glued",
  oneLine: true,
  build: ({ label, value }, other) =>
    s`{"${key(label)}":"${value}","${key(other.label)}":"${other.value}"}`,
};
const valueAlone: Placement = { name: "no label, value alone", build: ({ value }) => s`${value}` };

export const portuguesePlacements: readonly Placement[] = [
  {
    name: "after label, chat",
    build: ({ label, value }) =>
      s`oi boa tarde, o ${label} é ${value}, consegue ver se ta tudo certo?`,
  },
  {
    name: "after label, no accents",
    build: ({ label, value }) => s`blz, ${label} eh ${value} vlw`,
  },
  { name: "glued to label", build: ({ label, value }) => s`segue ${label}${value} pro cadastro` },
  { name: "glued with #", build: ({ label, value }) => s`${label}#${value} (titular)` },
  {
    name: "glued with nº",
    build: ({ label, value }) => s`Dados do cliente - ${label} nº${value} - conferir`,
  },
  { name: "label n°:", build: ({ label, value }) => s`${label} n°: ${value}` },
  {
    name: "label Nº",
    build: ({ label, value }) => s`Favor atualizar ${label} Nº ${value} no sistema.`,
  },
  { name: "glued with colon", build: ({ label, value }) => s`${label}:${value}` },
  {
    name: "after a number",
    build: ({ label, value }) => s`Protocolo ${random.integer(1000, 99999)} - ${label} ${value}`,
  },
  {
    name: "after a digit token",
    build: ({ label, value }) =>
      s`pedido ${random.integer(10000, 999999)} ${label}${value} entregar ${hour()}`,
  },
  {
    name: "in parentheses",
    build: ({ label, value }) => s`meu ${label} (${value}) ta errado no boleto`,
  },
  { name: "label on the line above", build: ({ label, value }) => s`${label}:\n${value}` },
  {
    name: "label far before",
    build: ({ label, value }) =>
      s`o ${label} que ficou no cadastro antigo, se não me engano, era ${value}`,
  },
  { name: "label after value", build: ({ label, value }) => s`${value} esse é o ${label} dela` },
  {
    name: "quoted",
    build: ({ label, value }) => s`no campo ${label} coloquei "${value}" e deu erro`,
  },
  {
    name: "dotted leader",
    build: ({ label, value }) => s`${label.toUpperCase()}.......: ${value}`,
  },
  { name: "tab separated", build: ({ label, value }) => s`${label}\t${value}\tok` },
  {
    name: "list",
    build: ({ label, value }, other) =>
      s`Dados pra matrícula:\n- ${label}: ${value}\n- ${other.label}: ${other.value}\n- turno: manhã`,
  },
  {
    name: "csv with header",
    build: ({ label, value }) =>
      s`id;${key(label)};situacao\n${random.integer(1, 400)};${value};ativo`,
  },
  {
    name: "csv row without header",
    oneLine: true,
    build: ({ value }) =>
      s`${random.integer(18, 80)},${value},${pick(["ativo", "inativo", "pendente"])},SP`,
  },
  {
    name: "json string",
    oneLine: true,
    build: ({ label, value }) => s`{"cliente": {"${key(label)}": "${value}", "ativo": true}}`,
  },
  jsonGlued,
  {
    name: "markdown table",
    oneLine: true,
    build: ({ label, value }) => s`| campo | valor |\n|---|---|\n| ${label} | ${value} |`,
  },
  {
    name: "query string",
    oneLine: true,
    build: ({ label, value }) =>
      s`https://portal.exemplo.com.br/consulta?${key(label)}=${value}&origem=app`,
  },
  {
    name: "two values",
    build: ({ label, value }, other) => s`${label} ${value} / ${other.label} ${other.value}`,
  },
  {
    name: "signature",
    build: ({ label, value }) => s`Obrigada!\natt.\n${label} ${value}`,
  },
  {
    name: "end of question",
    build: ({ label, value }) => s`vcs aceitam esse ${label}? ${value}`,
  },
  valueAlone,
  {
    name: "after a date",
    build: ({ label, value }) => s`dia ${day()} ${label} ${value} confirmado`,
  },
];

export const spanishPlacements: readonly Placement[] = [
  {
    name: "after label, chat",
    build: ({ label, value }) => s`hola buenas, mi ${label} es ${value}, me pueden ayudar?`,
  },
  {
    name: "after label, no accents",
    build: ({ label, value }) => s`ok te paso el ${label} ${value} porfa revisalo`,
  },
  {
    name: "glued to label",
    build: ({ label, value }) => s`adjunto ${label}${value} para el tramite`,
  },
  { name: "glued with #", build: ({ label, value }) => s`${label}#${value} - urgente` },
  {
    name: "glued with N°",
    build: ({ label, value }) => s`Titular con ${label} N°${value} solicita baja.`,
  },
  { name: "label nro.", build: ({ label, value }) => s`${label} nro. ${value}` },
  {
    name: "label No.",
    build: ({ label, value }) => s`Se registra ${label} No.${value} en el expediente.`,
  },
  { name: "glued with colon", build: ({ label, value }) => s`${label}:${value}` },
  {
    name: "after a number",
    build: ({ label, value }) => s`Ticket ${random.integer(1000, 99999)} - ${label} ${value}`,
  },
  {
    name: "after a digit token",
    build: ({ label, value }) =>
      s`folio ${random.integer(10000, 999999)} ${label}${value} pasa a las ${hour()}`,
  },
  {
    name: "in parentheses",
    build: ({ label, value }) => s`el ${label} (${value}) sale mal en la factura`,
  },
  { name: "label on the line above", build: ({ label, value }) => s`${label}:\n${value}` },
  {
    name: "label far before",
    build: ({ label, value }) =>
      s`el ${label} que tenia registrado antes, si no me equivoco, es ${value}`,
  },
  {
    name: "label after value",
    build: ({ label, value }) => s`${value} ese es el ${label} de mi mamá`,
  },
  {
    name: "quoted",
    build: ({ label, value }) => s`en el campo ${label} puse "${value}" y no me deja`,
  },
  {
    name: "dotted leader",
    build: ({ label, value }) => s`${label.toUpperCase()}.......: ${value}`,
  },
  { name: "tab separated", build: ({ label, value }) => s`${label}\t${value}\tvigente` },
  {
    name: "list",
    build: ({ label, value }, other) =>
      s`Datos para la inscripción:\n* ${label}: ${value}\n* ${other.label}: ${other.value}\n* turno: tarde`,
  },
  {
    name: "csv with header",
    build: ({ label, value }) =>
      s`n,${key(label)},estado\n${random.integer(1, 400)},${value},activo`,
  },
  {
    name: "csv row without header",
    oneLine: true,
    build: ({ value }) =>
      s`${random.integer(18, 80)};${value};${pick(["activo", "baja", "pendiente"])};CDMX`,
  },
  {
    name: "json string",
    oneLine: true,
    build: ({ label, value }) => s`{"usuario": {"${key(label)}": "${value}", "verificado": false}}`,
  },
  jsonGlued,
  {
    name: "markdown table",
    oneLine: true,
    build: ({ label, value }) => s`| dato | valor |\n|---|---|\n| ${label} | ${value} |`,
  },
  {
    name: "query string",
    oneLine: true,
    build: ({ label, value }) =>
      s`https://tramites.ejemplo.gob/consulta?${key(label)}=${value}&paso=2`,
  },
  {
    name: "two values",
    build: ({ label, value }, other) => s`${label} ${value} y ${other.label} ${other.value}`,
  },
  {
    name: "signature",
    build: ({ label, value }) => s`Saludos cordiales,\n${label} ${value}`,
  },
  {
    name: "end of question",
    build: ({ label, value }) => s`sirve este ${label}? ${value}`,
  },
  valueAlone,
  {
    name: "after a date",
    build: ({ label, value }) => s`el ${day()} ${label} ${value} quedó confirmado`,
  },
];
