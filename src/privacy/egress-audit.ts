import { ColibriError, InvalidRequestError } from "../core/errors.js";
import type { ValueHasher } from "./value-hasher.js";
import type { Store } from "../core/records/store.js";
import type { EgressRecordView } from "./egress-summary.js";
import { reportRange } from "../core/report-time.js";
import { tenantIdByName } from "../tenancy/tenant-not-found.js";
import { buildValueCheckReport, type ValueCheckReport } from "./value-check-report.js";

/** The most records one listing returns. */
export const maximumEgressLimit = 10_000;

export interface EgressAuditOptions {
  store: Store;
  now?: (() => number) | undefined;
  /** Hashes typed values with the audit key; without it `check` cannot answer. */
  valueHasher?: ValueHasher | undefined;
}

export interface EgressListQuery {
  since: number;
  until?: number | undefined;
  tenant?: string | undefined;
  /** Default 100, at most 10,000. */
  limit?: number | undefined;
}

/**
 * Reading the egress audit (`colibri audit`, /admin/audit): the requests that left for a cloud
 * provider or were stopped, and whether one value was ever among them. Answers never hold a
 * value, and a check reports only the requests holding the value asked about.
 */
export class EgressAudit {
  readonly #store: Store;
  readonly #now: () => number;
  readonly #valueHasher: ValueHasher | undefined;

  constructor(options: EgressAuditOptions) {
    this.#store = options.store;
    this.#now = options.now ?? Date.now;
    this.#valueHasher = options.valueHasher;
  }

  /** Records created in [since, until), newest first, each with its tenant's name. */
  async list(query: EgressListQuery): Promise<EgressRecordView[]> {
    const { since, until } = reportRange(query, this.#now());
    const limit = query.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > maximumEgressLimit) {
      throw new InvalidRequestError(
        `The limit must be a whole number from 1 to ${maximumEgressLimit.toLocaleString("en-US")}; got ${String(limit)}.`,
        "limit",
      );
    }
    const [tenantId, names] = await Promise.all([
      tenantIdByName(this.#store.tenants, query.tenant),
      this.#tenantNames(),
    ]);
    const records = await this.#store.egress.list({
      since,
      until,
      limit,
      ...(tenantId === undefined ? {} : { tenantId }),
    });
    return records.map((record) => ({ ...record, tenant: names.get(record.tenantId) ?? null }));
  }

  /**
   * Whether `value` (as a person types it: "123.456.789-09" or "12345678909") was in any audited
   * request, and what became of it each time. The value is hashed in every form it may have been
   * normalized to, and neither it nor its hashes are kept.
   */
  async check(request: { value: string; tenant?: string | undefined }): Promise<ValueCheckReport> {
    if (this.#valueHasher === undefined) {
      throw new ColibriError(
        "This server was started without the egress audit key, so it cannot check values. Give the server the key (the variable named by privacy.auditKeyEnv, default COLIBRI_AUDIT_KEY, or $COLIBRI_HOME/audit.key), or run `colibri audit check VALUE` where the key is.",
        { code: "audit_key_missing", status: 503, type: "service_unavailable" },
      );
    }
    const hashes = this.#valueHasher.hashesOf(request.value);
    if (hashes.length === 0) {
      throw new InvalidRequestError(
        "The value to check has no letters or digits. Give it as written, e.g. 123.456.789-09 or ana@example.com.",
        "value",
      );
    }
    const [tenantId, tenantNames] = await Promise.all([
      tenantIdByName(this.#store.tenants, request.tenant),
      this.#tenantNames(),
    ]);
    const matches = await this.#store.egress.findByHashes(
      hashes,
      tenantId === undefined ? {} : { tenantId },
    );
    return buildValueCheckReport(matches, { tenantNames, tenant: request.tenant ?? null });
  }

  async #tenantNames(): Promise<Map<string, string>> {
    const tenants = await this.#store.tenants.list();
    return new Map(tenants.map((tenant) => [tenant.id, tenant.name]));
  }
}
