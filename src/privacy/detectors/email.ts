import validator from "validator";
import { normalizeValue } from "../normalize.js";
import type { Finding } from "../../core/pii-types.js";
import { mayMatch } from "./candidate.js";
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
  detect: (input) => {
    // Each rule is set up only where it has something to read: an `@`, a spelled-out "at".
    const rules: Iterable<Finding | undefined>[] = [];
    if (input.text.includes("@")) rules.push(emailFindings(input));
    if (mayMatch(input, spelledAtPattern)) rules.push(spelledOutFindings(input));
    return rules;
  },
};

const spelledAt = String.raw`(?: ?[[({<](?:at|arroba|@)[\])}>] ?| (?:at|arroba) )`;
const spelledDot = String.raw`(?: ?[[({<](?:dot|punto|ponto)[\])}>] ?| (?:dot|punto|ponto) |\.)`;
const spelledAtPattern = new RegExp(spelledAt, "giu");
/** The local part, read back from a spelled-out "at": names joined by dots, spelled or not. */
const spelledLocal = new RegExp(
  String.raw`(?:[\p{L}\p{N}_%+-]{1,64}${spelledDot})*[\p{L}\p{N}._%+-]{1,64}$`,
  "iu",
);
/** The domain, read from the end of the spelled-out "at". */
const spelledDomain = new RegExp(
  String.raw`[\p{L}\p{N}-]{1,63}(?:${spelledDot}[\p{L}\p{N}-]{1,63}){1,4}`,
  "iuy",
);

/**
 * Addresses written to dodge harvesters: "ana [at] dominio [dot] com", "ana(at)dominio.com",
 * "ana arroba dominio punto com" — from each spelled-out "at", the local part to its left and
 * the domain to its right, validated as an address once written with `@` and `.`. Pauses at an
 * "at" past `input.readTo`, like `emailFindings`.
 */
function* spelledOutFindings(input: ScanInput): Generator<Finding | undefined> {
  const { text } = input;
  const ats = new RegExp(spelledAtPattern.source, spelledAtPattern.flags);
  for (let at = ats.exec(text); at !== null; at = ats.exec(text)) {
    while (at.index - longestLocalPart >= input.readTo) yield undefined;
    // The local part, spelled dots and all ("ana [dot] souza [at] …", "bustos punto ximena arroba …").
    const local = spelledLocal.exec(
      text.slice(Math.max(0, at.index - 2 * longestLocalPart), at.index),
    );
    const start = at.index - (local?.[0].length ?? 0);
    spelledDomain.lastIndex = at.index + at[0].length;
    const domain = spelledDomain.exec(text);
    if (start === at.index || domain === null) continue;
    const written = text.slice(start, spelledDomain.lastIndex);
    // "at" and "." alone ("look at example.com") are prose; a bracketed or spelled-out "dot",
    // or "arroba", says it is an address.
    if (!/[[({<]|arroba| (?:dot|punto|ponto) /iu.test(written)) continue;
    const dots = new RegExp(spelledDot, "giu");
    const address = `${text.slice(start, at.index).replace(dots, ".")}@${domain[0].replace(dots, ".")}`;
    if (!validator.isEmail(address) || !/\.\p{L}{2,24}$/u.test(address)) continue;
    yield {
      type: "EMAIL",
      country: null,
      start,
      end: spelledDomain.lastIndex,
      confidence: 0.9,
      validated: true,
      normalized: normalizeValue("EMAIL", address),
    };
  }
}

/** A domain after a spaced `@`, its dots spaced or not. */
const spacedDomain = /[\p{L}\p{N}-]{1,63}(?: ?\. ?[\p{L}\p{N}-]{1,63}){1,4}/uy;

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
    // "ana @ dominio.com": one space on either side of the `@` is still an address.
    const localEnd = text[at - 1] === " " ? at - 1 : at;
    const domainStart = text[at + 1] === " " ? at + 2 : at + 1;
    let start = localEnd;
    while (start > searchedUpTo && localCharacter.test(text[start - 1] ?? "")) start--;
    while (text[start] === ".") start++;
    const spaced = localEnd !== at || domainStart !== at + 1;
    let end = domainStart;
    let domain: string;
    if (spaced) {
      // "ana @ clinica . com . pe": the dots of a spaced address may be spaced too.
      spacedDomain.lastIndex = domainStart;
      const found = spacedDomain.exec(text);
      domain = found?.[0].replace(/ /g, "") ?? "";
      end = domainStart + (found?.[0].length ?? 0);
    } else {
      while (end < text.length && domainCharacter.test(text[end] ?? "")) end++;
      while (end > domainStart && /[.-]/.test(text[end - 1] ?? "")) end--;
      domain = text.slice(domainStart, end);
    }
    const address = `${text.slice(start, localEnd)}@${domain}`;
    if (
      start < localEnd &&
      end > domainStart &&
      validator.isEmail(address) &&
      (!spaced || /\.\p{L}{2,24}$/u.test(address))
    ) {
      yield {
        type: "EMAIL",
        country: null,
        start,
        end,
        confidence: spaced ? 0.9 : 0.99,
        validated: true,
        normalized: normalizeValue("EMAIL", address),
      };
      searchedUpTo = end;
    }
    at = text.indexOf("@", at + 1);
  }
}
