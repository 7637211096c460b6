import { describe, expect, it } from "vitest";
import {
  SeededRandom,
  ecuadorCedula,
  ecuadorRuc,
  nit,
  peruRuc,
  rif,
  withCheckDigitOff,
} from "../../../test/support/pii-generators.js";
import {
  valuesFound,
  withContextWord,
  withoutContextWord,
} from "../../../test/support/pii-scan-expectations.js";

describe("Colombia, Peru, Ecuador and Venezuela detectors", () => {
  const random = new SeededRandom(57);

  it.each([
    ["CO_NIT", "213.123.432-1"],
    ["CO_NIT", "900544472-2"],
    ["PE_RUC", "20512333797"],
    ["EC_CEDULA", "1714307103"],
    ["EC_RUC", "1792060346-001"],
    ["VE_RIF", "V-11470283-4"],
    ["VE_RIF", "V114702834"],
    ["VE_RIF", "V 11470283 4"],
    ["VE_RIF", "V-11.470.283-4"],
  ] as const)("finds the published %s %s with its context word", (type, value) => {
    const word = {
      CO_NIT: "NIT",
      PE_RUC: "RUC",
      EC_CEDULA: "cédula",
      EC_RUC: "RUC",
      VE_RIF: "RIF",
    }[type];
    for (const text of withContextWord(value, word))
      expect(valuesFound(text)).toEqual([[type, value]]);
  });

  it("finds generated NITs, RUCs, cédulas and RIFs with and without context", () => {
    for (let index = 0; index < 100; index++) {
      for (const [type, word, value] of [
        ["CO_NIT", "NIT", nit(random, true).text],
        ["PE_RUC", "RUC", peruRuc(random).text],
        ["EC_CEDULA", "cédula", ecuadorCedula(random).text],
        ["EC_RUC", "RUC", ecuadorRuc(random).text],
        ["VE_RIF", "RIF", rif(random, true).text],
      ] as const) {
        for (const text of withContextWord(value, word)) {
          expect(valuesFound(text), text).toEqual([[type, value]]);
        }
        // Without context a Peruvian RUC starting 20 may be read as an Argentine CUIT: same shape.
        for (const text of withoutContextWord(value)) {
          expect(valuesFound(text).length, text).toBe(1);
        }
      }
    }
  });

  it("finds cédulas and DNIs without a check digit only after their context word", () => {
    expect(valuesFound("Cédula de ciudadanía 1.020.304.050")).toEqual([
      ["CO_CEDULA", "1.020.304.050"],
    ]);
    expect(valuesFound("C.C. 79876543 expedida en Bogotá")).toEqual([["CO_CEDULA", "79876543"]]);
    expect(valuesFound("Total 1.020.304.050 pesos")).toEqual([]);
    expect(valuesFound("C.I. V-12.345.678")).toEqual([["VE_CEDULA", "V-12.345.678"]]);
    expect(valuesFound("Cédula de identidad E-84.123.456.")).toEqual([
      ["VE_CEDULA", "E-84.123.456"],
    ]);
    expect(valuesFound("Modelo V-12.345.678")).toEqual([]);
    // Its label's letters and dots glued to the value, and another value after it.
    expect(valuesFound("C.I.E-8412345 y RIF J-31234567-0")).toContainEqual([
      "VE_CEDULA",
      "E-8412345",
    ]);
    expect(valuesFound("C.C.79876543 expedida en Bogotá")).toEqual([["CO_CEDULA", "79876543"]]);
    expect(valuesFound("DNI 10117410-2")).toEqual([["PE_DNI", "10117410-2"]]);
  });

  it("rejects near misses of every check digit", () => {
    for (let index = 0; index < 100; index++) {
      for (const [type, value] of [
        ["CO_NIT", nit(random, true).text],
        ["PE_RUC", peruRuc(random).text],
        ["EC_CEDULA", ecuadorCedula(random).text],
        ["EC_RUC", ecuadorRuc(random).text],
        ["VE_RIF", rif(random, true).text],
      ] as const) {
        // An Ecuadorian RUC ends in its establishment (001): its check digit is the cédula's.
        const wrong =
          type === "EC_RUC"
            ? withCheckDigitOff(random, value.slice(0, 10)) + value.slice(10)
            : withCheckDigitOff(random, value);
        expect(
          valuesFound(`Datos: ${wrong}`).map(([found]) => found),
          wrong,
        ).not.toContain(type);
      }
    }
  });
});
