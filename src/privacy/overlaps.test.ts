import { describe, expect, it } from "vitest";
import { withoutOverlaps } from "./overlaps.js";
import type { Finding } from "../core/pii-types.js";

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

  it("keeps what comparing each finding with every kept one keeps, on many overlapping findings", () => {
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const findings = Array.from({ length: 2_000 }, () => {
      const start = random(5_000);
      return finding({
        start,
        end: start + 1 + random(30),
        confidence: [0.4, 0.7, 0.95][random(3)] ?? 0.7,
        validated: random(2) === 0,
      });
    });
    const ranked = findings
      .map((entry, order) => ({ entry, order }))
      .sort(
        (left, right) =>
          right.entry.confidence - left.entry.confidence ||
          Number(right.entry.validated) - Number(left.entry.validated) ||
          right.entry.end - right.entry.start - (left.entry.end - left.entry.start) ||
          left.order - right.order,
      );
    const expected: Finding[] = [];
    for (const { entry } of ranked) {
      if (expected.every((kept) => entry.end <= kept.start || entry.start >= kept.end)) {
        expected.push(entry);
      }
    }
    expected.sort((left, right) => left.start - right.start);
    expect(expected.length).toBeGreaterThan(200);
    expect(withoutOverlaps(findings)).toEqual(expected);
  });
});
