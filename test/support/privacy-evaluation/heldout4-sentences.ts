/**
 * Writes test/fixtures/privacy/evaluation/heldout4.jsonl: a fourth held-out set of identifiers
 * and contacts, written without reading the detectors, to measure "no value left in clear" on
 * forms nobody tuned for. Every identifier type of the catalogue (heldout4-values.ts) gets the
 * same number of lines; each line puts one value (sometimes with a second) in a placement of
 * heldout4-frames.ts, written in one of the forms of `writeAs`; 150 negatives come from
 * heldout4-negative-frames.ts. The seed is fixed, so a run rewrites the same file. Run from the
 * repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/heldout4 --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node \
 *     test/support/privacy-evaluation/heldout4-sentences.ts
 *   node .colibri-test/heldout4/test/support/privacy-evaluation/heldout4-sentences.js
 *   rm -rf .colibri-test/heldout4
 *
 * A line's form is "<placement>; <written form>". Values that carry no check digit and no shape
 * of their own (a DNI, a cédula, a CEP, an RG) are always placed with their label, as a person
 * who knows the reader cannot guess writes them.
 */
import type { PiiType } from "../../../src/core/pii-types.js";
import { portuguesePlacements, spanishPlacements, type Labelled } from "./heldout4-frames.js";
import { negativeFrames } from "./heldout4-negative-frames.js";
import { kinds, kindsOf, pick, random, writeAs, type ValueKind } from "./heldout4-values.js";
import { SetDrafts } from "./write-set.js";

const linesPerKind = 15;
const negatives = 150;

/** Values a reader could not tell from any other number without their label. */
const needsLabel = new Set<PiiType>([
  "AR_DNI",
  "PE_DNI",
  "CO_CEDULA",
  "EC_CEDULA",
  "EC_RUC",
  "PE_RUC",
  "PY_RUC",
  "BR_CEP",
  "BR_RG",
  "BR_CNH",
]);
const unlabelled = new Set(["no label, value alone", "csv row without header"]);

function labelled(kind: ValueKind, oneLine: boolean): Labelled & { form: string } {
  for (;;) {
    const { value, form } = writeAs(kind);
    if (oneLine && /[\r\n]/.test(value.text)) continue;
    return { label: pick(kind.labels), value, form };
  }
}

const set = new SetDrafts();
for (const kind of kinds) {
  const placements = (kind.lang === "pt" ? portuguesePlacements : spanishPlacements).filter(
    (placement) => !(needsLabel.has(kind.type) && unlabelled.has(placement.name)),
  );
  for (let count = 0; count < linesPerKind; count++) {
    const placement = pick(placements);
    const oneLine = placement.oneLine ?? false;
    const main = labelled(kind, oneLine);
    const others = kindsOf(kind.lang).filter((other) => other.type !== kind.type);
    const second = pick(others);
    const secondValue = second.make();
    const other = { label: pick(second.labels), value: { type: second.type, text: secondValue } };
    const draft = placement.build(main, other);
    const added = set.add({
      lang: kind.lang,
      kind: "positive",
      form: `${placement.name}; ${main.form}`,
      text: draft.text,
      spans: draft.spans,
    });
    if (!added) count--;
  }
}
for (let count = 0; count < negatives; count++) {
  const frame = negativeFrames[count % negativeFrames.length];
  if (frame === undefined) throw new Error("no negative frames");
  const draft = frame.build();
  const added = set.add({
    lang: frame.lang,
    kind: "negative",
    form: frame.topic,
    text: draft.text,
    spans: [],
  });
  if (!added) count--;
}
set.write("heldout4", random, negatives);
