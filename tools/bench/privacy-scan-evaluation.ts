/**
 * Detection figures for the privacy scanner on its corpora (test/fixtures/privacy/): recall on
 * valid identifiers, false positives on text full of numbers that are not identifiers, and how
 * many near misses (one digit off) it rejects. Pure computation over parsed lines.
 */
import { z } from "zod";
import { piiTypes, type Finding, type PiiType } from "../../src/core/pii-types.js";

export type Scanner = (text: string) => Finding[];

const piiTypeSchema = z.enum(piiTypes as [PiiType, ...PiiType[]]);

export const positiveLineSchema = z.object({
  text: z.string(),
  expected: z.array(z.object({ type: piiTypeSchema, value: z.string() })),
});
export type PositiveLine = z.infer<typeof positiveLineSchema>;

export const nearMissLineSchema = z.object({
  text: z.string(),
  type: piiTypeSchema,
  value: z.string(),
});
export type NearMissLine = z.infer<typeof nearMissLineSchema>;

/** Lines of a JSONL file, each checked against `schema`; says which line is wrong and why. */
export function parseJsonLines<T>(content: string, schema: z.ZodType<T>, source: string): T[] {
  return content
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const result = schema.safeParse(JSON.parse(line));
      if (!result.success) {
        throw new Error(`${source} line ${index + 1}: ${z.prettifyError(result.error)}`);
      }
      return result.data;
    });
}

export interface Recall {
  expected: number;
  found: number;
  /** Found at the right place but as another type. */
  foundAsOtherType: number;
}

export interface PositivesResult {
  byType: Map<PiiType, Recall>;
  overall: Recall;
  /** Findings in the positive lines that no expected value accounts for. */
  unexpected: number;
  misses: { text: string; type: PiiType; value: string; foundAs: PiiType | undefined }[];
}

export function evaluatePositives(lines: readonly PositiveLine[], scan: Scanner): PositivesResult {
  const byType = new Map<PiiType, Recall>();
  const overall: Recall = { expected: 0, found: 0, foundAsOtherType: 0 };
  const misses: PositivesResult["misses"] = [];
  let unexpected = 0;
  for (const line of lines) {
    const findings = scan(line.text);
    const accounted = new Set<Finding>();
    for (const expected of line.expected) {
      const recall = byType.get(expected.type) ?? { expected: 0, found: 0, foundAsOtherType: 0 };
      byType.set(expected.type, recall);
      recall.expected++;
      overall.expected++;
      const atValue = findings.find(
        (finding) =>
          !accounted.has(finding) && line.text.slice(finding.start, finding.end) === expected.value,
      );
      if (atValue !== undefined) accounted.add(atValue);
      if (atValue?.type === expected.type) {
        recall.found++;
        overall.found++;
        continue;
      }
      if (atValue !== undefined) {
        recall.foundAsOtherType++;
        overall.foundAsOtherType++;
      }
      misses.push({ text: line.text, ...expected, foundAs: atValue?.type });
    }
    unexpected += findings.filter((finding) => !accounted.has(finding)).length;
  }
  return { byType, overall, unexpected, misses };
}

export interface NegativesResult {
  lines: number;
  falsePositives: { text: string; finding: Finding }[];
}

export function evaluateNegatives(lines: readonly string[], scan: Scanner): NegativesResult {
  const falsePositives: NegativesResult["falsePositives"] = [];
  for (const text of lines) {
    for (const finding of scan(text)) falsePositives.push({ text, finding });
  }
  return { lines: lines.length, falsePositives };
}

export interface NearMissResult {
  lines: number;
  /** No validated finding of the near miss's own type covers it. */
  rejectedAsType: number;
  /** No finding of any type covers it. */
  rejectedEntirely: number;
  /** Masked all the same, unvalidated, as its type: its label stands right before it. */
  maskedInDoubt: number;
  /** Taken for a valid value of its type: a check that should have failed passed. */
  accepted: NearMissLine[];
}

export function evaluateNearMisses(lines: readonly NearMissLine[], scan: Scanner): NearMissResult {
  let rejectedAsType = 0;
  let rejectedEntirely = 0;
  let maskedInDoubt = 0;
  const accepted: NearMissLine[] = [];
  for (const line of lines) {
    const start = line.text.indexOf(line.value);
    const end = start + line.value.length;
    const covering = scan(line.text).filter(
      (finding) => finding.start < end && finding.end > start,
    );
    if (covering.length === 0) rejectedEntirely++;
    const asType = covering.filter((finding) => finding.type === line.type);
    if (asType.some((finding) => finding.validated)) accepted.push(line);
    else rejectedAsType++;
    if (asType.length > 0 && asType.every((finding) => !finding.validated)) maskedInDoubt++;
  }
  return { lines: lines.length, rejectedAsType, rejectedEntirely, maskedInDoubt, accepted };
}
