import { describe, expect, it } from "vitest";
import { mentionsAll } from "./keyword-score.js";

describe("mentionsAll", () => {
  it("finds every keyword without case or accents", () => {
    expect(mentionsAll("El riesgo de caída se anuncia como Código Lila.", ["lila"])).toBe(true);
    expect(mentionsAll("La farmacia está en el SOTANO.", ["sótano"])).toBe(true);
    expect(mentionsAll("Las visitas son de 15:00 a 18:30.", ["15:00", "18:30"])).toBe(true);
  });

  it("misses an answer without one of them", () => {
    expect(mentionsAll("Las visitas son de 15:00 a 18:00.", ["15:00", "18:30"])).toBe(false);
    expect(mentionsAll("", ["4417"])).toBe(false);
  });
});
