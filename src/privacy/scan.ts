import { argentinaDetector } from "./detectors/argentina.js";
import { brazilDetector } from "./detectors/brazil.js";
import { cardDetector } from "./detectors/card.js";
import { chileDetector } from "./detectors/chile.js";
import { colombiaDetector } from "./detectors/colombia.js";
import type { Detector } from "./detectors/detector.js";
import { ecuadorDetector } from "./detectors/ecuador.js";
import { emailDetector } from "./detectors/email.js";
import { mexicoDetector } from "./detectors/mexico.js";
import { paraguayDetector } from "./detectors/paraguay.js";
import { peruDetector } from "./detectors/peru.js";
import { phoneDetector } from "./detectors/phone.js";
import { ScanInput } from "./detectors/scan-input.js";
import { uruguayDetector } from "./detectors/uruguay.js";
import { venezuelaDetector } from "./detectors/venezuela.js";
import { latinAmericanRegions } from "./normalize.js";
import { withoutOverlaps } from "./overlaps.js";
import type { Finding, PiiType } from "./pii-types.js";

export interface ScanOptions {
  /** Findings below this confidence are left out. Default 0.5. */
  minConfidence?: number;
  /** Only these types. Default: all. */
  types?: readonly PiiType[];
  /** Regions whose national phone numbers are recognised. Default: `latinAmericanRegions`. */
  phoneRegions?: readonly string[];
}

/** In order of preference when two findings tie on confidence, validation and length. */
const detectors: readonly Detector[] = [
  brazilDetector,
  mexicoDetector,
  argentinaDetector,
  chileDetector,
  colombiaDetector,
  peruDetector,
  ecuadorDetector,
  uruguayDetector,
  venezuelaDetector,
  paraguayDetector,
  emailDetector,
  phoneDetector,
  cardDetector,
];

/** The personal data in `text`: sorted by start, none overlapping. */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const minConfidence = options.minConfidence ?? 0.5;
  const wanted = options.types === undefined ? undefined : new Set(options.types);
  const detectorOptions = {
    phoneRegions: options.phoneRegions ?? latinAmericanRegions,
    minConfidence,
  };
  const input = new ScanInput(text);
  const findings: Finding[] = [];
  for (const detector of detectors) {
    if (wanted !== undefined && !detector.types.some((type) => wanted.has(type))) continue;
    for (const finding of detector.detect(input, detectorOptions)) {
      if (finding.confidence < minConfidence) continue;
      if (wanted !== undefined && !wanted.has(finding.type)) continue;
      findings.push(finding);
    }
  }
  return withoutOverlaps(findings);
}
