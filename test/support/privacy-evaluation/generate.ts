/**
 * Writes the privacy guard's evaluation sets from two separate template sets with their own
 * seeds:
 *
 * - test/fixtures/privacy/evaluation/dev.jsonl from dev-templates.ts, for tuning the detectors;
 * - test/fixtures/privacy/evaluation/heldout.jsonl from heldout-templates.ts, never tuned on.
 *
 * Identifiers come from the seeded generators of test/support/pii-generators.ts; the sentences,
 * names, streets and conditions are hand-written (see the template files). The seeds are fixed,
 * so a run rewrites the same files. Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/evaluation --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node test/support/privacy-evaluation/generate.ts
 *   node .colibri-test/evaluation/test/support/privacy-evaluation/generate.js
 *   rm -rf .colibri-test/evaluation   # compiled JavaScript that eslint would read
 */
import { mkdirSync, writeFileSync } from "node:fs";
import {
  evaluationLineSchema,
  evaluationSetPath,
  type EvaluationLine,
} from "../../../tools/bench/privacy-evaluation-line.js";
import { composeSet } from "./compose.js";
import { devTemplates } from "./dev-templates.js";
import { heldoutTemplates } from "./heldout-templates.js";

function check(lines: readonly EvaluationLine[]): void {
  for (const line of lines) {
    evaluationLineSchema.parse(line);
    const spans = [...line.spans].sort((a, b) => a.start - b.start);
    spans.forEach((span, index) => {
      const value = line.text.slice(span.start, span.end);
      if (value.trim() !== value || value === "") {
        throw new Error(`${line.id}: span "${value}" has space at its ends`);
      }
      const next = spans[index + 1];
      if (next !== undefined && next.start < span.end) {
        throw new Error(`${line.id}: spans overlap in "${line.text}"`);
      }
    });
    if ((line.kind === "negative") !== (line.spans.length === 0)) {
      throw new Error(`${line.id}: a ${line.kind} line with ${line.spans.length} spans`);
    }
  }
}

const sets = [devTemplates, heldoutTemplates].map((templates) => ({
  name: templates.name,
  lines: composeSet(templates),
}));
const [dev, heldout] = sets;
const devTexts = new Set(dev?.lines.map((line) => line.text));
const shared = heldout?.lines.filter((line) => devTexts.has(line.text)) ?? [];
if (shared.length > 0) throw new Error(`dev and heldout share "${shared[0]?.text ?? ""}"`);

mkdirSync("test/fixtures/privacy/evaluation", { recursive: true });
for (const { name, lines } of sets) {
  check(lines);
  writeFileSync(
    evaluationSetPath(name),
    lines.map((line) => JSON.stringify(line)).join("\n") + "\n",
  );
  const spans = lines.flatMap((line) => line.spans);
  const count = (type: string) => spans.filter((span) => span.type === type).length;
  console.log(
    `${name}: ${lines.length} lines (es ${lines.filter((line) => line.lang === "es").length}, negatives ${lines.filter((line) => line.kind === "negative").length}), ${spans.length} spans: names ${count("PERSON_NAME")}, addresses ${count("STREET_ADDRESS")}, health ${count("HEALTH")}`,
  );
}
