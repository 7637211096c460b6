import { describe, expect, it } from "vitest";
import {
  SeededRandom,
  clabe,
  curp,
  ine,
  rfc,
  withCheckDigitOff,
} from "../../../test/support/pii-generators.js";
import {
  valuesFound,
  withContextWord,
  withoutContextWord,
} from "../../../test/support/pii-scan-expectations.js";
import { scanText } from "../scan.js";

describe("Mexico detectors", () => {
  const random = new SeededRandom(52);

  it.each([
    ["MX_CURP", "BOXW310820HNERXN09"],
    ["MX_RFC", "GODE561231GR8"],
    ["MX_RFC", "MAB9307148T4"],
    ["MX_RFC", "SALC7304253S0"],
    ["MX_CLABE", "002010077777777771"],
    ["MX_CLABE", "032180000118359719"],
  ] as const)("finds the published %s %s with no context word", (type, value) => {
    for (const text of withoutContextWord(value))
      expect(valuesFound(text)).toEqual([[type, value]]);
  });

  it("finds generated CURPs, RFCs, CLABEs and INE claves, with and without context", () => {
    for (let index = 0; index < 100; index++) {
      for (const [type, word, value] of [
        ["MX_CURP", "CURP", curp(random).text],
        ["MX_RFC", "RFC", rfc(random).text],
        ["MX_CLABE", "CLABE", clabe(random).text],
        ["MX_INE", "clave de elector", ine(random).text],
      ] as const) {
        for (const text of [...withContextWord(value, word), ...withoutContextWord(value)]) {
          expect(valuesFound(text), text).toEqual([[type, value]]);
        }
      }
    }
  });

  it("counts a well-formed RFC with a wrong check digit, less surely than one that checks", () => {
    for (let index = 0; index < 50; index++) {
      const wrong = rfc(random, { validCheck: false }).text;
      const right = rfc(random).text;
      const [unchecked] = scanText(`Datos: ${wrong}`);
      const [checked] = scanText(`Datos: ${right}`);
      expect(unchecked).toMatchObject({ type: "MX_RFC", validated: false });
      expect(checked).toMatchObject({ type: "MX_RFC", validated: true });
      expect(unchecked?.confidence).toBeLessThan(checked?.confidence ?? 0);
      expect(unchecked?.confidence).toBeGreaterThanOrEqual(0.5);
    }
  });

  it("rejects an RFC or INE clave whose date does not exist", () => {
    expect(valuesFound("RFC GODE561331GR8")).toEqual([]);
    expect(valuesFound("RFC GODE560230GR8")).toEqual([]);
    expect(valuesFound("Clave de elector GMVLMR80130501M100")).toEqual([]);
    expect(valuesFound("Clave de elector GMVLMR80070533M100")).toEqual([]);
    expect(valuesFound("Clave de elector GMVLMR80070501M100")).toEqual([
      ["MX_INE", "GMVLMR80070501M100"],
    ]);
  });

  it("rejects near misses of the CURP and CLABE check digits and wrong lengths", () => {
    for (let index = 0; index < 100; index++) {
      for (const value of [curp(random).text, clabe(random).text]) {
        const wrong = withCheckDigitOff(random, value);
        const types = valuesFound(`Datos: ${wrong}`).map(([type]) => type);
        expect(types, wrong).not.toContain("MX_CURP");
        expect(types, wrong).not.toContain("MX_CLABE");
      }
    }
    expect(valuesFound("CURP BOXW310820HNERXN0")).toEqual([]);
    expect(valuesFound("CLABE 0020100777777777710")).toEqual([]);
  });

  it("masks a CLABE of a bank newer than the validator's list, unvalidated, in SPEI's ranges only", () => {
    // 710 (NVIO) and 722 (Mercado Pago) are SPEI participants stdnum's bank list lacks; the check
    // digits of these are right. 350 is no range Banxico assigns.
    for (const value of ["710027986253928274", "722180012345678901"]) {
      const findings = scanText(`Cliente: ${value}`);
      expect(findings, value).toMatchObject([{ type: "MX_CLABE", validated: false }]);
      expect(findings[0]?.confidence).toBeLessThan(
        scanText("CLABE 002010077777777771")[0]?.confidence ?? 0,
      );
      expect(scanText(`CLABE ${value}`)[0]?.confidence, value).toBeGreaterThan(
        findings[0]?.confidence ?? 1,
      );
    }
    expect(valuesFound("Cliente: 350180012345678904")).toEqual([]);
    expect(valuesFound("pedido 710027986253928274")).toEqual([]);
  });

  it("does not take a product code or an all-caps word run for an RFC", () => {
    expect(valuesFound("Modelo ABC-123456-XYZ, lote ABCD991332XY1, SKU MEXICO2024")).toEqual([]);
  });

  it("finds an RFC and a CLABE in one message, and a CURP at the very end", () => {
    expect(
      valuesFound("RFC GODE561231GR8, cuenta CLABE 002010077777777771. CURP BOXW310820HNERXN09"),
    ).toEqual([
      ["MX_RFC", "GODE561231GR8"],
      ["MX_CLABE", "002010077777777771"],
      ["MX_CURP", "BOXW310820HNERXN09"],
    ]);
  });
});
