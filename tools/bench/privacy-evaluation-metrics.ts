/**
 * Scores the privacy scanner's findings against an evaluation set's gold spans. Pure computation:
 * the caller scans each line once and passes the findings in.
 *
 * - Personal values (every type but names, addresses and health): a value is masked when every
 *   letter or digit of it lies inside some finding, of any type; left in clear when none does.
 * - Negative lines: flagged when they get any finding.
 * - Names, addresses, health: recall (the span's letters and digits all inside findings of that
 *   type) and precision (findings of that type that overlap a gold span of that type), by language.
 */
import type { Finding } from "../../src/core/pii-types.js";
import {
  isContentType,
  type EvaluationLine,
  type EvaluationSpan,
} from "./privacy-evaluation-line.js";

export interface ScannedLine {
  line: EvaluationLine;
  findings: readonly Finding[];
}

export interface ValueTally {
  spans: number;
  masked: number;
  partlyMasked: number;
  leftInClear: number;
}

export interface ValueMiss {
  id: string;
  type: string;
  form: string;
  value: string;
  coverage: "partly masked" | "left in clear";
  text: string;
}

export interface PersonalValuesResult {
  overall: ValueTally;
  byType: Map<string, ValueTally>;
  byForm: Map<string, ValueTally>;
  misses: ValueMiss[];
}

export interface NegativesResult {
  lines: number;
  flagged: number;
  /** Negative lines with at least one finding of the type. */
  byFindingType: Map<string, number>;
  flaggedLines: { id: string; text: string; findings: string[] }[];
}

export interface ContentTally {
  spans: number;
  found: number;
  findings: number;
  /** Findings that overlap a gold span of their type. */
  matching: number;
}

export interface ContentResult {
  /** Keyed by type, then "es", "pt" and "all". */
  byType: Map<string, Map<string, ContentTally>>;
  misses: { id: string; type: string; value: string; text: string }[];
  /** Findings of a content type that overlap no gold span of that type. */
  extras: { id: string; type: string; value: string; text: string }[];
}

/** Whether the letters and digits of `span` lie inside `findings`: all, some or none of them. */
export function coverage(
  text: string,
  span: Pick<EvaluationSpan, "start" | "end">,
  findings: readonly Pick<Finding, "start" | "end">[],
): "all" | "some" | "none" {
  let needed = 0;
  let covered = 0;
  for (let index = span.start; index < span.end; index++) {
    if (!/[\p{L}\p{N}]/u.test(text[index] ?? "")) continue;
    needed++;
    if (findings.some((finding) => finding.start <= index && index < finding.end)) covered++;
  }
  return covered === 0 ? "none" : covered === needed ? "all" : "some";
}

function emptyTally(): ValueTally {
  return { spans: 0, masked: 0, partlyMasked: 0, leftInClear: 0 };
}

function tallyOf<K>(map: Map<K, ValueTally>, key: K): ValueTally {
  let tally = map.get(key);
  if (tally === undefined) {
    tally = emptyTally();
    map.set(key, tally);
  }
  return tally;
}

export function evaluatePersonalValues(scanned: readonly ScannedLine[]): PersonalValuesResult {
  const result: PersonalValuesResult = {
    overall: emptyTally(),
    byType: new Map(),
    byForm: new Map(),
    misses: [],
  };
  for (const { line, findings } of scanned) {
    for (const span of line.spans) {
      if (isContentType(span.type)) continue;
      const covered = coverage(line.text, span, findings);
      for (const tally of [
        result.overall,
        tallyOf(result.byType, span.type),
        tallyOf(result.byForm, line.form),
      ]) {
        tally.spans++;
        if (covered === "all") tally.masked++;
        else if (covered === "some") tally.partlyMasked++;
        else tally.leftInClear++;
      }
      if (covered !== "all") {
        result.misses.push({
          id: line.id,
          type: span.type,
          form: line.form,
          value: line.text.slice(span.start, span.end),
          coverage: covered === "some" ? "partly masked" : "left in clear",
          text: line.text,
        });
      }
    }
  }
  return result;
}

export function evaluateNegatives(scanned: readonly ScannedLine[]): NegativesResult {
  const result: NegativesResult = {
    lines: 0,
    flagged: 0,
    byFindingType: new Map(),
    flaggedLines: [],
  };
  for (const { line, findings } of scanned) {
    if (line.kind !== "negative") continue;
    result.lines++;
    if (findings.length === 0) continue;
    result.flagged++;
    for (const type of new Set(findings.map((finding) => finding.type))) {
      result.byFindingType.set(type, (result.byFindingType.get(type) ?? 0) + 1);
    }
    result.flaggedLines.push({
      id: line.id,
      text: line.text,
      findings: findings.map(
        (finding) => `${finding.type} "${line.text.slice(finding.start, finding.end)}"`,
      ),
    });
  }
  return result;
}

export function evaluateContent(
  scanned: readonly ScannedLine[],
  types: readonly string[],
): ContentResult {
  const result: ContentResult = { byType: new Map(), misses: [], extras: [] };
  const tallies = (type: string, lang: string): ContentTally[] => {
    let byLanguage = result.byType.get(type);
    if (byLanguage === undefined) {
      byLanguage = new Map();
      result.byType.set(type, byLanguage);
    }
    return [lang, "all"].map((key) => {
      let tally = byLanguage.get(key);
      if (tally === undefined) {
        tally = { spans: 0, found: 0, findings: 0, matching: 0 };
        byLanguage.set(key, tally);
      }
      return tally;
    });
  };
  for (const type of types) tallies(type, "es").concat(tallies(type, "pt"));
  for (const { line, findings } of scanned) {
    for (const type of types) {
      const ofType = findings.filter((finding) => (finding.type as string) === type);
      const gold = line.spans.filter((span) => span.type === type);
      for (const span of gold) {
        const found = coverage(line.text, span, ofType) === "all";
        for (const tally of tallies(type, line.lang)) {
          tally.spans++;
          if (found) tally.found++;
        }
        if (!found)
          result.misses.push({ id: line.id, type, value: slice(line, span), text: line.text });
      }
      for (const finding of ofType) {
        const matching = gold.some((span) => finding.start < span.end && span.start < finding.end);
        for (const tally of tallies(type, line.lang)) {
          tally.findings++;
          if (matching) tally.matching++;
        }
        if (!matching)
          result.extras.push({ id: line.id, type, value: slice(line, finding), text: line.text });
      }
    }
  }
  return result;
}

function slice(line: EvaluationLine, range: { start: number; end: number }): string {
  return line.text.slice(range.start, range.end);
}
