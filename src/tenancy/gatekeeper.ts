import { randomUUID, timingSafeEqual } from "node:crypto";
import type { Usage } from "../core/chat.js";
import { AuthenticationError, PermissionDeniedError } from "../core/errors.js";
import type { ApiKeyRecord, Tenant } from "../core/records/tenancy.js";
import type {
  CounterRepository,
  CounterWindow,
  LimitReservation,
} from "../core/records/counters.js";
import type { Store } from "../core/records/store.js";
import type { UsageOutcome, UsageRecord } from "../core/records/usage.js";
import { hashApiKey, maskApiKey } from "./api-keys.js";
import type { SpendEstimate } from "../accounting/spend-estimate.js";
import { LimitReservations } from "./limit-reservations.js";
import {
  checkedPeriods,
  findViolation,
  limitError,
  limitedScopes,
  windowOf,
  type LimitedScope,
} from "./limits.js";
import type { Pricing } from "../accounting/pricing.js";

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
  /** The counter windows its usage goes to: each scope's minute, day and month at admission. */
  windows: CounterWindow[];
  /** What `reserve` holds for it against its limits; undefined when nothing is held. */
  reservation: LimitReservation | undefined;
  /**
   * Whether a USD budget of the caller (key or tenant) was used up at admission, for the router
   * (with budgets spent, `auto` stays local); read only when asked for (`budgetState`).
   */
  budgetSpent: boolean;
}

export interface Settlement {
  requestId: string;
  endpoint: "chat.completions" | "messages" | "responses" | "completions" | "embeddings" | "batch";
  model: string;
  target: string;
  stream: boolean;
  usage: Usage;
  status: number;
  outcome: UsageOutcome;
  route: string | null;
  reason: string | null;
  confidence: number | null;
  /** Personal data found in the request, per type (whatever its route); null when none. */
  findings: Readonly<Record<string, number>> | null;
  /** A chat request's language (ISO 639 or "other"); null for other endpoints. */
  language: string | null;
  /** The id the answer was given (chatcmpl-…), for feedback; null when it has none. */
  responseId: string | null;
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
  readonly #reservations: LimitReservations;

  private constructor(options: GatekeeperOptions, defaultTenant: Tenant) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#defaultTenant = defaultTenant;
    this.#reservations = new LimitReservations({
      store: options.store,
      pricing: options.pricing,
      localWhenBudgetSpent: options.localWhenBudgetSpent,
      ttlMs: options.reservationTtlMs,
      now: this.#now,
    });
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

  /** With auth off, how to be served as the default tenant instead. */
  #withoutKeyHint(): string {
    const { authRequired, placeholderKey } = this.#options;
    if (authRequired) return "";
    const placeholder =
      placeholderKey === undefined ? "" : ` (or the placeholder key "${placeholderKey}")`;
    return ` Auth is off here: send no key${placeholder} to be served as the default tenant.`;
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
  }

  async #adminOrOtherKey(token: string): Promise<"admin" | ApiKeyRecord | undefined> {
    const { adminKey, store } = this.#options;
    if (adminKey !== undefined && sameSecret(token, adminKey)) return "admin";
    const key = await store.keys.findByHash(hashApiKey(token));
    return key?.kind === "admin" && key.revokedAt === null ? "admin" : key;
  }

  /**
   * Let a request in before any work is done on it (before its prompt is even scanned): take one
   * request-per-minute slot for the key and the tenant atomically (both or neither), and turn it
   * away at once when a token limit is already used up. Throws RateLimitError naming the limit.
   * `budgetState`: also tell whether a budget is spent (the same read of the counters).
   * Budgets and token limits are then held by `reserve`, once the request's cost can be estimated.
   */
  async admit(principal: Principal, options: { budgetState?: boolean } = {}): Promise<Admission> {
    const { store } = this.#options;
    const now = this.#now();
    const scopes = limitedScopes(principal);
    const windows = scopes.flatMap((scope) =>
      checkedPeriods.map((period) => windowOf(scope, period, now)),
    );
    // Counters are read (once) only when a token limit applies, or the caller needs to know
    // whether a budget is spent and one is set (none by default).
    const tokenLimited = scopes.some(({ limits }) => limits.tokensPerMinute !== null);
    const budgeted =
      options.budgetState === true &&
      scopes.some(({ limits }) => limits.budgetUsdDay !== null || limits.budgetUsdMonth !== null);
    let budgetSpent = false;
    if (tokenLimited || budgeted) {
      const values = await store.counters.read(windows);
      const counted = (limits: (scope: LimitedScope) => LimitedScope["limits"]) =>
        scopes.map((scope, index) => ({
          scope: { ...scope, limits: limits(scope) },
          counters: values.slice(
            index * checkedPeriods.length,
            (index + 1) * checkedPeriods.length,
          ),
        }));
      const violation = findViolation(
        counted((scope) => scope.limits),
        { budgets: false, now },
      );
      if (violation !== undefined) throw limitError(violation, now);
      budgetSpent =
        budgeted &&
        findViolation(
          counted((scope) => ({ ...scope.limits, tokensPerMinute: null })),
          { budgets: true, now },
        ) !== undefined;
    }

    // One limited scope needs one atomic statement; two (key and tenant) a transaction, so a
    // refusal by the second gives the first its slot back.
    const rateLimited = scopes.filter((scope) => scope.limits.requestsPerMinute !== null);
    const take = async (counters: CounterRepository) => {
      for (const scope of rateLimited) {
        const window = windowOf(scope, "minute", now);
        const allowed = scope.limits.requestsPerMinute ?? 0;
        if (await counters.takeRequest(window, allowed)) continue;
        throw limitError(
          {
            limit: "requests_per_minute",
            scope,
            used: allowed,
            allowed,
            resetsAt: window.start + 60_000,
          },
          now,
        );
      }
    };
    if (rateLimited.length === 1) await take(store.counters);
    if (rateLimited.length > 1)
      await store.transaction((repositories) => take(repositories.counters), {
        waitForQueued: false,
      });
    return { principal, startedAt: now, windows, reservation: undefined, budgetSpent };
  }

  /**
   * Hold what an admitted request may spend against its token limits and budgets (see
   * `LimitReservations.reserve`); throws the limit's 429 when it would pass one.
   */
  async reserve(admission: Admission, estimate: SpendEstimate): Promise<void> {
    admission.reservation = await this.#reservations.reserve(
      limitedScopes(admission.principal),
      admission.startedAt,
      estimate,
    );
  }

  /**
   * Record what an admitted request used: one usage record, and the counters moved from its
   * reservation (if it still holds one) to what it really used, in one transaction, so usage and
   * budgets always agree. Resolves once the write is queued (store.writeBehind); `written`
   * settles when it is committed.
   */
  async settle(
    admission: Admission,
    settlement: Settlement,
  ): Promise<{ record: UsageRecord; written: Promise<void> }> {
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
      findings: settlement.findings,
      language: settlement.language,
      responseId: settlement.responseId,
    };
    const used = { tokens: usage.promptTokens + usage.completionTokens, costUsd };
    const { reservation } = admission;
    admission.reservation = undefined;
    // Written behind the request, by group commit; until then the store's counters count what
    // it will add (limit decisions see it), and close() writes it.
    const counts = {
      windows: admission.windows,
      amount:
        reservation === undefined
          ? used
          : {
              tokens: used.tokens - reservation.tokens,
              costUsd: used.costUsd - reservation.costUsd,
            },
    };
    const { committed } = await this.#options.store.writeBehind(
      async (repositories) => {
        await repositories.usage.insert(record);
        // Still held: replace it by what was used. Gone (released after its expiry): add it all.
        const held =
          reservation === undefined
            ? undefined
            : await repositories.reservations.take(reservation.id);
        const amount =
          held === undefined
            ? used
            : { tokens: used.tokens - held.tokens, costUsd: used.costUsd - held.costUsd };
        if (amount.tokens === 0 && amount.costUsd === 0) return;
        await repositories.counters.add(admission.windows, amount);
      },
      { counts },
    );
    return { record, written: committed };
  }

  /**
   * Give back what an admitted request holds without recording anything: for an attempt that
   * used nothing and will be tried again (its expiry would release it too, later).
   */
  async release(admission: Admission): Promise<void> {
    const { reservation } = admission;
    admission.reservation = undefined;
    if (reservation === undefined) return;
    await this.#options.store.transaction(
      async (repositories) => {
        const held = await repositories.reservations.take(reservation.id);
        if (held === undefined) return;
        await repositories.counters.add(admission.windows, {
          tokens: -held.tokens,
          costUsd: -held.costUsd,
        });
      },
      { waitForQueued: false },
    );
  }

  /** Give back what expired reservations hold; returns how many were released. */
  releaseExpired(): Promise<number> {
    return this.#reservations.releaseExpired();
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

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(hashApiKey(given), "hex");
  const b = Buffer.from(hashApiKey(expected), "hex");
  return timingSafeEqual(a, b);
}
