/**
 * What one evaluation set is made of: hand-written sentences and word lists per language. The
 * dev set and the held-out set each have their own (dev-templates.ts, heldout-templates.ts), so
 * the held-out one can be kept away from whoever tunes the detectors.
 *
 * Slots in a template: `{v}` the identifier, `{label}` its word (CPF, RUT…), `{sep}` what glues a
 * label to its value, `{marker}` a word such as "ID" or "Nº", `{email}`, `{phone}`; `{name}` a
 * full name, `{given}` a given name alone, `{street}` a street address, `{health}` a condition
 * (these four are gold spans too); plain fillers `{city}`, `{landmark}`, `{company}`, `{price}`,
 * `{date}`, `{time}`, `{order}`, `{pct}`, `{qty}`, `{version}`, `{sku}`, `{coord}`, `{year}`,
 * `{age}`, `{n}`.
 */
export interface LanguageContent {
  /** Given names as people write them, compound ones included ("María José"). */
  givenNames: readonly string[];
  /** Surnames, with their particle where they take one ("de la Cruz", "dos Santos"). */
  surnames: readonly string[];
  /** Street names, without their type. */
  streetNames: readonly string[];
  /** How an address is written: slots `{street}`, `{n}`, `{small}`, `{L}`, `{apt}`, `{floor}`. */
  addressPatterns: readonly string[];
  /** Conditions as a person writes them after "tiene" / "tenho". */
  conditions: readonly string[];
  cities: readonly string[];
  /** Public places: no one lives there. */
  landmarks: readonly string[];
  companies: readonly string[];
  emailDomains: readonly string[];

  /** `{label}` then `{v}`, in an ordinary message. */
  idSentences: readonly string[];
  /** `{label}{sep}{v}`: the value glued to its label. */
  gluedSentences: readonly string[];
  /** `{marker} {v}`: no word naming the type, only "ID", "Nº", "número"… */
  markerSentences: readonly string[];
  /** `{v}` with no word naming it (for values that stand out by their shape). */
  bareSentences: readonly string[];
  /** Start with `{v}`. */
  startSentences: readonly string[];
  /** End with `{v}`. */
  endSentences: readonly string[];
  /** `({v})` or `{label} ({v})`. */
  parenthesisSentences: readonly string[];
  /** `"{v}"`, `«{v}»`, `'{v}'`. */
  quoteSentences: readonly string[];
  /** CSV with a header and rows; each `{v}` is another value of the same type. */
  csvTemplates: readonly string[];
  /** JSON text a person pastes. */
  jsonTemplates: readonly string[];
  /** `{email}` in a message. */
  emailSentences: readonly string[];
  /** `{phone}` after a word that says it is a phone. */
  phoneSentences: readonly string[];
  /** `{phone}` with no such word. */
  phoneBareSentences: readonly string[];
  /** A card number right after another number ("item 1 {v}"). */
  cardAfterDigitSentences: readonly string[];

  /** Messages naming people, their addresses and conditions, by register. */
  personSentences: Readonly<Record<string, readonly string[]>>;
  /** Messages with no personal data about a private person, by topic. */
  negativeSentences: Readonly<Record<string, readonly string[]>>;
}

export interface TemplateSet {
  name: "dev" | "heldout";
  seed: number;
  /** How many times each person template and each negative template is rendered. */
  personRepeats: number;
  negativeRepeats: number;
  es: LanguageContent;
  pt: LanguageContent;
}
