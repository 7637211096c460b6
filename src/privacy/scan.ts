import { argentinaDetector } from "./detectors/argentina.js";
import { brazilDetector } from "./detectors/brazil.js";
import { scanPieceLength } from "./detectors/candidate.js";
import { cardDetector } from "./detectors/card.js";
import { chileDetector } from "./detectors/chile.js";
import { colombiaDetector } from "./detectors/colombia.js";
import type { Detector } from "./detectors/detector.js";
import { ecuadorDetector } from "./detectors/ecuador.js";
import { emailDetector } from "./detectors/email.js";
import { mexicoDetector } from "./detectors/mexico.js";
import { paraguayDetector } from "./detectors/paraguay.js";
import { peruDetector } from "./detectors/peru.js";
import { personalDetailsDetector } from "./detectors/personal-details.js";
import { phoneDetector } from "./detectors/phone.js";
import { ScanInput } from "./detectors/scan-input.js";
import { uruguayDetector } from "./detectors/uruguay.js";
import { venezuelaDetector } from "./detectors/venezuela.js";
import { latinAmericanRegions } from "./normalize.js";
import { OverlapSettler } from "./overlap-settler.js";
import type { Finding, PiiType } from "../core/pii-types.js";
import { EventLoopPacer } from "./event-loop-pacer.js";
import { ScanView } from "./scan-view.js";

export interface ScanOptions {
  /** Findings below this confidence are left out. Default 0.5. */
  minConfidence?: number;
  /** Only these types. Default: all. */
  types?: readonly PiiType[];
  /** Regions whose national phone numbers are recognised. Default: `latinAmericanRegions`. */
  phoneRegions?: readonly string[];
  /**
   * Stop reading once more findings than this are certain; the result then holds more than this
   * many (how many more depends on where the scan stopped). Default: no limit.
   */
  maxFindings?: number;
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
  personalDetailsDetector,
];

/** How much text every detector reads before the scan may stop or pause (UTF-16 units). */
const pieceLength = scanPieceLength;

/** The personal data in `text`: sorted by start, none overlapping. */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const steps = scanSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** `scanText`, giving the event loop a turn whenever `pacer` says one is due. */
export async function scanTextAsync(
  text: string,
  options: ScanOptions = {},
  pacer: EventLoopPacer = new EventLoopPacer(),
): Promise<Finding[]> {
  const steps = scanSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pacer.pace();
  }
}

/**
 * The scan, a piece of text at a time: every detector reads up to the end of the piece, the
 * overlaps that nothing further on can change are settled, and the scan yields (or returns, once
 * `maxFindings` is exceeded). The result equals settling the whole text's findings at once.
 * Detectors read the text as `ScanView` normalises it; findings point into `text` as written.
 */
export function* scanSteps(text: string, options: ScanOptions = {}): Generator<void, Finding[]> {
  const minConfidence = options.minConfidence ?? 0.5;
  const wanted = options.types === undefined ? undefined : new Set(options.types);
  const maxFindings = options.maxFindings ?? Number.POSITIVE_INFINITY;
  const detectorOptions = {
    phoneRegions: options.phoneRegions ?? latinAmericanRegions,
    minConfidence,
  };
  const view = new ScanView(text);
  const input = new ScanInput(view.text);
  // Plain loops, not filter/flatMap/forEach: on a one-line message this set-up is a good part
  // of the scan.
  const sources: FindingSource[] = [];
  for (const detector of detectors) {
    if (wanted !== undefined && !detector.types.some((type) => wanted.has(type))) continue;
    for (const findings of detector.detect(input, detectorOptions)) {
      sources.push(new FindingSource(findings));
    }
  }
  const settler = new OverlapSettler();
  for (let bound = pieceLength; ; bound += pieceLength) {
    const last = bound >= view.text.length;
    const readTo = last ? Number.POSITIVE_INFINITY : bound;
    input.readTo = readTo;
    for (let index = 0; index < sources.length; index++) {
      const source = sources[index] as FindingSource;
      for (let finding = source.takeBefore(readTo); finding; finding = source.takeBefore(readTo)) {
        if (finding.confidence < minConfidence) continue;
        if (wanted !== undefined && !wanted.has(finding.type)) continue;
        settler.add(finding, index);
      }
    }
    settler.settleBefore(readTo);
    if (last || settler.settled.length > maxFindings) {
      return settler.settled.map((finding) => ({
        ...finding,
        ...view.original(finding.start, finding.end),
      }));
    }
    yield;
  }
}

/** One detector rule's findings, in order of start, read up to a point at a time. */
class FindingSource {
  readonly #findings: Iterator<Finding | undefined>;
  #next: Finding | undefined;
  #done = false;

  constructor(findings: Iterable<Finding | undefined>) {
    this.#findings = findings[Symbol.iterator]();
  }

  /**
   * The next finding if it starts before `bound`; undefined when there is none, or the rule has
   * read as far as `readTo` allows (it may go on after `readTo` moves).
   */
  takeBefore(bound: number): Finding | undefined {
    if (this.#next === undefined && !this.#done) {
      const step = this.#findings.next();
      if (step.done === true) this.#done = true;
      else if (step.value === undefined) return undefined;
      else this.#next = step.value;
    }
    const next = this.#next;
    if (next === undefined || next.start >= bound) return undefined;
    this.#next = undefined;
    return next;
  }
}
