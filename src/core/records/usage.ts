/** Usage records: one per request, never its text. Records and repositories; store/ implements them. */

/** Where a request ran: "local" or the name of a cloud provider. */
export type Target = string;

export type UsageOutcome = "completed" | "abandoned" | "failed" | "rejected";

/** One row per request that reached a route with a known tenant. Never holds prompt text. */
export interface UsageRecord {
  id: string;
  createdAt: number;
  requestId: string;
  tenantId: string;
  keyId: string | null;
  /** "chat.completions", "embeddings", later "batch". */
  endpoint: string;
  model: string;
  target: Target;
  stream: boolean;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** What the same tokens would have cost on the configured reference cloud model. */
  referenceCostUsd: number;
  latencyMs: number;
  /** HTTP status sent (499 when the client went away). */
  status: number;
  outcome: UsageOutcome;
  /** The routing decision (x-colibri-route / x-colibri-reason), when one was made. */
  route: string | null;
  reason: string | null;
  /** The local answer's confidence (0–1) when the router measured it (cascades). */
  confidence: number | null;
  /** Personal data the privacy guard found in the request, per type; null when none. */
  findings: Readonly<Record<string, number>> | null;
  /**
   * A chat request's language among the region's (ISO 639: qu, gn, ay, nah, es, pt, en), "other"
   * when unclear; null for other endpoints (embeddings) and records older than the column.
   */
  language: string | null;
  /** The id the answer was given (chatcmpl-…, msg_…, resp_…, cmpl-…), for feedback; else null. */
  responseId: string | null;
}

export interface UsageQuery {
  since: number;
  until?: number;
  tenantId?: string;
}

/** Totals for one tenant and one target over a time range. */
export interface UsageTotals {
  tenantId: string;
  tenantName: string;
  target: Target;
  requests: number;
  /** Requests whose outcome was not "completed". */
  unsuccessful: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  referenceCostUsd: number;
}

export interface UsageRepository {
  insert(record: UsageRecord): Promise<void>;
  /** Totals per tenant and target, for records created in [since, until). */
  totals(query: UsageQuery): Promise<UsageTotals[]>;
  /** The newest records first, at most `limit`. */
  list(query: UsageQuery & { limit: number }): Promise<UsageRecord[]>;
  /**
   * Totals per time bucket, target, route and reason, for records created in [since, until): a
   * bucket is `bucketMs` long and starts where (time + offsetMs) is a multiple of it (offsetMs
   * puts day buckets on a local midnight).
   */
  series(query: UsageQuery & { bucketMs: number; offsetMs: number }): Promise<UsageSeriesRow[]>;
  /** When and what personal data was found, for records with findings, newest first. */
  findings(
    query: UsageQuery & { limit: number },
  ): Promise<{ createdAt: number; findings: Readonly<Record<string, number>> }[]>;
  /** Totals per language and target, for records with a language created in [since, until). */
  languages(query: UsageQuery): Promise<UsageLanguageRow[]>;
}

/** One group of `UsageRepository.languages`. */
export interface UsageLanguageRow {
  language: string;
  target: Target;
  requests: number;
  promptTokens: number;
  completionTokens: number;
}

/** One group of `UsageRepository.series`. */
export interface UsageSeriesRow {
  /** The bucket's start, ms since the epoch (UTC). */
  start: number;
  target: Target;
  route: string | null;
  reason: string | null;
  requests: number;
  /** Requests whose outcome was not "completed". */
  unsuccessful: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  referenceCostUsd: number;
  latencyMsTotal: number;
  /** Sum of the confidences recorded (with `confident` how many had one). */
  confidenceTotal: number;
  confident: number;
}
