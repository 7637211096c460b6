import ms from "ms";
import { InvalidRequestError } from "../core/errors.js";

/** A time from a duration back from `now` ("30d", "24h", "90m") or a date ("2025-06-01"). */
export function parseWhen(name: string, value: string, now: number): number {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const time = Date.parse(text);
    if (Number.isFinite(time)) return time;
  } else if (/[a-z]/i.test(text)) {
    const duration = ms(text as ms.StringValue) as number | undefined;
    if (duration !== undefined && Number.isFinite(duration) && duration >= 0) {
      return now - duration;
    }
  }
  throw new InvalidRequestError(
    `${name} expects a duration back from now (30d, 24h, 90m) or a date (2025-06-01, 2025-06-01T12:00:00Z); got '${value}'.`,
    name,
  );
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
