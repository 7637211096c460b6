import { describe, expect, it } from "vitest";
import {
  SeededRandom,
  cnh,
  cnpj,
  cpf,
  cuit,
  curp,
  ine,
  nit,
  pis,
  rfc,
  rut,
  type GeneratedValue,
} from "../../test/support/pii-generators.js";
import { scanText } from "./scan.js";

/**
 * How people write a value so that a pattern misses it, on the scanner: each written form of each
 * of eight identifiers must be covered whole by a finding in the text as written. (What a cloud
 * provider receives is checked end to end in test/fast/privacy-egress-fields.test.ts.)
 */
const random = new SeededRandom(20_261_206);
const values: { word: string; value: GeneratedValue }[] = [
  { word: "CPF", value: cpf(random, true) },
  { word: "CNPJ", value: cnpj(random, { formatted: true }) },
  { word: "CURP", value: curp(random) },
  { word: "RUT", value: rut(random, "dotted") },
  { word: "CUIT", value: cuit(random, true) },
  { word: "NIT", value: nit(random, true) },
  { word: "DNI", value: { type: "PE_DNI", text: "45678912", compact: "45678912" } },
  { word: "RFC", value: rfc(random, { company: false }) },
];

const fullwidth = (text: string) =>
  text.replace(/[0-9A-Za-z.\-/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const arabicIndic = (text: string) =>
  text.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

/** Each form: the value as written, and the sentence around it (`{}` where the value goes). */
const forms: Record<string, (value: string, word: string) => [written: string, sentence: string]> =
  {
    "spaces as separators": (value, word) => [value.replace(/[.\-/]/g, " "), `Mi ${word} es {}.`],
    "NBSP as separators": (value, word) => [value.replace(/[.\-/]/g, "\u00a0"), `${word}: {}`],
    "Unicode hyphen": (value, word) => [value.replace(/-/g, "\u2010"), `${word} {}`],
    "en dash": (value, word) => [value.replace(/-/g, "\u2013"), `${word} {} ok`],
    "fullwidth digits": (value, word) => [fullwidth(value), `Meu ${word} é {}`],
    "Arabic-Indic digits": (value, word) => [arabicIndic(value), `${word}: {}`],
    "zero-width space inside": (value, word) => [
      `${value.slice(0, 4)}\u200b${value.slice(4)}`,
      `${word} {}`,
    ],
    "split across a line break": (value, word) => [
      /^\d/.test(value.slice(5)) && /[\d.\-/]$/.test(value.slice(0, 5))
        ? `${value.slice(0, 5)}\n${value.slice(5)}`
        : value,
      `${word}: {}`,
    ],
    "glued to its label": (value, word) => [
      value,
      /^\d/.test(value) ? `${word}{} listo` : `${word}:{} listo`,
    ],
    "after the word ID": (value) => [value, "Cliente ID {} pidió el reembolso."],
    "lower case": (value, word) => [value.toLowerCase(), `${word.toLowerCase()} {}`],
  };

function coveredWhole(text: string, written: string): boolean {
  const at = text.indexOf(written);
  if (at < 0) throw new Error(`"${written}" is not in "${text}"`);
  const end = at + written.length;
  return scanText(text).some((finding) => finding.start <= at && finding.end >= end);
}

describe("written forms that hide a value from a pattern", () => {
  for (const [form, write] of Object.entries(forms)) {
    it.each(values.map(({ word, value }) => [word, value.text]))(
      `${form}: %s %s`,
      (word, value) => {
        const [written, sentence] = write(value, word);
        const text = sentence.replace("{}", written);
        expect(coveredWhole(text, written), text).toBe(true);
      },
    );
  }
});

describe("values that stand near their words without a pattern's help", () => {
  it.each([
    [
      "an e-mail with a fullwidth ＠",
      "Escríbeme a ana.perez＠correo.com.mx hoy",
      "ana.perez＠correo.com.mx",
    ],
    [
      "an [at]/[dot] e-mail",
      "mail: joao.silva [at] empresa [dot] com [dot] br",
      "joao.silva [at] empresa [dot] com [dot] br",
    ],
    ["an arroba/punto e-mail", "es lucia arroba gmail punto com", "lucia arroba gmail punto com"],
    ["a CSV row", "Juan,35,390.533.447-05,ativo", "390.533.447-05"],
    ["a CSV row, bare", "Juan;35;39053344705;ativo", "39053344705"],
    ["a card after a digit", "item 1 4111 1111 1111 1111 vence 12/29", "4111 1111 1111 1111"],
    ["a CLABE after its word, bank not listed", "CLABE 999180000000000007", "999180000000000007"],
    ["a +CC phone outside the listed ranges", "Llámame al +56 9 1894 9155", "+56 9 1894 9155"],
    ["another", "Meu WhatsApp: +52 93 1985 9205", "+52 93 1985 9205"],
    ["a wrong check digit right after its word", "CPF: 390.533.447-06", "390.533.447-06"],
    ["a CURP in its four pieces", "CURP: GOMA 800101 HDFRRN 09", "GOMA 800101 HDFRRN 09"],
    [
      "a comma-separated row under its header",
      "archivo,documento,telefono\nalta_03.pdf,27.077.593,011 4447-1995",
      "27.077.593",
    ],
    [
      "a value in a numbered list",
      "1. CNPJ 10579129000150\n2. telefone 31 96282-6851",
      "10579129000150",
    ],
    [
      "a spaced e-mail with spaced dots",
      "mail dra.mora @ clinicasanjose . com . pe (sin espacios)",
      "dra.mora @ clinicasanjose . com . pe",
    ],
    [
      "a label a few words after",
      'Escribí "27264397869" en el campo CUIT y me da error',
      "27264397869",
    ],
    [
      "fullwidth digits glued to their label",
      "Meu CPF３９０.５３３.４４７－０５, ok",
      "３９０.５３３.４４７－０５",
    ],
    ["a label after the value", "16001599 — D.N.I. del titular de la cuenta.", "16001599"],
    ["a label after a quoted value", 'Puse "13995153" como DNI y me lo rechaza.', "13995153"],
    [
      "a table's header naming the column",
      "nombre,edad,CLABE,estado\nNayeli,65,988320880291863696,activo\nAlejandro,28,856320553396233564,baja",
      "856320553396233564",
    ],
    [
      "a person between an order word and the number",
      "Revisar la solicitud del usuario Nº 18050052, por favor.",
      "18050052",
    ],
    [
      "an e-mail with spaces around @",
      "Meu e-mail é edvaldo.araujo @ terra.com.br, ok",
      "edvaldo.araujo @ terra.com.br",
    ],
    [
      "an e-mail with spelled dots in its name",
      "Escríbanme a benjamin[dot]condori[at]yahoo[dot]com[dot]mx hoy",
      "benjamin[dot]condori[at]yahoo[dot]com[dot]mx",
    ],
    [
      "an e-mail spelled out in words",
      "Escríbanme a bustos punto ximena arroba hotmail punto com con los resultados.",
      "bustos punto ximena arroba hotmail punto com",
    ],
  ])("%s", (_form, text, written) => {
    expect(coveredWhole(text, written), text).toBe(true);
  });
});

describe("a form pasted one 'Label: value' a line", () => {
  const lines = [
    ...values.map(({ word, value }) => ({ word, written: value.compact })),
    { word: "CNH", written: cnh(random).text },
    { word: "PIS", written: pis(random, false).text },
    { word: "INE", written: ine(random).text },
    { word: "RG", written: "24.551.032-7" },
  ];

  it.each(lines.map(({ word, written }) => [word, written]))(
    "%s %s, between other labelled lines, is covered alone",
    (word, written) => {
      for (const text of [
        `Nome: Célia Prado\n${word}: ${written}\nRG: 31.114.208-2\nE-mail: celia.p@correo.com`,
        `Cliente: Tomás Ibarra\n${word}: ${written}\nOBS: cliente antiguo`,
        `${word}: ${written}\nCURP MOSA910215MDFRLN03\nTel: 55 1234 5678`,
      ]) {
        const at = text.indexOf(written);
        const findings = scanText(text).filter(
          (finding) => finding.start <= at && finding.end >= at + written.length,
        );
        expect(findings.length, text).toBeGreaterThan(0);
        // The finding stays on its own line: the next line's label is not read into the value.
        for (const finding of findings)
          expect(text.slice(finding.start, finding.end)).not.toContain("\n");
      }
    },
  );

  it("masks every value of a whole form, one label a line", () => {
    const text = lines.map(({ word, written }) => `${word}: ${written}`).join("\n");
    for (const { written } of lines) expect(coveredWhole(text, written), written).toBe(true);
  });
});

/**
 * Forms a fifth set written apart (heldout5) left in clear: the spacing a scanned document, a
 * sheet or a system puts inside a value, and e-mail addresses written around harvesters.
 */
describe("values as scans, sheets and systems space them", () => {
  it.each([
    [
      "spaces around the separators",
      "carteira de identidade 12 . 345 . 678 - 9 ok?",
      "12 . 345 . 678 - 9",
    ],
    [
      "a value a character at a time",
      "CEP RESIDENCIAL   0 1 5 2 6 6 3 5\nVALIDA",
      "0 1 5 2 6 6 3 5",
    ],
    [
      "a type letter and digits a character apart",
      "cedula=V 2 5 8 0 9 9 4 9 canal=web",
      "V 2 5 8 0 9 9 4 9",
    ],
    [
      "a code in capitals a character at a time",
      "RFC G O M A 8 0 0 1 0 1 A B 1",
      "G O M A 8 0 0 1 0 1 A B 1",
    ],
    [
      "underscores for separators",
      "te paso el 1_017_617_230 (cédula de ciudadanía)",
      "1_017_617_230",
    ],
    [
      "a card grouped by spaced hyphens",
      "1) 4111 - 1111 - 1111 - 1111\n2) nada",
      "4111 - 1111 - 1111 - 1111",
    ],
    ["an e-mail with [@]", "mail ana.souza1756[@]hotmail.com", "ana.souza1756[@]hotmail.com"],
    [
      "an e-mail with spaced dots in its domain",
      "mi correo ana.souza@uc . cl ok",
      "ana.souza@uc . cl",
    ],
    ["a value with its separators, alone as the message", "80055950-9", "80055950-9"],
    [
      "an alphanumeric CNPJ all letters before its check digits",
      "CNPJ QWERTYUIOPAS89",
      "QWERTYUIOPAS89",
    ],
    [
      "a card's groups aligned by a sheet",
      "CARTÃO   4111   1111   1111   1111",
      "4111   1111   1111   1111",
    ],
    ["a field's name in camelCase", '{"id": 11648, "numeroCnh": "29281112585"}', "29281112585"],
    ["in an XML element", "<dest><numeroCnh>29281112585</numeroCnh></dest>", "29281112585"],
    ["digit groups split anyhow after the label", "CUIT: 201 234 567 86", "201 234 567 86"],
    [
      "a code in capitals above a word in capitals",
      "R.F.C. DEL CLIENTE  :  GODE561231GR8\nFIRMA   DEL   TITULAR",
      "GODE561231GR8",
    ],
    ["after the label and a copula", "mi RUC es 800 55950-9", "800 55950-9"],
    ["after the label and a capital N°", "factura con RUC N° 204 879 131 85", "204 879 131 85"],
    [
      "under a table's column header",
      "Chofer | R.U.C. | Placa\nAna Ruiz | 204 879 131 85 | ABC-123",
      "204 879 131 85",
    ],
    [
      "under a markdown table's column header",
      "| Cliente | CUIT |\n|---|---|\n| Ana Ruiz | 201 234 567 86 |",
      "201 234 567 86",
    ],
    ["after a dotted label on a scan", "D.N.I.  :  25 504 1 22\nFIRMA", "25 504 1 22"],
    ["a list's next number is not joined", "1) cuil 20-12345678-6 2) documento", "20-12345678-6"],
    [
      "in snake_case in a log line",
      "INFO alta ok nro_cuit=20-12345678-6 canal=web",
      "20-12345678-6",
    ],
    ["in a numbered list", "1. 6278147-2\n2. 80008703-8", "80008703-8"],
    ["a cédula's type letter in a list", "1. V-28.073.968\n2. E 14430717", "E 14430717"],
    ["in a sheet's row with no header", "A1319\t5935496-8\t$29.367\tbaja", "5935496-8"],
    [
      "a house number, then a floor",
      "Rua Bahia, 410 - 3º andar, CPF 390 . 533 . 447 - 05",
      "390 . 533 . 447 - 05",
    ],
  ])("%s", (_form, text, written) => {
    expect(coveredWhole(text, written), text).toBe(true);
  });

  it.each([["two long numbers a slash apart stay two", "cédula/RUC: 1459285399 / 1519727786001"]])(
    "%s",
    (_form, text) => {
      const found = scanText(text).map((finding) => text.slice(finding.start, finding.end));
      expect(found).toEqual(["1459285399", "1519727786001"]);
    },
  );

  it.each([
    ["lottery numbers", "Mega-Sena concurso 2600: 04 - 15 - 23 - 38 - 47 - 55"],
    ["a range of years", "de 2019 - 2024 crecimos 12 %"],
    ["a score", "ganamos 2 - 1, fecha 12"],
    // Alone, bare digits are not enough: one check digit passes one number in ten.
    ["bare digits alone", "471803134"],
    ["an order number in a sheet's row", "12/03/2025\t4718031\t12\tR$ 120,00"],
    ["an invoice number alone", "0001-00012345"],
    ["a list of dates", "1. 2024-03-15\n2. 2024-04-01"],
    ["a word in capitals and two digits", "QWERTYUIOPAS89"],
    ["numbers a sheet aligns", "Total   1234   5678   9012 items"],
    ["a field's name and a count", '{"pedidoNumero": 471803134, "itemCount": 3}'],
  ])("%s stays unmasked", (_form, text) => {
    expect(scanText(text)).toEqual([]);
  });
});

/**
 * Forms a fourth set written apart (heldout4) left in clear: each case is a message as it was
 * written there, generalised — a break with spaces around it, a label asked as a question, a dot
 * before a check digit, a label glued to a type letter or to a "+", a phone dialled with 00.
 */
describe("values as people type, paste and export them", () => {
  it.each([
    ["a line break with a space before it", "CNH 961624 \n88731", "961624 \n88731"],
    [
      "a line break and the next line indented",
      'en el campo ruc puse "482\n  5490-8" y no me deja',
      "482\n  5490-8",
    ],
    [
      "a card's groups two spaces apart, cut by a line break",
      "tarj. 4111  1111 \n1111  1111 y nada más",
      "4111  1111 \n1111  1111",
    ],
    ["a label asked as a question", "sirve este D.N.I.? 25504122", "25504122"],
    ["another", "vcs aceitam esse cep? 04569-509", "04569-509"],
    [
      "a dot before the check digit",
      "hola buenas, mi Rut es 1372540.3, me pueden ayudar?",
      "1372540.3",
    ],
    ["a dot for a CEP's hyphen", "dia 13/2 C.E.P. 62786.140 confirmado", "62786.140"],
    ["spaces in an RG after a dotted label", "R.G.:58 999 128 0", "58 999 128 0"],
    ["an alphanumeric CNPJ alone", "VF97QYX3JER200", "VF97QYX3JER200"],
    ["with a soft hyphen inside", "2NBC3Y9D00\u00ad0185", "2NBC3Y9D00\u00ad0185"],
    [
      "a cédula's type letter with a dot",
      "Titular con cedula N°V.5.666.123 solicita baja.",
      "V.5.666.123",
    ],
    ["a RIF glued to its label", "adjunto rifV959562365 para el tramite", "V959562365"],
    [
      "with Unicode hyphens",
      "adjunto RIFG\u201049554784\u20103 para el tramite",
      "G\u201049554784\u20103",
    ],
    [
      "a +CC phone glued to its word",
      "adjunto teléfono+56 9 8530 6737 para el tramite",
      "+56 9 8530 6737",
    ],
    ["a phone dialled with 00", "| cel | 0052 55 0247 8160 |", "0052 55 0247 8160"],
    [
      "a Mexican mobile with its old 1",
      "el 22/8 celular +52 1 81 7787 1519 quedó confirmado",
      "+52 1 81 7787 1519",
    ],
    [
      "a national phone outside the listed ranges, after its word",
      "Titular con cel N°011.15.0301.7522 solicita baja.",
      "011.15.0301.7522",
    ],
    [
      "an INE cut after its letters",
      "clave elector#SMHGWY\n  83100310H941 - urgente",
      "SMHGWY\n  83100310H941",
    ],
    [
      "a CLABE glued to 'interbancaria'",
      "clabe interbancaria02118001452870 \n3211 pasa a las 20h15",
      "02118001452870 \n3211",
    ],
    [
      "a PIS glued to PIS/PASEP, spaced",
      "pedido 380505 PIS/PASEP134 26878 36 3 entregar 16h30",
      "134 26878 36 3",
    ],
    // A second draw of the same generator (another seed) showed these.
    [
      "a number cut at one of its dots",
      "Titular con nit N°980\r\n275.130-5 solicita baja.",
      "980\r\n275.130-5",
    ],
    [
      "a card grouped by dots, cut between groups",
      "tarjeta#5576.4538\r\n0468.9010 - urgente",
      "5576.4538\r\n0468.9010",
    ],
    ["a card glued to TDC", "folio 146564 TDC5183933224951939 pasa", "5183933224951939"],
    ["a card after TDC#", "TDC#4838929847287562 - urgente", "4838929847287562"],
    [
      "a phone's (area) glued to its word",
      "pedido 802090 whatsapp(011)\u00a0961901512 entregar",
      "(011)\u00a0961901512",
    ],
    ["a (+CC) glued to its word", "folio 997079 cel(+51) 975692198 pasa", "(+51) 975692198"],
    ["a +CC number without its +, after a phone word", "cel:\n56936696229", "56936696229"],
    ["another", 'no campo tel coloquei "5581971949215" e deu erro', "5581971949215"],
    ["an INE in lower case", "credencial INE:lgbvdh90121629h772", "lgbvdh90121629h772"],
    [
      "a cédula glued to its type letter and dot",
      "adjunto cedulaE.12.791.543 para el tramite",
      "E.12.791.543",
    ],
    ["CI glued to V", "adjunto CIV-5.061\u00ad.590 para el tramite", "V-5.061\u00ad.590"],
    // And a third draw.
    [
      "an RFC cut after two letters",
      "mi R.F.C. es QW \nU420516MV8, me pueden ayudar?",
      "QW \nU420516MV8",
    ],
    [
      "a CURP cut after three letters",
      "Titular con Curp N°KOV\n  C711017HCCVWN20 solicita baja.",
      "KOV\n  C711017HCCVWN20",
    ],
    [
      "a cédula's letter and groups apart",
      '{"ci":"V 32 182 800","cuil":"24535370393"}',
      "V 32 182 800",
    ],
    [
      "a phone cut after its (area)",
      'no campo celular coloquei "+55 (98) \n99664-0938" e deu erro',
      "+55 (98) \n99664-0938",
    ],
    [
      "thousands apart, glued to a long label",
      "cédula de ciudadanía59\u202f422\u202f739 por favor",
      "59\u202f422\u202f739",
    ],
    // Forms a fifth set written apart (heldout5) left in clear, generalised.
    ["slashes for separators, after its label", "CUIT 20/12345678/6 ok", "20/12345678/6"],
    ["another, its label after it", "segue o 181/08054/69/4 (número do PIS)", "181/08054/69/4"],
    ["a Paraguayan RUC with no hyphen, its label after it", "el 40871215 (RUC) para", "40871215"],
    [
      "digit groups split anywhere, its label after it in parentheses",
      "te paso el 027 023 540 011 (RUT) para la factura",
      "027 023 540 011",
    ],
    // Forms a seventh set written apart (heldout7) left in clear, generalised.
    [
      "an e-mail percent-encoded in a URL's query string",
      "GET /api/usuarios?correo=ana.perez%40uc.cl&pagina=2 falla",
      "ana.perez%40uc.cl",
    ],
    ["a phone glued to 'zap'", "me passa o zap41 3362-9305 da mãe", "41 3362-9305"],
    [
      "digit groups split anywhere inside the label's parentheses",
      "la dueña (CUIT 201 234 567 86) me da recibo",
      "201 234 567 86",
    ],
    // Forms a sixth set written apart (heldout6) left in clear, generalised.
    ["glued to 'identidad'", "con cédula de identidad1712345675 pide", "1712345675"],
    [
      "an INE clave glued to 'elector'",
      "mi clave de electorGMVLMR80070501M100, a mi nombre",
      "GMVLMR80070501M100",
    ],
    [
      "a CUIT cut by a line break, a list's dash on the next line",
      "- cuit: 20123456\n786\n- Banco: Nación",
      "20123456\n786",
    ],
    [
      "an alphanumeric CNPJ typed in lower case",
      "o cnpj certo é 12.abc.345/01de-35, obrigado",
      "12.abc.345/01de-35",
    ],
  ])("%s", (_form, text, written) => {
    expect(coveredWhole(text, written), text).toBe(true);
  });

  it.each([
    ["a decimal with no label", "el peso fue 1372540.3 kg"],
    ["a code with leading zeros", "o código 0012 3456 7890 do pedido"],
    ["a toll-free line", "llamé al 01 800 123 4567 y me colgaron"],
    ["a flight", "el vuelo AR1234 sale de la puerta 12"],
    ["a long code with no phone word", "el código 5581971949215 del producto"],
    ["a quantity cut by a line break", "lote 980\n275.130 unidades"],
    ["numbers with spaces for thousands", "son 10 000 personas y 12 345 sillas"],
    ["a word and a code on the next line", "OK\nABC123456789"],
    ["dates and an invoice's number with slashes", "factura 0001/00012345 del 12/03/2024"],
    ["a percent sign before 40 that is no e-mail", "subió 12%40 veces? no: 12% en 40 días"],
  ])("%s stays unmasked", (_form, text) => {
    expect(scanText(text)).toEqual([]);
  });

  it("a diagnosis code is not cut as if a label were glued to it", () => {
    const text = "Tengo CIE-10 F32 desde 2019";
    expect(scanText(text).map((finding) => text.slice(finding.start, finding.end))).toEqual([
      "CIE-10 F32",
    ]);
  });
});
