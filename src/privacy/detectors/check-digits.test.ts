import { describe, expect, it } from "vitest";
import { isValidShortDate } from "./calendar-date.js";
import { isBounded } from "./candidate.js";
import { isValidCnh, isValidPis } from "./check-digits.js";

describe("check digits no library covers", () => {
  it("validates PIS/PASEP numbers and rejects every other last digit", () => {
    // 1·3 + 2·2 + 0·9 + 5·8 + 6·7 + 4·6 + 1·5 + 2·4 + 5·3 + 4·2 = 149; 149 mod 11 = 6; 11 − 6 = 5.
    expect(isValidPis("12056412545")).toBe(true);
    for (let digit = 0; digit <= 9; digit++) {
      if (digit !== 5) expect(isValidPis(`1205641254${digit}`)).toBe(false);
    }
    expect(isValidPis("11111111111")).toBe(false);
    expect(isValidPis("1205641254")).toBe(false);
  });

  it("validates CNH numbers (Denatran's algorithm) and rejects near misses", () => {
    expect(isValidCnh("58316794534")).toBe(true);
    expect(isValidCnh("58316794535")).toBe(false);
    expect(isValidCnh("58316794524")).toBe(false);
    expect(isValidCnh("00000000000")).toBe(false);
  });
});

describe("short dates in identifiers", () => {
  it("accepts real YYMMDD dates, with 29 February in a leap year of either century", () => {
    expect(isValidShortDate("561231")).toBe(true);
    expect(isValidShortDate("000229")).toBe(true);
    expect(isValidShortDate("040229")).toBe(true);
    expect(isValidShortDate("010229")).toBe(false);
    expect(isValidShortDate("561331")).toBe(false);
    expect(isValidShortDate("560431")).toBe(false);
    expect(isValidShortDate("560100")).toBe(false);
  });
});

describe("candidate bounds", () => {
  it("rejects pieces of longer numbers, words and codes", () => {
    const bounded = (text: string, value: string) =>
      isBounded(text, text.indexOf(value), text.indexOf(value) + value.length);
    expect(bounded("CPF 123.456.789-09.", "123.456.789-09")).toBe(true);
    expect(bounded("R$ 1.234.567,89", "234.567")).toBe(false);
    expect(bounded("R$ 1.234.567,89", "1.234.567")).toBe(false);
    expect(bounded("NF-12345678909", "12345678909")).toBe(false);
    expect(bounded("12345678909@mail.com", "12345678909")).toBe(false);
    expect(bounded("ABC12345678909", "12345678909")).toBe(false);
    expect(bounded("12,5%", "12,5")).toBe(false);
  });
});
