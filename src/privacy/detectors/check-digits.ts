/**
 * The check digits no installed library computes: Brazil's PIS/PASEP/NIT and CNH. Both take the
 * identifier's digits only.
 */

const pisWeights = [3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** PIS/PASEP/NIT: 10 digits and a mod-11 check digit (weights 3, 2, 9 … 2). */
export function pisCheckDigit(first10: string): number {
  let sum = 0;
  for (let index = 0; index < 10; index++) sum += Number(first10[index]) * (pisWeights[index] ?? 0);
  const digit = 11 - (sum % 11);
  return digit >= 10 ? 0 : digit;
}

export function isValidPis(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  return pisCheckDigit(digits.slice(0, 10)) === Number(digits[10]);
}

/**
 * CNH (carteira nacional de habilitação): 9 digits and two check digits, Denatran's algorithm:
 * the first over weights 9 … 1; the second over weights 1 … 9, less 2 when the first was 10+.
 * Returns undefined for a base no valid CNH has (the second digit would be negative).
 */
export function cnhCheckDigits(first9: string): string | undefined {
  let descending = 0;
  let ascending = 0;
  for (let index = 0; index < 9; index++) {
    const digit = Number(first9[index]);
    descending += digit * (9 - index);
    ascending += digit * (index + 1);
  }
  let first = descending % 11;
  let discount = 0;
  if (first >= 10) {
    first = 0;
    discount = 2;
  }
  const remainder = ascending % 11;
  const second = remainder >= 10 ? 0 : remainder - discount;
  return second < 0 ? undefined : `${first}${second}`;
}

export function isValidCnh(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  return cnhCheckDigits(digits.slice(0, 9)) === digits.slice(9);
}
