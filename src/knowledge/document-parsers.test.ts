import { describe, expect, it } from "vitest";
import { makeDocx, makePdf } from "../../test/support/knowledge-documents.js";
import { chunkBlocks } from "./chunking.js";
import { parseDocument } from "./document-parsers.js";

const sections = [
  {
    heading: "Dosis",
    paragraphs: ["El paracetamol se toma cada ocho horas. No supere cuatro gramos al día."],
  },
  { heading: "Horario", paragraphs: ["La farmacia abre de lunes a sábado."] },
];

describe("parseDocument", () => {
  it("reads a PDF's text page by page, with its larger lines as headings", async () => {
    expect(await parseDocument("guia.pdf", await makePdf(sections))).toEqual([
      {
        headingPath: ["Dosis"],
        text: "El paracetamol se toma cada ocho horas. No supere cuatro gramos al día.",
        page: 1,
      },
      { headingPath: ["Horario"], text: "La farmacia abre de lunes a sábado.", page: 2 },
    ]);
  });

  it("reads a DOCX's headings and paragraphs", async () => {
    expect(await parseDocument("guia.docx", makeDocx(sections))).toEqual([
      {
        headingPath: ["Dosis"],
        text: "El paracetamol se toma cada ocho horas. No supere cuatro gramos al día.",
        page: null,
      },
      { headingPath: ["Horario"], text: "La farmacia abre de lunes a sábado.", page: null },
    ]);
  });

  it("keeps Markdown and HTML headings as a path, and skips scripts", async () => {
    const markdown =
      "# Guía\n\n## Dosis\n\nCada ocho horas.\n\n- uno\n- dos\n\n## Horario\n\nA las 9.";
    expect(await parseDocument("guia.md", Buffer.from(markdown))).toEqual([
      { headingPath: ["Guía", "Dosis"], text: "Cada ocho horas.", page: null },
      { headingPath: ["Guía", "Dosis"], text: "uno", page: null },
      { headingPath: ["Guía", "Dosis"], text: "dos", page: null },
      { headingPath: ["Guía", "Horario"], text: "A las 9.", page: null },
    ]);
    const html =
      "<html><head><title>t</title><script>var x = 1;</script></head><body><h2>Uno</h2><p>Texto &amp; más <b>negrita</b>.</p><h2>Dos</h2><div>Otro</div></body></html>";
    expect(await parseDocument("pagina.html", Buffer.from(html))).toEqual([
      { headingPath: ["Uno"], text: "Texto & más negrita.", page: null },
      { headingPath: ["Dos"], text: "Otro", page: null },
    ]);
  });

  it("reads a CSV row by row with its column names, and plain text by paragraphs", async () => {
    const csv = "nombre,precio\nparacetamol,3\nibuprofeno,\n";
    expect((await parseDocument("precios.csv", Buffer.from(csv))).map((b) => b.text)).toEqual([
      "nombre: paracetamol; precio: 3.",
      "nombre: ibuprofeno.",
    ]);
    const text = "Primer párrafo\nsigue aquí.\n\nSegundo.";
    expect((await parseDocument("notas.txt", Buffer.from(text))).map((b) => b.text)).toEqual([
      "Primer párrafo sigue aquí.",
      "Segundo.",
    ]);
  });

  it("says which file cannot be read and why", async () => {
    await expect(parseDocument("roto.pdf", Buffer.from("not a pdf"))).rejects.toThrow(
      /^roto\.pdf: cannot be read as pdf \(/,
    );
    const cut = await makePdf(sections);
    await expect(parseDocument("cortado.pdf", cut.subarray(0, cut.length / 2))).rejects.toThrow(
      /^cortado\.pdf: cannot be read as pdf \(.+\); the file is damaged or was cut short/,
    );
    await expect(
      parseDocument("secreto.pdf", await makePdf(sections, { userPassword: "clave" })),
    ).rejects.toThrow(/^secreto\.pdf: the PDF is encrypted and needs a password to open/);
    await expect(parseDocument("roto.docx", Buffer.from("PK\u0003\u0004 nope"))).rejects.toThrow(
      /^roto\.docx: cannot be read as docx/,
    );
    await expect(
      parseDocument("viejo.docx", Buffer.from("\u00d0\u00cf\u0011\u00e0 doc")),
    ).rejects.toThrow(/^viejo\.docx: is not a DOCX file \(a DOCX is a ZIP archive/);
    await expect(parseDocument("latin1.txt", Buffer.from([0x63, 0xe1, 0x0a]))).rejects.toThrow(
      "latin1.txt: not UTF-8 text",
    );
    await expect(parseDocument("vacio.md", Buffer.from("\n\n"))).rejects.toThrow(
      "vacio.md: no text found.",
    );
    await expect(parseDocument("foto.bin", Buffer.from([0xff, 0xd8, 0xff, 0x00]))).rejects.toThrow(
      /foto\.bin: unknown format; Colibrí reads \.pdf, \.docx/,
    );
  });
});

describe("chunkBlocks", () => {
  it("packs sentences under one heading and page, and never crosses either", () => {
    const chunks = chunkBlocks(
      [
        { headingPath: ["A"], text: "Una frase corta. Otra frase corta. Una tercera.", page: 1 },
        { headingPath: ["A"], text: "Cuarta.", page: 1 },
        { headingPath: ["A"], text: "En otra página.", page: 2 },
        { headingPath: ["B"], text: "Bajo otro título.", page: 2 },
      ],
      40,
    );
    expect(chunks).toEqual([
      { ordinal: 0, headingPath: ["A"], text: "Una frase corta. Otra frase corta.", page: 1 },
      { ordinal: 1, headingPath: ["A"], text: "Una tercera. Cuarta.", page: 1 },
      { ordinal: 2, headingPath: ["A"], text: "En otra página.", page: 2 },
      { ordinal: 3, headingPath: ["B"], text: "Bajo otro título.", page: 2 },
    ]);
  });

  it("cuts a sentence longer than a chunk between words", () => {
    const chunks = chunkBlocks([{ headingPath: [], text: "uno dos tres cuatro", page: null }], 8);
    expect(chunks.map((chunk) => chunk.text)).toEqual(["uno dos", "tres", "cuatro"]);
  });
});
