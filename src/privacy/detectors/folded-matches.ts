import { boundedMatches, type Candidate } from "./candidate.js";
import type { ScanInput } from "./scan-input.js";

/**
 * `boundedMatches` over the input's fold (lower case, no accents, same offsets), read as far as
 * the input itself may be read: patterns written in lower case without accents match "Jirón",
 * "JIRON" and "jiron" alike.
 */
export function* foldedMatches(
  input: ScanInput,
  pattern: RegExp,
): Generator<Candidate | undefined> {
  const folded = input.foldedInput;
  const matches = boundedMatches(folded, pattern);
  for (;;) {
    folded.readTo = input.readTo;
    const step = matches.next();
    if (step.done === true) return;
    yield step.value;
  }
}
