/** Tenants and their API keys. Records and repositories; store/ implements them. */

/** Limits shared by tenants and keys; null means "no limit at this level". */
export interface Limits {
  budgetUsdDay: number | null;
  budgetUsdMonth: number | null;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
}

export interface Tenant extends Limits {
  id: string;
  name: string;
  createdAt: number;
  /**
   * The tenant's consent to keep its requests escalated to the cloud as training pairs, masked
   * as they were sent (issue 25). Off by default.
   */
  keepTrainingPairs: boolean;
}

/** A tenant's settings besides its limits. */
export interface TenantSettings {
  keepTrainingPairs: boolean;
}

export type ApiKeyKind = "tenant" | "admin";

export interface ApiKeyRecord extends Limits {
  id: string;
  /** Null for admin keys. */
  tenantId: string | null;
  kind: ApiKeyKind;
  /** Optional label given at creation ("mobile app", "nightly batch"). */
  name: string | null;
  /** The first characters of the key, safe to show ("sk-col-3fA9…"); the key itself is never stored. */
  prefix: string;
  /** sha256 of the whole key, hex. */
  hash: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface TenantRepository {
  /** The tenant with this name, created (without limits) if it does not exist yet. */
  ensure(name: string, now: number): Promise<Tenant>;
  findByName(name: string): Promise<Tenant | undefined>;
  findById(id: string): Promise<Tenant | undefined>;
  list(): Promise<Tenant[]>;
  /** Change some limits (undefined fields stay as they are); undefined when no such tenant. */
  updateLimits(name: string, limits: Partial<Limits>): Promise<Tenant | undefined>;
  /** Change some settings (undefined fields stay as they are); undefined when no such tenant. */
  updateSettings(name: string, settings: Partial<TenantSettings>): Promise<Tenant | undefined>;
}

export interface ApiKeyRepository {
  insert(record: ApiKeyRecord): Promise<void>;
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  /** The key with this hash and its tenant (undefined for admin keys), in one query. */
  findByHashWithTenant(
    hash: string,
  ): Promise<{ key: ApiKeyRecord; tenant: Tenant | undefined } | undefined>;
  /** Keys, newest first; revoked ones only when asked. */
  list(options?: { tenantId?: string; includeRevoked?: boolean }): Promise<ApiKeyRecord[]>;
  /** Revoke by id or by unique prefix; returns the revoked key, undefined when none matched. */
  revoke(idOrPrefix: string, now: number): Promise<ApiKeyRecord | undefined>;
  /** Whether any admin key that is not revoked exists. */
  hasActiveAdmin(): Promise<boolean>;
}
