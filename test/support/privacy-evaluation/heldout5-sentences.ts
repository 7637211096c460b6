/**
 * Writes test/fixtures/privacy/evaluation/heldout5.jsonl: a fifth held-out set of identifiers and
 * contacts, written without reading the detectors, as clerks in Brazil, Mexico, Colombia, Chile,
 * Argentina and Peru paste them (heldout5-frames.ts): chat exports, spreadsheets pasted as TSV,
 * signatures, form dumps, OCR'd scans, system JSON and XML, log lines, lists and values alone.
 * Every identifier type of the catalogue gets 16 lines (e-mail, phone and card 16 per language);
 * 180 negatives come from heldout5-negative-frames.ts. The seed is fixed, so a run rewrites the
 * same file. Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/heldout5 --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node \
 *     test/support/privacy-evaluation/heldout5-sentences.ts
 *   node .colibri-test/heldout5/test/support/privacy-evaluation/heldout5-sentences.js
 *   rm -rf .colibri-test/heldout5
 *
 * A line's form is "<placement>; <written form>". Values nothing tells from another number
 * (`needsLabel`: RG, CEP, Argentine and Peruvian DNI, Colombian cédula) are not placed where no
 * label, header or field name names them; contacts and cards are not placed where a document
 * type is asked for.
 */
import { v } from "./heldout2-values.js";
import { portuguesePlacements, spanishPlacements, type Labelled } from "./heldout5-frames.js";
import { negativeFrames } from "./heldout5-negative-frames.js";
import { kinds, kindsOf, pick, random, writeAs, type ValueKind } from "./heldout5-values.js";
import { SetDrafts } from "./write-set.js";

const linesPerKind = 16;
const negatives = 180;
const documentOnly = new Set(["form dump, type then number", "json, type and number apart"]);
const notDocuments = new Set(["EMAIL", "PHONE", "CARD"]);

function labelled(
  kind: ValueKind,
  oneLine: boolean,
  numeric: boolean,
): Labelled & { form: string } {
  for (;;) {
    const { value, form } = writeAs(kind);
    if (oneLine && /[\r\n\t]/.test(value.text)) continue;
    if (numeric && !/^[1-9]\d*$/.test(value.text)) continue;
    return { label: pick(kind.labels), key: pick(kind.keys), value, form };
  }
}

const set = new SetDrafts();
for (const kind of kinds) {
  const placements = (kind.lang === "pt" ? portuguesePlacements : spanishPlacements).filter(
    (placement) =>
      !(kind.needsLabel === true && placement.unlabelled === true) &&
      !(notDocuments.has(kind.type) && documentOnly.has(placement.name)) &&
      !(placement.numeric === true && !/^\d+$/.test(kind.make().replace(/[.\-/ ]/g, ""))),
  );
  for (let count = 0; count < linesPerKind; count++) {
    const placement = pick(placements);
    const main = labelled(kind, placement.oneLine ?? false, placement.numeric ?? false);
    const second = pick(kindsOf(kind.lang).filter((other) => other.type !== kind.type));
    const other = {
      label: pick(second.labels),
      key: pick(second.keys),
      value: v(second.type, second.make()),
    };
    const more = () => v(kind.type, kind.make());
    const draft = placement.build(main, other, more, kind);
    const form = `${placement.name}; ${main.form}`;
    if (!set.add({ lang: kind.lang, kind: "positive", form, text: draft.text, spans: draft.spans }))
      count--;
  }
}
for (let count = 0; count < negatives; count++) {
  const frame = negativeFrames[count % negativeFrames.length];
  if (frame === undefined) throw new Error("no negative frames");
  const { text } = frame.build();
  if (!set.add({ lang: frame.lang, kind: "negative", form: frame.topic, text, spans: [] })) count--;
}
set.write("heldout5", random, negatives);
