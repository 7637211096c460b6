import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { ApiKeyKind, ApiKeyRecord, Limits } from "../core/records/tenancy.js";

const keyPrefix = "sk-col-";
/** How much of a key is kept to show it in lists: "sk-col-" plus 8 random characters. */
const shownLength = keyPrefix.length + 8;

/** sha256 hex of the whole key: keys carry 192 random bits, so a fast hash is safe here. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/**
 * A new random key and the record to store for it. The key is returned once and never stored;
 * only its hash and first characters are.
 */
export function createApiKey(options: {
  kind: ApiKeyKind;
  tenantId: string | null;
  name?: string | null;
  limits?: Partial<Limits>;
  now: number;
}): { key: string; record: ApiKeyRecord } {
  const key = `${keyPrefix}${randomBytes(24).toString("base64url")}`;
  return {
    key,
    record: {
      id: randomUUID(),
      tenantId: options.tenantId,
      kind: options.kind,
      name: options.name ?? null,
      prefix: key.slice(0, shownLength),
      hash: hashApiKey(key),
      createdAt: options.now,
      revokedAt: null,
      budgetUsdDay: options.limits?.budgetUsdDay ?? null,
      budgetUsdMonth: options.limits?.budgetUsdMonth ?? null,
      requestsPerMinute: options.limits?.requestsPerMinute ?? null,
      tokensPerMinute: options.limits?.tokensPerMinute ?? null,
    },
  };
}

/** A key as it may appear in a message: its start and end only ("sk-col-AbCd…wxyz"). */
export function maskApiKey(key: string): string {
  return key.length <= 12 ? "***" : `${key.slice(0, 8)}…${key.slice(-4)}`;
}
