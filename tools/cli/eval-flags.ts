import { InvalidArgumentError } from "commander";
import { integer } from "../../src/cli/engine-options.js";

/** A whole number of at least 1 for `flag`, or commander's one-line error. */
export function positive(flag: string): (value: string) => number {
  const whole = integer(flag);
  return (value) => {
    const parsed = whole(value);
    if (parsed < 1) throw new InvalidArgumentError(`${flag} expects at least 1, got '${value}'.`);
    return parsed;
  };
}

/** A cascade threshold: a number from 0 to 1. */
export function unit(value: string): number {
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed) || parsed < 0 || parsed > 1) {
    throw new InvalidArgumentError(`--threshold expects a number from 0 to 1, got '${value}'.`);
  }
  return parsed;
}
