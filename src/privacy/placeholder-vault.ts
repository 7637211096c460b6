import { piiTypeInfo, type Finding } from "./pii-types.js";

/**
 * The placeholders of one request (`<CPF_1>`, `<EMAIL_2>`) and the values they stand for. Held
 * in memory for the request only; the same value (by its normalized form) always gets the same
 * placeholder, so the cloud model can still tell two people apart and refer back to each.
 */
export class PlaceholderVault {
  readonly #byValue = new Map<string, string>();
  readonly #values = new Map<string, string>();
  readonly #counters = new Map<string, number>();

  /** The placeholder for a finding whose text (as written) is `original`. */
  placeholderFor(finding: Finding, original: string): string {
    const key = `${finding.type}\u0000${finding.normalized}`;
    const known = this.#byValue.get(key);
    if (known !== undefined) return known;
    const tag = piiTypeInfo[finding.type].tag;
    const number = (this.#counters.get(tag) ?? 0) + 1;
    this.#counters.set(tag, number);
    const placeholder = `<${tag}_${number}>`;
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
}
