import { setTimeout as sleep } from "node:timers/promises";

/**
 * Per-minute limits count in calendar minutes (12:30:00–12:30:59.999). A test that sends several
 * requests on the real clock and expects the later ones refused calls this first: when fewer than
 * `marginMs` of the current minute are left, it waits for the next minute to begin, so every request
 * falls in one window. Without it, a burst that straddles a minute's end is counted in two windows and
 * lets twice the limit through, as the limit is meant to.
 */
export async function startWithinOneMinute(marginMs: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await sleep(left + 20);
}
