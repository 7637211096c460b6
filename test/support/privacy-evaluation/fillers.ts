/**
 * The values that fill a template's slots: people's names, street addresses and e-mails made from
 * a set's word lists, and the numbers of business text (prices, dates, order numbers…) that are
 * not personal data.
 */
import type { SeededRandom } from "../pii-generators.js";
import type { Language } from "./id-catalog.js";
import type { LanguageContent } from "./template-set.js";

export function personName(random: SeededRandom, content: LanguageContent): string {
  const given = random.pick(content.givenNames);
  const first = random.pick(content.surnames);
  if (random.next() < 0.45) return `${given} ${first}`;
  let second = random.pick(content.surnames);
  while (second === first) second = random.pick(content.surnames);
  return `${given} ${first} ${second}`;
}

export function givenName(random: SeededRandom, content: LanguageContent): string {
  return random.pick(content.givenNames);
}

export function streetAddress(random: SeededRandom, content: LanguageContent): string {
  return random.pick(content.addressPatterns).replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "street":
        return random.pick(content.streetNames);
      case "n":
        return String(random.integer(random.boolean() ? 10 : 100, random.boolean() ? 999 : 3999));
      case "small":
        return String(random.integer(1, 99));
      case "L":
        return random.letters(1, "ABCDEFGHIJK");
      case "apt":
        return String(random.integer(1, 12) * 100 + random.integer(1, 8));
      case "floor":
        return String(random.integer(1, 22));
      default:
        throw new Error(`unknown address slot {${slot}}`);
    }
  });
}

function plainLetters(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

export function emailAddress(random: SeededRandom, content: LanguageContent): string {
  const given = plainLetters(random.pick(content.givenNames).split(" ")[0] ?? "x");
  const surname = plainLetters(random.pick(content.surnames).split(" ").at(-1) ?? "x");
  const local = random.pick([
    `${given}.${surname}`,
    `${given}${surname}`,
    `${given}_${surname}${random.integer(1, 99)}`,
    `${given.slice(0, 1)}${surname}${random.integer(70, 2005)}`,
    `${surname}.${given}`,
  ]);
  return `${local}@${random.pick(content.emailDomains)}`;
}

/** E-mail written to dodge a filter or by habit; undefined where it does not apply. */
export const emailForms: Record<string, (email: string, language: Language) => string> = {
  "email-canonical": (email) => email,
  "email-fullwidth-at": (email) => email.replace("@", "\uff20"),
  "email-bracket-at": (email) => email.replace("@", "[at]"),
  "email-bracket-at-dot": (email) => email.replace("@", "[at]").replace(/\./g, "[dot]"),
  "email-paren-at-dot": (email) => email.replace("@", "(at)").replace(/\./g, "(dot)"),
  "email-arroba-word": (email, language) =>
    email.replace("@", " arroba ").replace(/\./g, language === "es" ? " punto " : " ponto "),
  "email-at-word": (email) => email.replace("@", " at ").replace(/\./g, " dot "),
  "email-spaced-at": (email) => email.replace("@", " @ "),
  "email-upper-case": (email) => email.toUpperCase(),
};

function price(random: SeededRandom, language: Language): string {
  const whole = random.integer(3, random.boolean() ? 999 : 99_999);
  const thousands = String(whole).replace(/\B(?=(\d{3})+$)/g, ".");
  const cents = String(random.integer(0, 99)).padStart(2, "0");
  if (language === "pt") return `R$ ${thousands},${cents}`;
  return random.pick([
    `$${thousands},${cents}`,
    `$ ${thousands}`,
    `S/ ${whole}.${cents}`,
    `$${String(whole).replace(/\B(?=(\d{3})+$)/g, ",")}.${cents} MXN`,
    `${thousands} pesos`,
  ]);
}

function date(random: SeededRandom): string {
  const day = String(random.integer(1, 28)).padStart(2, "0");
  const month = String(random.integer(1, 12)).padStart(2, "0");
  const year = random.integer(2019, 2027);
  return random.pick([`${day}/${month}/${year}`, `${day}/${month}`, `${year}-${month}-${day}`]);
}

/** Every slot of business text; throws on a slot the set does not know. */
export function negativeFiller(
  slot: string,
  random: SeededRandom,
  language: Language,
  content: LanguageContent,
): string {
  switch (slot) {
    case "price":
    case "amount":
      return price(random, language);
    case "date":
      return date(random);
    case "time":
      return `${random.integer(7, 21)}:${random.pick(["00", "15", "30", "45", "10", "50"])}`;
    case "order":
      return random.pick([
        String(random.integer(10_000, 9_999_999)),
        `${random.letters(2)}-${random.integer(1000, 99_999)}`,
        `${random.integer(2023, 2026)}${String(random.integer(1, 99_999)).padStart(5, "0")}`,
        `#${random.integer(100, 99_999)}`,
      ]);
    case "pct":
      return `${random.integer(1, 99)}${random.boolean() ? "" : `,${random.integer(0, 9)}`}%`;
    case "qty":
      return String(random.integer(2, 1500));
    case "n":
      return String(random.integer(1, 40));
    case "version":
      return `${random.integer(1, 17)}.${random.integer(0, 12)}.${random.integer(0, 30)}`;
    case "sku":
      return `${random.letters(random.integer(2, 3))}-${random.integer(100, 9999)}${random.boolean() ? `-${random.letters(1)}` : ""}`;
    case "coord":
      return `${random.boolean() ? "-" : ""}${random.integer(1, 34)}.${random.digits(4)}, -${random.integer(34, 99)}.${random.digits(4)}`;
    case "year":
      return String(random.integer(1810, 2026));
    case "age":
      return String(random.integer(18, 84));
    case "city":
      return random.pick(content.cities);
    case "landmark":
      return random.pick(content.landmarks);
    case "company":
      return random.pick(content.companies);
    default:
      throw new Error(`unknown slot {${slot}}`);
  }
}
