import type { Finding } from "./pii-types.js";

/**
 * Findings that do not overlap: where two overlap, the higher confidence wins, then the
 * validated one, then the longer, then the one reported first. Sorted by start.
 */
export function withoutOverlaps(findings: readonly Finding[]): Finding[] {
  const ranked = findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (left, right) =>
        right.finding.confidence - left.finding.confidence ||
        Number(right.finding.validated) - Number(left.finding.validated) ||
        right.finding.end - right.finding.start - (left.finding.end - left.finding.start) ||
        left.order - right.order,
    );
  const kept: Finding[] = [];
  for (const { finding } of ranked) {
    if (kept.every((other) => finding.end <= other.start || finding.start >= other.end)) {
      kept.push(finding);
    }
  }
  return kept.sort((left, right) => left.start - right.start);
}
