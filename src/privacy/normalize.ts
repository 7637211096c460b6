import { parsePhoneNumber } from "awesome-phonenumber";
import type { PiiType } from "../core/pii-types.js";
import { foldForMatching } from "./detectors/context-words.js";
import { foldedValue } from "./detectors/folded-value.js";
import { ScanView } from "./scan-view.js";

/** Regions whose national phone numbers are recognised without a `+` prefix. */
export const latinAmericanRegions = [
  "BR",
  "MX",
  "AR",
  "CL",
  "CO",
  "PE",
  "EC",
  "UY",
  "VE",
  "PY",
  "BO",
  "CR",
  "PA",
  "GT",
  "SV",
  "HN",
  "NI",
  "DO",
  "CU",
  "PR",
] as const;

/**
 * The canonical form of a value: identifiers as their letters and digits in upper case (so
 * "123.456.789-09" and "12345678909" are one CPF), e-mail addresses in lower case, phone numbers
 * in E.164 (`region` says how to read a national number).
 */
export function normalizeValue(type: PiiType, raw: string, region?: string): string {
  if (type === "EMAIL") return raw.trim().toLowerCase();
  if (type === "PHONE") return phoneE164(raw, region) ?? compactIdentifier(raw);
  return compactIdentifier(raw);
}

export function compactIdentifier(raw: string): string {
  return raw.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
}

/** The number in E.164, when it is a valid number (international, or national in `region`). */
export function phoneE164(raw: string, region?: string): string | undefined {
  const parsed = parsePhoneNumber(raw, region === undefined ? {} : { regionCode: region });
  return parsed.valid ? parsed.number.e164 : undefined;
}

/**
 * Every canonical form a value typed by a person could have, for `colibri audit check`: as an
 * identifier, as an e-mail address, and as a phone number read in each region of the list.
 */
export function possibleNormalizations(written: string): string[] {
  // Read as the scanner reads it: fullwidth digits, dashes and invisible characters undone.
  const raw = new ScanView(written).text;
  const forms = new Set<string>();
  // A name, a street address or a health condition: its words folded.
  const words = foldedValue(foldForMatching(raw));
  if (/\p{L}/u.test(words)) forms.add(words);
  const compact = compactIdentifier(raw);
  if (compact !== "") forms.add(compact);
  if (raw.includes("@")) forms.add(normalizeValue("EMAIL", raw));
  const international = phoneE164(raw);
  if (international !== undefined) forms.add(international);
  else {
    for (const region of latinAmericanRegions) {
      const national = phoneE164(raw, region);
      if (national !== undefined) forms.add(national);
    }
  }
  return [...forms];
}
