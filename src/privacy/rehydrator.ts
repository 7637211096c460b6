import { randomPartLength, type PlaceholderVault } from "./placeholder-vault.js";

/** A placeholder as the vault writes them: `<TAG_N_random>`. */
const placeholderPattern = new RegExp(`<[A-Z]{2,12}_\\d{1,9}_[a-z0-9]{${randomPartLength}}>`, "g");
/** Text that may still grow into a placeholder: `<`, `<CP`, `<CPF_`, `<CPF_1`, `<CPF_1_k3`. */
const openPlaceholder = new RegExp(
  `<(?:[A-Z]{0,12}|[A-Z]{2,12}_\\d{0,9}|[A-Z]{2,12}_\\d{1,9}_[a-z0-9]{0,${randomPartLength}})$`,
);

/**
 * Puts the real values back into a cloud model's answer as it streams. A placeholder may arrive
 * split over several chunks (`<CP` + `F_1_k3f` + `9q2>`), so text from a `<` that could still become one is
 * held back until it either completes or cannot; `flush` releases what is left at the end.
 */
export class StreamingRehydrator {
  readonly #vault: PlaceholderVault;
  #pending = "";

  constructor(vault: PlaceholderVault) {
    this.#vault = vault;
  }

  /** The text that can be released now, placeholders restored. */
  push(chunk: string): string {
    const text = this.#pending + chunk;
    const open = openPlaceholder.exec(text);
    const cut = open === null ? text.length : open.index;
    this.#pending = text.slice(cut);
    return this.#restore(text.slice(0, cut));
  }

  /** Whatever was held back, at the end of the answer. */
  flush(): string {
    const rest = this.#pending;
    this.#pending = "";
    return this.#restore(rest);
  }

  #restore(text: string): string {
    return text.replace(
      placeholderPattern,
      (placeholder) => this.#vault.valueOf(placeholder) ?? placeholder,
    );
  }
}

/** Restore every placeholder in a whole text at once. */
export function rehydrate(text: string, vault: PlaceholderVault): string {
  const rehydrator = new StreamingRehydrator(vault);
  return rehydrator.push(text) + rehydrator.flush();
}

/**
 * Restore every placeholder in JSON text (a tool call's arguments), each value written as the
 * inside of a JSON string (quotes, backslashes and control characters escaped), so that text
 * which was valid JSON stays valid JSON.
 */
export function rehydrateJson(text: string, vault: PlaceholderVault): string {
  return text.replace(placeholderPattern, (placeholder) => {
    const value = vault.valueOf(placeholder);
    return value === undefined ? placeholder : JSON.stringify(value).slice(1, -1);
  });
}
