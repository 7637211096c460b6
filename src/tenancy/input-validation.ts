import { isValidTenantName, normalizeTenantName, tenantNameRule } from "../core/tenant-name.js";
import { InvalidRequestError } from "../core/errors.js";
import type { Limits } from "../core/records/tenancy.js";

/** The smallest budget: a millionth of a dollar, the finest amount usage reports show. */
export const smallestBudgetUsd = 0.000001;

const limitDescriptions: Record<keyof Limits, string> = {
  budgetUsdDay: `The daily budget (budgetUsdDay) must be a number of USD of at least ${smallestBudgetUsd}`,
  budgetUsdMonth: `The monthly budget (budgetUsdMonth) must be a number of USD of at least ${smallestBudgetUsd}`,
  requestsPerMinute: "The request rate (requestsPerMinute) must be a whole number of at least 1",
  tokensPerMinute: "The token rate (tokensPerMinute) must be a whole number of at least 1",
};

export const limitNames = Object.keys(limitDescriptions) as (keyof Limits)[];

/**
 * The tenant name, normalized (NFC, trimmed), if it follows the naming rule; an
 * InvalidRequestError saying the rule if not.
 */
export function validTenantName(name: string): string {
  if (!isValidTenantName(name)) {
    throw new InvalidRequestError(
      `Invalid tenant name "${name}": use ${tenantNameRule}.`,
      "tenant",
    );
  }
  return normalizeTenantName(name);
}

/** Checks limits; undefined fields stay undefined and null stays null (no limit). */
export function validateLimits(limits: Partial<Limits>): Partial<Limits> {
  const valid: Partial<Limits> = {};
  for (const limit of limitNames) {
    const value: unknown = limits[limit];
    if (value === undefined) continue;
    if (value === null) {
      valid[limit] = null;
      continue;
    }
    const whole = limit === "requestsPerMinute" || limit === "tokensPerMinute";
    const maximum = limit === "requestsPerMinute" ? 2_147_483_647 : Number.MAX_SAFE_INTEGER;
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (whole
        ? Number.isInteger(value) && value >= 1 && value <= maximum
        : value >= smallestBudgetUsd);
    if (!ok) {
      throw new InvalidRequestError(
        `${limitDescriptions[limit]} (or null for no limit), got ${JSON.stringify(value)}.`,
        limit,
      );
    }
    valid[limit] = value;
  }
  return valid;
}
