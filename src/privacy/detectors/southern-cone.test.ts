import { describe, expect, it } from "vitest";
import { scanText } from "../scan.js";
import {
  SeededRandom,
  cuit,
  paraguayRuc,
  rut,
  uruguayCedula,
  uruguayRut,
  withCheckDigitOff,
} from "../../../test/support/pii-generators.js";
import {
  valuesFound,
  withContextWord,
  withoutContextWord,
} from "../../../test/support/pii-scan-expectations.js";

describe("Argentina, Chile, Uruguay and Paraguay detectors", () => {
  const random = new SeededRandom(54);

  it.each([
    ["AR_CUIT", "20-05536168-2"],
    ["AR_CUIT", "20055361682"],
    ["CL_RUT", "76.086.428-5"],
    ["CL_RUT", "12.531.909-2"],
    ["UY_CEDULA", "1.234.567-2"],
    ["UY_RUT", "21-100342-001-7"],
    ["UY_RUT", "211003420017"],
  ] as const)("finds the published %s %s with no context word", (type, value) => {
    for (const text of withoutContextWord(value))
      expect(valuesFound(text)).toEqual([[type, value]]);
  });

  it("finds generated CUITs, RUTs, cédulas and RUTs with and without context", () => {
    for (let index = 0; index < 100; index++) {
      for (const [type, word, value] of [
        ["AR_CUIT", "CUIT", cuit(random).text],
        ["CL_RUT", "RUT", rut(random, "dotted").text],
        ["UY_CEDULA", "cédula", uruguayCedula(random, true).text],
        ["UY_RUT", "RUT", uruguayRut(random).text],
      ] as const) {
        for (const text of withContextWord(value, word)) {
          expect(valuesFound(text), text).toEqual([[type, value]]);
        }
        for (const text of withoutContextWord(value)) {
          const found = valuesFound(text);
          // 1.234.567-2 is written alike in Uruguay and Chile; with no word, either may claim it.
          if (type === "UY_CEDULA" && found[0]?.[0] === "CL_RUT") continue;
          expect(found, text).toEqual([[type, value]]);
        }
      }
    }
  });

  it("finds a RUT with a K check digit, and bare RUTs, Paraguay RUCs and DNIs only with context", () => {
    // A wrong K right after its word is masked in doubt, unvalidated.
    expect(scanText("RUN 14.326.417-K")).toMatchObject([{ type: "CL_RUT", validated: false }]);
    const withK = findRutWithK(random);
    expect(valuesFound(`RUT ${withK}`)).toEqual([["CL_RUT", withK]]);
    expect(valuesFound(`RUT ${withK.toLowerCase()}`)).toEqual([["CL_RUT", withK.toLowerCase()]]);
    for (let index = 0; index < 50; index++) {
      const bare = rut(random, "hyphen").compact;
      expect(valuesFound(`RUT ${bare}`)).toEqual([["CL_RUT", bare]]);
      expect(valuesFound(`Anota: ${bare}`).map(([type]) => type)).not.toContain("CL_RUT");
      const company = paraguayRuc(random).text;
      expect(valuesFound(`RUC ${company}`)).toEqual([["PY_RUC", company]]);
    }
    expect(valuesFound("DNI 20.123.456")).toEqual([["AR_DNI", "20.123.456"]]);
    expect(valuesFound("Documento Nacional de Identidad: 20123456")).toEqual([
      ["AR_DNI", "20123456"],
    ]);
    expect(valuesFound("Stock: 20.123.456 unidades")).toEqual([]);
    expect(valuesFound("RUC 80028061-0")).toEqual([["PY_RUC", "80028061-0"]]);
  });

  it("rejects near misses of every check digit", () => {
    for (let index = 0; index < 100; index++) {
      for (const [type, value] of [
        ["AR_CUIT", cuit(random, true).text],
        ["CL_RUT", rut(random, "dotted").text],
        ["UY_CEDULA", uruguayCedula(random, true).text],
        ["UY_RUT", uruguayRut(random, true).text],
        ["PY_RUC", paraguayRuc(random).text],
      ] as const) {
        const wrong = withCheckDigitOff(random, value);
        expect(
          valuesFound(`Datos: ${wrong}`).map(([found]) => found),
          wrong,
        ).not.toContain(type);
      }
    }
  });
});

/** A valid RUT whose check digit is K. */
function findRutWithK(random: SeededRandom): string {
  for (;;) {
    const value = rut(random, "dotted").text;
    if (value.endsWith("K")) return value;
  }
}
