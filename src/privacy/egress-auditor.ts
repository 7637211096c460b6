import { randomUUID } from "node:crypto";
import type {
  EgressDelivery,
  EgressOutcome,
  EgressRecord,
  EgressRepository,
  EgressValue,
} from "../core/records/egress.js";
import type { EgressReview } from "./privacy-guard.js";

/** What the auditor needs to know of one egress decision; never a raw value. */
export interface EgressEvent {
  requestId: string;
  tenantId: string;
  provider: string;
  model: string;
  region: string | null;
  outcome: EgressOutcome;
  bytesSent: number;
  /** Why the request went (or would have gone) to the cloud, and what the guard decided. */
  reason: string;
  review: EgressReview;
}

export interface EgressAuditorOptions {
  repository: EgressRepository;
  /** Keyed hash (HMAC) of a normalized value. */
  hash(normalized: string): string;
  /** Default: random UUIDs. */
  newId?: () => string;
  /** Default: Date.now. */
  now?: () => number;
}

/**
 * Writes the egress audit: one record per request that left the machine (or was stopped), with
 * finding counts and a keyed hash of each distinct value, so "did this CPF ever leave?" can be
 * answered without the log holding a single value.
 */
export class EgressAuditor {
  readonly #options: EgressAuditorOptions;

  constructor(options: EgressAuditorOptions) {
    this.#options = options;
  }

  async record(event: EgressEvent): Promise<EgressRecord> {
    const findings: Record<string, number> = {};
    const values = new Map<string, EgressValue>();
    for (const { finding, action } of event.review.findings) {
      findings[finding.type] = (findings[finding.type] ?? 0) + 1;
      const key = `${finding.type}\u0000${finding.normalized}`;
      if (!values.has(key)) {
        values.set(key, {
          type: finding.type,
          hash: this.#options.hash(finding.normalized),
          action,
        });
      }
    }
    const record: EgressRecord = {
      id: (this.#options.newId ?? randomUUID)(),
      createdAt: (this.#options.now ?? Date.now)(),
      requestId: event.requestId,
      tenantId: event.tenantId,
      provider: event.provider,
      model: event.model,
      region: event.region,
      bytesSent: event.bytesSent,
      outcome: event.outcome,
      action: event.review.action,
      reason: event.reason,
      findings,
      values: [...values.values()],
      // A sent record is written before the call: whether its body got out is known after.
      delivered: event.outcome === "sent" ? null : false,
    };
    await this.#options.repository.insert(record);
    return record;
  }

  /**
   * How the call of a `sent` record ended. One refused or unreachable before any byte was written
   * becomes `kept-local` with 0 bytes sent, so audit counts hold only what really left.
   */
  async settleDelivery(recordId: string, delivery: EgressDelivery): Promise<void> {
    await this.#options.repository.settleDelivery(recordId, delivery);
  }
}
