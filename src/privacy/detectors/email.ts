import validator from "validator";
import { normalizeValue } from "../normalize.js";
import type { Finding } from "../../core/pii-types.js";
import type { Detector } from "./detector.js";
import type { ScanInput } from "./scan-input.js";

const localCharacter = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]/u;
const domainCharacter = /[\p{L}\p{N}.-]/u;

/**
 * E-mail addresses: from each `@`, the local part to its left and the domain to its right,
 * validated by validator.js. Walking out from `@` keeps the scan linear in the text's length.
 */
export const emailDetector: Detector = {
  types: ["EMAIL"],
  detect: (input) => [emailFindings(input)],
};

/** validator.js takes no local part longer than this: an address starts this close to its `@`. */
const longestLocalPart = 64;

/**
 * Pauses (yields undefined), like `boundedMatches`, at an `@` far enough past `input.readTo` that
 * its address cannot start before it.
 */
function* emailFindings(input: ScanInput): Generator<Finding | undefined> {
  const { text } = input;
  let at = text.indexOf("@");
  let searchedUpTo = 0;
  while (at !== -1) {
    if (at - longestLocalPart >= input.readTo) {
      yield undefined;
      continue;
    }
    let start = at;
    while (start > searchedUpTo && localCharacter.test(text[start - 1] ?? "")) start--;
    while (text[start] === ".") start++;
    let end = at + 1;
    while (end < text.length && domainCharacter.test(text[end] ?? "")) end++;
    while (end > at + 1 && /[.-]/.test(text[end - 1] ?? "")) end--;
    const value = text.slice(start, end);
    if (start < at && end > at + 1 && validator.isEmail(value)) {
      yield {
        type: "EMAIL",
        country: null,
        start,
        end,
        confidence: 0.99,
        validated: true,
        normalized: normalizeValue("EMAIL", value),
      };
      searchedUpTo = end;
    }
    at = text.indexOf("@", at + 1);
  }
}
