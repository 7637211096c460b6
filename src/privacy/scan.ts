import { brazilDetector } from "./detectors/brazil.js";
import type { Detector } from "./detectors/detector.js";
import { emailDetector } from "./detectors/email.js";
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
const detectors: readonly Detector[] = [brazilDetector, emailDetector];

/** The personal data in `text`: sorted by start, none overlapping. */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const minConfidence = options.minConfidence ?? 0.5;
  const wanted = options.types === undefined ? undefined : new Set(options.types);
  const detectorOptions = { phoneRegions: options.phoneRegions ?? latinAmericanRegions };
  const findings: Finding[] = [];
  for (const detector of detectors) {
    if (wanted !== undefined && !detector.types.some((type) => wanted.has(type))) continue;
    for (const finding of detector.detect(text, detectorOptions)) {
      if (finding.confidence < minConfidence) continue;
      if (wanted !== undefined && !wanted.has(finding.type)) continue;
      findings.push(finding);
    }
  }
  return withoutOverlaps(findings);
}
