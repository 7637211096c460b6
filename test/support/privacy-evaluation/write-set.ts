/**
 * The common end of the held-out sets' generators (heldout4-sentences.ts, heldout5-sentences.ts):
 * keep a draft unless its text is already in the set, shuffle the drafts with the set's seeded
 * source, number them and write the set's JSON-lines file.
 */
import { writeFileSync } from "node:fs";
import {
  evaluationLineSchema,
  type EvaluationLine,
} from "../../../tools/bench/privacy-evaluation-line.js";
import type { SeededRandom } from "../pii-generators.js";

export type LineDraft = Omit<EvaluationLine, "id">;

/** Drafts of one set, each text once. */
export class SetDrafts {
  readonly drafts: LineDraft[] = [];
  private readonly seen = new Set<string>();

  /** Adds the draft and says true, or says false where its text is already in the set. */
  add(draft: LineDraft): boolean {
    if (this.seen.has(draft.text)) return false;
    this.seen.add(draft.text);
    this.drafts.push(draft);
    return true;
  }

  /** Shuffles, numbers (`<set>-0001`…) and writes test/fixtures/privacy/evaluation/<set>.jsonl. */
  write(set: string, random: SeededRandom, negatives: number): void {
    const drafts = this.drafts;
    for (let index = drafts.length - 1; index > 0; index--) {
      const other = random.integer(0, index);
      [drafts[index], drafts[other]] = [drafts[other] as LineDraft, drafts[index] as LineDraft];
    }
    const lines = drafts.map((draft, index) =>
      evaluationLineSchema.parse({ id: `${set}-${String(index + 1).padStart(4, "0")}`, ...draft }),
    );
    const path = `test/fixtures/privacy/evaluation/${set}.jsonl`;
    writeFileSync(path, lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
    const values = lines.reduce((total, line) => total + line.spans.length, 0);
    console.log(
      `wrote ${lines.length} lines (${values} values, ${negatives} negatives) to ${path}`,
    );
  }
}
