import { describe, expect, it } from "vitest";
import { ScanView } from "./scan-view.js";

function readAs(text: string): string {
  return new ScanView(text).text;
}

describe("ScanView", () => {
  it("leaves plain ASCII text alone, offsets and all", () => {
    const view = new ScanView("CPF 390.533.447-05, ok");
    expect(view.text).toBe("CPF 390.533.447-05, ok");
    expect(view.original(4, 18)).toEqual({ start: 4, end: 18 });
  });

  it("reads digits of every script, dashes, spaces and fullwidth forms as ASCII", () => {
    expect(readAs("３９０．５３３．４４７－０５")).toBe("390.533.447-05");
    expect(readAs("٣٩٠٥٣٣٤٤٧٠٥")).toBe("39053344705");
    expect(readAs("۳۹۰")).toBe("390");
    expect(readAs("३९०")).toBe("390");
    expect(readAs("390\u2010533\u2013447\u221205")).toBe("390-533-447-05");
    expect(readAs("390\u00a0533\u202f447\u300005")).toBe("390 533 447 05");
    expect(readAs("ana＠correo.com")).toBe("ana@correo.com");
  });

  it("drops invisible characters and maps a finding back over them", () => {
    const written = "CPF 390.533\u200b.447-05!";
    const view = new ScanView(written);
    expect(view.text).toBe("CPF 390.533.447-05!");
    const start = view.text.indexOf("390");
    const span = view.original(start, start + "390.533.447-05".length);
    expect(written.slice(span.start, span.end)).toBe("390.533\u200b.447-05");
  });

  it("joins a value cut by a line break, not lines of words", () => {
    expect(readAs("CPF 390.533.\n447-05")).toBe("CPF 390.533.447-05");
    expect(readAs("CPF 3905334\r\n4705")).toBe("CPF 39053344705");
    expect(readAs("CPF:\n390.533.447-05")).toBe("CPF:\n390.533.447-05");
    expect(readAs("Total 10.\nDepois")).toBe("Total 10.\nDepois");
  });

  it("parts a label from the number glued to it", () => {
    const written = "meu CPF39053344705 e rg12345";
    const view = new ScanView(written);
    expect(view.text).toBe("meu CPF 39053344705 e rg 12345");
    const start = view.text.indexOf("39053344705");
    const span = view.original(start, start + 11);
    expect(written.slice(span.start, span.end)).toBe("39053344705");
    expect(readAs("modelo X200 e v2")).toBe("modelo X200 e v2");
    // Labels with accents, and not a word that only ends like one ("ação12" is no "cao").
    expect(readAs("cartão4111111111111111 e Cédula1234567890")).toBe(
      "cartão 4111111111111111 e Cédula 1234567890",
    );
    expect(readAs("ação12 e número123")).toBe("ação12 e número 123");
  });

  it("reads a card's groups of four cut by line breaks as the separator between them", () => {
    expect(readAs("cartão:\n4111 1111\n1111 1111")).toBe("cartão:\n4111 1111 1111 1111");
    expect(readAs("4111-1111-1111\r\n1111")).toBe("4111-1111-1111-1111");
    expect(readAs("4111.1111 \r\n1111.1111")).toBe("4111.1111.1111.1111");
    // A number grouped by dots, cut at one of them: the dot.
    expect(readAs("NIT 980\r\n275.130-5")).toBe("NIT 980.275.130-5");
    expect(readAs("CPF 390.533\n447-05")).toBe("CPF 390.533.447-05");
    // Not a number cut anywhere else: that is still one value.
    expect(readAs("CPF 3905334\n4705")).toBe("CPF 39053344705");
    expect(readAs("conta 1234\n5678")).toBe("conta 12345678");
  });

  it("parts a label written with dots from the number glued to it", () => {
    const written = "C.I.V-5389452 / R.U.T.12.345.678-5";
    const view = new ScanView(written);
    expect(view.text).toBe("C.I. V-5389452 / R.U.T. 12.345.678-5");
    const start = view.text.indexOf("V-");
    const span = view.original(start, start + "V-5389452".length);
    expect(written.slice(span.start, span.end)).toBe("V-5389452");
    expect(readAs("c.p.f.39053344705")).toBe("c.p.f. 39053344705");
    // Not dotted words that name nothing, nor a dotted label inside a word.
    expect(readAs("S.A.V-8 e p.ex.2")).toBe("S.A.V-8 e p.ex.2");
    expect(readAs("XC.I.5389452")).toBe("XC.I.5389452");
  });

  it("maps a span over surrogate pairs and expansions to the characters written", () => {
    const written = "n\u{1d7ce}\u{1d7cf} ﬁn";
    const view = new ScanView(written);
    expect(view.text).toBe("n01 fin");
    expect(view.original(1, 3)).toEqual({ start: 1, end: 5 });
    expect(view.original(4, 7)).toEqual({ start: 6, end: 8 });
  });
});

describe("ScanView, codes and labels", () => {
  it("joins a code in capitals cut by a line break, not a value and the next line's word", () => {
    expect(readAs("curp: SOKH920508\nMGRPGL72")).toBe("curp: SOKH920508MGRPGL72");
    expect(readAs("CPF 390.533.447-05\nOBRIGADO")).toBe("CPF 390.533.447-05\nOBRIGADO");
    expect(readAs("cnpj KE.G6R.CNT/MZUB-\n60")).toBe("cnpj KE.G6R.CNT/MZUB-60");
    expect(readAs("Fim.\n2024 foi bom")).toBe("Fim.\n2024 foi bom");
  });

  it("parts a CURP or RFC label glued to the value's own letters", () => {
    expect(readAs("ya te mando, curpNECW440506HBCDDH85")).toBe(
      "ya te mando, curp NECW440506HBCDDH85",
    );
    expect(readAs("RFCGOMA800101AB1")).toBe("RFC GOMA800101AB1");
    expect(readAs("RFCS 2024")).toBe("RFCS 2024");
  });
});

describe("ScanView, a form pasted one label a line", () => {
  it("keeps the line break between a number and the next line's label", () => {
    const form = "Nome: Ana\nCPF: 39053344705\nRG: 24.551.032-7\nCNH: 5550123\nE-mail: a@b.com";
    expect(readAs(form)).toBe(form);
    expect(readAs("RFC: GOMA800101AB1\nCURP GOMA800101HDFRRN09")).toBe(
      "RFC: GOMA800101AB1\nCURP GOMA800101HDFRRN09",
    );
    expect(readAs("nit 8001234567\nOBS: pagado")).toBe("nit 8001234567\nOBS: pagado");
  });
});

describe("ScanView, a label above its value", () => {
  it("keeps the line break after a label in capitals", () => {
    expect(readAs("RFC\nBZB780312UN3")).toBe("RFC\nBZB780312UN3");
    expect(readAs("CURP\nSOKH920508MGRPGL72")).toBe("CURP\nSOKH920508MGRPGL72");
  });
});

describe("ScanView, a line starting with the separator", () => {
  it("joins a value whose next separator starts the next line", () => {
    expect(readAs("CPF 707.224\n.460-39")).toBe("CPF 707.224.460-39");
    expect(readAs("Total 10\n- frete")).toBe("Total 10\n- frete");
  });
});

describe("ScanView, numbered lists", () => {
  it("keeps the line break before a list item's number", () => {
    expect(readAs("1) RUT 21-958959-001-8\n2) cédula")).toBe("1) RUT 21-958959-001-8\n2) cédula");
    expect(readAs("1. CNPJ 10579129000150\n2. telefone")).toBe(
      "1. CNPJ 10579129000150\n2. telefone",
    );
  });
});

describe("ScanView, structure read after the characters", () => {
  it("parts a label from fullwidth digits glued to it, and joins fullwidth digits cut by a line break", () => {
    const written = "CPF３９０.５３３.４４７－０５ ok";
    const view = new ScanView(written);
    expect(view.text).toBe("CPF 390.533.447-05 ok");
    const start = view.text.indexOf("390");
    const span = view.original(start, start + "390.533.447-05".length);
    expect(written.slice(span.start, span.end)).toBe("３９０.５３３.４４７－０５");
    expect(readAs("ＣＰＦ３９０５３３４４７０５")).toBe("CPF 39053344705");
    expect(readAs("CPF ３９０.５３３.\n４４７-０５")).toBe("CPF 390.533.447-05");
  });
});
