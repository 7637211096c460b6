import { describe, expect, it } from "vitest";
import type { Finding } from "../core/pii-types.js";
import type { FieldText } from "./field-rules.js";
import { fieldFindingsOf, scanUnits } from "./scan-units.js";

function value(pointer: string, text: string): FieldText {
  return { field: { pointer, part: "value" }, text };
}

function finding(start: number, end: number): Finding {
  return {
    type: "BR_CPF",
    country: "BR",
    start,
    end,
    confidence: 0.99,
    validated: true,
    normalized: "39053344705",
  };
}

const units = scanUnits([
  value("/messages/0/content", "Hola"),
  value("/sampling/stop/0", "FIN"),
  { field: { pointer: "/responseFormat/schema/cpf", part: "key" }, text: "cpf" },
  value("/responseFormat/schema/cpf", "390.533.447-05"),
  value("/messages/1/content", "Adiós"),
]);

describe("scan units", () => {
  it("reads each message alone and every other text in one, a blank line apart", () => {
    expect(units.map((unit) => unit.text)).toEqual([
      "Hola",
      "Adiós",
      "FIN\n\ncpf\n\n390.533.447-05",
    ]);
    expect(units[2]?.pieces.map((piece) => piece.start)).toEqual([0, 5, 10]);
  });

  it("gives a finding back to the text it is in, with offsets into that text", () => {
    const joined = units[2];
    if (joined === undefined) throw new Error("no joined unit");
    expect([...fieldFindingsOf(joined, finding(10, 24))]).toEqual([
      { field: { pointer: "/responseFormat/schema/cpf", part: "value" }, finding: finding(0, 14) },
    ]);
    // One that runs over a blank line masks its part of each text.
    expect(
      [...fieldFindingsOf(joined, finding(6, 14))].map((entry) => [
        entry.field.pointer,
        entry.field.part,
        entry.finding.start,
        entry.finding.end,
      ]),
    ).toEqual([
      ["/responseFormat/schema/cpf", "key", 1, 3],
      ["/responseFormat/schema/cpf", "value", 0, 4],
    ]);
  });
});
