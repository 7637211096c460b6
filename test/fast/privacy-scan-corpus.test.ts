import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  evaluateNearMisses,
  evaluateNegatives,
  evaluatePositives,
  nearMissLineSchema,
  parseJsonLines,
  positiveLineSchema,
} from "../../tools/bench/privacy-scan-evaluation.js";
import { scanText } from "../../src/privacy/scan.js";

const read = (name: string) => readFileSync(`test/fixtures/privacy/${name}`, "utf8");
const scan = (text: string) => scanText(text);

describe("privacy scan on its corpora", () => {
  it("finds nothing in business text full of numbers that are not identifiers", () => {
    const lines = read("negatives.txt")
      .split("\n")
      .filter((line) => line.trim() !== "");
    expect(lines.length).toBeGreaterThan(300);
    const result = evaluateNegatives(lines, scan);
    // One line is ambiguous by design: a part number written exactly as a Mexican phone number.
    expect(
      result.falsePositives.map(({ text, finding }) => [
        finding.type,
        text.slice(finding.start, finding.end),
      ]),
    ).toEqual([["PHONE", "55-1234-0000"]]);
  });

  it("finds the valid identifiers of the positives corpus, each as its own type", () => {
    const lines = parseJsonLines(read("positives.jsonl"), positiveLineSchema, "positives.jsonl");
    const result = evaluatePositives(lines, scan);
    expect(result.unexpected).toBe(0);
    // The misses left are values written alike in two countries, with no word to tell them
    // apart: a bare 11-digit Peruvian RUC starting 20 is a valid CUIT, and 1.234.567-2 may be a
    // Uruguayan cédula or a Chilean RUT. The detector listed first claims them.
    const ambiguous = new Set(["PE_RUC as AR_CUIT", "UY_CEDULA as CL_RUT"]);
    for (const miss of result.misses) {
      expect(ambiguous, miss.text).toContain(`${miss.type} as ${miss.foundAs ?? "nothing"}`);
    }
    expect(result.overall.found / result.overall.expected).toBeGreaterThan(0.99);
  });

  it("validates no near miss (one digit off) as its type; those right after their word are masked in doubt", () => {
    const lines = parseJsonLines(
      read("near-misses.jsonl"),
      nearMissLineSchema,
      "near-misses.jsonl",
    );
    const result = evaluateNearMisses(lines, scan);
    expect(result.accepted).toEqual([]);
    // Every near miss stands after its context word; most right after it ("CPF: …"), where the
    // guard masks a value of the right shape even though its check digit fails.
    expect(result.maskedInDoubt).toBeGreaterThan(lines.length / 2);
  });
});

describe("privacy scan of a long text, read a piece at a time", () => {
  it("finds in the whole corpus, as one text, exactly what it finds line by line", () => {
    const lines = [
      ...parseJsonLines(read("positives.jsonl"), positiveLineSchema, "positives").map(
        (line) => line.text,
      ),
      ...parseJsonLines(read("near-misses.jsonl"), nearMissLineSchema, "near-misses").map(
        (line) => line.text,
      ),
      ...read("negatives.txt").split("\n"),
    ];
    // A blank line ends a sentence, so no line's context reaches into the next.
    const text = lines.join("\n\n");
    expect(text.length).toBeGreaterThan(50_000);
    let offset = 0;
    const lineByLine = lines.flatMap((line) => {
      const shifted = scanText(line).map((finding) => ({
        ...finding,
        start: finding.start + offset,
        end: finding.end + offset,
      }));
      offset += line.length + 2;
      return shifted;
    });
    expect(lineByLine.length).toBeGreaterThan(500);
    expect(scanText(text)).toEqual(lineByLine);
  });
});
