/**
 * Tenant names, as people write them ("clínica sur", "São Paulo", "acme-2"): Unicode letters and
 * digits, spaces, ".", "_" and "-", starting with a letter or digit, up to 64 characters.
 * Names are compared after `normalizeTenantName` (NFC, trimmed, runs of spaces made one), so
 * "Clínica Sur" typed on a keyboard that sends "i" + U+0301 finds the same tenant.
 */
export const tenantNamePattern = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._-]{0,63}$/u;

export const tenantNameMaxLength = 64;

/** The rule in words, for error messages. */
export const tenantNameRule =
  'letters (accents included), digits, spaces, ".", "_" and "-", up to 64 characters, starting with a letter or digit';

/** NFC, without surrounding spaces, with each run of spaces inside made one space. */
export function normalizeTenantName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/gu, " ");
}

/** Whether the name, once normalized, follows the rule. */
export function isValidTenantName(name: string): boolean {
  return tenantNamePattern.test(normalizeTenantName(name));
}
