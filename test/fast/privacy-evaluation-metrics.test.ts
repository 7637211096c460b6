import { describe, expect, it } from "vitest";
import type { Finding, PiiType } from "../../src/core/pii-types.js";
import type { EvaluationLine } from "../../tools/bench/privacy-evaluation-line.js";
import {
  coverage,
  evaluateContent,
  evaluateNegatives,
  evaluatePersonalValues,
} from "../../tools/bench/privacy-evaluation-metrics.js";

function finding(type: string, start: number, end: number): Finding {
  return {
    type: type as PiiType,
    country: null,
    start,
    end,
    confidence: 1,
    validated: true,
    normalized: "",
  };
}

function line(
  text: string,
  spans: EvaluationLine["spans"],
  overrides: Partial<EvaluationLine> = {},
): EvaluationLine {
  return {
    id: "t",
    lang: "es",
    kind: spans.length === 0 ? "negative" : "positive",
    form: "f",
    text,
    spans,
    ...overrides,
  };
}

describe("privacy evaluation metrics", () => {
  const text = "RUT 12.345.678-5 ok";
  const span = { type: "CL_RUT", start: 4, end: 16 };

  it("counts a value masked when every letter and digit is inside findings, separators aside", () => {
    expect(coverage(text, span, [finding("CL_RUT", 4, 14), finding("PHONE", 15, 16)])).toBe("all");
    expect(coverage(text, span, [finding("CL_RUT", 4, 10)])).toBe("some");
    expect(coverage(text, span, [finding("CL_RUT", 0, 3)])).toBe("none");
  });

  it("splits personal values into masked, partly masked and left in clear, by type and form", () => {
    const result = evaluatePersonalValues([
      { line: line(text, [span]), findings: [finding("AR_CUIT", 4, 16)] },
      { line: line(text, [span], { form: "g" }), findings: [finding("CL_RUT", 4, 8)] },
      { line: line(text, [span], { form: "g" }), findings: [] },
      { line: line("Sr. Ana", [{ type: "PERSON_NAME", start: 4, end: 7 }]), findings: [] },
    ]);
    expect(result.overall).toEqual({ spans: 3, masked: 1, partlyMasked: 1, leftInClear: 1 });
    expect(result.byForm.get("g")).toEqual({
      spans: 2,
      masked: 0,
      partlyMasked: 1,
      leftInClear: 1,
    });
    expect(result.misses.map((miss) => miss.coverage)).toEqual(["partly masked", "left in clear"]);
  });

  it("flags a negative line with any finding, counted once per finding type", () => {
    const result = evaluateNegatives([
      { line: line("precio 1234", []), findings: [finding("PHONE", 0, 3), finding("PHONE", 5, 8)] },
      { line: line("hola", []), findings: [] },
      { line: line(text, [span]), findings: [finding("CL_RUT", 4, 16)] },
    ]);
    expect(result.lines).toBe(2);
    expect(result.flagged).toBe(1);
    expect(Object.fromEntries(result.byFindingType)).toEqual({ PHONE: 1 });
  });

  it("scores names by recall of whole spans of the type and precision over all lines", () => {
    const named = "Paciente Lucía Quispe Mamani, de Lima.";
    const gold = [{ type: "PERSON_NAME", start: 9, end: 28 }];
    const result = evaluateContent(
      [
        { line: line(named, gold), findings: [finding("PERSON_NAME", 9, 21)] },
        { line: line(named, gold, { lang: "pt" }), findings: [finding("PERSON_NAME", 9, 28)] },
        { line: line("La Casa Blanca", []), findings: [finding("PERSON_NAME", 3, 14)] },
      ],
      ["PERSON_NAME", "HEALTH"],
    );
    const names = result.byType.get("PERSON_NAME");
    expect(names?.get("es")).toEqual({ spans: 1, found: 0, findings: 2, matching: 1 });
    expect(names?.get("pt")).toEqual({ spans: 1, found: 1, findings: 1, matching: 1 });
    expect(names?.get("all")).toEqual({ spans: 2, found: 1, findings: 3, matching: 2 });
    expect(result.byType.get("HEALTH")?.get("all")).toEqual({
      spans: 0,
      found: 0,
      findings: 0,
      matching: 0,
    });
  });
});
