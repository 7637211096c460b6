import { describe, expect, it } from "vitest";
import { scanText } from "../scan.js";

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
