import { describe, expect, it } from "vitest";
import { limitsFromFlags } from "./limit-flags.js";

describe("limitsFromFlags", () => {
  it("takes plain decimal amounts and whole numbers, and none where a limit may be removed", () => {
    expect(
      limitsFromFlags(
        { budgetUsd: "25", budgetUsdDay: "$0.50", rpm: "60", tpm: " 1000 " },
        { removable: false },
      ),
    ).toEqual({
      budgetUsdMonth: 25,
      budgetUsdDay: 0.5,
      requestsPerMinute: 60,
      tokensPerMinute: 1000,
    });
    expect(limitsFromFlags({ budgetUsd: "0.000001" }, { removable: false })).toEqual({
      budgetUsdMonth: 0.000001,
    });
    expect(limitsFromFlags({ budgetUsd: "None", rpm: "none" }, { removable: true })).toEqual({
      budgetUsdMonth: null,
      requestsPerMinute: null,
    });
  });

  it.each([
    ["budgetUsd", "--budget-usd", "0x10"],
    ["budgetUsd", "--budget-usd", "0b11"],
    ["budgetUsd", "--budget-usd", "1e-320"],
    ["budgetUsd", "--budget-usd", "1e3"],
    ["budgetUsd", "--budget-usd", "Infinity"],
    ["budgetUsd", "--budget-usd", "1_000"],
    ["budgetUsd", "--budget-usd", "0.0000001"],
    ["budgetUsd", "--budget-usd", "0"],
    ["budgetUsd", "--budget-usd", "-5"],
    ["budgetUsd", "--budget-usd", ".5"],
    ["budgetUsd", "--budget-usd", "none"],
    ["budgetUsdDay", "--budget-usd-day", "0o17"],
    ["rpm", "--rpm", "0b11"],
    ["rpm", "--rpm", "0x10"],
    ["rpm", "--rpm", "1e3"],
    ["rpm", "--rpm", "1.5"],
    ["rpm", "--rpm", "+5"],
    ["rpm", "--rpm", "0"],
    ["tpm", "--tpm", "99999999999999999999"],
    ["tpm", "--tpm", "1_000"],
  ] as const)("refuses %s %s %s", (option, flag, raw) => {
    expect(() => limitsFromFlags({ [option]: raw }, { removable: false })).toThrow(
      new RegExp(`^${flag} expects .*; got '${raw.replace(/[.+$]/g, "\\$&")}'\\.$`),
    );
  });
});
