/**
 * Cheap shapes of each region's national numbers (digits only, trunk prefix allowed), so that
 * the numbering-plan check — about 20 µs a call — runs only for regions that could fit. They are
 * deliberately loose: awesome-phonenumber has the last word.
 */
const nationalShapes: Readonly<Record<string, RegExp>> = {
  BR: /^0?[1-9]{2}(?:9\d{8}|[2-8]\d{7})$/,
  MX: /^(?:0[14]4?|045)?[1-9]\d{9}$/,
  AR: /^(?:0|9)?[1-9]\d{9}$|^0?[1-9]\d{1,3}15\d{6,8}$/,
  CL: /^0?[2-9]\d{8}$/,
  CO: /^(?:3\d{9}|60\d{8}|0?[1-8]\d{7})$/,
  PE: /^(?:9\d{8}|0?[1-8]\d{6,7})$/,
  EC: /^0?(?:9\d{8}|[2-7]\d{7})$/,
  UY: /^(?:0?9\d{7}|[24]\d{7})$/,
  VE: /^0?[24]\d{9}$/,
  PY: /^0?(?:9\d{8}|[2-8]\d{6,8})$/,
  BO: /^[2-7]\d{7}$/,
  CR: /^[2-8]\d{7}$/,
  PA: /^[1-9]\d{6,7}$/,
  GT: /^[2-7]\d{7}$/,
  SV: /^[267]\d{7}$/,
  HN: /^[2-9]\d{7}$/,
  NI: /^[2-8]\d{7}$/,
  DO: /^1?[2-9]\d{9}$/,
  PR: /^1?[2-9]\d{9}$/,
  CU: /^0?\d{6,10}$/,
};

const anyNationalShape = /^\d{6,13}$/;

/** Whether `digits`, written without `+`, could be a national number of `region`. */
export function couldBeNationalNumber(digits: string, region: string): boolean {
  return (nationalShapes[region] ?? anyNationalShape).test(digits);
}
