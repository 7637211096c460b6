import { normalizeValue } from "../normalize.js";
import { piiTypeInfo, type Finding, type PiiType } from "../pii-types.js";
import { boundedMatches, type Candidate } from "./candidate.js";
import { confidenceOf, type CheckResult, type Shape } from "./confidence.js";
import { contextBefore, endsWithNegativeWord } from "./context-words.js";
import type { Detector } from "./detector.js";
import type { Validation } from "./stdnum-validators.js";

/** How one identifier is found: its written shapes, its check and the words that name it. */
export interface IdentifierRule {
  type: PiiType;
  /** The shapes it is written in; must have the `g` flag. */
  pattern: RegExp;
  /** Words (see `wordsPattern`) that name it, looked for before the candidate. */
  context: RegExp;
  /** Runs only on candidates the pattern matched as a whole token. */
  check(candidate: Candidate): CheckResult;
  shape(candidate: Candidate): Shape;
}

/** Findings of one rule in `text`, each with its confidence (those at 0 are left out). */
export function detectIdentifier(text: string, rule: IdentifierRule): Finding[] {
  const findings: Finding[] = [];
  const country = piiTypeInfo[rule.type].country;
  for (const candidate of boundedMatches(text, rule.pattern)) {
    const context = contextBefore(text, candidate.start);
    const check = rule.check(candidate);
    const confidence = confidenceOf({
      check,
      shape: rule.shape(candidate),
      positive: rule.context.test(context),
      negative: endsWithNegativeWord(context),
    });
    if (confidence <= 0) continue;
    findings.push({
      type: rule.type,
      country,
      start: candidate.start,
      end: candidate.end,
      confidence,
      validated: check === "passed",
      normalized: normalizeValue(rule.type, candidate.value),
    });
  }
  return findings;
}

/** A detector made of identifier rules, e.g. one country's. */
export function identifierDetector(rules: readonly IdentifierRule[]): Detector {
  return {
    types: rules.map((rule) => rule.type),
    detect: (text) => rules.flatMap((rule) => detectIdentifier(text, rule)),
  };
}

/** A check from a validator that answers `{ isValid }`, on the value without separators. */
export function checkWith(
  validate: (compact: string) => Validation,
): (candidate: Candidate) => CheckResult {
  return (candidate) =>
    validate(candidate.value.replace(/[^0-9A-Za-z]/g, "").toUpperCase()).isValid
      ? "passed"
      : "failed";
}
