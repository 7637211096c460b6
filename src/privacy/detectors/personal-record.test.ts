import { describe, expect, it } from "vitest";
import { valuesFound } from "../../../test/support/pii-scan-expectations.js";
import { recordRow } from "./personal-record.js";

/** The fields of `line` read as one row, as text. */
function fieldsOf(line: string): string[] | undefined {
  return recordRow(line, 0, line.length)?.fields.map(({ start, end }) => line.slice(start, end));
}

describe("a header-less row of one person's record", () => {
  it("reads quoted fields without their quotes, and a row a sentence introduces after its colon", () => {
    expect(fieldsOf('"Josefina Aguilar Ramos";"1098765432";"activo"')).toEqual([
      "Josefina Aguilar Ramos",
      "1098765432",
      "activo",
    ]);
    expect(fieldsOf("Essa linha tá quebrando: Lucas Andrade,23.456.789-1,ativa")).toEqual([
      "Lucas Andrade",
      "23.456.789-1",
      "ativa",
    ]);
    expect(fieldsOf(`Error en: 'Ana Ruiz' ; '' ; "x" ; y`)).toEqual(["Ana Ruiz", "x", "y"]);
  });

  it("masks a Spanish-speaking country's ID that fills a field beside the person's name", () => {
    expect(
      valuesFound('Esta línea del Excel da error: "Josefina Aguilar Ramos";"1098765432";"activo"'),
    ).toContainEqual(["CO_CEDULA", "1098765432"]);
    // Masked, whichever identifier of that shape it is taken for.
    expect(
      valuesFound("Ayuda con esta fila: Marcelo Quiroga,30.123.456,socio").map(
        ([, value]) => value,
      ),
    ).toContain("30.123.456");
    expect(valuesFound("Essa linha tá quebrando: Lucas Andrade,23.456.789-1,ativa")).toContainEqual(
      ["BR_RG", "23.456.789-1"],
    );
  });

  it("leaves the numbers of a row about no one", () => {
    for (const text of [
      'Esta fila da error: "Caneta Azul";"12345678";"caja"',
      "Resumen: Sucursal Centro,1098765432,pendiente",
    ]) {
      expect(
        valuesFound(text).filter(([type]) => type !== "PERSON_NAME"),
        text,
      ).toEqual([]);
    }
  });
});
