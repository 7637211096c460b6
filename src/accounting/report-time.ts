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
