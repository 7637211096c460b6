import type { Finding } from "../../core/pii-types.js";
import { boundedMatches, mayMatch } from "./candidate.js";
import type { Detector } from "./detector.js";
import { lowercaseNames } from "./lowercase-names.js";
import { capitalisedWord, namesInRun, runAt } from "./name-runs.js";
import type { ScanInput } from "./scan-input.js";
import { foldedValue } from "./folded-value.js";

/**
 * Person names: runs of capitalised words whose words are known given names and surnames
 * (assets/privacy/names/), or any capitalised run right after a word that announces a name
 * ("paciente", "Sra.", "me llamo", "Nome:", a letter's closing), and names in lower case made of
 * list words only (lowercase-names.ts). No check digit exists, so every
 * finding is `validated: false`.
 */
export const personNameDetector: Detector = {
  types: ["PERSON_NAME"],
  detect: (input) =>
    mayMatch(input, capitalisedWord)
      ? [personNames(input), lowercaseNames(input)]
      : [lowercaseNames(input)],
};

function* personNames(input: ScanInput): Generator<Finding | undefined> {
  let previousNameEnd = -1;
  let runEnd = 0;
  for (const candidate of boundedMatches(input, capitalisedWord)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    // A word inside the last run was judged with it.
    if (candidate.start < runEnd) continue;
    const { text, folded } = input;
    const run = runAt(text, candidate.start);
    if (run === undefined) continue;
    runEnd = candidate.start + run.length;
    for (const span of namesInRun(text, folded, candidate.start, run, previousNameEnd)) {
      previousNameEnd = span.end;
      // A name may reach past its run: "Carvalho, Lívia" (inverted-name.ts).
      runEnd = Math.max(runEnd, span.end);
      yield {
        type: "PERSON_NAME",
        country: null,
        start: span.start,
        end: span.end,
        confidence: span.confidence,
        validated: false,
        normalized: foldedValue(input.folded.slice(span.start, span.end)),
      };
    }
  }
}
