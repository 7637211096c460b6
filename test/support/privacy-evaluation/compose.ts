/**
 * Turns a template set into evaluation lines: every identifier kind in many written forms and
 * placements, e-mails and phones in their evasions, people with their addresses and conditions,
 * and business messages with no personal data.
 */
import * as generate from "../pii-generators.js";
import { SeededRandom } from "../pii-generators.js";
import type { EvaluationLine } from "../../../tools/bench/privacy-evaluation-line.js";
import {
  emailAddress,
  emailForms,
  givenName,
  negativeFiller,
  personName,
  streetAddress,
} from "./fillers.js";
import { idKinds, labelsFor, type IdKind, type Language } from "./id-catalog.js";
import { renderTemplate, type SlotValue } from "./render-template.js";
import type { LanguageContent, TemplateSet } from "./template-set.js";
import { writtenForms } from "./written-forms.js";

type Draft = Omit<EvaluationLine, "id">;

const languages: readonly Language[] = ["es", "pt"];

/** Where the value goes; each (but "sentence") with the value as generated. */
const placements = [
  "text-start",
  "text-end",
  "parentheses",
  "quotes",
  "csv-row",
  "json",
  "glued-label",
  "glued-label-colon",
  "glued-label-hash",
  "after-ID",
  "after-Nº",
  "after-N°",
  "after-número",
  "after-No.",
  "no-label",
] as const;

/** Forms the issue names for one type, written before the rest so that every set has them. */
const firstForms: Partial<Record<string, readonly string[]>> = {
  MX_CLABE: Array<string>(4).fill("clabe-unlisted-bank-after-word"),
  CARD: ["card-after-digit", "card-after-digit", "card-after-digit", "glued-label-colon"],
  MX_CURP: ["lower-case", "lower-case"],
  MX_RFC: ["lower-case", "lower-case"],
};

/** Identifiers with letters that people type in lower case. */
const lowerCased = new Set(["MX_CURP", "MX_RFC", "MX_INE", "VE_RIF"]);

const gluing: Record<string, string> = {
  "glued-label": "",
  "glued-label-colon": ":",
  "glued-label-hash": "#",
};

export function composeSet(set: TemplateSet): EvaluationLine[] {
  const random = new SeededRandom(set.seed);
  const drafts: Draft[] = [];
  for (const kind of idKinds) drafts.push(...identifierLines(set, kind, random));
  for (const language of languages) {
    drafts.push(...emailLines(set[language], language, random));
    drafts.push(...phoneLines(set[language], language, random));
    drafts.push(...personLines(set, language, random));
    drafts.push(...negativeLines(set, language, random));
  }
  const seen = new Set<string>();
  const unique = drafts.filter((draft) => !seen.has(draft.text) && seen.add(draft.text));
  return shuffle(unique, random).map((draft, index) => ({
    id: `${set.name}-${String(index + 1).padStart(4, "0")}`,
    ...draft,
  }));
}

/** The slots every template may use besides its own: people, places and business numbers. */
function commonSlot(
  slot: string,
  random: SeededRandom,
  language: Language,
  content: LanguageContent,
): SlotValue {
  switch (slot) {
    case "name":
      return { type: "PERSON_NAME", text: personName(random, content) };
    case "given":
      return { type: "PERSON_NAME", text: givenName(random, content) };
    case "street":
      return { type: "STREET_ADDRESS", text: streetAddress(random, content) };
    case "health":
      return { type: "HEALTH", text: random.pick(content.conditions) };
    default:
      return negativeFiller(slot, random, language, content);
  }
}

function identifierLines(set: TemplateSet, kind: IdKind, random: SeededRandom): Draft[] {
  const forms = [
    "sentence",
    ...(firstForms[kind.type] ?? []),
    ...shuffle(
      [
        ...placements.filter((placement) => placement !== "no-label" || kind.standsAlone),
        ...Object.keys(writtenForms).filter(
          (form) => form !== "canonical" && (form !== "lower-case" || lowerCased.has(kind.type)),
        ),
      ],
      random,
    ),
  ];
  const drafts: Draft[] = [];
  for (let index = 0; drafts.length < kind.lines && index < kind.lines * 4; index++) {
    const form = forms[index % forms.length] ?? "sentence";
    const language = random.pick(kind.languages);
    const draft = identifierLine(set[language], language, kind, form, random);
    if (draft !== undefined) drafts.push(draft);
  }
  return drafts;
}

function identifierLine(
  content: LanguageContent,
  language: Language,
  kind: IdKind,
  form: string,
  random: SeededRandom,
): Draft | undefined {
  const written = writtenForms[form];
  const value = (): SlotValue => {
    if (form === "clabe-unlisted-bank-after-word") {
      return { type: kind.type, text: generate.clabeOutsideBankList(random).text };
    }
    if (written === undefined) return { type: kind.type, text: kind.make(random) };
    for (let attempt = 0; attempt < 20; attempt++) {
      const text = written(kind.make(random), random);
      if (text !== undefined) return { type: kind.type, text };
    }
    throw new NotApplicable();
  };
  const label = random.pick(labelsFor(kind, language));
  const templates =
    form === "text-start"
      ? content.startSentences
      : form === "text-end"
        ? content.endSentences
        : form === "parentheses"
          ? content.parenthesisSentences
          : form === "quotes"
            ? content.quoteSentences
            : form === "csv-row"
              ? content.csvTemplates
              : form === "json"
                ? content.jsonTemplates
                : form in gluing
                  ? content.gluedSentences
                  : form.startsWith("after-")
                    ? content.markerSentences
                    : form === "no-label"
                      ? content.bareSentences
                      : form === "card-after-digit"
                        ? content.cardAfterDigitSentences
                        : content.idSentences;
  // A value that does not stand out by its shape keeps its word wherever it goes; "ID", "Nº"
  // and the card's preceding number are the context of their own forms.
  const needsLabel = !kind.standsAlone && !form.startsWith("after-") && form !== "card-after-digit";
  const labelled = templates.filter((candidate) => candidate.includes("{label}"));
  const template = random.pick(
    needsLabel ? (labelled.length > 0 ? labelled : content.idSentences) : templates,
  );
  try {
    const rendered = renderTemplate(template, (slot) => {
      if (slot === "v") return value();
      if (slot === "label") return form === "clabe-unlisted-bank-after-word" ? "CLABE" : label;
      if (slot === "sep") return gluing[form] ?? "";
      if (slot === "marker") return form.slice("after-".length);
      return commonSlot(slot, random, language, content);
    });
    return { lang: language, kind: "positive", form, ...rendered };
  } catch (error) {
    if (error instanceof NotApplicable) return undefined;
    throw error;
  }
}

class NotApplicable extends Error {}

function emailLines(content: LanguageContent, language: Language, random: SeededRandom): Draft[] {
  const forms = Object.keys(emailForms);
  return Array.from({ length: forms.length + 5 }, (_, index) => {
    const form = forms[index % forms.length] ?? "email-canonical";
    const write = emailForms[form] ?? ((email: string) => email);
    const rendered = renderTemplate(random.pick(content.emailSentences), (slot) =>
      slot === "email"
        ? { type: "EMAIL", text: write(emailAddress(random, content), language) }
        : commonSlot(slot, random, language, content),
    );
    return { lang: language, kind: "positive", form, ...rendered };
  });
}

function phoneLines(content: LanguageContent, language: Language, random: SeededRandom): Draft[] {
  const regions =
    language === "pt" ? (["BR"] as const) : (["MX", "AR", "CL", "CO", "PE", "MX", "CL"] as const);
  const forms = [
    "phone-cc",
    "phone-cc-no-context",
    "phone-cc-unlisted",
    "phone-cc-unlisted",
    "phone-cc-unlisted-no-context",
    "phone-national",
    "phone-national-no-context",
    "nbsp",
    "en-dash",
    "fullwidth-digits",
    "arabic-indic-digits",
    "zero-width-space",
    "line-break",
  ];
  return Array.from({ length: forms.length + 5 }, (_, index) => {
    const form = forms[index % forms.length] ?? "phone-cc";
    const region = random.pick(
      regions.filter((code) => code !== "PE" || !form.includes("unlisted")),
    );
    const unlisted = form.startsWith("phone-cc-unlisted");
    let text = unlisted
      ? generate.unlistedPhone(random, region).text
      : generate.phone(random, region, !form.startsWith("phone-national")).text;
    const written = writtenForms[form];
    if (written !== undefined) text = written(text, random) ?? text;
    const templates = form.endsWith("no-context")
      ? content.phoneBareSentences
      : content.phoneSentences;
    const rendered = renderTemplate(random.pick(templates), (slot) =>
      slot === "phone" ? { type: "PHONE", text } : commonSlot(slot, random, language, content),
    );
    return { lang: language, kind: "positive", form, ...rendered };
  });
}

function personLines(set: TemplateSet, language: Language, random: SeededRandom): Draft[] {
  const content = set[language];
  return Object.entries(content.personSentences).flatMap(([form, templates]) =>
    templates.flatMap((template) =>
      Array.from({ length: set.personRepeats }, () => {
        const rendered = renderTemplate(template, (slot) =>
          commonSlot(slot, random, language, content),
        );
        return { lang: language, kind: "positive" as const, form, ...rendered };
      }),
    ),
  );
}

function negativeLines(set: TemplateSet, language: Language, random: SeededRandom): Draft[] {
  const content = set[language];
  return Object.entries(content.negativeSentences).flatMap(([form, templates]) =>
    templates.flatMap((template) =>
      Array.from({ length: /\{\w+\}/.test(template) ? set.negativeRepeats : 1 }, () => {
        const rendered = renderTemplate(template, (slot) => {
          const value = commonSlot(slot, random, language, content);
          if (typeof value !== "string") throw new Error(`personal slot {${slot}} in a negative`);
          return value;
        });
        return { lang: language, kind: "negative" as const, form, ...rendered };
      }),
    ),
  );
}

function shuffle<T>(values: readonly T[], random: SeededRandom): T[] {
  const result = [...values];
  for (let index = result.length - 1; index > 0; index--) {
    const other = random.integer(0, index);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}
