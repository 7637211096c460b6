/**
 * Writes the eighth held-out set, test/fixtures/privacy/evaluation/heldout8.jsonl, written
 * blind (neither the detectors nor their tests read): 330 lines built around one identifier
 * (every catalogue type 11 times; e-mail, phone and card 11 times in each language), 120 lines
 * with names, home addresses and health data only, and 150 negatives, from domains the seventh
 * set did not centre on (cooperatives, microfinance, transport, admissions, social programmes,
 * NGOs, vets, dentists, gyms, funeral homes, churches, condominiums, police reports, marketplace
 * sellers, drivers, parents' groups, OCR'd forms, SMS and voice-to-text transcripts). What is a
 * span and what is not is set out in the header of heldout8-values.ts. The seed is fixed, so a
 * run rewrites the same file. Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/evaluation --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node test/support/privacy-evaluation/heldout8-sentences.ts
 *   node .colibri-test/evaluation/test/support/privacy-evaluation/heldout8-sentences.js
 *   rm -rf .colibri-test/evaluation   # compiled JavaScript that eslint would read
 */
import { contentFrames } from "./heldout8-content-frames.js";
import {
  framesFor,
  keyedFrames,
  type Frame,
  type KeyedFrame,
  type Slot,
} from "./heldout8-frames.js";
import { negativeFrames, type NegativeFrame } from "./heldout8-negative-frames.js";
import { personName, someGender } from "./heldout8-people.js";
import {
  chance,
  kinds,
  pick,
  random,
  s,
  shuffled,
  spanishCountries,
  v,
  writeValue,
  type Country,
  type Draft,
  type Kind,
  type Lang,
} from "./heldout8-values.js";
import { SetDrafts, type LineDraft } from "./write-set.js";

const linesPerKind = 11;
const contentLines: Record<Lang, number> = { es: 70, pt: 50 };
const negativeLines: Record<Lang, number> = { es: 95, pt: 55 };

/** Takes from `items` in a shuffled order, reshuffling each time it runs out. */
class Rotation<T> {
  private queue: T[] = [];

  constructor(private readonly items: readonly T[]) {}

  next(accept: (item: T) => boolean = () => true): T {
    for (let attempt = 0; attempt < this.items.length * 3; attempt++) {
      if (this.queue.length === 0) this.queue = shuffled(this.items);
      const item = this.queue.pop() as T;
      if (accept(item)) return item;
    }
    throw new Error("no item accepted");
  }
}

const rotations = new Map<string, Rotation<Frame | KeyedFrame>>();
function rotation(
  key: string,
  frames: readonly (Frame | KeyedFrame)[],
): Rotation<Frame | KeyedFrame> {
  let found = rotations.get(key);
  if (found === undefined) {
    found = new Rotation(frames);
    rotations.set(key, found);
  }
  return found;
}

function identifierLine(kind: Kind): LineDraft {
  const lang = kind.lang;
  const country: Country =
    kind.country !== "any" ? kind.country : lang === "pt" ? "BR" : pick(spanishCountries);
  const gender = someGender();
  const name = personName(lang, gender);
  const { form, text } = writeValue(kind.make(country, name.text), kind.type);
  const value = v(kind.type, text);
  const lowered = form === "lower case";
  const label = lowered ? pick(kind.labels).toLowerCase() : pick(kind.labels);
  const labelled: Draft =
    form === "label glued"
      ? s`${label.replace(/:$/, "")}${pick(["", ":"])}${value}`
      : s`${label} ${value}`;
  const slot: Slot = {
    lang,
    country,
    label: label.replace(/:$/, ""),
    key: kind.key,
    labelled,
    value: s`${value}`,
    name,
    gender,
  };
  const keyed = form === "url-encoded" || (form !== "label glued" && chance(0.18));
  const role = pick(kind.roles.filter((candidate) => framesFor[lang][candidate] !== undefined));
  const frame = keyed
    ? rotation(`${lang}:keyed`, keyedFrames[lang]).next(
        (candidate) =>
          (form !== "url-encoded" || (candidate as KeyedFrame).query === true) &&
          ((candidate as KeyedFrame).documentsOnly !== true ||
            kind.roles.some((role) => role === "person" || role === "tax")),
      )
    : rotation(`${lang}:${role}`, framesFor[lang][role] ?? []).next(
        (candidate) => form !== "label glued" || candidate.bare !== true,
      );
  const draft = frame.make(slot);
  return { lang, kind: "positive", form: `${frame.message}; ${form}`, ...draft };
}

function contentLine(
  lang: Lang,
  frames: Rotation<(typeof contentFrames)[Lang][number]>,
): LineDraft {
  const frame = frames.next();
  const country: Country = lang === "pt" ? "BR" : pick(spanishCountries);
  const draft = frame.make(country);
  if (chance(0.2) && draft.text.toLowerCase().length === draft.text.length) {
    return {
      lang,
      kind: "positive",
      form: `${frame.message}; typed in lower case`,
      text: draft.text.toLowerCase(),
      spans: draft.spans,
    };
  }
  return { lang, kind: "positive", form: `${frame.message}; as typed`, ...draft };
}

/** Every span lies inside the text, covers a trimmed, non-empty value and overlaps no other. */
function check(line: LineDraft): void {
  const spans = [...line.spans].sort((a, b) => a.start - b.start);
  let end = 0;
  for (const span of spans) {
    const value = line.text.slice(span.start, span.end);
    if (span.start < end || span.end > line.text.length || value.trim() !== value || value === "") {
      throw new Error(`bad span ${JSON.stringify(span)} in ${JSON.stringify(line.text)}`);
    }
    end = span.end;
  }
}

const set = new SetDrafts();
const add = (line: LineDraft): boolean => {
  check(line);
  return set.add(line);
};

for (const kind of kinds) {
  let made = 0;
  while (made < linesPerKind) if (add(identifierLine(kind))) made++;
}
for (const lang of ["es", "pt"] as const) {
  const frames = new Rotation(contentFrames[lang]);
  let made = 0;
  while (made < contentLines[lang]) if (add(contentLine(lang, frames))) made++;
}
let negatives = 0;
for (const lang of ["es", "pt"] as const) {
  const frames = new Rotation(
    negativeFrames[lang].flatMap((frame) => Array<NegativeFrame>(frame.weight ?? 1).fill(frame)),
  );
  let made = 0;
  for (let attempt = 0; made < negativeLines[lang]; attempt++) {
    if (attempt > 2000) throw new Error(`too few distinct ${lang} negatives`);
    const frame = frames.next();
    if (add({ lang, kind: "negative", form: frame.topic, text: frame.make(), spans: [] })) made++;
  }
  negatives += made;
}
set.write("heldout8", random, negatives);

// What the set holds, for its description in docs/benchmarks.md.
const count = (keys: string[]): Record<string, number> =>
  keys.reduce<Record<string, number>>((totals, key) => {
    totals[key] = (totals[key] ?? 0) + 1;
    return totals;
  }, {});
const lines = set.drafts;
console.log("lines by language:", count(lines.map((line) => line.lang)));
console.log("spans by type:", count(lines.flatMap((line) => line.spans.map((span) => span.type))));
console.log(
  "spans by type and language:",
  count(lines.flatMap((line) => line.spans.map((span) => `${span.type} ${line.lang}`))),
);
const identifierLines = lines.filter((line) => /; (?!as typed|typed in)/.test(line.form));
console.log(
  "identifier lines by written form:",
  count(identifierLines.map((line) => line.form.split("; ")[1] ?? "")),
);
console.log(
  "identifier lines by message:",
  count(identifierLines.map((line) => line.form.split("; ")[0] ?? "")),
);
console.log(
  "content lines by form:",
  count(lines.filter((line) => /; (as typed|typed in)/.test(line.form)).map((line) => line.form)),
);
console.log(
  "negatives by topic:",
  count(lines.filter((line) => line.kind === "negative").map((line) => line.form)),
);
