import { ColibriError, InvalidRequestError } from "../core/errors.js";
import type {
  ApiKeyKind,
  ApiKeyRecord,
  Limits,
  Tenant,
  TenantSettings,
} from "../core/records/tenancy.js";
import type { Period } from "../core/records/counters.js";
import type { Store } from "../core/records/store.js";
import { createApiKey, hashApiKey, maskApiKey } from "./api-keys.js";
import { tenantScope, windowEnd, windowOf } from "./limits.js";
import type { PricingSettings } from "../accounting/pricing.js";
import { normalizeTenantName } from "../core/tenant-name.js";
import { limitNames, validateLimits, validTenantName } from "./input-validation.js";
import { reportRange } from "../core/report-time.js";
import { tenantNotFound } from "./tenant-not-found.js";
import { buildUsageReport, type UsageReport } from "../accounting/usage-report.js";

export interface AdministrationOptions {
  store: Store;
  now?: () => number;
  /** Names the cloud model that usage reports compare with. */
  pricing?: Pick<PricingSettings, "referenceModel">;
}

/** An API key as it may be shown: everything but its hash, plus its tenant's name. */
export interface KeyView extends Omit<ApiKeyRecord, "hash"> {
  /** Null for admin keys. */
  tenant: string | null;
}

export interface CreatedKey {
  /** The key itself: shown once, never stored. */
  key: string;
  record: KeyView;
  /** Null for admin keys. */
  tenant: Tenant | null;
}

export interface RevokedKey {
  record: KeyView;
  /** True when the key had been revoked before (nothing changed). */
  alreadyRevoked: boolean;
}

export interface TenantSummary extends Tenant {
  activeKeys: number;
}

/** One current accounting window of a tenant, as its counters hold it. */
export interface MinuteUsage {
  /** Counted only while the tenant has a requests-per-minute limit (the gatekeeper takes them). */
  requests: number;
  tokens: number;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  /** Null when there is no limit. */
  remainingRequests: number | null;
  remainingTokens: number | null;
  resetsAt: number;
}

export interface BudgetUsage {
  costUsd: number;
  budgetUsd: number | null;
  /** Null when there is no budget; never below zero. */
  remainingUsd: number | null;
  resetsAt: number;
}

export interface TenantDetails {
  tenant: Tenant;
  /** Every key of the tenant, revoked ones included, newest first. */
  keys: KeyView[];
  activeKeys: number;
  current: { minute: MinuteUsage; day: BudgetUsage; month: BudgetUsage };
}

/** Limits to change: a number sets a limit, null removes it, a missing field stays as it is. */
export type LimitChanges = Partial<Limits>;

/** A tenant's limits and settings to change; a missing field stays as it is. */
export type TenantChanges = LimitChanges & Partial<TenantSettings>;

export interface TenantLimitsResult {
  tenant: Tenant;
  /** True when the tenant did not exist and was created. */
  created: boolean;
}

/**
 * What an administrator can do with tenants, keys and usage: plain operations over the Store,
 * shared by the CLI (`colibri keys|tenants|usage`) and the HTTP admin routes. Errors are
 * ColibriErrors whose messages say what to do next.
 */
export class Administration {
  readonly #store: Store;
  readonly #now: () => number;
  readonly #referenceModel: string | null;

  constructor(options: AdministrationOptions) {
    this.#store = options.store;
    this.#now = options.now ?? Date.now;
    this.#referenceModel = options.pricing?.referenceModel ?? null;
  }

  /**
   * A new key for a tenant (created if missing) or, with kind "admin", an admin key. The key is
   * returned once; only its hash is stored.
   */
  async createKey(request: {
    tenant?: string | undefined;
    name?: string | null | undefined;
    kind?: ApiKeyKind | undefined;
    limits?: Partial<Limits> | undefined;
  }): Promise<CreatedKey> {
    const kind = request.kind ?? "tenant";
    const limits = validateLimits(request.limits ?? {});
    const name = request.name?.trim() ?? "";
    const now = this.#now();
    if (kind === "admin") {
      if (request.tenant !== undefined) {
        throw new InvalidRequestError(
          "An admin key belongs to no tenant: give either a tenant or the admin kind, not both.",
          "tenant",
        );
      }
      if (Object.values(limits).some((value) => value !== null)) {
        throw new InvalidRequestError(
          "Admin keys have no limits: they manage tenants and keys and cannot call /v1.",
          "limits",
        );
      }
      const { key, record } = createApiKey({ kind, tenantId: null, name: name || null, now });
      await this.#store.keys.insert(record);
      return { key, record: view(record, null), tenant: null };
    }

    if (request.tenant === undefined) {
      throw new InvalidRequestError(
        "A tenant key needs a tenant name (created if it does not exist yet).",
        "tenant",
      );
    }
    const tenantName = validTenantName(request.tenant);
    return this.#store.transaction(async ({ tenants, keys }) => {
      const tenant = await tenants.ensure(tenantName, now);
      const { key, record } = createApiKey({
        kind,
        tenantId: tenant.id,
        name: name || null,
        limits,
        now,
      });
      await keys.insert(record);
      return { key, record: view(record, tenant.name), tenant };
    });
  }

  /** Keys, newest first, of one tenant or all; revoked ones only when asked. */
  async listKeys(
    options: { tenant?: string | undefined; includeRevoked?: boolean } = {},
  ): Promise<KeyView[]> {
    const includeRevoked = options.includeRevoked ?? false;
    const tenants = await this.#store.tenants.list();
    let tenantId: string | undefined;
    if (options.tenant !== undefined) {
      tenantId = (await this.#existingTenant(options.tenant)).id;
    }
    const records = await this.#store.keys.list({
      includeRevoked,
      ...(tenantId === undefined ? {} : { tenantId }),
    });
    const names = new Map(tenants.map((tenant) => [tenant.id, tenant.name]));
    return records.map((record) =>
      view(record, record.tenantId === null ? null : (names.get(record.tenantId) ?? null)),
    );
  }

  /**
   * Revoke a key given its id, the start of its id, its shown prefix ("sk-col-AbCd1234", with or
   * without a trailing "…") or the whole key. Requests with it are refused from then on.
   */
  async revokeKey(idOrPrefix: string): Promise<RevokedKey> {
    const wanted = idOrPrefix.trim().replace(/(…|\.\.\.)$/, "");
    if (wanted === "") {
      throw new InvalidRequestError(
        "Give the id or prefix of the key to revoke (see: colibri keys list).",
        "key",
      );
    }
    const all = await this.listKeys({ includeRevoked: true });
    let matches: KeyView[];
    const wholeKey = all.some(
      (key) => wanted.length > key.prefix.length && wanted.startsWith(key.prefix),
    );
    if (wholeKey) {
      const byHash = await this.#store.keys.findByHash(hashApiKey(wanted));
      matches = all.filter((key) => key.id === byHash?.id);
    } else {
      const exact = all.filter((key) => key.id === wanted || key.prefix === wanted);
      matches =
        exact.length > 0
          ? exact
          : all.filter((key) => key.id.startsWith(wanted) || key.prefix.startsWith(wanted));
    }
    const [match] = matches;
    if (match === undefined) {
      throw new ColibriError(
        `No API key matches "${printable(wanted)}". Run \`colibri keys list --all\` to see key ids and prefixes.`,
        { code: "key_not_found", status: 404, type: "not_found_error", param: "key" },
      );
    }
    if (matches.length > 1) {
      const shown = matches
        .slice(0, 5)
        .map((key) => `${key.prefix}… (id ${key.id})`)
        .join(", ");
      const more = matches.length > 5 ? ` and ${matches.length - 5} more` : "";
      throw new InvalidRequestError(
        `"${printable(wanted)}" matches ${matches.length} keys: ${shown}${more}. Give more of the id or prefix.`,
        "key",
      );
    }
    if (match.revokedAt !== null) return { record: match, alreadyRevoked: true };
    const revoked = await this.#store.keys.revoke(match.id, this.#now());
    if (revoked === undefined) {
      throw new ColibriError(
        `The API key ${match.prefix}… disappeared while revoking it. Run \`colibri keys list --all\`.`,
        { code: "key_not_found", status: 404, type: "not_found_error", param: "key" },
      );
    }
    return { record: view(revoked, match.tenant), alreadyRevoked: false };
  }

  /** Every tenant, by name, with how many keys that are not revoked it has. */
  async listTenants(): Promise<TenantSummary[]> {
    const [tenants, keys] = await Promise.all([
      this.#store.tenants.list(),
      this.#store.keys.list(),
    ]);
    const counts = new Map<string, number>();
    for (const key of keys) {
      if (key.tenantId !== null) counts.set(key.tenantId, (counts.get(key.tenantId) ?? 0) + 1);
    }
    return tenants
      .map((tenant) => ({ ...tenant, activeKeys: counts.get(tenant.id) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * A tenant, its keys and what it has used in the current minute, day and month (UTC windows,
   * from the same counters the limits are checked against), with what is left of each limit.
   */
  async showTenant(name: string): Promise<TenantDetails> {
    const tenant = await this.#existingTenant(name);
    const now = this.#now();
    const scope = tenantScope(tenant);
    const periods: Period[] = ["minute", "day", "month"];
    const windows = periods.map((period) => windowOf(scope, period, now));
    const [records, values] = await Promise.all([
      this.#store.keys.list({ tenantId: tenant.id, includeRevoked: true }),
      this.#store.counters.read(windows),
    ]);
    const [minute, day, month] = values;
    const resetsAt = (index: number) => {
      const window = windows[index];
      return window === undefined ? now : windowEnd(window.period, window.start);
    };
    const budget = (costUsd: number, budgetUsd: number | null, index: number): BudgetUsage => ({
      costUsd,
      budgetUsd,
      remainingUsd: budgetUsd === null ? null : Math.max(0, budgetUsd - costUsd),
      resetsAt: resetsAt(index),
    });
    const requests = minute?.requests ?? 0;
    const tokens = minute?.tokens ?? 0;
    return {
      tenant,
      keys: records.map((record) => view(record, tenant.name)),
      activeKeys: records.filter((record) => record.revokedAt === null).length,
      current: {
        minute: {
          requests,
          tokens,
          requestsPerMinute: tenant.requestsPerMinute,
          tokensPerMinute: tenant.tokensPerMinute,
          remainingRequests: remaining(tenant.requestsPerMinute, requests),
          remainingTokens: remaining(tenant.tokensPerMinute, tokens),
          resetsAt: resetsAt(0),
        },
        day: budget(day?.costUsd ?? 0, tenant.budgetUsdDay, 1),
        month: budget(month?.costUsd ?? 0, tenant.budgetUsdMonth, 2),
      },
    };
  }

  /**
   * Set or remove (null) some of a tenant's limits, and change its settings (consent to keep
   * training pairs); the tenant is created if it does not exist, so both can be set before its
   * first key.
   */
  async setTenant(name: string, changes: TenantChanges): Promise<TenantLimitsResult> {
    const tenantName = validTenantName(name);
    const { keepTrainingPairs, ...limitChanges } = changes;
    const limits = validateLimits(limitChanges);
    if (
      keepTrainingPairs === undefined &&
      !limitNames.some((limit) => limits[limit] !== undefined)
    ) {
      throw new InvalidRequestError(
        `Nothing to change: give at least one of ${limitNames.join(", ")} (a number, or null to remove the limit), or keepTrainingPairs (true or false).`,
        "limits",
      );
    }
    const now = this.#now();
    return this.#store.transaction(async ({ tenants }) => {
      const created = (await tenants.findByName(tenantName)) === undefined;
      if (created) await tenants.ensure(tenantName, now);
      await tenants.updateLimits(tenantName, limits);
      const tenant = await tenants.updateSettings(tenantName, {
        ...(keepTrainingPairs === undefined ? {} : { keepTrainingPairs }),
      });
      if (tenant === undefined) throw tenantNotFound(tenantName);
      return { tenant, created };
    });
  }

  /**
   * Requests, tokens, spend and saving per tenant and target for records created in
   * [since, until), until defaulting to now.
   */
  async usageReport(query: {
    since: number;
    until?: number | undefined;
    tenant?: string | undefined;
  }): Promise<UsageReport> {
    const { until } = reportRange(query, this.#now());
    let tenantId: string | undefined;
    if (query.tenant !== undefined) tenantId = (await this.#existingTenant(query.tenant)).id;
    const rows = await this.#store.usage.totals({
      since: query.since,
      until,
      ...(tenantId === undefined ? {} : { tenantId }),
    });

    return buildUsageReport(rows, {
      since: query.since,
      until,
      referenceModel: this.#referenceModel,
    });
  }

  async #existingTenant(name: string): Promise<Tenant> {
    const tenant = await this.#store.tenants.findByName(normalizeTenantName(name));
    if (tenant === undefined) throw tenantNotFound(name);
    return tenant;
  }
}

/** What the caller typed, masked when it may be a whole key (a secret). */
function printable(wanted: string): string {
  return wanted.length > 24 ? maskApiKey(wanted) : wanted;
}

function remaining(limit: number | null, used: number): number | null {
  return limit === null ? null : Math.max(0, limit - used);
}

function view(record: ApiKeyRecord, tenant: string | null): KeyView {
  return {
    id: record.id,
    tenantId: record.tenantId,
    tenant,
    kind: record.kind,
    name: record.name,
    prefix: record.prefix,
    createdAt: record.createdAt,
    revokedAt: record.revokedAt,
    budgetUsdDay: record.budgetUsdDay,
    budgetUsdMonth: record.budgetUsdMonth,
    requestsPerMinute: record.requestsPerMinute,
    tokensPerMinute: record.tokensPerMinute,
  };
}
