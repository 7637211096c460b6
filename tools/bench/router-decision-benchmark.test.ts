import { describe, expect, it } from "vitest";
import { benchmarkRouterDecision } from "./router-decision-benchmark.js";

describe("benchmarkRouterDecision", () => {
  it("times every decision and exercises the rules, the pre-router and the cascade", () => {
    const prompts = [
      "¿Cuál es la capital de Argentina?",
      "Qual é a capital do Brasil?",
      "Write a python function that reverses a string",
      "Solve the integral of x^2 from 0 to 3",
    ];
    const scorer = {
      score: (prompt: string) => (prompt.includes("integral") ? 0.9 : 0.1),
      thresholdForShare: () => 0.5,
    };
    const result = benchmarkRouterDecision(prompts, scorer, 400, 10);
    expect(result.requests).toBe(400);
    expect(result.latency.p50).toBeGreaterThan(0);
    expect(Object.values(result.reasons).reduce((sum, count) => sum + count, 0)).toBe(400);
    expect(Object.keys(result.reasons)).toEqual(
      expect.arrayContaining([
        "rule:residency",
        "rule:broke",
        "rule:private",
        "rule:code",
        "rule:pt-cascade",
        "pre-router",
        "cascade",
      ]),
    );
  });
});
