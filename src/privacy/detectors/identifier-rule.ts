import { normalizeValue } from "../normalize.js";
import { piiTypeInfo, type Finding, type PiiType } from "../../core/pii-types.js";
import { boundedMatches, type Candidate } from "./candidate.js";
import { confidenceOf, type CheckResult, type Shape } from "./confidence.js";
import { endsWithNegativeWord } from "./context-words.js";
import type { Detector, DetectorOptions } from "./detector.js";
import type { ScanInput } from "./scan-input.js";
import type { Validation } from "./stdnum-validators.js";

/** How one identifier is found: its written shapes, its check and the words that name it. */
export interface IdentifierRule {
  type: PiiType;
  /** The shapes it is written in; must have the `g` flag. */
  pattern: RegExp;
  /** Words (see `wordsPattern`) that name it, looked for before the candidate. */
  context: RegExp;
  /** Drops candidates that cannot be this identifier whatever the context (a bad date). */
  plausible?(candidate: Candidate): boolean;
  /** Runs only on plausible candidates the pattern matched as a whole token. */
  check(candidate: Candidate): CheckResult;
  shape(candidate: Candidate): Shape;
}

/**
 * Findings of one rule in `text`, each with its confidence (those at 0 are left out), in order
 * of start and lazily; `undefined` where it has read up to `input.readTo` (see `boundedMatches`).
 */
export function* detectIdentifier(
  input: ScanInput,
  rule: IdentifierRule,
  options: DetectorOptions,
): Generator<Finding | undefined> {
  const country = piiTypeInfo[rule.type].country;
  for (const candidate of boundedMatches(input, rule.pattern)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    if (rule.plausible?.(candidate) === false) continue;
    const shape = rule.shape(candidate);
    // Context is read, and the check (a library call) run, only when they could reach the
    // threshold: a candidate that needs a context word is skipped in a text that has none.
    const reachable = (positive: boolean) =>
      confidenceOf({ check: "passed", shape, positive, negative: false }) >= options.minConfidence;
    if (
      !reachable(true) ||
      (!reachable(false) && !input.mentionsBefore(rule.context, candidate.start))
    )
      continue;
    const context = input.contextBefore(candidate.start);
    const positive = rule.context.test(context);
    if (!reachable(positive)) continue;
    const check = rule.check(candidate);
    const confidence = confidenceOf({
      check,
      shape,
      positive,
      negative: endsWithNegativeWord(context),
    });
    if (confidence <= 0) continue;
    yield {
      type: rule.type,
      country,
      start: candidate.start,
      end: candidate.end,
      confidence,
      validated: check === "passed",
      normalized: normalizeValue(rule.type, candidate.value),
    };
  }
}

/** A detector made of identifier rules, e.g. one country's. */
export function identifierDetector(rules: readonly IdentifierRule[]): Detector {
  return {
    types: rules.map((rule) => rule.type),
    detect: (input, options) => rules.map((rule) => detectIdentifier(input, rule, options)),
  };
}

/** A check from a validator that answers `{ isValid }`, on the value without separators. */
export function checkWith(
  validate: (compact: string) => Validation,
): (candidate: Candidate) => CheckResult {
  return (candidate) => (validate(compactOf(candidate)).isValid ? "passed" : "failed");
}

/** For identifiers with no check digit: they count only with a positive context word. */
export function noCheck(): CheckResult {
  return "none";
}

/** The letters and digits of a candidate, in upper case. */
export function compactOf(candidate: Candidate): string {
  return candidate.value.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
}
