/**
 * Writes test/fixtures/privacy/evaluation/heldout6.jsonl: a sixth held-out set, written without
 * reading the detectors or their tests, as the traffic a clinic, school, shop or public office in
 * Mexico, Argentina, Colombia, Peru, Chile, Ecuador, Venezuela, Uruguay, Paraguay, Bolivia or
 * Brazil sends to a chat assistant (heldout6-frames.ts): support chats, WhatsApp messages, e-mails
 * pasted in, forms filled in, CRM notes, spreadsheet rows, letters to rewrite or translate,
 * clinical notes, school enrolments, invoices, bank transfers, Pix keys and card receipts.
 *
 * - 330 lines each built around one identifier: every identifier type of the catalogue 11 times
 *   (e-mail, phone and card 11 per language), most with a person's name and some with a second
 *   contact, an address or a condition around it;
 * - 120 lines with people's names, home addresses and health data and no identifier;
 * - 150 negatives full of numbers (heldout6-negative-frames.ts).
 *
 * A positive line's form is "<message>; <written form>". The written form applies to the line's
 * identifier and, where it is a keyboard's or a system's (spaces, no separators, NBSP, fullwidth
 * digits), to the second contact in the line too: about 75 % of the lines in the forms people
 * ordinarily type ("canonical", "spaces", "no separators"), the rest in "line-wrapped", "nbsp",
 * "fullwidth digits", "label glued" or "lower case". Lines with no identifier are "canonical" or
 * "lower case" (the whole message typed in lower case). Values nothing tells from another number
 * always come with their label; a value with no word at all ("csv row without header", "answer in
 * a chat transcript") is only one that stands out by its shape (CPF, CNPJ, CURP, CLABE, card,
 * e-mail). The seed is fixed, so a run rewrites the same file. Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/heldout6 --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node \
 *     test/support/privacy-evaluation/heldout6-sentences.ts
 *   node .colibri-test/heldout6/test/support/privacy-evaluation/heldout6-sentences.js
 *   rm -rf .colibri-test/heldout6
 */
import {
  contentFrames,
  portugueseFrames,
  spanishFrames,
  type Ctx,
  type IdFrame,
} from "./heldout6-frames.js";
import { negativeFrames } from "./heldout6-negative-frames.js";
import {
  address,
  chance,
  city,
  condition,
  drawForm,
  drug,
  emailOf,
  fullName,
  givenName,
  hardForms,
  kinds,
  money,
  ordinaryForms,
  phoneOf,
  pick,
  random,
  s,
  spanishCountries,
  surnameFirst,
  v,
  written,
  type Country,
  type Kind,
  type Value,
  type WrittenForm,
} from "./heldout6-values.js";
import { SetDrafts } from "./write-set.js";

const linesPerKind = 11;
const contentLines = 120;
const negatives = 150;
/** Messages a postal code also fits, besides those written for it. */
const cepAlsoIn = new Set(["support chat, data update", "crm note", "form filled in"]);
/** Forms a second contact in the line takes too: a keyboard's or a system's, not one spot's. */
const sharedForms = new Set<WrittenForm>(["spaces", "no separators", "nbsp", "fullwidth digits"]);

function framesFor(kind: Kind): { specific: IdFrame[]; all: IdFrame[] } {
  const frames = kind.lang === "pt" ? portugueseFrames : spanishFrames;
  const fits = (frame: IdFrame) =>
    (frame.unlabelled !== true || kind.standsAlone === true) &&
    (kind.roles.includes("cep")
      ? frame.roles !== "any"
        ? frame.roles.includes("cep")
        : cepAlsoIn.has(frame.name)
      : frame.roles === "any" || frame.roles.some((role) => kind.roles.includes(role)));
  const all = frames.filter(fits);
  return { specific: all.filter((frame) => frame.roles !== "any"), all };
}

/** Whether the form can be used in the frame at all. */
function formFits(form: WrittenForm, frame: IdFrame): boolean {
  if (form === "label glued") return frame.apart !== true;
  if (form === "line-wrapped") return frame.oneLine !== true;
  return true;
}

/** The value written in `form`, or in another form of its class where that one never applies. */
function writeValue(
  kind: Kind,
  country: Country,
  frame: IdFrame,
  first: WrittenForm,
): { text: string; form: WrittenForm } {
  const family: readonly WrittenForm[] = (ordinaryForms as readonly WrittenForm[]).includes(first)
    ? ordinaryForms
    : hardForms;
  const tried = new Set<WrittenForm>();
  let form = first;
  for (;;) {
    if (formFits(form, frame)) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const text = written(kind.make(country), kind.type, form);
        if (text !== undefined && !(frame.oneLine === true && /[\r\n\t]/.test(text))) {
          return { text, form };
        }
      }
    }
    tried.add(form);
    const left = family.filter((other) => !tried.has(other));
    form = left.length > 0 ? pick(left) : "canonical";
    if (left.length === 0) return { text: kind.make(country), form };
  }
}

function identifierLine(kind: Kind): { draft: ReturnType<IdFrame["build"]>; form: string } {
  const country: Country = kind.country ?? pick(spanishCountries);
  const { specific, all } = framesFor(kind);
  const frame = specific.length > 0 && chance(0.5) ? pick(specific) : pick(all);
  const { text, form } = writeValue(kind, country, frame, drawForm());
  const lang = kind.lang;
  const label = form === "lower case" ? pick(kind.labels).toLowerCase() : pick(kind.labels);
  const value = v(kind.type, text);
  const second = (type: "PHONE" | "EMAIL", raw: string): Value => {
    const shared = sharedForms.has(form) ? written(raw, type, form) : undefined;
    return v(type, shared ?? raw);
  };
  const c: Ctx = {
    lang,
    country,
    kind,
    form,
    label,
    value,
    lv: (joiner) =>
      s`${label}${form === "label glued" ? joiner.replace(/[^:#)]/g, "") : joiner}${value}`,
    name: (gender) => fullName(lang, gender),
    given: (gender) => givenName(lang, gender),
    address: () => address(country),
    health: () => condition(lang),
    drug: () => drug(lang),
    phone: () => second("PHONE", phoneOf(country)),
    email: () => second("EMAIL", emailOf(country)),
    money: () => money(country),
    city: () => pick(city[country]),
  };
  return { draft: frame.build(c), form: `${frame.name}; ${form}` };
}

const set = new SetDrafts();
for (const kind of kinds) {
  for (let count = 0, tries = 0; count < linesPerKind; tries++) {
    if (tries > 200) throw new Error(`no ${linesPerKind} distinct lines for ${kind.type}`);
    const { draft, form } = identifierLine(kind);
    if (set.add({ lang: kind.lang, kind: "positive", form, text: draft.text, spans: draft.spans }))
      count++;
  }
}

for (let count = 0; count < contentLines;) {
  const frame = contentFrames[count % contentFrames.length];
  if (frame === undefined) throw new Error("no content frames");
  const lang = frame.lang;
  const country: Country = lang === "pt" ? "BR" : pick(spanishCountries);
  const draft = frame.build({
    lang,
    country,
    name: (gender) => fullName(lang, gender),
    given: (gender) => givenName(lang, gender),
    listed: () => surnameFirst(lang),
    address: () => address(country),
    health: () => condition(lang),
    drug: () => drug(lang),
    city: () => pick(city[country]),
  });
  const lower = random.next() < 0.2;
  const text = lower ? draft.text.toLowerCase() : draft.text;
  if (text.length !== draft.text.length) throw new Error(`lower case moved a span: ${text}`);
  const form = `${frame.name}; ${lower ? "lower case" : "canonical"}`;
  if (set.add({ lang, kind: "positive", form, text, spans: draft.spans })) count++;
}

for (let count = 0, tries = 0; count < negatives; tries++) {
  if (tries > negatives * 20) throw new Error("too few distinct negatives");
  const frame = negativeFrames[tries % negativeFrames.length];
  if (frame === undefined) throw new Error("no negative frames");
  const text = frame.build();
  if (set.add({ lang: frame.lang, kind: "negative", form: frame.topic, text, spans: [] })) count++;
}

set.write("heldout6", random, negatives);
