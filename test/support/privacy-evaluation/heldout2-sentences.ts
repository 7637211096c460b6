/**
 * Writes test/fixtures/privacy/evaluation/heldout2.jsonl: a second held-out set, for measuring the
 * privacy guard and never for tuning it. Written by someone who had read neither the detectors
 * nor any other evaluation set's sentences; its frames are in heldout2-identifier-frames.ts,
 * heldout2-content-frames.ts and heldout2-negative-frames.ts, its values and their check digits in
 * heldout2-values.ts (on top of test/support/pii-generators.ts). Each frame is a message as people
 * in Latin America write to the chatbot of a clinic, shop, school, bank, public office or delivery
 * service; each is used a few times with fresh values. The seed is fixed, so a run rewrites the
 * same file. Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/heldout2 --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node \
 *     test/support/privacy-evaluation/heldout2-sentences.ts
 *   node .colibri-test/heldout2/test/support/privacy-evaluation/heldout2-sentences.js
 *   rm -rf .colibri-test/heldout2
 *
 * What the spans cover:
 * - STREET_ADDRESS: the street type, name and number with the complement (flat, floor, block,
 *   house, interior), or a rural "km" or "s/n", or a Central American direction from a landmark
 *   ("de la iglesia católica 200 metros al norte, casa esquinera"); the neighbourhood, city,
 *   state and postal code stay outside (a CEP is a span of its own, BR_CEP).
 * - PERSON_NAME: the name only, without "Sr.", "Dra.", "Lic.", "Dona"; a given name alone in a
 *   greeting counts.
 * - HEALTH: the words of the condition, diagnosis code or drug tied to a person ("diabetes tipo 2",
 *   "VIH positivo", "grávida", "sertralina"), not the verb before them.
 * What is not personal, so lines holding only these are negatives: a shop's, company's, clinic's
 * or public office's address given as such; a street named as a place (traffic, a bus route) and a
 * street named after a public figure unless it is someone's residence ("Av. Benito Juárez" is a
 * place; "Vivo en Av. Benito Juárez 1520" is an address, and the figure's name in it is no
 * PERSON_NAME); public figures in their public role (authors, artists, athletes, saints, brands);
 * diseases and medicines discussed in general; toll-free service numbers (0800, 01 800).
 */
import { writeFileSync } from "node:fs";
import {
  evaluationLineSchema,
  type EvaluationLine,
} from "../../../tools/bench/privacy-evaluation-line.js";
import { addressFrames, healthFrames, mixedFrames, nameFrames } from "./heldout2-content-frames.js";
import { identifierFrames } from "./heldout2-identifier-frames.js";
import { negativeFrames } from "./heldout2-negative-frames.js";
import { random, type Frame } from "./heldout2-values.js";

/** How many lines each group of frames writes. */
const groups: { frames: Frame[]; lines: number }[] = [
  { frames: identifierFrames, lines: 290 },
  { frames: nameFrames, lines: 135 },
  { frames: addressFrames, lines: 135 },
  { frames: healthFrames, lines: 80 },
  { frames: mixedFrames, lines: 40 },
  { frames: negativeFrames, lines: 250 },
];

function shuffled<T>(values: readonly T[]): T[] {
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.integer(0, index);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** Every frame of a group the same number of times, the remainder from frames picked at random. */
function schedule(frames: readonly Frame[], lines: number): Frame[] {
  const rounds = Math.floor(lines / frames.length);
  const scheduled = Array.from({ length: rounds }, () => frames).flat();
  return [...scheduled, ...shuffled(frames).slice(0, lines - scheduled.length)];
}

const seen = new Set<string>();
const drafts: Omit<EvaluationLine, "id">[] = [];
for (const group of groups) {
  for (const frame of schedule(group.frames, group.lines)) {
    let attempt = 0;
    let draft = frame.build();
    while (seen.has(draft.text)) {
      if (++attempt > 50) throw new Error(`frame keeps writing "${draft.text}"`);
      draft = frame.build();
    }
    seen.add(draft.text);
    drafts.push({
      lang: frame.lang,
      kind: draft.spans.length === 0 ? "negative" : "positive",
      form: frame.form,
      text: draft.text,
      spans: draft.spans,
    });
  }
}

const lines = shuffled(drafts).map((draft, index) =>
  evaluationLineSchema.parse({ id: `heldout2-${String(index + 1).padStart(4, "0")}`, ...draft }),
);
const path = "test/fixtures/privacy/evaluation/heldout2.jsonl";
writeFileSync(path, lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
console.log(`wrote ${lines.length} lines to ${path}`);
