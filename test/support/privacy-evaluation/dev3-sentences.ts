/**
 * Writes test/fixtures/privacy/evaluation/dev3.jsonl: a third development set for identifiers
 * and contact data (no names, addresses or health), from sentences written apart from dev's and
 * dev2's templates and from the held-out set, by someone who had not read the detectors. Values
 * come from the seeded generators of test/support/pii-generators.ts (RG, CEP, Argentine DNI,
 * Colombian and Venezuelan cédula, which have none there, are made below); each frame places
 * them as people write to a chatbot at a clinic, shop, school, bank branch or public office.
 * The seed is fixed, so a run rewrites the same file. Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/dev3 --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node test/support/privacy-evaluation/dev3-sentences.ts
 *   node .colibri-test/dev3/test/support/privacy-evaluation/dev3-sentences.js
 *   rm -rf .colibri-test/dev3
 */
import { writeFileSync } from "node:fs";
import type { PiiType } from "../../../src/core/pii-types.js";
import {
  evaluationLineSchema,
  type EvaluationLine,
  type EvaluationSpan,
} from "../../../tools/bench/privacy-evaluation-line.js";
import * as gen from "../pii-generators.js";
import { SeededRandom } from "../pii-generators.js";

const random = new SeededRandom(0x3d3e3);

/** A personal value placed in a sentence, as written. */
interface Value {
  type: PiiType;
  text: string;
}
type Part = string | Value;

const v = (type: PiiType, text: string): Value => ({ type, text });

// ----- values -------------------------------------------------------------------------------

function dotted(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ".");
}

const values = {
  cpf: () => v("BR_CPF", gen.cpf(random).text),
  cpfDotted: () => v("BR_CPF", gen.cpf(random, true).text),
  cpfPlain: () => v("BR_CPF", gen.cpf(random, false).text),
  cnpj: () => v("BR_CNPJ", gen.cnpj(random).text),
  cnpjDotted: () => v("BR_CNPJ", gen.cnpj(random, { formatted: true }).text),
  pis: () => v("BR_PIS", gen.pis(random).text),
  cnh: () => v("BR_CNH", gen.cnh(random).text),
  rg: () => v("BR_RG", gen.rg(random).text),
  cep: () => {
    const digits = `${random.integer(1, 9)}${random.digits(7)}`;
    return v("BR_CEP", random.boolean() ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits);
  },
  curp: () => v("MX_CURP", gen.curp(random).text),
  rfc: () => v("MX_RFC", gen.rfc(random).text),
  clabe: () => v("MX_CLABE", gen.clabe(random).text),
  clabeNew: () => v("MX_CLABE", gen.clabeOutsideBankList(random).text),
  ine: () => v("MX_INE", gen.ine(random).text),
  cuit: () => v("AR_CUIT", gen.cuit(random).text),
  arDni: () => {
    const digits = String(random.integer(10_000_000, 45_999_999));
    return v("AR_DNI", random.boolean() ? dotted(digits) : digits);
  },
  rut: () => v("CL_RUT", gen.rut(random).text),
  nit: () => v("CO_NIT", gen.nit(random).text),
  coCedula: () => {
    const digits = random.boolean()
      ? String(random.integer(1_000_000_000, 1_129_999_999))
      : String(random.integer(10_000_000, 99_999_999));
    return v("CO_CEDULA", random.boolean() ? dotted(digits) : digits);
  },
  peDni: () => v("PE_DNI", gen.peruDni(random).text),
  peRuc: () => v("PE_RUC", gen.peruRuc(random).text),
  ecCedula: () => v("EC_CEDULA", gen.ecuadorCedula(random).text),
  ecRuc: () => v("EC_RUC", gen.ecuadorRuc(random).text),
  uyCedula: () => v("UY_CEDULA", gen.uruguayCedula(random).text),
  uyRut: () => v("UY_RUT", gen.uruguayRut(random).text),
  veCedula: () => {
    const digits = String(random.integer(4_000_000, 31_999_999));
    return v("VE_CEDULA", `${random.pick(["V-", "V", "E-", "V "])}${dotted(digits)}`);
  },
  rif: () => v("VE_RIF", gen.rif(random).text),
  pyRuc: () => v("PY_RUC", gen.paraguayRuc(random).text),
  card: () => v("CARD", gen.card(random).text),
  cardGrouped: () => v("CARD", gen.card(random, true).text),
  phone: (region?: "BR" | "MX" | "AR" | "CL" | "CO" | "PE", international?: boolean) =>
    v("PHONE", gen.phone(random, region, international).text),
  unlisted: (region?: "BR" | "MX" | "AR" | "CL" | "CO") =>
    v("PHONE", gen.unlistedPhone(random, region).text),
  email: () => v("EMAIL", email()),
};

const userParts = [
  "ana.souza",
  "jp.mendes",
  "luis_r",
  "contato",
  "financeiro",
  "marce.lopez88",
  "c.ibarra",
  "tati2019",
  "vendas",
  "rh.admissao",
  "pablo.quiroga",
  "secretaria",
  "gaby.t",
  "ferreira.lu",
  "dra.mora",
  "facturacion",
];
const domains = [
  "gmail.com",
  "hotmail.com",
  "outlook.com",
  "yahoo.com.br",
  "uol.com.br",
  "bol.com.br",
  "yahoo.com.mx",
  "prodigy.net.mx",
  "fibertel.com.ar",
  "vtr.net",
  "une.net.co",
  "clinicasanjose.com.pe",
  "escolaipe.edu.br",
  "ferreteria-elsol.com",
  "correo.gob.ec",
  "adinet.com.uy",
];

function email(): string {
  return `${random.pick(userParts)}${random.boolean() ? "" : String(random.integer(1, 99))}@${random.pick(domains)}`;
}

// ----- ways of writing a value ---------------------------------------------------------------

function mapDigits(text: string, zero: number): string {
  return text.replace(/\d/g, (d) => String.fromCharCode(zero + Number(d)));
}

/** Inserts `insert` at a point near the middle of the value, between two letters or digits. */
function split(text: string, insert: string): string {
  const middle = Math.floor(text.length / 2);
  for (let offset = 0; offset < text.length; offset++) {
    for (const at of [middle + offset, middle - offset]) {
      if (at > 0 && at < text.length && /[0-9A-Za-z]/.test(text[at - 1] ?? "")) {
        if (/[0-9A-Za-z]/.test(text[at] ?? "")) {
          return `${text.slice(0, at)}${insert}${text.slice(at)}`;
        }
      }
    }
  }
  return text;
}

const forms: Record<string, (value: Value) => Value> = {
  spaces: (x) => ({ ...x, text: x.text.replace(/[.\-/]/g, " ") }),
  nbsp: (x) => ({ ...x, text: x.text.replace(/[.\- ]/g, "\u00a0") }),
  "narrow-nbsp": (x) => ({ ...x, text: x.text.replace(/[. ]/g, "\u202f") }),
  "en-dash": (x) => ({ ...x, text: x.text.replace(/-/g, "\u2013") }),
  "em-dash": (x) => ({ ...x, text: x.text.replace(/-/g, "\u2014") }),
  "minus-sign": (x) => ({ ...x, text: x.text.replace(/-/g, "\u2212") }),
  "hyphen-u2010": (x) => ({ ...x, text: x.text.replace(/-/g, "\u2010") }),
  "fullwidth-digits": (x) => ({ ...x, text: mapDigits(x.text, 0xff10) }),
  "arabic-indic-digits": (x) => ({ ...x, text: mapDigits(x.text, 0x0660) }),
  "zero-width-space": (x) => ({ ...x, text: split(x.text, "\u200b") }),
  "zero-width-joiner": (x) => ({ ...x, text: split(x.text, "\u200d") }),
  "soft-hyphen": (x) => ({ ...x, text: split(x.text, "\u00ad") }),
  "line-break": (x) => ({ ...x, text: split(x.text, "\n") }),
  "lower-case": (x) => ({ ...x, text: x.text.toLowerCase() }),
  "no-separators": (x) => ({ ...x, text: x.text.replace(/[.\- ]/g, "") }),
};

// ----- sentences ---------------------------------------------------------------------------

interface Frame {
  form: string;
  kind?: "negative";
  parts: () => Part[];
}

/** A tagged template: `s\`mi DNI ${value}\``. */
function s(strings: TemplateStringsArray, ...items: Part[]): Part[] {
  const parts: Part[] = [];
  strings.forEach((text, index) => {
    if (text !== "") parts.push(text);
    const item = items[index];
    if (item !== undefined) parts.push(item);
  });
  return parts;
}

const num = (min: number, max: number) => String(random.integer(min, max));
const money = (min: number, max: number, sep: "," | ".") => {
  const whole = dotted(num(min, max)).replace(/\./g, sep === "," ? "." : ",");
  return `${whole}${sep}${random.digits(2)}`;
};
const date = () =>
  `${String(random.integer(1, 28)).padStart(2, "0")}/${String(random.integer(1, 12)).padStart(2, "0")}/${random.integer(2019, 2026)}`;
const hour = () => `${random.integer(7, 19)}:${random.pick(["00", "15", "30", "45"])}`;

function obfuscated(kind: "bracket" | "paren" | "spaced" | "word-es" | "word-pt"): Value {
  const [user, domain] = email().split("@") as [string, string];
  const [first, ...rest] = domain.split(".");
  switch (kind) {
    case "bracket":
      return v("EMAIL", `${user} [arroba] ${domain}`);
    case "paren":
      return v("EMAIL", `${user}(at)${first ?? ""}(dot)${rest.join("(dot)")}`);
    case "spaced":
      return v("EMAIL", `${user} @ ${first ?? ""} . ${rest.join(" . ")}`);
    case "word-es":
      return v("EMAIL", `${user} arroba ${first ?? ""} punto ${rest.join(" punto ")}`);
    case "word-pt":
      return v("EMAIL", `${user} arroba ${first ?? ""} ponto ${rest.join(" ponto ")}`);
  }
}

// ---- Spanish positives
const esPositive: Frame[] = [
  {
    form: "label-before",
    parts: () => s`Hola, quiero sacar turno con la dermatóloga. Mi DNI es ${values.arDni()}`,
  },
  {
    form: "label-after",
    parts: () => s`${values.arDni()} (mi DNI), lo pongo por si lo necesitan para la obra social`,
  },
  {
    form: "label-after",
    parts: () =>
      s`Les paso el ${values.rut()} — es el RUT de la empresa, la factura va a nombre de ella`,
  },
  {
    form: "label-far",
    parts: () =>
      s`Para el reembolso me pidieron un número que no sé si es el correcto, ${values.cuit()}, que figura arriba en mi recibo de sueldo como CUIL`,
  },
  {
    form: "form-field",
    parts: () => s`DNI: ${values.peDni()}\nFecha de cita: ${date()}\nEspecialidad: pediatría`,
  },
  {
    form: "form-field",
    parts: () => s`R.U.T.: ${values.rut()}\nGiro: venta de repuestos\nComuna: Maipú`,
  },
  { form: "form-field", parts: () => s`Nº de documento ${values.coCedula()} — tipo CC` },
  {
    form: "abbreviated-label",
    parts: () => s`doc. ${values.arDni()} para retirar el pedido en sucursal`,
  },
  {
    form: "abbreviated-label",
    parts: () => s`rut nro ${values.rut()}, ¿me confirman si quedé inscrito en el taller?`,
  },
  {
    form: "abbreviated-label",
    parts: () => s`cuil n° ${values.cuit()} por favor revisen si me cargaron bien el aporte`,
  },
  {
    form: "misspelled-label",
    parts: () => s`mi cedual es ${values.ecCedula()} y no me deja ingresar al portal del SRI`,
  },
  {
    form: "label-words",
    parts: () => s`Cédula de identidad ${values.uyCedula()}, necesito reimprimir el recibo de UTE`,
  },
  {
    form: "label-words",
    parts: () =>
      s`documento de identidad: ${values.veCedula()} — lo pide el banco para abrir la cuenta`,
  },
  {
    form: "glued-label",
    parts: () => s`CURP${values.curp()} es la de mi hija, la inscribimos en primaria`,
  },
  { form: "glued-label", parts: () => s`mi RFC:${values.rfc()} para la factura, uso CFDI G03` },
  {
    form: "after-ID",
    parts: () => s`ID ${values.peDni()} — ya me registré pero no me llega el código`,
  },
  { form: "after-Nº", parts: () => s`Nº ${values.cuit()} es el CUIT del consorcio` },
  {
    form: "after-número",
    parts: () => s`el número ${values.nit()} es el NIT de la tienda, para la cotización`,
  },
  { form: "after-nro", parts: () => s`nro. de cédula ${values.coCedula()}, afiliación a la EPS` },
  { form: "after-hash", parts: () => s`RUC # ${values.peRuc()} para la boleta, gracias` },
  {
    form: "lower-case",
    parts: () =>
      s`mi curp es ${forms["lower-case"]!(values.curp())} pero el sistema dice que no existe`,
  },
  {
    form: "lower-case",
    parts: () => s`rfc ${forms["lower-case"]!(values.rfc())} y régimen 612, ¿así lo lleno?`,
  },
  {
    form: "text-start",
    parts: () => s`${values.curp()} esa es mi CURP, ¿qué más necesito para la beca?`,
  },
  { form: "text-start", parts: () => s`${values.rif()} es el RIF para la nota de entrega` },
  {
    form: "text-end",
    parts: () => s`Para la constancia de estudios, mi cédula ${values.ecCedula()}`,
  },
  { form: "text-end", parts: () => s`Me pueden facturar a este RUC ${values.pyRuc()}` },
  {
    form: "parentheses",
    parts: () => s`La titular de la cuenta (RUT ${values.rut()}) autoriza el retiro`,
  },
  {
    form: "parentheses",
    parts: () => s`Pago con transferencia a la CLABE interbancaria (${values.clabe()})`,
  },
  {
    form: "quotes",
    parts: () => s`En el formulario escribí "${values.cuit()}" en el campo CUIT y me da error`,
  },
  {
    form: "quotes",
    parts: () => s`me dijeron que la CLABE es «${values.clabeNew()}», ¿es correcta para Nu?`,
  },
  {
    form: "two-values",
    parts: () => s`DNI ${values.peDni()} y RUC ${values.peRuc()}, los dos están a mi nombre`,
  },
  {
    form: "two-values",
    parts: () => s`RFC ${values.rfc()} / CURP ${values.curp()} — para el alta en el IMSS`,
  },
  {
    form: "three-values",
    parts: () =>
      s`Datos para la inscripción: CUIT ${values.cuit()}, tel ${values.phone("AR")}, mail ${values.email()}`,
  },
  { form: "slash-separated", parts: () => s`cédula/RUC: ${values.ecCedula()} / ${values.ecRuc()}` },
  {
    form: "list",
    parts: () =>
      s`Te paso lo que pide la escuela:\n- CURP: ${values.curp()}\n- Teléfono: ${values.phone("MX")}\n- Correo: ${values.email()}`,
  },
  {
    form: "list",
    parts: () =>
      s`1) RUT ${values.uyRut()}\n2) cédula del titular ${values.uyCedula()}\n3) constancia de BPS`,
  },
  {
    form: "csv-row",
    parts: () =>
      s`nombre_archivo,documento,telefono\nalta_03.pdf,${values.arDni()},${values.phone("AR")}`,
  },
  {
    form: "tsv-row",
    parts: () =>
      s`doc\tcorreo\tcelular\n${values.coCedula()}\t${values.email()}\t${values.phone("CO")}`,
  },
  {
    form: "pipe-table",
    parts: () => s`| RUC | Teléfono |\n|---|---|\n| ${values.peRuc()} | ${values.phone("PE")} |`,
  },
  {
    form: "markdown-table",
    parts: () =>
      s`| Campo | Valor |\n| --- | --- |\n| CURP | ${values.curp()} |\n| CLABE | ${values.clabe()} |`,
  },
  {
    form: "json",
    parts: () => s`{"rut": "${values.rut()}", "email": "${values.email()}", "plan": "familiar"}`,
  },
  {
    form: "json",
    parts: () =>
      s`el sistema me devuelve esto: {"error":"documento inválido","nit":"${values.nit()}"}`,
  },
  {
    form: "key-value",
    parts: () =>
      s`cedula=${values.ecCedula()} telefono=${values.phone(undefined, true)} turno=mañana`,
  },
  { form: "spaces", parts: () => s`mi cuit es ${forms.spaces!(values.cuit())}` },
  {
    form: "nbsp",
    parts: () =>
      s`RUT ${forms.nbsp!(v("CL_RUT", gen.rut(random, "dotted").text))} para el certificado`,
  },
  {
    form: "narrow-nbsp",
    parts: () =>
      s`CI ${forms["narrow-nbsp"]!(v("UY_CEDULA", gen.uruguayCedula(random, true).text))} es la mía`,
  },
  {
    form: "en-dash",
    parts: () =>
      s`CUIL ${forms["en-dash"]!(v("AR_CUIT", gen.cuit(random, true).text))} — lo copié del recibo`,
  },
  {
    form: "minus-sign",
    parts: () => s`RUT ${forms["minus-sign"]!(v("CL_RUT", gen.rut(random, "hyphen").text))}`,
  },
  {
    form: "hyphen-u2010",
    parts: () => s`NIT ${forms["hyphen-u2010"]!(values.nit())} de la empresa`,
  },
  {
    form: "fullwidth-digits",
    parts: () => s`DNI ${forms["fullwidth-digits"]!(values.peDni())} (lo copié del celular)`,
  },
  {
    form: "arabic-indic-digits",
    parts: () => s`mi CLABE ${forms["arabic-indic-digits"]!(values.clabe())}`,
  },
  { form: "zero-width-space", parts: () => s`CURP ${forms["zero-width-space"]!(values.curp())}` },
  {
    form: "zero-width-joiner",
    parts: () => s`tarjeta ${forms["zero-width-joiner"]!(values.card())} me la rechazaron`,
  },
  { form: "soft-hyphen", parts: () => s`RUC ${forms["soft-hyphen"]!(values.peRuc())}` },
  { form: "line-break", parts: () => s`el RUT es ${forms["line-break"]!(values.rut())} gracias` },
  {
    form: "no-separators",
    parts: () => s`rif ${forms["no-separators"]!(v("VE_RIF", gen.rif(random, true).text))}`,
  },
  {
    form: "clabe-after-word",
    parts: () => s`transfiéreme a la clabe ${values.clabeNew()} de Mercado Pago`,
  },
  {
    form: "clabe-no-label",
    parts: () => s`deposita aquí porfa ${values.clabe()} y me mandas el comprobante`,
  },
  { form: "ine", parts: () => s`la clave de elector de mi INE es ${values.ine()}` },
  {
    form: "card",
    parts: () =>
      s`Quiero dar de baja la tarjeta terminada en... bueno, es la ${values.cardGrouped()}`,
  },
  { form: "card", parts: () => s`cobren a la ${values.card()} vence 08/29` },
  { form: "card-after-digit", parts: () => s`2 cuotas con la tarjeta ${values.card()}` },
  {
    form: "phone-national",
    parts: () =>
      s`Llámenme al ${values.phone(random.pick(["MX", "AR", "CL", "CO", "PE"] as const), false)} después de las 6`,
  },
  {
    form: "phone-international",
    parts: () =>
      s`mi número es ${values.phone(random.pick(["MX", "AR", "CL", "CO", "PE"] as const), true)} (tiene WhatsApp)`,
  },
  {
    form: "phone-cc-unlisted",
    parts: () => s`cel: ${values.unlisted(random.pick(["MX", "AR", "CL", "CO"] as const))}`,
  },
  {
    form: "phone-cc-unlisted-no-context",
    parts: () =>
      s`${values.unlisted(random.pick(["MX", "AR", "CL", "CO"] as const))} cualquier cosa`,
  },
  {
    form: "phone-whatsapp",
    parts: () =>
      s`whats: ${values.phone(random.pick(["MX", "CO", "PE"] as const), false)} solo mensajes`,
  },
  {
    form: "phone-dots",
    parts: () =>
      s`tel. ${v("PHONE", `55.${random.integer(1, 9)}${random.digits(3)}.${random.digits(4)}`)} de la oficina`,
  },
  {
    form: "phone-parentheses",
    parts: () =>
      s`El fijo ya no lo uso, mejor el celu: ${v("PHONE", `(${random.pick(["55", "33", "81"])}) ${random.integer(1, 9)}${random.digits(3)} ${random.digits(4)}`)}`,
  },
  {
    form: "phone-extension",
    parts: () =>
      s`Llamen al conmutador ${v("PHONE", `55 ${random.integer(5, 5)}${random.digits(3)} ${random.digits(4)}`)} ext. ${num(100, 999)}`,
  },
  { form: "email", parts: () => s`mi correo es ${values.email()}, ahí mándenme la constancia` },
  { form: "email-text-end", parts: () => s`Cualquier duda escribir a ${values.email()}` },
  { form: "email-bracket-arroba", parts: () => s`correo: ${obfuscated("bracket")}` },
  {
    form: "email-at-dot",
    parts: () => s`escríbeme a ${obfuscated("paren")} que el otro no lo reviso`,
  },
  { form: "email-spaced", parts: () => s`mail ${obfuscated("spaced")} (sin espacios)` },
  { form: "email-arroba-word", parts: () => s`es ${obfuscated("word-es")}` },
  { form: "co-cedula", parts: () => s`C.C. ${values.coCedula()} de Bogotá` },
  {
    form: "ve-cedula",
    parts: () => s`C.I. ${values.veCedula()}, me piden el RIF también: ${values.rif()}`,
  },
  { form: "py-ruc", parts: () => s`mi RUC paraguayo ${values.pyRuc()}, factura contado` },
  { form: "uy-rut", parts: () => s`RUT ${values.uyRut()} de la cooperativa` },
  { form: "ec-ruc", parts: () => s`el RUC del consultorio es ${values.ecRuc()}` },
  {
    form: "chat-correction",
    parts: () => s`perdón me equivoqué, el bueno es ${values.peDni()} no el que puse antes`,
  },
  {
    form: "label-after",
    parts: () => s`${values.rfc()} es mi RFC con homoclave, lo saqué del SAT`,
  },
  {
    form: "dictated-label",
    parts: () => s`Te dicto: cuit ${values.cuit()}, razón social la del recibo`,
  },
  {
    form: "phone-two",
    parts: () => s`Tel. casa ${values.phone("CL", false)} / celu ${values.phone("CL", true)}`,
  },
  {
    form: "email-with-phone",
    parts: () => s`${values.email()} o al ${values.phone("CO", false)}, como sea más fácil`,
  },
];

// ---- Portuguese positives
const ptPositive: Frame[] = [
  {
    form: "label-before",
    parts: () => s`Oi, queria remarcar a consulta. Meu CPF é ${values.cpf()}`,
  },
  { form: "label-after", parts: () => s`${values.cpf()} (meu CPF), se precisar para o convênio` },
  {
    form: "label-after",
    parts: () => s`segue o ${values.cnpj()} — é o CNPJ da loja, pra nota fiscal`,
  },
  {
    form: "label-far",
    parts: () =>
      s`O número que está no meu cartão cidadão é ${values.pis()}, a atendente disse que é o PIS e que preciso dele para o saque`,
  },
  {
    form: "form-field",
    parts: () => s`CPF: ${values.cpf()}\nData de nascimento: ${date()}\nTurma: 3º B`,
  },
  { form: "form-field", parts: () => s`Nº do RG: ${values.rg()}\nÓrgão emissor: SSP/SP` },
  { form: "form-field", parts: () => s`CEP: ${values.cep()}\nComplemento: apto ${num(11, 304)}` },
  { form: "abbreviated-label", parts: () => s`cpf: ${values.cpf()}` },
  { form: "abbreviated-label", parts: () => s`C.P.F ${values.cpfDotted()} pra emitir o boleto` },
  {
    form: "misspelled-label",
    parts: () => s`meu cfp é ${values.cpf()} e não consigo entrar no app`,
  },
  {
    form: "label-words",
    parts: () => s`carteira de motorista (CNH) nº ${values.cnh()}, vence mês que vem`,
  },
  {
    form: "label-words",
    parts: () => s`número de registro da CNH ${values.cnh()} — preciso para o seguro`,
  },
  { form: "glued-label", parts: () => s`CPF${values.cpfPlain()} é o do meu filho` },
  { form: "glued-label", parts: () => s`cnpj:${values.cnpj()}` },
  { form: "after-ID", parts: () => s`ID ${values.cpfPlain()} não aparece no cadastro da escola` },
  { form: "after-Nº", parts: () => s`Nº ${values.pis()} é o NIS do Bolsa Família` },
  {
    form: "after-número",
    parts: () => s`número ${values.cpf()} — consegue ver se minha matrícula foi confirmada?`,
  },
  { form: "after-hash", parts: () => s`CNPJ # ${values.cnpj()}` },
  { form: "text-start", parts: () => s`${values.cpf()} esse é o CPF do titular do plano` },
  {
    form: "text-start",
    parts: () => s`${values.cnpjDotted()} é o CNPJ da clínica, coloca na nota`,
  },
  { form: "text-end", parts: () => s`Para o reembolso, meu CPF ${values.cpf()}` },
  { form: "text-end", parts: () => s`Pode emitir a nota para o CNPJ ${values.cnpj()}` },
  {
    form: "parentheses",
    parts: () => s`A responsável pelo aluno (CPF ${values.cpf()}) autoriza a saída`,
  },
  { form: "parentheses", parts: () => s`entrega no CEP (${values.cep()}), por favor` },
  { form: "quotes", parts: () => s`no campo CPF coloquei "${values.cpf()}" e diz inválido` },
  { form: "quotes", parts: () => s`o rapaz do banco falou 'CNPJ ${values.cnpj()}', tá certo?` },
  { form: "two-values", parts: () => s`CPF ${values.cpf()} e RG ${values.rg()} da minha mãe` },
  {
    form: "two-values",
    parts: () => s`CPF ${values.cpf()} / CNH ${values.cnh()} — para o aluguel do carro`,
  },
  {
    form: "three-values",
    parts: () =>
      s`Dados: CPF ${values.cpf()}, celular ${values.phone("BR")}, e-mail ${values.email()}`,
  },
  { form: "y-e-separated", parts: () => s`os CPFs são ${values.cpf()} e ${values.cpf()}` },
  {
    form: "list",
    parts: () =>
      s`Documentos do aluno:\n• CPF: ${values.cpf()}\n• RG: ${values.rg()}\n• CEP: ${values.cep()}`,
  },
  {
    form: "list",
    parts: () => s`1. CNPJ ${values.cnpj()}\n2. telefone ${values.phone("BR")}\n3. contrato social`,
  },
  {
    form: "csv-row",
    parts: () => s`cpf;telefone;email\n${values.cpf()};${values.phone("BR")};${values.email()}`,
  },
  { form: "tsv-row", parts: () => s`CNPJ\tcontato\n${values.cnpj()}\t${values.phone("BR")}` },
  {
    form: "pipe-table",
    parts: () => s`| CPF | Celular |\n|---|---|\n| ${values.cpf()} | ${values.phone("BR")} |`,
  },
  {
    form: "markdown-table",
    parts: () =>
      s`| Campo | Valor |\n| --- | --- |\n| PIS | ${values.pis()} |\n| CEP | ${values.cep()} |`,
  },
  {
    form: "json",
    parts: () => s`{"cpf": "${values.cpf()}", "email": "${values.email()}", "turno": "manhã"}`,
  },
  {
    form: "json",
    parts: () => s`o app retorna {"status":"erro","cnpj":"${values.cnpj()}"} o que faço?`,
  },
  {
    form: "key-value",
    parts: () => s`cpf=${values.cpfPlain()} tel=${values.phone("BR", true)} plano=ouro`,
  },
  { form: "spaces", parts: () => s`meu cpf ${forms.spaces!(values.cpfDotted())}` },
  { form: "nbsp", parts: () => s`CPF ${forms.nbsp!(values.cpfDotted())} pra nota` },
  { form: "narrow-nbsp", parts: () => s`CNPJ ${forms["narrow-nbsp"]!(values.cnpjDotted())}` },
  { form: "en-dash", parts: () => s`CPF ${forms["en-dash"]!(values.cpfDotted())} — copiei do PDF` },
  {
    form: "em-dash",
    parts: () =>
      s`CEP ${forms["em-dash"]!(v("BR_CEP", `${num(10000, 99999)}-${random.digits(3)}`))}`,
  },
  { form: "minus-sign", parts: () => s`CNPJ ${forms["minus-sign"]!(values.cnpjDotted())}` },
  {
    form: "hyphen-u2010",
    parts: () => s`PIS ${forms["hyphen-u2010"]!(v("BR_PIS", gen.pis(random, true).text))}`,
  },
  {
    form: "fullwidth-digits",
    parts: () => s`CPF ${forms["fullwidth-digits"]!(values.cpf())} (copiei do celular)`,
  },
  {
    form: "arabic-indic-digits",
    parts: () => s`meu cpf ${forms["arabic-indic-digits"]!(values.cpfPlain())}`,
  },
  { form: "zero-width-space", parts: () => s`CPF ${forms["zero-width-space"]!(values.cpf())}` },
  {
    form: "zero-width-joiner",
    parts: () => s`cartão ${forms["zero-width-joiner"]!(values.card())} foi recusado`,
  },
  { form: "soft-hyphen", parts: () => s`CNPJ ${forms["soft-hyphen"]!(values.cnpj())}` },
  {
    form: "line-break",
    parts: () => s`o CPF é ${forms["line-break"]!(values.cpfDotted())} obrigado`,
  },
  { form: "no-separators", parts: () => s`cnpj ${forms["no-separators"]!(values.cnpjDotted())}` },
  { form: "card", parts: () => s`Quero cancelar a compra feita no cartão ${values.cardGrouped()}` },
  { form: "card", parts: () => s`passa no ${values.card()} validade 11/28` },
  { form: "card-after-digit", parts: () => s`3x no cartão ${values.card()}` },
  {
    form: "phone-national",
    parts: () => s`Me liga no ${values.phone("BR", false)} depois das 18h`,
  },
  {
    form: "phone-international",
    parts: () => s`meu número é ${values.phone("BR", true)} (tem WhatsApp)`,
  },
  { form: "phone-cc-unlisted", parts: () => s`cel: ${values.unlisted("BR")}` },
  { form: "phone-cc-unlisted-no-context", parts: () => s`${values.unlisted("BR")} qualquer coisa` },
  {
    form: "phone-whatsapp",
    parts: () =>
      s`whats: ${v("PHONE", `${random.pick(["11", "21", "31", "85"])} 9${random.integer(6, 9)}${random.digits(3)}-${random.digits(4)}`)} só mensagem`,
  },
  {
    form: "phone-dots",
    parts: () =>
      s`tel. ${v("PHONE", `${random.pick(["11", "21", "41"])}.9${random.integer(6, 9)}${random.digits(3)}.${random.digits(4)}`)} da secretaria`,
  },
  {
    form: "phone-parentheses",
    parts: () =>
      s`Contato: ${v("PHONE", `+55 (${random.pick(["11", "21", "31", "51"])}) 9${random.integer(6, 9)}${random.digits(3)}-${random.digits(4)}`)}`,
  },
  {
    form: "phone-extension",
    parts: () =>
      s`Liga na recepção ${v("PHONE", `(${random.pick(["11", "21"])}) 3${random.digits(3)}-${random.digits(4)}`)} ramal ${num(10, 299)}`,
  },
  { form: "email", parts: () => s`meu e-mail é ${values.email()}, manda o boleto lá` },
  { form: "email-text-end", parts: () => s`Qualquer dúvida, escreva para ${values.email()}` },
  { form: "email-bracket-arroba", parts: () => s`email: ${obfuscated("bracket")}` },
  { form: "email-at-dot", parts: () => s`me escreve em ${obfuscated("paren")}` },
  { form: "email-spaced", parts: () => s`e-mail ${obfuscated("spaced")} (sem espaços)` },
  { form: "email-arroba-word", parts: () => s`é ${obfuscated("word-pt")}` },
  { form: "rg", parts: () => s`RG ${values.rg()} SSP-SP` },
  { form: "cep", parts: () => s`meu CEP é ${values.cep()}, dá pra entregar sábado?` },
  { form: "pis", parts: () => s`NIS/PIS ${values.pis()}` },
  {
    form: "mixed-spanish-ids",
    parts: () => s`sou argentina, meu DNI é ${values.arDni()} e o CUIT ${values.cuit()}`,
  },
  { form: "chat-correction", parts: () => s`desculpa, digitei errado, o certo é ${values.cpf()}` },
  { form: "label-after", parts: () => s`${values.rg()} é o RG da criança, ela ainda não tem CPF` },
  {
    form: "dictated-label",
    parts: () => s`anota aí: cnpj ${values.cnpj()}, razão social igual à do contrato`,
  },
  {
    form: "phone-two",
    parts: () => s`Tel. fixo ${values.phone("BR", false)} / cel ${values.phone("BR", true)}`,
  },
  {
    form: "email-with-phone",
    parts: () => s`${values.email()} ou no ${values.phone("BR", false)}, o que for melhor`,
  },
];

// ---- negatives
const esNegative: Frame[] = [
  {
    form: "order-number",
    kind: "negative",
    parts: () => s`Hola, mi pedido ${num(10000000, 99999999)} no llegó todavía, ¿me ayudan?`,
  },
  {
    form: "order-number",
    kind: "negative",
    parts: () =>
      s`El número de pedido es ${num(1000, 9999)}-${num(100000, 999999)}, lo pagué el ${date()}`,
  },
  {
    form: "invoice",
    kind: "negative",
    parts: () =>
      s`Factura ${random.pick(["A", "B", "C"])} 000${num(1, 9)}-000${num(10000, 99999)} por $${money(1000, 99999, ",")}`,
  },
  {
    form: "invoice",
    kind: "negative",
    parts: () =>
      s`la factura número ${num(100000, 999999)} tiene mal el total, dice ${money(100, 9999, ".")} y eran ${money(100, 9999, ".")}`,
  },
  {
    form: "ticket",
    kind: "negative",
    parts: () => s`Abrí el ticket #${num(100000, 999999)} hace ${num(2, 9)} días y nadie responde`,
  },
  {
    form: "tracking",
    kind: "negative",
    parts: () =>
      s`guía de rastreo ${random.letters(2)}${num(100000000, 999999999)}${random.pick(["MX", "AR", "CL"])}, ¿dónde está el paquete?`,
  },
  {
    form: "protocol",
    kind: "negative",
    parts: () =>
      s`me dieron el número de trámite ${num(2019, 2026)}-${num(1000000, 9999999)} en la municipalidad`,
  },
  {
    form: "price",
    kind: "negative",
    parts: () =>
      s`¿Cuánto sale la consulta? Me dijeron $${money(2000, 45000, ",")} con descuento del ${num(5, 30)}%`,
  },
  {
    form: "total",
    kind: "negative",
    parts: () =>
      s`Total a pagar: $ ${money(10000, 999999, ",")} en ${num(3, 18)} cuotas de $ ${money(1000, 99999, ",")}`,
  },
  {
    form: "balance",
    kind: "negative",
    parts: () =>
      s`mi saldo aparece como ${money(100000, 9999999, ".")} pesos pero debería ser ${money(100000, 9999999, ".")}`,
  },
  {
    form: "date-time",
    kind: "negative",
    parts: () =>
      s`El turno quedó para el ${date()} a las ${hour()} en el consultorio ${num(1, 40)}`,
  },
  {
    form: "law",
    kind: "negative",
    parts: () =>
      s`Según la Ley ${random.pick(["25.326", "19.628", "1581", "29733", "18.331"])} de protección de datos, ¿pueden pedirme esto?`,
  },
  {
    form: "decree",
    kind: "negative",
    parts: () =>
      s`El Decreto ${random.pick(["1377 de 2013", "1074 de 2015", "003-2013-JUS", "1558/2001"])} dice otra cosa, artículo ${num(2, 40)}`,
  },
  {
    form: "article",
    kind: "negative",
    parts: () =>
      s`En el artículo ${num(100, 999)} del Código Civil habla de eso, inciso ${num(1, 9)}`,
  },
  {
    form: "room",
    kind: "negative",
    parts: () =>
      s`La oficina ${num(100, 999)} está en el piso ${num(2, 14)}, torre B, ventanilla ${num(1, 20)}`,
  },
  {
    form: "product-code",
    kind: "negative",
    parts: () =>
      s`Busco el repuesto código ${random.letters(3)}-${num(1000, 9999)}-${random.letters(2)}, ¿tienen stock?`,
  },
  {
    form: "sku",
    kind: "negative",
    parts: () =>
      s`SKU ${num(100000, 999999)}${random.letters(1)} talle ${num(36, 44)}, ¿hay en color negro?`,
  },
  {
    form: "barcode",
    kind: "negative",
    parts: () => s`el código de barras dice 7${random.digits(12)} pero en caja no pasa`,
  },
  {
    form: "version",
    kind: "negative",
    parts: () =>
      s`la app está en la versión ${num(1, 9)}.${num(0, 30)}.${num(0, 99)} y se cierra al abrir el turnero`,
  },
  {
    form: "coordinates",
    kind: "negative",
    parts: () =>
      s`la sucursal está en -${num(12, 38)}.${random.digits(6)}, -${num(57, 78)}.${random.digits(6)} según Maps`,
  },
  {
    form: "score",
    kind: "negative",
    parts: () =>
      s`Mi hijo sacó ${num(5, 10)},${num(0, 9)} en matemática y ${num(60, 100)}/100 en el examen de ingreso`,
  },
  {
    form: "percentage",
    kind: "negative",
    parts: () =>
      s`la tasa es del ${num(20, 120)},${num(0, 99)}% anual, CFT ${num(100, 200)},${num(0, 99)}%`,
  },
  {
    form: "year",
    kind: "negative",
    parts: () =>
      s`Estoy en la promoción ${num(2015, 2026)} y egresé en ${num(2000, 2020)}, ¿cómo pido el título?`,
  },
  {
    form: "part-number",
    kind: "negative",
    parts: () =>
      s`necesito la pieza ${num(11, 99)} ${num(1000, 9999)} ${num(1000, 9999)} para la lavadora`,
  },
  {
    form: "amount-transfer",
    kind: "negative",
    parts: () =>
      s`transferí ${money(1000, 99999, ".")} MXN el ${date()}, folio ${num(1000000, 9999999)}`,
  },
  {
    form: "queue",
    kind: "negative",
    parts: () =>
      s`Tengo el número de atención ${random.letters(1)}${num(100, 999)}, ¿cuánto falta?`,
  },
  {
    form: "expediente",
    kind: "negative",
    parts: () => s`Expediente N° ${num(1000, 99999)}/${num(2018, 2026)} del juzgado ${num(1, 60)}`,
  },
  {
    form: "account-count",
    kind: "negative",
    parts: () =>
      s`Tengo ${num(2, 5)} cuentas, ${num(1, 3)} tarjetas y ${num(10, 40)} movimientos este mes`,
  },
  {
    form: "schedule",
    kind: "negative",
    parts: () =>
      s`El horario es de ${hour()} a ${hour()}, de lunes a viernes, y sábados hasta las 13:00`,
  },
  {
    form: "kilometers",
    kind: "negative",
    parts: () => s`la camioneta tiene ${dotted(num(10000, 250000))} km, modelo ${num(2010, 2024)}`,
  },
  {
    form: "id-vocabulary",
    kind: "negative",
    parts: () =>
      s`¿Qué necesito para sacar el DNI de mi hijo? ¿El trámite cuesta $${money(1000, 9000, ",")}?`,
  },
  {
    form: "id-vocabulary",
    kind: "negative",
    parts: () => s`Perdí la cédula, ¿con qué documento puedo votar el ${date()}?`,
  },
  {
    form: "id-vocabulary",
    kind: "negative",
    parts: () => s`No me acuerdo mi RUT ni mi clave única, ¿dónde los consulto?`,
  },
  {
    form: "id-vocabulary",
    kind: "negative",
    parts: () => s`¿La CURP y el RFC son lo mismo? Tengo ${num(18, 70)} años y nunca saqué el RFC`,
  },
  {
    form: "customer-number",
    kind: "negative",
    parts: () =>
      s`número de cliente ${num(100000, 999999)}, quiero cambiar el plan de ${num(10, 300)} megas`,
  },
  {
    form: "member-number",
    kind: "negative",
    parts: () =>
      s`Socio nro. ${num(1000, 99999)}, la cuota de ${random.pick(["marzo", "abril", "mayo"])} ya la pagué`,
  },
  {
    form: "phone-like-code",
    kind: "negative",
    parts: () =>
      s`El modelo del filtro es ${num(100, 999)} ${num(100, 999)} ${num(1000, 9999)} según la caja`,
  },
  {
    form: "cbu-question",
    kind: "negative",
    parts: () => s`¿Cuántos dígitos tiene una CLABE? Me dijeron ${num(16, 18)} y no sé si es así`,
  },
  {
    form: "serial",
    kind: "negative",
    parts: () =>
      s`El número de serie del equipo es SN${num(10000000, 99999999)}${random.letters(2)}, garantía hasta ${date()}`,
  },
  {
    form: "card-last-digits",
    kind: "negative",
    parts: () =>
      s`me cobraron dos veces en la tarjeta terminada en ${random.digits(4)}, monto $${money(100, 9999, ".")}`,
  },
];

const ptNegative: Frame[] = [
  {
    form: "order-number",
    kind: "negative",
    parts: () => s`Oi, meu pedido ${num(10000000, 99999999)} ainda não chegou, podem ver?`,
  },
  {
    form: "order-number",
    kind: "negative",
    parts: () =>
      s`Número do pedido: ${num(1000, 9999)}-${num(100000, 999999)}, comprei dia ${date()}`,
  },
  {
    form: "invoice",
    kind: "negative",
    parts: () =>
      s`A nota fiscal nº ${num(1000, 999999)} série ${num(1, 9)} veio com valor errado de R$ ${money(100, 9999, ",")}`,
  },
  {
    form: "protocol",
    kind: "negative",
    parts: () =>
      s`Protocolo de atendimento ${num(2020, 2026)}${random.digits(10)}, liguei ${num(2, 6)} vezes`,
  },
  {
    form: "ticket",
    kind: "negative",
    parts: () => s`o chamado #${num(100000, 999999)} foi fechado sem resposta`,
  },
  {
    form: "tracking",
    kind: "negative",
    parts: () =>
      s`código de rastreio ${random.letters(2)}${num(100000000, 999999999)}BR, parado há ${num(3, 12)} dias`,
  },
  {
    form: "price",
    kind: "negative",
    parts: () =>
      s`Quanto custa a consulta? Falaram R$ ${money(100, 900, ",")} no PIX ou ${num(2, 6)}x de R$ ${money(30, 300, ",")}`,
  },
  {
    form: "total",
    kind: "negative",
    parts: () => s`Total: R$ ${money(1000, 99999, ",")} — desconto de ${num(5, 25)}% à vista`,
  },
  {
    form: "balance",
    kind: "negative",
    parts: () =>
      s`meu saldo tá R$ ${money(1000, 999999, ",")} mas o extrato mostra R$ ${money(1000, 999999, ",")}`,
  },
  {
    form: "date-time",
    kind: "negative",
    parts: () => s`A consulta ficou para ${date()} às ${hour()}, sala ${num(1, 30)}`,
  },
  {
    form: "law",
    kind: "negative",
    parts: () => s`Pela Lei nº 13.709/2018 (LGPD) vocês podem pedir esses dados?`,
  },
  {
    form: "law",
    kind: "negative",
    parts: () =>
      s`o art. ${num(5, 60)} da Lei ${random.pick(["8.078/1990", "12.965/2014", "9.394/1996", "14.181/2021"])} fala disso, inciso ${random.pick(["I", "II", "III", "IV"])}`,
  },
  {
    form: "decree",
    kind: "negative",
    parts: () =>
      s`O Decreto nº ${random.pick(["10.474", "8.771", "7.962"])}, de ${date()}, mudou a regra`,
  },
  {
    form: "room",
    kind: "negative",
    parts: () =>
      s`A secretaria fica na sala ${num(100, 999)}, bloco ${random.letters(1)}, ${num(2, 12)}º andar`,
  },
  {
    form: "product-code",
    kind: "negative",
    parts: () => s`Procuro a peça código ${random.letters(3)}-${num(1000, 9999)}, tem em estoque?`,
  },
  {
    form: "sku",
    kind: "negative",
    parts: () => s`SKU ${num(100000, 999999)} tamanho ${num(36, 44)}, tem na cor azul?`,
  },
  {
    form: "barcode",
    kind: "negative",
    parts: () => s`o código de barras é 789${random.digits(10)} e não passa no caixa`,
  },
  {
    form: "version",
    kind: "negative",
    parts: () => s`o app está na versão ${num(1, 9)}.${num(0, 30)}.${num(0, 99)} e trava no login`,
  },
  {
    form: "coordinates",
    kind: "negative",
    parts: () =>
      s`a unidade fica em -${num(3, 30)}.${random.digits(6)}, -${num(35, 60)}.${random.digits(6)} no mapa`,
  },
  {
    form: "score",
    kind: "negative",
    parts: () =>
      s`Tirei ${num(600, 980)},${num(0, 9)} na redação do ENEM e ${num(5, 10)},${num(0, 9)} em química`,
  },
  {
    form: "percentage",
    kind: "negative",
    parts: () =>
      s`os juros são de ${num(1, 15)},${num(0, 99)}% ao mês, CET ${num(20, 300)},${num(0, 99)}% ao ano`,
  },
  {
    form: "year",
    kind: "negative",
    parts: () =>
      s`Me formei em ${num(1995, 2024)} e preciso da segunda via do diploma de ${num(1995, 2024)}`,
  },
  {
    form: "part-number",
    kind: "negative",
    parts: () =>
      s`preciso da peça ${num(11, 99)} ${num(1000, 9999)} ${num(1000, 9999)} para a geladeira`,
  },
  {
    form: "boleto-amount",
    kind: "negative",
    parts: () => s`o boleto de R$ ${money(50, 5000, ",")} vence ${date()}, posso pagar depois?`,
  },
  {
    form: "queue",
    kind: "negative",
    parts: () => s`Minha senha é ${random.letters(1)}${num(100, 999)}, falta muito?`,
  },
  {
    form: "process",
    kind: "negative",
    parts: () => s`Processo nº ${num(1000, 9999)}/${num(2018, 2026)} da ${num(1, 40)}ª vara`,
  },
  {
    form: "account-count",
    kind: "negative",
    parts: () =>
      s`Tenho ${num(2, 5)} contas, ${num(1, 3)} cartões e ${num(10, 60)} compras este mês`,
  },
  {
    form: "schedule",
    kind: "negative",
    parts: () => s`O atendimento é das ${hour()} às ${hour()}, de segunda a sexta`,
  },
  {
    form: "kilometers",
    kind: "negative",
    parts: () => s`o carro tem ${dotted(num(10000, 250000))} km, ano ${num(2010, 2024)}`,
  },
  {
    form: "installments",
    kind: "negative",
    parts: () =>
      s`Parcela ${num(1, 11)} de 12, valor R$ ${money(100, 2000, ",")}, contrato ${num(100000, 999999)}`,
  },
  {
    form: "id-vocabulary",
    kind: "negative",
    parts: () => s`Como tiro a segunda via do RG? Custa R$ ${money(30, 90, ",")}?`,
  },
  {
    form: "id-vocabulary",
    kind: "negative",
    parts: () => s`Esqueci meu CPF, onde eu consulto? A matrícula fecha dia ${date()}`,
  },
  {
    form: "id-vocabulary",
    kind: "negative",
    parts: () => s`Preciso do CNPJ da escola para declarar no IR, vocês mandam por e-mail?`,
  },
  {
    form: "id-vocabulary",
    kind: "negative",
    parts: () => s`Qual a diferença entre PIS e NIS? Trabalho há ${num(2, 30)} anos com carteira`,
  },
  {
    form: "customer-number",
    kind: "negative",
    parts: () =>
      s`código do cliente ${num(100000, 999999)}, quero mudar para o plano de ${num(100, 900)} mega`,
  },
  {
    form: "member-number",
    kind: "negative",
    parts: () =>
      s`Matrícula ${num(2020, 2026)}${random.digits(4)}, a mensalidade de ${random.pick(["março", "abril", "maio"])} já foi paga`,
  },
  {
    form: "phone-like-code",
    kind: "negative",
    parts: () =>
      s`O modelo do filtro é ${num(100, 999)} ${num(100, 999)} ${num(1000, 9999)} conforme a caixa`,
  },
  {
    form: "cep-question",
    kind: "negative",
    parts: () =>
      s`O frete para o meu CEP sai R$ ${money(10, 90, ",")}? Entrega em ${num(2, 15)} dias úteis?`,
  },
  {
    form: "serial",
    kind: "negative",
    parts: () =>
      s`Número de série ${random.letters(2)}${num(10000000, 99999999)}, garantia até ${date()}`,
  },
  {
    form: "card-last-digits",
    kind: "negative",
    parts: () =>
      s`cobraram duas vezes no cartão final ${random.digits(4)}, valor R$ ${money(100, 9999, ",")}`,
  },
];

// ----- compose ------------------------------------------------------------------------------

function build(id: string, lang: "es" | "pt", frame: Frame): EvaluationLine {
  let text = "";
  const spans: EvaluationSpan[] = [];
  for (const part of frame.parts()) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    spans.push({ type: part.type, start: text.length, end: text.length + part.text.length });
    text += part.text;
  }
  const line: EvaluationLine = {
    id,
    lang,
    kind: frame.kind ?? "positive",
    form: frame.form,
    text,
    spans,
  };
  evaluationLineSchema.parse(line);
  return line;
}

function check(line: EvaluationLine, written: Map<string, Value[]>): void {
  for (const span of line.spans) {
    const value = line.text.slice(span.start, span.end);
    if (value === "" || value.trim() !== value) throw new Error(`${line.id}: span "${value}"`);
    if (!written.get(line.id)?.some((item) => item.text === value && item.type === span.type)) {
      throw new Error(`${line.id}: span "${value}" is not the value written`);
    }
  }
  if ((line.kind === "negative") !== (line.spans.length === 0)) {
    throw new Error(`${line.id}: a ${line.kind} line with ${line.spans.length} spans`);
  }
}

const plan: [lang: "es" | "pt", frames: Frame[], times: number][] = [
  ["es", esPositive, 2],
  ["pt", ptPositive, 2],
  ["es", esNegative, 2],
  ["pt", ptNegative, 2],
];
const lines: EvaluationLine[] = [];
const seen = new Set<string>();
const written = new Map<string, Value[]>();
for (const [lang, frames, times] of plan) {
  for (let round = 0; round < times; round++) {
    for (const frame of frames) {
      const id = `dev3-${String(lines.length + 1).padStart(4, "0")}`;
      const items: Value[] = [];
      const recording: Frame = {
        ...frame,
        parts: () => {
          const parts = frame.parts();
          items.push(...parts.filter((part): part is Value => typeof part !== "string"));
          return parts;
        },
      };
      const line = build(id, lang, recording);
      if (seen.has(line.text)) continue;
      written.set(id, items);
      check(line, written);
      seen.add(line.text);
      lines.push(line);
    }
  }
}

writeFileSync(
  "test/fixtures/privacy/evaluation/dev3.jsonl",
  lines.map((line) => JSON.stringify({ ...line, spans: line.spans })).join("\n") + "\n",
);
const spanCount = lines.reduce((total, line) => total + line.spans.length, 0);
console.log(
  `dev3: ${lines.length} lines (es ${lines.filter((line) => line.lang === "es").length}, negatives ${lines.filter((line) => line.kind === "negative").length}), ${spanCount} spans`,
);
