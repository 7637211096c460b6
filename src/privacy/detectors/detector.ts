import type { Finding, PiiType } from "../../core/pii-types.js";
import type { ScanInput } from "./scan-input.js";

/** What every detector is told besides the text. */
export interface DetectorOptions {
  /** Regions whose national phone numbers (written without `+`) are recognised. */
  phoneRegions: readonly string[];
  /** The scan's threshold: a detector may skip work on candidates that cannot reach it. */
  minConfidence: number;
}

/**
 * Finds one country's identifiers, or one kind of value, in a text. A detector reports every
 * candidate it believes in with a confidence; the scanner applies the threshold and settles
 * overlaps between detectors.
 */
export interface Detector {
  readonly types: readonly PiiType[];
  /**
   * The findings, as one sequence per rule, each in order of start. They are read lazily and
   * side by side, so a scan can stop part-way and give the event loop a turn between pieces.
   */
  detect(input: ScanInput, options: DetectorOptions): Iterable<Finding | undefined>[];
}
