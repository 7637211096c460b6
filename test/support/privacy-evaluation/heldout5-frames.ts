/**
 * Where the fifth held-out set puts a value, as a clerk pastes it: a WhatsApp chat export, a
 * spreadsheet pasted as TSV (with and without its header, several rows), an e-mail signature, a
 * form dump (label: value, the document type on one line and the number on the next), an OCR'd
 * scan, a system's JSON (the type in one field and the number in another, or the number as a
 * JSON number), an XML fragment, a log line of key=value pairs, a numbered list of values, and a
 * value alone as a whole message. People and places are left out, so that every span is an
 * identifier or a contact.
 */
import { s, type Draft, type Value } from "./heldout2-values.js";
import { chance, int, pick, random, type ValueKind } from "./heldout5-values.js";

export interface Labelled {
  label: string;
  key: string;
  value: Value;
}

export interface Placement {
  name: string;
  /** Whether the value names nothing near it (no label, no header, no field name). */
  unlabelled?: boolean;
  /** Whether the value must stay on one line (JSON, XML, log lines, TSV cells). */
  oneLine?: boolean;
  /** Whether the value must be digits only (a JSON number). */
  numeric?: boolean;
  build: (main: Labelled, other: Labelled, more: () => Value, kind: ValueKind) => Draft;
}

const pad = (value: number): string => String(value).padStart(2, "0");
const stamp = (): string =>
  `${pad(int(1, 28))}/${pad(int(1, 12))}/${int(24, 26)}, ${pad(int(7, 21))}:${pad(int(0, 59))}`;
const money = (lang: "es" | "pt"): string =>
  lang === "pt"
    ? `R$ ${int(12, 9800)},${pick(["00", "50", "90"])}`
    : `$${int(1, 99)}.${random.digits(3)}`;
const code = (): string => `${pick(["A", "B", "C", "F"])}${random.digits(4)}`;

/** Three rows of a pasted sheet; the main value in one of them, the others also of its kind. */
function rows(main: Value, more: () => Value, cells: (value: Value) => string): Draft {
  const at = int(0, 2);
  const values = [0, 1, 2].map((index) => (index === at ? main : more()));
  return joinDrafts(
    values.map((value) => s`${code()}\t${value}\t${cells(value)}`),
    "\n",
  );
}

function joinDrafts(drafts: readonly Draft[], separator: string): Draft {
  let text = "";
  const spans: Draft["spans"] = [];
  drafts.forEach((draft, index) => {
    if (index > 0) text += separator;
    for (const span of draft.spans) {
      spans.push({ ...span, start: span.start + text.length, end: span.end + text.length });
    }
    text += draft.text;
  });
  return { text, spans };
}

function prefixed(prefix: string, draft: Draft): Draft {
  return joinDrafts([{ text: prefix, spans: [] }, draft], "");
}

/** The main value among two more of its kind, numbered `1)` or `1.`, nothing naming them. */
const numberedList = (marker: string): Placement => ({
  name: "numbered list of values",
  unlabelled: true,
  build: ({ value }, _other, more) => {
    const at = int(0, 2);
    const values = [0, 1, 2].map((index) => (index === at ? value : more()));
    return joinDrafts(
      values.map((item, index) => prefixed(`${index + 1}${marker} `, s`${item}`)),
      "\n",
    );
  },
});

export const portuguesePlacements: readonly Placement[] = [
  {
    name: "whatsapp export",
    build: ({ label, value }) =>
      s`[${stamp()}] Cliente: bom dia\n[${stamp()}] Cliente: ${label} ${value}\n[${stamp()}] Atendimento: obrigado, vou verificar`,
  },
  {
    name: "whatsapp message alone",
    build: ({ label, value }) => s`${label.toLowerCase()} ${value} ok?`,
  },
  {
    name: "tsv with header, three rows",
    oneLine: true,
    build: ({ label, value }, _other, more) =>
      prefixed(
        `Cód\t${label}\tValor\tSituação\n`,
        rows(value, more, () => `${money("pt")}\t${pick(["pago", "em aberto", "vencido"])}`),
      ),
  },
  {
    name: "tsv without header, three rows",
    unlabelled: true,
    oneLine: true,
    build: ({ value }, _other, more) =>
      rows(value, more, () => `${money("pt")}\t${pick(["ok", "pendente", "cancelado"])}`),
  },
  {
    name: "email signature",
    build: ({ label, value }, other) =>
      s`Att.,\n\nSetor Financeiro | Filial Centro\n${other.label}: ${other.value}\n${label}: ${value}\n\nEsta mensagem é confidencial.`,
  },
  {
    name: "form dump, type then number",
    build: ({ label, value }) =>
      s`Tipo de documento: ${label}\nNúmero: ${value}\nData de emissão: ${pad(int(1, 28))}/${pad(int(1, 12))}/${int(1995, 2024)}`,
  },
  {
    name: "form dump, label: value",
    build: ({ label, value }, other) =>
      s`Cadastro\n${label}: ${value}\n${other.label}: ${other.value}\nObs.: cliente desde ${int(2001, 2024)}`,
  },
  {
    name: "ocr scan",
    build: ({ label, value }) =>
      s`REPÚBLICA  FEDERATIVA   DO  BRASIL\n${label.toUpperCase()}   ${value}\nVÁLIDA  EM  TODO  O  TERRITÓRIO  NACIONAL`,
  },
  {
    name: "json, type and number apart",
    oneLine: true,
    build: ({ label, value }) =>
      s`{"cliente":{"documento":{"tipo":"${label}","numero":"${value}"},"ativo":true}}`,
  },
  {
    name: "json, field name",
    oneLine: true,
    build: ({ key, value }, other) =>
      s`{"id": ${int(1000, 99999)}, "${key}": "${value}", "${other.key}": "${other.value}"}`,
  },
  {
    name: "json number",
    oneLine: true,
    numeric: true,
    build: ({ key, value }) => s`{"${key}":${value},"status":"ATIVO"}`,
  },
  {
    name: "xml",
    oneLine: true,
    build: ({ key, value }) => s`<dest><${key}>${value}</${key}><indIEDest>9</indIEDest></dest>`,
  },
  {
    name: "log line key=value",
    oneLine: true,
    build: ({ key, value }) =>
      s`2026-03-${pad(int(1, 28))}T10:${pad(int(0, 59))}:11Z INFO cadastro ok ${key}=${value} origem=app`,
  },
  numberedList(")"),
  { name: "value alone", unlabelled: true, build: ({ value }) => s`${value}` },
  {
    name: "value then label in parentheses",
    build: ({ label, value }) => s`segue o ${value} (${label}) pra emissão da nota`,
  },
];

export const spanishPlacements: readonly Placement[] = [
  {
    name: "whatsapp export",
    build: ({ label, value }) =>
      s`[${stamp()}] Cliente: buenas tardes\n[${stamp()}] Cliente: mi ${label} es ${value}\n[${stamp()}] Soporte: gracias, ya lo reviso`,
  },
  {
    name: "whatsapp message alone",
    build: ({ label, value }) => s`${label.toLowerCase()} ${value} porfa`,
  },
  {
    name: "tsv with header, three rows",
    oneLine: true,
    build: ({ label, value }, _other, more) =>
      prefixed(
        `Folio\t${label}\tImporte\tEstatus\n`,
        rows(value, more, () => `${money("es")}\t${pick(["pagado", "pendiente", "vencido"])}`),
      ),
  },
  {
    name: "tsv without header, three rows",
    unlabelled: true,
    oneLine: true,
    build: ({ value }, _other, more) =>
      rows(value, more, () => `${money("es")}\t${pick(["ok", "pendiente", "baja"])}`),
  },
  {
    name: "email signature",
    build: ({ label, value }, other) =>
      s`Saludos cordiales,\n\nÁrea de Cobranzas - Sucursal Norte\n${other.label}: ${other.value}\n${label}: ${value}\n\nAviso de confidencialidad: este correo es privado.`,
  },
  {
    name: "form dump, type then number",
    build: ({ label, value }) =>
      s`Tipo de documento: ${label}\nNúmero: ${value}\nFecha de expedición: ${pad(int(1, 28))}/${pad(int(1, 12))}/${int(1995, 2024)}`,
  },
  {
    name: "form dump, label: value",
    build: ({ label, value }, other) =>
      s`Alta de cliente\n${label}: ${value}\n${other.label}: ${other.value}\nObservaciones: ${pick(["ninguna", "pago en efectivo", "requiere factura"])}`,
  },
  {
    name: "ocr scan",
    build: ({ label, value }) =>
      s`DOCUMENTO   NACIONAL\n${label.toUpperCase()}  :  ${value}\nFIRMA   DEL   TITULAR`,
  },
  {
    name: "json, type and number apart",
    oneLine: true,
    build: ({ label, value }) =>
      s`{"titular":{"tipoDocumento":"${label}","numeroDocumento":"${value}"},"estado":"ACTIVO"}`,
  },
  {
    name: "json, field name",
    oneLine: true,
    build: ({ key, value }, other) =>
      s`{"id": ${int(1000, 99999)}, "${key}": "${value}", "${other.key}": "${other.value}"}`,
  },
  {
    name: "json number",
    oneLine: true,
    numeric: true,
    build: ({ key, value }) => s`{"${key}":${value},"estatus":"VIGENTE"}`,
  },
  {
    name: "xml",
    oneLine: true,
    build: ({ key, value }) => s`<Receptor ${key}="${value}" UsoCFDI="G03"/>`,
  },
  {
    name: "log line key=value",
    oneLine: true,
    build: ({ key, value }) =>
      s`2026-03-${pad(int(1, 28))} 10:${pad(int(0, 59))}:11 INFO alta ok ${key}=${value} canal=web`,
  },
  numberedList("."),
  { name: "value alone", unlabelled: true, build: ({ value }) => s`${value}` },
  {
    name: "value then label in parentheses",
    build: ({ label, value }) =>
      s`te paso el ${value} (${label}) para la factura${chance(0.5) ? " saludos" : ""}`,
  },
];
