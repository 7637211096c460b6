/** Texts full of valid, formatted CPFs, for the benchmarks that load the privacy scan. */

function checkDigit(digits: readonly number[]): number {
  const first = digits.length + 1;
  const sum = digits.reduce((total, digit, index) => total + digit * (first - index), 0);
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** The `index`-th of a fixed sequence of valid CPFs, formatted ("123.456.789-09"). */
export function cpfNumber(index: number): string {
  const base = String(100_000_007 + ((index * 7_919) % 899_999_993)).padStart(9, "0");
  const digits = Array.from(base, Number);
  digits.push(checkDigit(digits));
  digits.push(checkDigit(digits));
  const compact = digits.join("");
  return `${compact.slice(0, 3)}.${compact.slice(3, 6)}.${compact.slice(6, 9)}-${compact.slice(9)}`;
}

/** Lines "CPF 123.456.789-09", `count` of them. */
export function cpfLines(count: number): string {
  return Array.from({ length: count }, (_, index) => `CPF ${cpfNumber(index)}\n`).join("");
}

/**
 * Lines "CPF 123.456.789-09" that take at most `bytes` once written as a JSON string (where each
 * line break takes two bytes, `\n`), quotes left out.
 */
export function cpfTextForJson(bytes: number): string {
  const jsonLineLength = JSON.stringify(`CPF ${cpfNumber(0)}\n`).length - 2;
  return cpfLines(Math.floor(bytes / jsonLineLength));
}
