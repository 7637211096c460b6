import { maskText } from "./masking.js";
import type { Finding } from "../core/pii-types.js";
import { PlaceholderVault } from "./placeholder-vault.js";

/** A finding as the scan API and CLI report it: where and what, never the value. */
export interface FindingView {
  type: string;
  country: string | null;
  start: number;
  end: number;
  validated: boolean;
  confidence: number;
}

export function findingView(finding: Finding): FindingView {
  return {
    type: finding.type,
    country: finding.country,
    start: finding.start,
    end: finding.end,
    validated: finding.validated,
    confidence: Math.round(finding.confidence * 1000) / 1000,
  };
}

/** The text with every finding replaced by its type tag (`[CPF]`). */
export function redactAll(text: string, findings: readonly Finding[]): string {
  return maskText(
    text,
    findings.map((finding) => ({ finding, action: "redact" as const })),
    new PlaceholderVault(),
  );
}
