import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  evaluateNegatives,
  evaluatePositives,
  parseJsonLines,
  positiveLineSchema,
} from "../../../tools/bench/privacy-scan-evaluation.js";
import type { PiiType } from "../../core/pii-types.js";
import { scanText } from "../scan.js";

const types: readonly PiiType[] = ["PERSON_NAME", "STREET_ADDRESS", "HEALTH"];
const scan = (text: string) => scanText(text, { types });
const read = (name: string) => readFileSync(`test/fixtures/privacy/${name}`, "utf8");
const positives = parseJsonLines(
  read("personal-details.jsonl"),
  positiveLineSchema,
  "personal-details.jsonl",
);
const negatives = read("personal-details-negatives.txt")
  .split("\n")
  .filter((line) => line.trim() !== "");

const found = (text: string) =>
  scan(text).map((finding) => [finding.type, text.slice(finding.start, finding.end)]);

describe("names, street addresses and health conditions", () => {
  it("finds every name, address and condition of the es/pt sentences, and nothing else", () => {
    const result = evaluatePositives(positives, scan);
    expect(result.misses).toEqual([]);
    expect(result.unexpected).toBe(0);
    expect(result.overall.expected).toBeGreaterThan(80);
  });

  it("flags nothing in sentences about places, institutions and diseases in general", () => {
    expect(negatives.length).toBeGreaterThan(40);
    const result = evaluateNegatives(negatives, scan);
    expect(
      result.falsePositives.map(({ text, finding }) => text.slice(finding.start, finding.end)),
    ).toEqual([]);
  });

  it("takes a capitalised run after a context word for a name, known to the lists or not", () => {
    expect(found("Paciente: Xiomara Quilla Ttito")).toEqual([
      ["PERSON_NAME", "Xiomara Quilla Ttito"],
    ]);
    expect(found("Atentamente,\nWendolyn Ccahuana")).toEqual([
      ["PERSON_NAME", "Wendolyn Ccahuana"],
    ]);
    expect(found("Zuleivy Qquenta llegó.")).toEqual([]);
  });

  it("reads places, saints and streets named after people as no person", () => {
    expect(found("Viajé a San José y a Puerto Montt con la familia.")).toEqual([]);
    expect(found("El Hospital Albert Einstein queda lejos.")).toEqual([]);
    expect(found("Pasamos por la avenida Simón Bolívar ayer.")).toEqual([]);
  });

  it("needs a person or an address word for an address, and a person for a condition", () => {
    expect(found("La Avenida Paulista 1578 es famosa por el museo.")).toEqual([]);
    expect(found("Mi abuela vive en la Avenida Paulista 1578.")).toEqual([
      ["STREET_ADDRESS", "Avenida Paulista 1578"],
    ]);
    expect(found("La diabetes tipo 2 se puede prevenir.")).toEqual([]);
    expect(found("Mi papá tiene diabetes tipo 2.")).toEqual([["HEALTH", "diabetes tipo 2"]]);
  });

  it("reports them unvalidated, and one canonical form per value however it is written", () => {
    const findings = scan("La paciente maría quispe no vino; la paciente MARÍA  QUISPE sí.");
    // In lower case or in capitals, one name: both are found with one canonical form.
    expect(findings).toHaveLength(2);
    for (const finding of findings) {
      expect(finding).toMatchObject({ validated: false, normalized: "maria quispe" });
    }
    const written = scan("Meu nome é Maria Quispe.");
    expect(written[0]?.normalized).toBe("maria quispe");
    const address = scanText("Moro na RUA DAS FLORES,  45.", { types })[0];
    expect(address?.normalized).toBe("rua das flores 45");
  });

  it("finds a long name or address across the end of a piece as it finds it alone", () => {
    const sentence =
      "Atentamente, Maria Fernanda Quispe Mamani de la Cruz Condori, que vive en Avenida Presidente Juscelino Kubitschek de Oliveira 1830, apto 1204, bloco B, y tiene VIH.";
    const alone = scan(sentence);
    expect(alone.map((finding) => finding.type)).toEqual([
      "PERSON_NAME",
      "STREET_ADDRESS",
      "HEALTH",
    ]);
    // Pieces are 4,096 characters: put the sentence so each value straddles the first boundary.
    for (let before = 3_930; before <= 4_095; before += 5) {
      const filler = `${"sin nada aqui ".repeat(300).slice(0, before - 2)}.\n`;
      const shifted = alone.map((finding) => ({
        ...finding,
        start: finding.start + filler.length,
        end: finding.end + filler.length,
      }));
      expect(scan(filler + sentence)).toEqual(shifted);
    }
  });

  it("finds in a long text, read a piece at a time, what it finds sentence by sentence", () => {
    const lines = [...positives.map((line) => line.text), ...negatives];
    const repeated = Array.from({ length: 8 }, () => lines).flat();
    const text = repeated.join("\n\n");
    expect(text.length).toBeGreaterThan(30_000);
    let offset = 0;
    const lineByLine = repeated.flatMap((line) => {
      const shifted = scan(line).map((finding) => ({
        ...finding,
        start: finding.start + offset,
        end: finding.end + offset,
      }));
      offset += line.length + 2;
      return shifted;
    });
    expect(scan(text)).toEqual(lineByLine);
  });
});
