import type { Detector } from "./detector.js";
import { healthDetector } from "./health.js";
import { personNameDetector } from "./person-name.js";
import { streetAddressDetector } from "./street-address.js";

/**
 * The fast layer for what has no check digit: person names, street addresses and health
 * conditions (lists, capitalisation and context words; see docs/decisions/0014).
 */
export const personalDetailsDetector: Detector = {
  types: [...personNameDetector.types, ...streetAddressDetector.types, ...healthDetector.types],
  detect: (input, options) => [
    ...personNameDetector.detect(input, options),
    ...streetAddressDetector.detect(input, options),
    ...healthDetector.detect(input, options),
  ],
};
