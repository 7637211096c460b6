import type { Finding } from "../core/pii-types.js";

/**
 * Findings that do not overlap: where two overlap, the higher confidence wins, then the
 * validated one, then the longer, then the one reported first. Sorted by start.
 *
 * Greedy in order of preference; whether a finding overlaps one already kept is a prefix query
 * (the furthest end among kept findings that start before it ends), so it is O(n log n).
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
  const starts = [...new Set(findings.map((finding) => finding.start))].sort(
    (left, right) => left - right,
  );
  const furthestEnds = new FurthestEnds(starts);
  const kept: Finding[] = [];
  for (const { finding } of ranked) {
    // A kept finding overlaps this one when it starts before this one ends and ends after it starts.
    if (furthestEnds.before(finding.end) > finding.start) continue;
    furthestEnds.add(finding.start, finding.end);
    kept.push(finding);
  }
  return kept.sort((left, right) => left.start - right.start);
}

/** The furthest end among intervals added so far whose start is below a bound (a Fenwick tree). */
class FurthestEnds {
  readonly #starts: readonly number[];
  readonly #tree: number[];

  constructor(starts: readonly number[]) {
    this.#starts = starts;
    this.#tree = new Array<number>(starts.length + 1).fill(-1);
  }

  add(start: number, end: number): void {
    for (let index = this.#rank(start) + 1; index < this.#tree.length; index += index & -index) {
      if ((this.#tree[index] ?? -1) < end) this.#tree[index] = end;
    }
  }

  /** -1 when no interval starts below `bound`. */
  before(bound: number): number {
    let furthest = -1;
    for (let index = this.#rank(bound); index > 0; index -= index & -index) {
      furthest = Math.max(furthest, this.#tree[index] ?? -1);
    }
    return furthest;
  }

  /** How many known starts are below `value`. */
  #rank(value: number): number {
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#starts[middle] ?? 0) < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
