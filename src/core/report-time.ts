import ms from "ms";
import { InvalidRequestError } from "./errors.js";

/** The times a report may start or end at: 1970-01-01 to the end of 9999-12-31 (UTC). */
export const earliestReportTime = 0;
export const latestReportTime = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A time from a duration back from `now` ("30d", "24h", "90m") or a date ("2025-06-01"), within
 * [earliestReportTime, latestReportTime]: a duration reaching back before 1970 or a date outside
 * it is an InvalidRequestError naming `name` and the range, not a time that cannot be printed.
 */
export function parseWhen(name: string, value: string, now: number): number {
  const text = value.trim();
  let time: number | undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    time = Date.parse(text);
  } else if (/[a-z]/i.test(text)) {
    const duration = ms(text as ms.StringValue) as number | undefined;
    if (duration !== undefined && Number.isFinite(duration) && duration >= 0) time = now - duration;
  }
  if (time === undefined || !Number.isFinite(time)) {
    throw new InvalidRequestError(
      `${name} expects a duration back from now (30d, 24h, 90m) or a date (2025-06-01, 2025-06-01T12:00:00Z); got '${value}'.`,
      name,
    );
  }
  if (time < earliestReportTime || time > latestReportTime) {
    const days = Math.floor((now - earliestReportTime) / 86_400_000);
    throw new InvalidRequestError(
      `${name} must be between 1970-01-01 and 9999-12-31 (a duration back from now of at most ${days}d); got '${value}'.`,
      name,
    );
  }
  return time;
}

/**
 * A report's range [since, until), until defaulting to just after `now` (so this millisecond
 * counts); an InvalidRequestError when either is not a time or since is not before until.
 */
export function reportRange(
  query: { since: number; until?: number | undefined },
  now: number,
): { since: number; until: number } {
  const until = query.until ?? now + 1;
  if (!Number.isFinite(query.since) || !Number.isFinite(until)) {
    throw new InvalidRequestError("The report's since and until must be valid times.", "since");
  }
  if (query.since >= until) {
    throw new InvalidRequestError(
      `The report starts (${new Date(query.since).toISOString()}) at or after it ends (${new Date(until).toISOString()}): since must be earlier than until.`,
      "since",
    );
  }
  return { since: query.since, until };
}
