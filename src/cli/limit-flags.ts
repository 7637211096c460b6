import type { Command } from "commander";
import { smallestBudgetUsd } from "../tenancy/input-validation.js";
import { InvalidRequestError } from "../core/errors.js";
import type { Limits } from "../core/records/tenancy.js";

/** The limit flags as commander hands them over: raw text, checked by `limitsFromFlags`. */
export interface LimitFlagValues {
  budgetUsd?: string;
  budgetUsdDay?: string;
  rpm?: string;
  tpm?: string;
}

interface LimitFlag {
  option: keyof LimitFlagValues;
  flag: string;
  limit: keyof Limits;
  kind: "usd" | "count";
  description: string;
}

const limitFlags: readonly LimitFlag[] = [
  {
    option: "budgetUsd",
    flag: "--budget-usd",
    limit: "budgetUsdMonth",
    kind: "usd",
    description: "monthly budget in USD (UTC calendar month)",
  },
  {
    option: "budgetUsdDay",
    flag: "--budget-usd-day",
    limit: "budgetUsdDay",
    kind: "usd",
    description: "daily budget in USD (UTC day)",
  },
  {
    option: "rpm",
    flag: "--rpm",
    limit: "requestsPerMinute",
    kind: "count",
    description: "requests per minute",
  },
  {
    option: "tpm",
    flag: "--tpm",
    limit: "tokensPerMinute",
    kind: "count",
    description: "tokens (prompt + completion) per minute",
  },
];

/** The flags' names, for messages: "--budget-usd, --budget-usd-day, --rpm, --tpm". */
export const limitFlagList = limitFlags.map(({ flag }) => flag).join(", ");

/** Adds --budget-usd, --budget-usd-day, --rpm and --tpm; `removable` also accepts "none". */
export function limitOptions(command: Command, options: { removable: boolean }): Command {
  for (const { flag, kind, description } of limitFlags) {
    const value = kind === "usd" ? "usd" : "n";
    command.option(
      `${flag} <${options.removable ? `${value}|none` : value}>`,
      options.removable ? `${description}; none removes it` : description,
    );
  }
  return command;
}

/** The limits the given flags set (null: "none", remove it); throws a one-line error if invalid. */
export function limitsFromFlags(
  values: LimitFlagValues,
  options: { removable: boolean },
): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const { option, flag, limit, kind } of limitFlags) {
    const raw = values[option]?.trim();
    if (raw === undefined) continue;
    if (options.removable && raw.toLowerCase() === "none") {
      limits[limit] = null;
      continue;
    }
    const parsed = plainNumber(raw, kind);
    if (parsed === undefined) {
      const expected =
        kind === "usd"
          ? `a positive amount of USD written as a plain decimal, at least ${smallestBudgetUsd} (e.g. 25 or 0.50)`
          : "a whole number of at least 1 written with digits only (e.g. 60)";
      const none = options.removable ? ", or none to remove the limit" : "";
      throw new InvalidRequestError(`${flag} expects ${expected}${none}; got '${raw}'.`, flag);
    }
    limits[limit] = parsed;
  }
  return limits;
}

/**
 * Plain decimal text only: `Number()` would also take 0x10, 0b11, 1e-320, Infinity and " 1 ",
 * which nobody means as a budget or a rate. Undefined when the text is not a valid amount.
 */
function plainNumber(raw: string, kind: "usd" | "count"): number | undefined {
  const pattern = kind === "usd" ? /^\$?(\d+(?:\.\d+)?)$/ : /^(\d+)$/;
  const digits = pattern.exec(raw)?.[1];
  if (digits === undefined) return undefined;
  const value = Number(digits);
  if (kind === "usd")
    return value >= smallestBudgetUsd && Number.isFinite(value) ? value : undefined;
  return Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}
