const englishPlurals = new Intl.PluralRules("en");

/**
 * A count with its noun in the form the count takes: `plural(1, "tenant", "tenants")` is
 * "1 tenant", 0 and 2 give "tenants". `format` writes the number (default: as is).
 */
export function plural(
  count: number,
  one: string,
  many: string,
  format: (count: number) => string = String,
): string {
  return `${format(count)} ${englishPlurals.select(count) === "one" ? one : many}`;
}
