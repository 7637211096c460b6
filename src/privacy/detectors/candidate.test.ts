import { describe, expect, it } from "vitest";
import { scanText } from "../scan.js";
import { boundedMatches, mayMatch, scanPieceLength } from "./candidate.js";
import { ScanInput } from "./scan-input.js";

describe("candidates next to characters outside the BMP", () => {
  // Found by `npm run fuzz` (issue 17): a capital letter outside the BMP (here U+118BD, Warang
  // Citi) right after a letter matched the name pattern, was refused as glued to that letter, and
  // the search resumed between the halves of its surrogate pair, where the unicode regex found the
  // same match again: the scan never ended, and one chat request froze the gateway.
  it("ends, and finds no name in a capital glued to the letter before it", () => {
    expect(scanText("ଷ\u{118BD}", { types: ["PERSON_NAME"] })).toEqual([]);
    expect(scanText("ᓠ\u{18B4A}\u{16F07}ج∣鿿ଷ\u{118BD}")).toEqual([]);
  });
});

describe("mayMatch: a rule is skipped only where it would find nothing", () => {
  const cpf = /\d{3}\.?\d{3}\.?\d{3}-?\d{2}/g;

  it("says no for a short text the pattern matches nowhere, yes where it matches", () => {
    expect(mayMatch(new ScanInput("sin números aquí"), cpf)).toBe(false);
    expect(mayMatch(new ScanInput("Meu CPF é 390.533.447-05."), cpf)).toBe(true);
  });

  it("agrees with boundedMatches on every short text: none skipped that has a candidate", () => {
    const texts = ["CPF 39053344705", "pedido 12345", "x390.533.447-05", "", "390 533 447 05"];
    for (const text of texts) {
      const input = new ScanInput(text);
      const candidates = [...boundedMatches(input, cpf)].filter((found) => found !== undefined);
      if (!mayMatch(input, cpf)) expect(candidates).toEqual([]);
    }
  });

  it("never reads a text longer than one piece whole: it may always match there", () => {
    expect(mayMatch(new ScanInput("a ".repeat(scanPieceLength)), cpf)).toBe(true);
  });

  it("leaves the shared matcher where the next search starts", () => {
    const input = new ScanInput("CPF 390.533.447-05 e 111.444.777-35");
    expect(mayMatch(input, cpf)).toBe(true);
    const values = [...boundedMatches(input, cpf)].map((found) => found?.value);
    expect(values).toEqual(["390.533.447-05", "111.444.777-35"]);
  });
});
