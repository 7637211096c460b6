import { createHmac } from "node:crypto";
import { possibleNormalizations } from "./normalize.js";

/**
 * The egress audit's keyed hash: HMAC-SHA256 (hex) of a value's normalized form. Without the key,
 * a stored hash says nothing about the value, not even for an 11-digit CPF that could otherwise
 * be found by trying every number. The key lives outside the database (see src/cli/audit-key.ts).
 */
export class ValueHasher {
  readonly #key: Buffer;

  /** A string key is taken as its UTF-8 bytes, so the key file's text and the variable agree. */
  constructor(key: Buffer | string) {
    const bytes = typeof key === "string" ? Buffer.from(key, "utf8") : Buffer.from(key);
    if (bytes.length === 0) throw new RangeError("The audit key is empty.");
    this.#key = bytes;
  }

  /** The hash of one normalized value (Finding.normalized). Safe to pass around unbound. */
  readonly hash = (normalized: string): string =>
    createHmac("sha256", this.#key).update(normalized, "utf8").digest("hex");

  /** The hashes of every normalized form a value typed by a person may have, e.g. a CPF with or without dots. */
  hashesOf(raw: string): string[] {
    return possibleNormalizations(raw).map(this.hash);
  }
}
