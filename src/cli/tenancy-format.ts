import type { Limits } from "../core/records/tenancy.js";
import { plural } from "./plural.js";

/**
 * USD with cents from $1 up; below that three significant digits (at least two decimals), so a
 * tiny local energy cost shows as $0.000123 rather than $0.00, and $0.0225 keeps its last digit.
 */
export function formatUsd(value: number): string {
  const sign = value < 0 ? "-" : "";
  const amount = Math.abs(value);
  if (amount === 0 || amount >= 1) return `${sign}$${amount.toFixed(2)}`;
  const decimals = Math.min(12, Math.max(2, 2 - Math.floor(Math.log10(amount))));
  const text = amount.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, "$1");
  return `${sign}$${text}`;
}

export function formatPercent(value: number | null): string {
  return value === null ? "-" : `${value.toFixed(1)}%`;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** "2025-06-01 12:03 UTC". */
export function formatTime(milliseconds: number): string {
  return `${new Date(milliseconds).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "$25.00/month, $2.00/day, 60 requests/min, 100,000 tokens/min", or "none". */
export function describeLimits(limits: Limits): string {
  const parts = [
    limits.budgetUsdMonth === null ? undefined : `${formatUsd(limits.budgetUsdMonth)}/month`,
    limits.budgetUsdDay === null ? undefined : `${formatUsd(limits.budgetUsdDay)}/day`,
    limits.requestsPerMinute === null
      ? undefined
      : `${plural(limits.requestsPerMinute, "request", "requests", formatCount)}/min`,
    limits.tokensPerMinute === null
      ? undefined
      : `${plural(limits.tokensPerMinute, "token", "tokens", formatCount)}/min`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? "none" : parts.join(", ");
}

export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
