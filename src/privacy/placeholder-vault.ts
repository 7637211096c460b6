import { randomBytes } from "node:crypto";
import { piiTypeInfo, type Finding } from "../core/pii-types.js";

/** Characters of a placeholder's random part: lower-case letters and digits. */
const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
/** Length of the random part: 36^6 ≈ 2.2 × 10⁹ choices, a new one for every request. */
export const randomPartLength = 6;

/** Six random characters from `alphabet`, from node:crypto. */
export function randomPlaceholderPart(): string {
  const bytes = randomBytes(randomPartLength * 2);
  let part = "";
  // 252 is the largest multiple of 36 under 256: bytes at or above it would bias the draw.
  for (const byte of bytes) {
    if (byte < 252) part += alphabet.charAt(byte % alphabet.length);
    if (part.length === randomPartLength) return part;
  }
  return part + randomPlaceholderPart().slice(part.length);
}

export interface PlaceholderVaultOptions {
  /**
   * The text that came in from the client. The request's random part is drawn again until it
   * occurs nowhere in it, so no placeholder this vault mints (and restores) can have been written
   * by the client.
   */
  clientText?: readonly string[];
  /** The random part's source; default `randomPlaceholderPart`. */
  randomPart?: () => string;
}

/**
 * The placeholders of one request (`<CPF_1_k3f9q2>`, `<EMAIL_2_k3f9q2>`) and the values they
 * stand for. Held in memory for the request only; the same value (by its normalized form) always
 * gets the same placeholder, so the cloud model can still tell two people apart and refer back to
 * each. The random part, new for every request, makes a placeholder unguessable: a client that
 * writes `<CPF_1>` (or any guess) into its message cannot have the answer restore a value the
 * gateway hid from the cloud.
 */
export class PlaceholderVault {
  readonly #byValue = new Map<string, string>();
  readonly #values = new Map<string, string>();
  readonly #counters = new Map<string, number>();
  readonly #options: PlaceholderVaultOptions;
  #part: string | undefined;

  constructor(options: PlaceholderVaultOptions = {}) {
    this.#options = options;
  }

  /** The placeholder for a finding whose text (as written) is `original`. */
  placeholderFor(finding: Finding, original: string): string {
    const key = `${finding.type}\u0000${finding.normalized}`;
    const known = this.#byValue.get(key);
    if (known !== undefined) return known;
    const tag = piiTypeInfo[finding.type].tag;
    const number = (this.#counters.get(tag) ?? 0) + 1;
    this.#counters.set(tag, number);
    const placeholder = `<${tag}_${number}_${this.randomPart}>`;
    this.#byValue.set(key, placeholder);
    this.#values.set(placeholder, original);
    return placeholder;
  }

  /** The value a placeholder stands for; undefined for text that only looks like one. */
  valueOf(placeholder: string): string | undefined {
    return this.#values.get(placeholder);
  }

  get size(): number {
    return this.#values.size;
  }

  /** This request's random part, drawn when the first placeholder is minted. */
  get randomPart(): string {
    this.#part ??= this.#draw();
    return this.#part;
  }

  #draw(): string {
    const draw = this.#options.randomPart ?? randomPlaceholderPart;
    const texts = this.#options.clientText ?? [];
    for (;;) {
      const part = draw();
      if (!texts.some((text) => text.includes(part))) return part;
    }
  }
}
