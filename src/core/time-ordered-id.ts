import { randomBytes } from "node:crypto";

let lastMilliseconds = 0;
let sequence = 0;

/**
 * A UUID (version 7) that sorts, as text, in the order this process made them: 48 bits of
 * milliseconds, then a 12-bit counter within the millisecond, then random bits. For records
 * listed newest first by (time, id), where two written in the same millisecond — a candidate
 * named and refused in one tick — must still come back in the order they happened. A clock that
 * steps back keeps the last time, so the order holds.
 */
export function timeOrderedId(now: number = Date.now()): string {
  if (now > lastMilliseconds) {
    lastMilliseconds = now;
    sequence = 0;
  } else if (sequence < 0xfff) {
    sequence++;
  } else {
    lastMilliseconds++;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMilliseconds, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
