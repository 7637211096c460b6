/**
 * Writes test/fixtures/privacy/evaluation/dev4.jsonl: a fourth development set, mostly street
 * addresses (about 300 lines, Spanish from Mexico to Uruguay and Central America, and Brazilian
 * Portuguese), then identifiers that people write without a label or with unusual ones (PIS,
 * cards, CLABE, RIF and the rest), and about 200 negatives that look like personal data and are
 * not (prices, order and tracking numbers, laws, company and landmark addresses, streets that are
 * not anyone's address). The sentences were written apart from the other sets and without reading
 * the detectors, as people write to the chatbot of a clinic, shop, school, bank or public office.
 *
 * Address span rule: the span is one piece from the street type (or, without one, the street's
 * name) to the last complement: number, km, "s/n", manzana/lote, interior, floor, flat, tower,
 * block, "fundos", and a building or condominium named between the number and the flat. A cross
 * street written as part of the address ("N34-120 y Whymper", "c/ Venezuela", "esquina") is in
 * it; "entre X y Y" is not. Neighbourhood (colonia, barrio, bairro, comuna, urbanización), city,
 * state and postal code are outside it; a Brazilian CEP is a BR_CEP span of its own. Where a
 * place has no streets (Nicaragua, Costa Rica), the span is the directions from the landmark.
 * Company and public-landmark addresses are not personal data: those lines are negatives.
 *
 * Values come from the seeded generators of test/support/pii-generators.ts (RG, CEP, Argentine
 * DNI, Colombian and Venezuelan cédula, e-mails and the card brands it lacks are made in
 * dev4-values.ts); the addresses are in dev4-addresses.ts, the messages in dev4-address-frames.ts,
 * dev4-identifier-frames.ts, dev4-negative-frames.ts and dev4-landmarks.ts. The seed is fixed, so
 * a run rewrites the same file. Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/dev4 --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node test/support/privacy-evaluation/dev4-sentences.ts
 *   node .colibri-test/dev4/test/support/privacy-evaluation/dev4-sentences.js
 *   rm -rf .colibri-test/dev4
 */
import { writeFileSync } from "node:fs";
import {
  evaluationLineSchema,
  type EvaluationLine,
  type EvaluationSpan,
} from "../../../tools/bench/privacy-evaluation-line.js";
import { esAddressFrames, ptAddressFrames } from "./dev4-address-frames.js";
import { esIdFrames, ptIdFrames } from "./dev4-identifier-frames.js";
import { esLandmarks, landmarkFrames, ptLandmarks } from "./dev4-landmarks.js";
import { esNegativeFrames, ptNegativeFrames } from "./dev4-negative-frames.js";
import type { Frame, Value } from "./dev4-values.js";

function build(
  lineId: string,
  lang: "es" | "pt",
  frame: Frame,
): { line: EvaluationLine; values: Value[] } {
  let text = "";
  const spans: EvaluationSpan[] = [];
  const values: Value[] = [];
  for (const part of frame.parts()) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    values.push(part);
    spans.push({ type: part.type, start: text.length, end: text.length + part.text.length });
    text += part.text;
  }
  const line = evaluationLineSchema.parse({
    id: lineId,
    lang,
    kind: frame.kind ?? "positive",
    form: frame.form,
    text,
    spans,
  });
  for (const [index, span] of line.spans.entries()) {
    const value = line.text.slice(span.start, span.end);
    if (value === "" || value.trim() !== value || value !== values[index]?.text) {
      throw new Error(`${lineId}: span ${JSON.stringify(value)} is not the value written`);
    }
  }
  if ((line.kind === "negative") !== (line.spans.length === 0)) {
    throw new Error(`${lineId}: a ${line.kind} line with ${line.spans.length} spans`);
  }
  return { line, values };
}

const plan: [lang: "es" | "pt", frames: Frame[], times: number][] = [
  ["es", esAddressFrames, 3],
  ["pt", ptAddressFrames, 3],
  ["es", esIdFrames, 3],
  ["pt", ptIdFrames, 3],
  ["es", landmarkFrames("es", esLandmarks), 1],
  ["pt", landmarkFrames("pt", ptLandmarks), 1],
  ["es", esNegativeFrames, 2],
  ["pt", ptNegativeFrames, 2],
];

const lines: EvaluationLine[] = [];
const seen = new Set<string>();
for (const [lang, frames, times] of plan) {
  for (let round = 0; round < times; round++) {
    for (const frame of frames) {
      const { line } = build(`dev4-${String(lines.length + 1).padStart(4, "0")}`, lang, frame);
      if (seen.has(line.text)) continue;
      seen.add(line.text);
      lines.push(line);
    }
  }
}

writeFileSync(
  "test/fixtures/privacy/evaluation/dev4.jsonl",
  lines.map((line) => JSON.stringify(line)).join("\n") + "\n",
);
const spanCount = lines.reduce((total, line) => total + line.spans.length, 0);
console.log(
  `dev4: ${lines.length} lines (es ${lines.filter((line) => line.lang === "es").length}, negatives ${lines.filter((line) => line.kind === "negative").length}), ${spanCount} spans`,
);
