import validator from "validator";
import type { Finding } from "../../core/pii-types.js";
import { boundedMatches, mayMatch } from "./candidate.js";
import { confidenceLevels, confidenceOf } from "./confidence.js";
import { endsWithNegativeWord, wordsPattern } from "./context-words.js";
import type { Detector, DetectorOptions } from "./detector.js";
import type { ScanInput } from "./scan-input.js";

/**
 * 13 to 19 digits, bare or grouped as cards print them (4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4)
 * with a space, two spaces, a hyphen or a dot between groups ("4111.1111.1111.1111"). Only those
 * groupings are matched, so a digit or group written before the number ("item 1 4111 1111 1111
 * 1111") does not hide it.
 */
const groupSeparator = "(?:[ .-]| {2})";
const cardPattern = new RegExp(
  `\\d{4}(?:${groupSeparator}\\d{4}){2,3}(?:${groupSeparator}\\d{1,4})?|\\d{4}${groupSeparator}\\d{6}${groupSeparator}\\d{4,5}|\\d{13,19}`,
  "g",
);

const cardWords = wordsPattern([
  "cartao",
  "cartao de credito",
  "cartao de debito",
  "tarjeta",
  "tarj",
  "tdc",
  "tdd",
  "tarjeta de credito",
  "tarjeta de debito",
  "card",
  "credit card",
  "credito",
  "debito",
  "visa",
  "mastercard",
  "amex",
  "american express",
  "elo",
  "hipercard",
  "diners",
  "pan",
]);

/** Brazilian brands validator.js does not know (Elo, Hipercard): 6-digit prefixes, 16 digits. */
const brazilianBrands =
  /^(?:50(?:4175|6699|67[0-7]\d|9\d{3})|627780|636297|636368|606282|3841[046]0)\d{10}$/;

/**
 * Payment card numbers: a known brand's prefix and length (validator.js, plus Elo and Hipercard)
 * and the Luhn check. Grouped as cards print them they stand alone; bare, they are likely.
 * After a card word, a number that passes Luhn is a card in doubt whatever its prefix (a local
 * brand or a prepaid card no list holds): masked, unvalidated.
 */
export const cardDetector: Detector = {
  types: ["CARD"],
  detect: (input, options) =>
    input.hasDigits && mayMatch(input, cardPattern) ? [cardFindings(input, options)] : [],
};

function* cardFindings(input: ScanInput, options: DetectorOptions): Generator<Finding | undefined> {
  for (const candidate of boundedMatches(input, cardPattern)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    const grouped = /[ .-]/.test(candidate.value);
    const digits = candidate.value.replace(/\D/g, "");
    const context = input.contextBefore(candidate.start);
    const positive = cardWords.test(context);
    const shape = grouped ? "formatted" : "plain";
    const best = confidenceOf({ check: "passed", shape, positive, negative: false });
    if (best < options.minConfidence) continue;
    const known =
      validator.isCreditCard(digits) ||
      (brazilianBrands.test(digits) && validator.isLuhnNumber(digits));
    if (!known) {
      const inDoubt =
        positive &&
        !endsWithNegativeWord(context) &&
        validator.isLuhnNumber(digits) &&
        confidenceLevels.rightAfterLabel >= options.minConfidence;
      if (inDoubt) yield cardInDoubt(candidate.start, candidate.end, digits);
      continue;
    }
    yield {
      type: "CARD",
      country: null,
      start: candidate.start,
      end: candidate.end,
      confidence: confidenceOf({
        check: "passed",
        shape,
        positive,
        negative: endsWithNegativeWord(context),
      }),
      validated: true,
      normalized: digits,
    };
  }
}

function cardInDoubt(start: number, end: number, digits: string): Finding {
  return {
    type: "CARD",
    country: null,
    start,
    end,
    confidence: confidenceLevels.rightAfterLabel,
    validated: false,
    normalized: digits,
  };
}
