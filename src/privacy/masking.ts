import type { PrivacyAction } from "../config/schema.js";
import { piiTypeInfo, type Finding } from "../core/pii-types.js";
import type { PlaceholderVault } from "./placeholder-vault.js";

/** A finding and what the policy does with it. */
export interface MaskedFinding {
  finding: Finding;
  action: PrivacyAction;
}

/**
 * The text with each finding replaced by its action: `redact` → a type tag (`[CPF]`),
 * `pseudonymize` → a placeholder from the vault (`<CPF_1_k3f9q2>`); anything else stays as written.
 * Findings are non-overlapping (the scanner guarantees it).
 */
export function maskText(
  text: string,
  findings: readonly MaskedFinding[],
  vault: PlaceholderVault,
): string {
  const ordered = [...findings].sort((left, right) => left.finding.start - right.finding.start);
  let result = "";
  let position = 0;
  for (const { finding, action } of ordered) {
    if (action !== "redact" && action !== "pseudonymize") continue;
    const original = text.slice(finding.start, finding.end);
    result += text.slice(position, finding.start);
    result += action === "redact" ? redactionTag(finding) : vault.placeholderFor(finding, original);
    position = finding.end;
  }
  return result + text.slice(position);
}

export function redactionTag(finding: Finding): string {
  return `[${piiTypeInfo[finding.type].tag}]`;
}
