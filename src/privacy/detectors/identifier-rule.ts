import { normalizeValue } from "../normalize.js";
import { piiTypeInfo, type Finding, type PiiType } from "../../core/pii-types.js";
import { boundedMatches, mayMatch, type Candidate } from "./candidate.js";
import { confidenceLevels, confidenceOf, type CheckResult, type Shape } from "./confidence.js";
import {
  endsWithGenericLabel,
  genericLabelWords,
  wordsRightBeforeValue,
  wordsRightAfterValue,
  wordsAsSubjectOfValue,
  wordsAsPredicateOfValue,
  subjectReach,
} from "./context-words.js";
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
  /**
   * Whether a value of its shape that fills a field of one person's record (a header-less row
   * holding a valid CPF or a name) is masked in doubt with no word naming it.
   */
  inRecords?: boolean;
  /** Where the value stands says what it is, with no word: a CEP after a state's code. */
  placed?(text: string, candidate: Candidate): boolean;
  /** Drops candidates that cannot be this identifier whatever the context (a bad date). */
  plausible?(candidate: Candidate): boolean;
  /** Runs only on plausible candidates the pattern matched as a whole token. */
  check(candidate: Candidate): CheckResult;
  shape(candidate: Candidate): Shape;
}

/**
 * Findings of one rule in `text`, each with its confidence (those at 0 are left out), in order
 * of start and lazily; `undefined` where it has read up to `input.readTo` (see `boundedMatches`).
 * Besides its own shapes, a rule finds the value with spaces where its separators go
 * ("390 533 447 05"), dots where it has a hyphen ("1372540.3", "62786.140") and slashes where it
 * has either ("20/12345678/6"); written so, it counts as a weak shape, which a label word carries.
 */
export function* detectIdentifier(
  input: ScanInput,
  rule: IdentifierRule,
  options: DetectorOptions,
): Generator<Finding | undefined> {
  const country = piiTypeInfo[rule.type].country;
  const { pattern, ownShape, ownLabel, ownLabelAfter, ownSubject, ownPredicate } = compiled(rule);
  for (const candidate of boundedMatches(input, pattern)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    if (rule.plausible?.(candidate) === false) continue;
    const spaced = candidate.value.includes(" ");
    if (spaced && !standsApart(input.text, candidate)) continue;
    // Only a dot can stand where the rule's own pattern has none (spaces are weak already).
    const relaxed = spaced || (/[./]/.test(candidate.value) && !ownShape.test(candidate.value));
    const shape = relaxed ? "weak" : rule.shape(candidate);
    // Context is read, and the check (a library call) run, only when they could reach the
    // threshold: a candidate that needs a context word is skipped in a text that has none.
    const reachable = (positive: boolean) =>
      confidenceOf({ check: "passed", shape, positive, negative: false }) >= options.minConfidence;
    const genericReach =
      compactOf(candidate).length >= shortestGenericValue &&
      confidenceLevels.rightAfterLabel >= options.minConfidence;
    const placed = rule.placed?.(input.text, candidate) === true;
    const inRecord =
      !placed &&
      rule.inRecords === true &&
      confidenceLevels.inPersonalRecord >= options.minConfidence &&
      input.inPersonalRecord(candidate.start, candidate.end);
    // A value sent alone (the whole message, a list item, a header-less table's field) is
    // masked in doubt when its check passes, as a record's field is.
    const alone =
      !placed && !inRecord && confidenceLevels.inPersonalRecord >= options.minConfidence
        ? input.standsAlone(candidate.start, candidate.end)
        : undefined;
    if (
      !reachable(true) ||
      (!reachable(false) &&
        !placed &&
        !inRecord &&
        alone === undefined &&
        !input.mentionsBefore(rule.context, candidate.end + subjectReach) &&
        !(genericReach && input.mentionsBefore(genericLabelWords, candidate.start)))
    )
      continue;
    const context = input.contextBefore(candidate.start);
    const after = input.contextAfter(candidate.end);
    const column = ` ${input.columnLabel(candidate.start)} `;
    // The rule's words in the context at all, a quick test before the patterns that place them
    // (a label's filler words read with much backtracking).
    const wordBefore = rule.context.test(context);
    const wordAfter = rule.context.test(after);
    const ownLabelled =
      placed ||
      (wordBefore && ownLabel.test(context)) ||
      rule.context.test(column) ||
      (wordAfter && ownLabelAfter.test(after)) ||
      (input.mentionsBefore(rule.context, candidate.start) &&
        ownSubject.test(input.sentenceBefore(candidate.start))) ||
      (input.mentionsBefore(rule.context, candidate.end + subjectReach) &&
        ownPredicate.test(input.sentenceAfter(candidate.end)));
    // The value's own label beside it outweighs an order word further away.
    const negative = !ownLabelled && input.negativeBefore(candidate.start);
    const positive = ownLabelled || wordBefore || (!negative && wordAfter);
    const labelled = ownLabelled
      ? "own"
      : genericReach && endsWithGenericLabel(context)
        ? "generic"
        : inRecord
          ? "record"
          : undefined;
    if (!reachable(positive) && labelled === undefined && alone === undefined) continue;
    const check = rule.check(candidate);
    // Alone, only a value that proves itself: a check that passes on a value written with its
    // separators ("80055950-9"), or in a shape its check singles out — not bare digits, which
    // one check digit passes one time in ten, as order numbers and codes stand alone too — or
    // with letters of its own (a cédula's type letter) where the identifier has no check.
    const provesItself = /[-./]/.test(candidate.value) || (alone === "line" && shape !== "weak");
    const aloneCounts =
      alone !== undefined &&
      ((check === "passed" && provesItself) ||
        (check === "none" && /[A-Za-z]/.test(candidate.value)));
    const evidence = labelled ?? (aloneCounts ? "record" : undefined);
    const confidence = confidenceOf({
      check,
      shape,
      positive,
      negative,
      ...(evidence === undefined ? {} : { labelled: evidence }),
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

/**
 * A value written with spaces must not be a piece of a longer run of digit groups
 * ("9111 1111" in "9111 1111 1111 1117"): no digit one space away on either side.
 */
function standsApart(text: string, { start, end }: Candidate): boolean {
  const digit = /\d/;
  if (text[start - 1] === " " && digit.test(text[start - 2] ?? "")) return false;
  return !(text[end] === " " && digit.test(text[end + 1] ?? ""));
}

/** A generic label ("ID", "nº") marks a value this long at least (letters and digits). */
const shortestGenericValue = 7;

interface CompiledRule {
  pattern: RegExp;
  /** The rule's own pattern over a whole value: a candidate it misses is written another way. */
  ownShape: RegExp;
  /** The rule's word right before a value, and right after one. */
  ownLabel: RegExp;
  ownLabelAfter: RegExp;
  /** The rule's word as the subject of the sentence the value ends ("el rif … es"). */
  ownSubject: RegExp;
  /** The rule's word ending the predicate of a sentence the value starts ("X é o meu PIS"). */
  ownPredicate: RegExp;
}

const compiledRules = new WeakMap<IdentifierRule, CompiledRule>();

function compiled(rule: IdentifierRule): CompiledRule {
  let found = compiledRules.get(rule);
  if (found === undefined) {
    found = {
      pattern: allowingSpaces(rule.pattern),
      ownShape: new RegExp(`^(?:${rule.pattern.source})$`, rule.pattern.flags.replace("g", "")),
      ownLabel: wordsRightBeforeValue(rule.context),
      ownLabelAfter: wordsRightAfterValue(rule.context),
      ownSubject: wordsAsSubjectOfValue(rule.context),
      ownPredicate: wordsAsPredicateOfValue(rule.context),
    };
    compiledRules.set(rule, found);
  }
  return found;
}

/**
 * The pattern with a space or another separator allowed wherever it has one (`.`, `-`, `/`)
 * outside a character class — a dot or a slash where it has a hyphen, a slash where it has a
 * dot: `\d{3}\.?\d{3}` also matches "390 533", `\d{7,8}-?\d` also "1372540.3" and "80067651/3".
 */
export function allowingSpaces(pattern: RegExp): RegExp {
  let source = "";
  let inClass = false;
  for (let index = 0; index < pattern.source.length; index++) {
    const character = pattern.source[index] ?? "";
    if (character === "\\") {
      const escaped = pattern.source[index + 1] ?? "";
      index++;
      if (!inClass && (escaped === "." || escaped === "/") && afterDigits.test(source)) {
        source += "[./ ]";
      } else source += character + escaped;
      continue;
    }
    if (character === "[") inClass = true;
    else if (character === "]") inClass = false;
    source += !inClass && character === "-" && afterDigits.test(source) ? "[-./ ]" : character;
  }
  return new RegExp(source, pattern.flags);
}

/**
 * A pattern's source that ends in digits (`\d`, `\d{3}`, `[\dA-Z]{4}`), or opens a group after
 * them: a separator may follow — also a hyphen before an optional check digit (`(?:-?\d)?`) and a
 * dot between groups of thousands (`(?:\.\d{3}){1,3}`: "59 422 739").
 */
const afterDigits = /(?:\\d|\[[^\]]*\\d[^\]]*\])(?:\{\d+(?:,\d*)?\})?(?:\(\?:)?$/;

/** A detector made of identifier rules, e.g. one country's. */
export function identifierDetector(rules: readonly IdentifierRule[]): Detector {
  return {
    types: rules.map((rule) => rule.type),
    detect: (input, options) => {
      const found: Iterable<Finding | undefined>[] = [];
      if (!input.hasDigits) return found;
      for (const rule of rules) {
        if (mayMatch(input, compiled(rule).pattern)) {
          found.push(detectIdentifier(input, rule, options));
        }
      }
      return found;
    },
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
