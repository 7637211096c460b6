/** The egress audit: what left the machine, or was stopped from leaving. Records and repositories; store/ implements them. */

/** What became of a request whose route would have sent data to a cloud provider. */
export type EgressOutcome = "sent" | "blocked" | "kept-local";

/** One value the privacy guard found in a request that (would have) left; never the value. */
export interface EgressValue {
  /** A data type, e.g. "BR_CPF". */
  type: string;
  /** HMAC-SHA256 (hex) of the value's normalized form, keyed with a secret outside the database. */
  hash: string;
  /** What was done with it: allow (sent in clear), redact, pseudonymize, block, local-only. */
  action: string;
}

/** One row of the egress audit: a request that left the machine (or was stopped from leaving). */
export interface EgressRecord {
  id: string;
  createdAt: number;
  requestId: string;
  tenantId: string;
  provider: string;
  /** The client-facing cloud model name. */
  model: string;
  /** The provider's configured region, when it has one. */
  region: string | null;
  /** UTF-8 bytes of message text sent (0 when nothing was sent). */
  bytesSent: number;
  outcome: EgressOutcome;
  /** The strongest action applied: block > local-only > pseudonymize > redact > allow. */
  action: string;
  /** Why the request went (or would have gone) to the cloud, and what the guard decided. */
  reason: string;
  /** Findings per data type, e.g. { BR_CPF: 1, EMAIL: 2 }. */
  findings: Record<string, number>;
  values: EgressValue[];
  /**
   * Whether the request's text was written to the provider's connection: true once it was, false
   * when no byte was (stopped by the guard, or the provider refused or could not be reached);
   * null (or absent) while the call runs, and for records from before this was kept.
   */
  delivered?: boolean | null;
}

/** How a `sent` record's call ended: written to the provider, or refused before any byte. */
export type EgressDelivery = { delivered: true } | { delivered: false; why: string };

export interface EgressQuery {
  since: number;
  until?: number;
  tenantId?: string;
  limit: number;
}

/** A stored value whose hash matched, and the request it was in. */
export interface EgressMatch {
  record: Omit<EgressRecord, "values">;
  type: string;
  action: string;
}

export interface EgressRepository {
  insert(record: EgressRecord): Promise<void>;
  /** Newest first, at most `limit`, each with its values. */
  list(query: EgressQuery): Promise<EgressRecord[]>;
  /** Every stored value with one of these hashes (newest first), optionally for one tenant. */
  findByHashes(hashes: readonly string[], options?: { tenantId?: string }): Promise<EgressMatch[]>;
  /**
   * Settle a `sent` record whose delivery is not known yet. Not delivered, it becomes `kept-local`
   * with 0 bytes sent and `why` added to its reason: nothing left the machine. False when the
   * record is not waiting for it (unknown, or settled already).
   */
  settleDelivery(id: string, delivery: EgressDelivery): Promise<boolean>;
}
