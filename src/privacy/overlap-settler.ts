import { withoutOverlaps } from "./overlaps.js";
import type { Finding } from "../core/pii-types.js";

interface Pending {
  finding: Finding;
  /** Which detector rule reported it; with the start, the order the whole-text scan reports in. */
  source: number;
}

/**
 * Settles overlaps among findings read a piece of text at a time. A group of overlapping findings
 * is settled (by `withoutOverlaps`) once it ends at or before the point every detector has read
 * to, since nothing still to come can overlap it; so the result is the same as settling all the
 * findings of the whole text at once, and the count kept so far only grows.
 */
export class OverlapSettler {
  #pending: Pending[] = [];
  readonly #settled: Finding[] = [];

  add(finding: Finding, source: number): void {
    this.#pending.push({ finding, source });
  }

  /** Settles the groups that end at or before `bound`; every finding still to come starts at or after it. */
  settleBefore(bound: number): void {
    const pending = this.#pending.sort((left, right) => left.finding.start - right.finding.start);
    let groupStart = 0;
    let groupEnd = -1;
    for (let index = 0; index < pending.length; index++) {
      const finding = pending[index]?.finding;
      if (finding === undefined) break;
      if (index > groupStart && finding.start >= groupEnd) {
        // Later groups start after this one ends, so they end after `bound` too.
        if (groupEnd > bound) break;
        this.#settle(pending.slice(groupStart, index));
        groupStart = index;
      }
      groupEnd = index === groupStart ? finding.end : Math.max(groupEnd, finding.end);
    }
    if (groupStart < pending.length && groupEnd <= bound) {
      this.#settle(pending.slice(groupStart));
      groupStart = pending.length;
    }
    this.#pending = pending.slice(groupStart);
  }

  /** Findings settled so far: non-overlapping, sorted by start. */
  get settled(): readonly Finding[] {
    return this.#settled;
  }

  #settle(group: Pending[]): void {
    if (group.length === 1 && group[0] !== undefined) {
      this.#settled.push(group[0].finding);
      return;
    }
    const reported = group.sort(
      (left, right) => left.source - right.source || left.finding.start - right.finding.start,
    );
    for (const finding of withoutOverlaps(reported.map((entry) => entry.finding))) {
      this.#settled.push(finding);
    }
  }
}
