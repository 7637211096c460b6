import { randomUUID, timingSafeEqual } from "node:crypto";
import type { Usage } from "../core/chat.js";
import {
  AuthenticationError,
  BudgetExceededError,
  PermissionDeniedError,
  RateLimitError,
} from "../core/errors.js";
import type {
  ApiKeyRecord,
  CounterRepository,
  Store,
  Tenant,
  UsageOutcome,
  UsageRecord,
} from "../store/store.js";
import { hashApiKey, maskApiKey } from "./api-keys.js";
import {
  checkedPeriods,
  describeViolation,
  findViolation,
  tenantScope,
  windowOf,
  type LimitedScope,
} from "./limits.js";
import type { Pricing } from "./pricing.js";

/** Who is asking: the tenant, and the key when one was presented. */
export interface Principal {
  tenant: Tenant;
  key: ApiKeyRecord | undefined;
}

export interface GatekeeperOptions {
  store: Store;
  pricing: Pricing;
  /** When false, a request without a key is served as the default tenant. */
  authRequired: boolean;
  /**
   * With auth off, the key that counts as no key (server.placeholderKey, default "local"): OpenAI
   * clients insist on some apiKey. Any other unknown key is refused, auth on or off.
   */
  placeholderKey?: string | undefined;
  /** How long a reservation is held before it is released as abandoned. */
  reservationTtlMs: number;
  /** A single shared key from the config (server.apiKey), served as the default tenant. */
  sharedKey?: string | undefined;
  /** The admin key from the config; admin keys in the store work too. */
  adminKey?: string | undefined;
  /** Whether local answers stay allowed once a USD budget is spent (local work costs ~nothing). */
  localWhenBudgetSpent: boolean;
  defaultTenant: string;
  now?: () => number;
}

/** An admitted request, waiting to be settled with what it used. */
export interface Admission {
  principal: Principal;
  startedAt: number;
}

export interface Settlement {
  requestId: string;
  endpoint: "chat.completions" | "embeddings" | "batch";
  model: string;
  target: string;
  stream: boolean;
  usage: Usage;
  status: number;
  outcome: UsageOutcome;
  route: string | null;
  reason: string | null;
  confidence: number | null;
}

/**
 * The platform's rules for each request, over the store: who is calling (keys → tenant), may it
 * run now (rate limits and budgets, checked before the work), and what it used and cost (one usage
 * record and the counters, settled after the work in one transaction).
 */
export class Gatekeeper {
  readonly #options: GatekeeperOptions;
  readonly #now: () => number;
  readonly #defaultTenant: Tenant;

  private constructor(options: GatekeeperOptions, defaultTenant: Tenant) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#defaultTenant = defaultTenant;
  }

  static async create(options: GatekeeperOptions): Promise<Gatekeeper> {
    const now = options.now ?? Date.now;
    const tenant = await options.store.tenants.ensure(options.defaultTenant, now());
    return new Gatekeeper(options, tenant);
  }

  get authRequired(): boolean {
    return this.#options.authRequired;
  }

  /** The gatekeeper's clock (injected in tests). */
  now(): number {
    return this.#now();
  }

  /** The caller of a /v1 route, from its bearer token (undefined when none was sent). */
  async authenticate(token: string | undefined): Promise<Principal> {
    const { store, sharedKey, authRequired, placeholderKey } = this.#options;
    if (token === undefined || (!authRequired && token === placeholderKey)) {
      if (!authRequired) return { tenant: await this.#currentDefaultTenant(), key: undefined };
      throw new AuthenticationError(
        "Missing API key. Send it as `Authorization: Bearer <key>` (the OpenAI clients' apiKey option). An administrator creates keys with: colibri keys create --tenant NAME",
      );
    }
    if (sharedKey !== undefined && sameSecret(token, sharedKey)) {
      return { tenant: await this.#currentDefaultTenant(), key: undefined };
    }
    const found = await store.keys.findByHashWithTenant(hashApiKey(token));
    const key = found?.key;
    if (key?.kind === "tenant" && key.revokedAt === null && found?.tenant !== undefined) {
      return { tenant: found.tenant, key };
    }
    // A key that is sent must be valid even with auth off: a wrong or revoked key is never
    // served as the default tenant (that would walk around the key's own limits).
    if (key !== undefined && key.revokedAt !== null) {
      throw new AuthenticationError(
        `The API key ${key.prefix}… was revoked on ${new Date(key.revokedAt).toISOString()}. Ask an administrator for a new one.${this.#withoutKeyHint()}`,
      );
    }
    if (key?.kind === "admin") {
      throw new AuthenticationError(
        "This is an admin key: it manages tenants and keys on /admin routes but cannot call /v1. Use a tenant key (colibri keys create --tenant NAME).",
      );
    }
    throw new AuthenticationError(
      `Incorrect API key provided: ${maskApiKey(token)}. An administrator creates keys with: colibri keys create --tenant NAME.${this.#withoutKeyHint()}`,
    );
  }

  /** Checks an admin route's bearer token: the config's admin key or a stored admin key. */
  async authenticateAdmin(token: string | undefined): Promise<void> {
    if (token === undefined) {
      throw new AuthenticationError(
        "Missing admin key. Send it as `Authorization: Bearer <admin key>`; it was printed when `colibri serve` first started, or set server.adminKey (COLIBRI_ADMIN_KEY).",
      );
    }
    const key = await this.#adminOrOtherKey(token);
    if (key === "admin") return;
    if (key !== undefined && key.revokedAt !== null) {
      throw new AuthenticationError(
        `The key ${key.prefix}… was revoked on ${new Date(key.revokedAt).toISOString()}. Use a current admin key (colibri keys create --admin).`,
      );
    }
    if (key?.kind === "tenant") {
      throw new PermissionDeniedError(
        "This tenant key cannot use admin routes. Use the admin key printed when `colibri serve` first started (or server.adminKey).",
      );
    }
    throw new AuthenticationError(`Incorrect admin key provided: ${maskApiKey(token)}.`);
  }

  /** Whether the token is a valid admin key (for the few /v1 routes an administrator may call). */
  async isAdmin(token: string): Promise<boolean> {
    return (await this.#adminOrOtherKey(token)) === "admin";
  /** With auth off, how to be served as the default tenant instead. */
  #withoutKeyHint(): string {
    const { authRequired, placeholderKey } = this.#options;
    if (authRequired) return "";
    const placeholder =
      placeholderKey === undefined ? "" : ` (or the placeholder key "${placeholderKey}")`;
    return ` Auth is off here: send no key${placeholder} to be served as the default tenant.`;
  }

  }

  async #adminOrOtherKey(token: string): Promise<"admin" | ApiKeyRecord | undefined> {
    const { adminKey, store } = this.#options;
    if (adminKey !== undefined && sameSecret(token, adminKey)) return "admin";
    const key = await store.keys.findByHash(hashApiKey(token));
    return key?.kind === "admin" && key.revokedAt === null ? "admin" : key;
  }

  /**
   * Whether a USD budget of the caller (key or tenant) is used up, for the router: with budgets
   * spent, `auto` stays local. Reads the counters only when a budget is set.
   */
  async budgetSpent(principal: Principal): Promise<boolean> {
    const scopes = limitedScopes(principal).filter(
      ({ limits }) => limits.budgetUsdDay !== null || limits.budgetUsdMonth !== null,
    );
    if (scopes.length === 0) return false;
    const now = this.#now();
    const values = await this.#options.store.counters.read(
      scopes.flatMap((scope) => checkedPeriods.map((period) => windowOf(scope, period, now))),
    );
    const violation = findViolation(
      scopes.map((scope, index) => ({
        scope: { ...scope, limits: { ...scope.limits, tokensPerMinute: null } },
        counters: values.slice(index * checkedPeriods.length, (index + 1) * checkedPeriods.length),
      })),
      { budgets: true, now },
    );
    return violation !== undefined;
  }

  /**
   * Check the caller's limits before any work: token and budget limits from the counters, then
   * take one request-per-minute slot for the key and the tenant atomically (both or neither).
   * Throws RateLimitError or BudgetExceededError naming the limit and when it resets.
   */
  async admit(principal: Principal, request: { target: string }): Promise<Admission> {
    const { store, localWhenBudgetSpent } = this.#options;
    const now = this.#now();
    const scopes = limitedScopes(principal);
    // Cached answers cost nothing, and local ones ~nothing when the config says so.
    const budgets = !(
      request.target === "cache" ||
      (request.target === "local" && localWhenBudgetSpent)
    );
    const counted = scopes.some(
      ({ limits }) =>
        limits.tokensPerMinute !== null ||
        (budgets && (limits.budgetUsdDay !== null || limits.budgetUsdMonth !== null)),
    );
    // Counters are read only when a token or budget limit applies (none by default).
    if (counted) {
      const windows = scopes.flatMap((scope) =>
        checkedPeriods.map((period) => windowOf(scope, period, now)),
      );
      const values = await store.counters.read(windows);
      const violation = findViolation(
        scopes.map((scope, index) => ({
          scope,
          counters: values.slice(
            index * checkedPeriods.length,
            (index + 1) * checkedPeriods.length,
          ),
        })),
        { budgets, now },
      );
      if (violation !== undefined) {
        const { message, retryAfterSeconds } = describeViolation(violation, now);
        throw violation.limit.startsWith("budget")
          ? new BudgetExceededError(message, retryAfterSeconds, violation.limit)
          : new RateLimitError(message, retryAfterSeconds, violation.limit);
      }
    }

    // One limited scope needs one atomic statement; two (key and tenant) a transaction, so a
    // refusal by the second gives the first its slot back.
    const rateLimited = scopes.filter((scope) => scope.limits.requestsPerMinute !== null);
    const take = async (counters: CounterRepository) => {
      for (const scope of rateLimited) {
        const window = windowOf(scope, "minute", now);
        const allowed = scope.limits.requestsPerMinute;
        if (await counters.takeRequest(window, allowed)) continue;
        const { message, retryAfterSeconds } = describeViolation(
          {
            limit: "requests_per_minute",
            scope,
            used: allowed ?? 0,
            allowed: allowed ?? 0,
            resetsAt: window.start + 60_000,
          },
          now,
        );
        throw new RateLimitError(message, retryAfterSeconds, "requests_per_minute");
      }
    };
    if (rateLimited.length === 1) await take(store.counters);
    if (rateLimited.length > 1)
      await store.transaction((repositories) => take(repositories.counters));
    return { principal, startedAt: now };
  }

  /**
   * Record what an admitted request used: one usage record plus the key's and tenant's counters,
   * in one transaction, so usage and budgets always agree.
   */
  async settle(admission: Admission, settlement: Settlement): Promise<UsageRecord> {
    const now = this.#now();
    const { usage } = settlement;
    const kind = settlement.endpoint === "embeddings" ? "embeddings" : "chat";
    const { costUsd, referenceCostUsd } = this.#options.pricing.cost(
      settlement.target,
      settlement.model,
      usage,
      kind,
    );
    const { principal } = admission;
    const record: UsageRecord = {
      id: randomUUID(),
      createdAt: now,
      requestId: settlement.requestId,
      tenantId: principal.tenant.id,
      keyId: principal.key?.id ?? null,
      endpoint: settlement.endpoint,
      model: settlement.model,
      target: settlement.target,
      stream: settlement.stream,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      costUsd,
      referenceCostUsd,
      latencyMs: now - admission.startedAt,
      status: settlement.status,
      outcome: settlement.outcome,
      route: settlement.route,
      reason: settlement.reason,
      confidence: settlement.confidence,
    };
    const amount = { tokens: usage.promptTokens + usage.completionTokens, costUsd };
    await this.#options.store.transaction(async (repositories) => {
      await repositories.usage.insert(record);
      if (amount.tokens === 0 && amount.costUsd === 0) return;
      const windows = limitedScopes(principal).flatMap((scope) =>
        checkedPeriods.map((period) => windowOf(scope, period, now)),
      );
      await repositories.counters.add(windows, amount);
    });
    return record;
  }

  /**
   * Delete counter windows no check will read again: minutes older than an hour and days older
   * than two (months stay: twelve rows a year). Returns how many rows went.
   */
  async pruneCounters(): Promise<number> {
    const now = this.#now();
    const { counters } = this.#options.store;
    const minutes = await counters.prune("minute", now - 3_600_000);
    const days = await counters.prune("day", now - 2 * 86_400_000);
    return minutes + days;
  }

  /** The default tenant as stored now (its limits may have changed since start-up). */
  async #currentDefaultTenant(): Promise<Tenant> {
    return (
      (await this.#options.store.tenants.findById(this.#defaultTenant.id)) ?? this.#defaultTenant
    );
  }
}

function limitedScopes(principal: Principal): LimitedScope[] {
  const { tenant, key } = principal;
  if (key === undefined) return [tenantScope(tenant)];
  const keyScope: LimitedScope = {
    scope: "key",
    id: key.id,
    label: `API key ${key.prefix}…`,
    limits: key,
    raiseCommand: (flag) =>
      `issue a key with a higher limit (colibri keys create --tenant ${tenant.name} ${flag} N)`,
  };
  return [keyScope, tenantScope(tenant)];
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(hashApiKey(given), "hex");
  const b = Buffer.from(hashApiKey(expected), "hex");
  return timingSafeEqual(a, b);
}
