import { BudgetExceededError, RateLimitError } from "../core/errors.js";
import type { ApiKeyRecord, Limits, Tenant } from "../core/records/tenancy.js";
import type { CounterValues, CounterWindow, Period } from "../core/records/counters.js";

/** A tenant or a key, with its limits, as the limit checks see it. */
export interface LimitedScope {
  scope: CounterWindow["scope"];
  id: string;
  /** How messages name it: `tenant "acme"` or `key sk-col-3fA9…`. */
  label: string;
  limits: Limits;
  /** The command that raises this scope's limits, given the flag, e.g. `colibri tenants set acme`. */
  raiseCommand: (flag: string) => string;
}

export type LimitName =
  "requests_per_minute" | "tokens_per_minute" | "budget_usd_day" | "budget_usd_month";

export interface Violation {
  limit: LimitName;
  scope: LimitedScope;
  /** Used, or held by requests in flight. */
  used: number;
  allowed: number;
  resetsAt: number;
  /** What the refused request would have needed (tokens or USD), when it was estimated. */
  requested?: { amount: number; promptTokens: number; maxTokens: number };
  /** Of `used`, what reservations of requests in flight hold (tokens or USD). */
  heldInFlight?: number;
}

/** How soon a request refused for what requests in flight hold is told to try again. */
const inFlightRetrySeconds = 5;

/** A tenant as the limit checks see it. */
export function tenantScope(tenant: Tenant): LimitedScope {
  return {
    scope: "tenant",
    id: tenant.id,
    label: `Tenant "${tenant.name}"`,
    limits: tenant,
    raiseCommand: (flag) => `colibri tenants set ${tenant.name} ${flag} N`,
  };
}

/** The key (when one was presented) and the tenant, in the order their limits are checked. */
export function limitedScopes(principal: {
  tenant: Tenant;
  key: ApiKeyRecord | undefined;
}): LimitedScope[] {
  const { tenant, key } = principal;
  if (key === undefined) return [tenantScope(tenant)];
  const keyScope: LimitedScope = {
    scope: "key",
    id: key.id,
    label: `API key ${key.prefix}…`,
    limits: key,
    raiseCommand: (flag) =>
      `issue a key with a higher limit (colibri keys create --tenant ${tenant.name} ${flag} N)`,
  };
  return [keyScope, tenantScope(tenant)];
}

/** Fixed windows in UTC: the current minute, day and month. */
export function windowStart(period: Period, now: number): number {
  const date = new Date(now);
  switch (period) {
    case "minute":
      return now - (now % 60_000);
    case "day":
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    case "month":
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
}

export function windowEnd(period: Period, start: number): number {
  const date = new Date(start);
  switch (period) {
    case "minute":
      return start + 60_000;
    case "day":
      return start + 86_400_000;
    case "month":
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
}

export function windowOf(scope: LimitedScope, period: Period, now: number): CounterWindow {
  return { scope: scope.scope, scopeId: scope.id, period, start: windowStart(period, now) };
}

/** The windows `findViolation` needs for each scope, in the order it expects them. */
export const checkedPeriods: readonly Period[] = ["minute", "day", "month"];

/**
 * The first token or budget limit already used up, given each scope's counters for the current
 * minute, day and month (in `checkedPeriods` order). Request-per-minute limits are not checked
 * here: they are taken atomically when the request is admitted.
 */
export function findViolation(
  scopes: readonly { scope: LimitedScope; counters: readonly CounterValues[] }[],
  options: { budgets: boolean; now: number },
): Violation | undefined {
  for (const { scope, counters } of scopes) {
    const [minute, day, month] = counters;
    type Check = [LimitName, number | null, number | undefined, Period];
    const checks: Check[] = [
      ["tokens_per_minute", scope.limits.tokensPerMinute, minute?.tokens, "minute"],
    ];
    if (options.budgets) {
      checks.push(
        ["budget_usd_day", scope.limits.budgetUsdDay, day?.costUsd, "day"],
        ["budget_usd_month", scope.limits.budgetUsdMonth, month?.costUsd, "month"],
      );
    }
    for (const [limit, allowed, used = 0, period] of checks) {
      if (allowed !== null && used >= allowed) {
        const resetsAt = windowEnd(period, windowStart(period, options.now));
        return { limit, scope, used, allowed, resetsAt };
      }
    }
  }
  return undefined;
}

const limitWords: Record<LimitName, (allowed: number) => string> = {
  requests_per_minute: (allowed) => `${allowed} requests per minute`,
  tokens_per_minute: (allowed) => `${allowed} tokens per minute`,
  budget_usd_day: (allowed) => `a daily budget of ${usd(allowed)}`,
  budget_usd_month: (allowed) => `a monthly budget of ${usd(allowed)}`,
};

const limitFlags: Record<LimitName, string> = {
  requests_per_minute: "--rpm",
  tokens_per_minute: "--tpm",
  budget_usd_day: "--budget-usd-day",
  budget_usd_month: "--budget-usd",
};

/**
 * A message naming the limit, what was used and when it resets; and seconds until then. A
 * request that would fit once the requests in flight settle (`freesSoon`) is told to try again
 * in a few seconds instead.
 */
export function describeViolation(
  violation: Violation,
  now: number,
): { message: string; retryAfterSeconds: number; freesSoon: boolean } {
  const { limit, scope, used, allowed, resetsAt, requested, heldInFlight = 0 } = violation;
  const retryAfterSeconds = Math.max(1, Math.ceil((resetsAt - now) / 1000));
  const budget = limit.startsWith("budget");
  const amount = (value: number) => (budget ? usd(value) : `${value} tokens`);
  const raise = scope.raiseCommand(limitFlags[limit]);
  const resets = `It resets at ${new Date(resetsAt).toISOString()} (in ${formatDuration(retryAfterSeconds)}). An administrator can raise it: ${raise}.`;
  if (requested === undefined) {
    const usedText = budget ? `${usd(used)} spent` : `${used} used`;
    return {
      message: `${scope.label} has reached its limit of ${limitWords[limit](allowed)} (${usedText}). ${resets}`,
      retryAfterSeconds,
      freesSoon: false,
    };
  }
  const why = `about ${requested.promptTokens} prompt tokens plus max_tokens ${requested.maxTokens}`;
  const over = `This request could use up to ${amount(requested.amount)} (${why}), more than what is left of ${scope.label}'s limit of ${limitWords[limit](allowed)}`;
  if (heldInFlight > 0 && used - heldInFlight + requested.amount <= allowed) {
    return {
      message: `${over} while requests in flight hold ${amount(heldInFlight)} of it (${amount(used)} used or held). It should fit once they finish: try again in ${inFlightRetrySeconds} s.`,
      retryAfterSeconds: inFlightRetrySeconds,
      freesSoon: true,
    };
  }
  return {
    message: `${over} (${amount(used)} used or held by requests in flight). Send a smaller max_tokens or a shorter prompt, or wait. ${resets}`,
    retryAfterSeconds,
    freesSoon: false,
  };
}

/** The error a violation is reported with: a 429 naming the limit and when it resets. */
export function limitError(
  violation: Violation,
  now: number,
): RateLimitError | BudgetExceededError {
  const { message, retryAfterSeconds, freesSoon } = describeViolation(violation, now);
  return violation.limit.startsWith("budget")
    ? new BudgetExceededError(message, retryAfterSeconds, violation.limit, freesSoon)
    : new RateLimitError(message, retryAfterSeconds, violation.limit);
}

function usd(value: number): string {
  return `$${value.toFixed(value !== 0 && value < 0.01 ? 6 : 2)}`;
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}
