import { describe, expect, it } from "vitest";
import { withoutOverlaps } from "./overlaps.js";
import type { Finding } from "./pii-types.js";

function finding(overrides: Partial<Finding>): Finding {
  return {
    type: "BR_CPF",
    country: "BR",
    start: 0,
    end: 11,
    confidence: 0.7,
    validated: true,
    normalized: "x",
    ...overrides,
  };
}

describe("withoutOverlaps", () => {
  it("keeps the more confident, then the validated, then the longer finding", () => {
    const cpf = finding({ confidence: 0.7 });
    const phone = finding({ type: "PHONE", confidence: 0.85, end: 15 });
    expect(withoutOverlaps([cpf, phone])).toEqual([phone]);
    const unvalidated = finding({ type: "AR_DNI", validated: false, end: 12 });
    expect(withoutOverlaps([unvalidated, cpf])).toEqual([cpf]);
    const longer = finding({ type: "BR_CNPJ", end: 14 });
    expect(withoutOverlaps([cpf, longer])).toEqual([longer]);
  });

  it("keeps the first reported on a full tie, and returns findings sorted by start", () => {
    const first = finding({ type: "AR_CUIT" });
    const second = finding({ type: "PE_RUC" });
    const later = finding({ start: 20, end: 31 });
    expect(withoutOverlaps([later, first, second])).toEqual([first, later]);
  });
});
