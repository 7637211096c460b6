import type { Limits } from "../core/records/tenancy.js";
import type { LimitColumns } from "./database-schema.js";

/** The limits held in a tenant or key row. */
export function limitsFromColumns(row: LimitColumns): Limits {
  return {
    budgetUsdDay: row.budget_usd_day,
    budgetUsdMonth: row.budget_usd_month,
    requestsPerMinute: row.requests_per_minute,
    tokensPerMinute: row.tokens_per_minute,
  };
}

/** The columns for the limits given; fields left undefined are left out. */
export function limitsToColumns(limits: Partial<Limits>): Partial<LimitColumns> {
  const columns: Partial<LimitColumns> = {};
  if (limits.budgetUsdDay !== undefined) columns.budget_usd_day = limits.budgetUsdDay;
  if (limits.budgetUsdMonth !== undefined) columns.budget_usd_month = limits.budgetUsdMonth;
  if (limits.requestsPerMinute !== undefined) {
    columns.requests_per_minute = limits.requestsPerMinute;
  }
  if (limits.tokensPerMinute !== undefined) columns.tokens_per_minute = limits.tokensPerMinute;
  return columns;
}

export const noLimitColumns: LimitColumns = {
  budget_usd_day: null,
  budget_usd_month: null,
  requests_per_minute: null,
  tokens_per_minute: null,
};
