/**
 * One line of the privacy guard's held-out evaluation sets (test/fixtures/privacy/evaluation/):
 * a message as a person writes it, and where the personal data in it lies. Span types are
 * compared as strings, so a set may name types (PERSON_NAME, STREET_ADDRESS, HEALTH) before the
 * scanner knows them.
 */
import { z } from "zod";

export const evaluationSpanSchema = z
  .object({
    type: z.string().regex(/^[A-Z][A-Z_]*$/),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((span) => span.end > span.start, "a span ends after it starts");
export type EvaluationSpan = z.infer<typeof evaluationSpanSchema>;

export const evaluationLineSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(["es", "pt"]),
  kind: z.enum(["positive", "negative"]),
  /** How the value is written or placed (positives), or what the message is about (negatives). */
  form: z.string().min(1),
  text: z.string().min(1),
  /** UTF-16 offsets: `text.slice(start, end)` is the value as written. */
  spans: z.array(evaluationSpanSchema),
});
export type EvaluationLine = z.infer<typeof evaluationLineSchema>;

/** Free-text personal data: judged by recall and precision, per language. */
export const contentTypes = ["PERSON_NAME", "STREET_ADDRESS", "HEALTH"] as const;

export function isContentType(type: string): boolean {
  return (contentTypes as readonly string[]).includes(type);
}

export const evaluationSets = [
  "dev",
  "heldout",
  "dev4",
  "heldout2",
  "heldout3",
  "heldout4",
  "heldout5",
  "heldout6",
  "heldout7",
  "heldout8",
] as const;
export type EvaluationSet = (typeof evaluationSets)[number];

export function evaluationSetPath(set: EvaluationSet): string {
  return `test/fixtures/privacy/evaluation/${set}.jsonl`;
}
