import { InvalidRequestError } from "../core/errors.js";

/** A number in [min, max], or a one-line error naming the flag and the value seen. */
export function parseNumber(flag: string, raw: string, min: number, max: number): number {
  const value = raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InvalidRequestError(
      `${flag} must be a number from ${min} to ${max}, not "${raw}".`,
      flag.replace(/^--/, ""),
    );
  }
  return value;
}

export function parseWholeNumber(flag: string, raw: string, min: number, max: number): number {
  const value = parseNumber(flag, raw, min, max);
  if (!Number.isInteger(value)) {
    throw new InvalidRequestError(
      `${flag} must be a whole number from ${min} to ${max}, not "${raw}".`,
      flag.replace(/^--/, ""),
    );
  }
  return value;
}
