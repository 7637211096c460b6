/**
 * The confidence model every detector shares. The figures were tuned on the positives and
 * negatives corpora (test/fixtures/privacy/); `npm run bench:privacy` measures them.
 */

/**
 * What a check digit said: passed, failed, or there is none for this identifier — or `unlisted`:
 * the check digit passes but a registry list the validator holds does not know a part of the
 * value (a CLABE's bank code newer than the list).
 */
export type CheckResult = "passed" | "unlisted" | "failed" | "none";

/**
 * How the value was written. `formatted`: in the identifier's own shape (123.456.789-09), or a
 * shape distinctive enough to stand alone. `plain`: bare characters that a strong check (two
 * check digits, a fixed structure) still singles out. `weak`: bare characters whose check passes
 * by chance too often (one check digit over free digits), or a type with no check at all.
 */
export type Shape = "formatted" | "plain" | "weak";

export interface Evidence {
  check: CheckResult;
  shape: Shape;
  /** A word naming the identifier stands before it, in the same sentence. */
  positive: boolean;
  /** A word naming something else (order, ticket, invoice) stands right before it. */
  negative: boolean;
  /**
   * The word naming the identifier stands right before it ("CPF: ", "CLABE ", glued "CPF3905…"),
   * or a generic label does ("ID ", "Nº ", "número "). When in doubt, mask: such a value counts
   * even when its check digit (or a registry list) says no.
   */
  labelled?: "own" | "generic" | "record";
}

export const confidenceLevels = {
  formatted: 0.95,
  plain: 0.7,
  weak: 0.4,
  /** No check digit, but a distinctive structure (RFC, INE clave): counts without context. */
  structureOnly: 0.6,
  /** A check digit passed and a positive word names it. */
  checkedWithContext: 0.99,
  /** No check digit exists, and a positive word names it. */
  uncheckedWithContext: 0.9,
  /**
   * A check digit failed but a positive word names it in the same sentence: a typo, or a
   * registry the library does not know (a new bank code). Just above the default threshold —
   * the guard stands in front of the cloud — and below every validated finding.
   */
  failedWithContext: 0.52,
  /**
   * The value has the identifier's shape and its label stands right before it, but the check
   * digit fails (a typo, a registry the library does not know) or there is none: masked, since
   * the guard stands in front of the cloud, with a confidence below any validated finding.
   */
  rightAfterLabel: 0.55,
  /**
   * No word names the value, but it fills a field of a row that holds a person's value (a valid
   * CPF, a name): the same person's record, so masked in doubt, below a labelled value.
   */
  inPersonalRecord: 0.52,
  /** `+country code` and a possible number in a range the numbering plan does not list. */
  unlistedPhone: 0.55,
  /**
   * Its check digit passes but a registry list does not know a part of it (see `CheckResult`):
   * masked in doubt, below any validated finding; a word naming it raises it as for no check.
   */
  unlisted: 0.55,
  /** Cap when a negative word stands right before and no positive word does. */
  negative: 0.3,
} as const;

/** The confidence for a candidate; 0 means it is no finding at all. */
export function confidenceOf(evidence: Evidence): number {
  const confidence = fromWords(evidence);
  if (evidence.labelled === undefined || evidence.negative) return confidence;
  return Math.max(
    confidence,
    evidence.labelled === "record"
      ? confidenceLevels.inPersonalRecord
      : confidenceLevels.rightAfterLabel,
  );
}

function fromWords(evidence: Evidence): number {
  const { check, shape, positive, negative } = evidence;
  if (check === "failed") return positive ? confidenceLevels.failedWithContext : 0;
  if (check === "unlisted") {
    if (positive) return confidenceLevels.uncheckedWithContext;
    return negative ? confidenceLevels.negative : confidenceLevels.unlisted;
  }
  if (positive) {
    return check === "passed"
      ? confidenceLevels.checkedWithContext
      : confidenceLevels.uncheckedWithContext;
  }
  const base =
    check === "passed"
      ? confidenceLevels[shape]
      : shape === "formatted"
        ? confidenceLevels.structureOnly
        : 0;
  // A value in its own written shape that passes its check is what it looks like, whatever the
  // word before it ("item 1 4111 1111 1111 1111"): when in doubt, mask.
  if (check === "passed" && shape === "formatted") return base;
  return negative ? Math.min(base, confidenceLevels.negative) : base;
}
