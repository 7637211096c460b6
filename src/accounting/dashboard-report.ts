import { piiTypeInfo } from "../core/pii-types.js";
import type { Store } from "../core/records/store.js";
import type { UsageLanguageRow, UsageRecord, UsageSeriesRow } from "../core/records/usage.js";

export type Bucket = "hour" | "day";

export interface DashboardQuery {
  since: number;
  until: number;
  /** Default: hours for ranges up to two days, else days. */
  bucket?: Bucket | undefined;
  /** The viewer's offset from UTC in minutes (UTC-3: -180), so days start at local midnight. */
  offsetMinutes: number;
  tenantId?: string | undefined;
}

/** Where answers came from, what they cost and what all-cloud would have cost. */
export interface Totals {
  requests: number;
  local: number;
  cloud: number;
  cache: number;
  /** Requests that did not complete (failed, rejected, abandoned). */
  errors: number;
  costUsd: number;
  /** What the same tokens would have cost on the reference cloud model. */
  referenceCostUsd: number;
  /** referenceCostUsd − costUsd: the saving. */
  savedUsd: number;
  promptTokens: number;
  completionTokens: number;
  avgLatencyMs: number | null;
  /** Cascades that went to the cloud, and all cascades. */
  escalations: number;
  cascades: number;
}

export interface SeriesPoint extends Totals {
  /** ISO start of the bucket. */
  start: string;
}

export interface DashboardReport {
  range: { since: string; until: string; bucket: Bucket; offsetMinutes: number };
  totals: Totals;
  /** Since the viewer's last local midnight. */
  today: Totals;
  series: SeriesPoint[];
  routing: {
    reasons: { route: string; reason: string; requests: number; avgConfidence: number | null }[];
    /** The newest decisions, newest first. */
    recent: {
      time: string;
      tenant: string;
      model: string;
      target: string;
      route: string | null;
      reason: string | null;
      confidence: number | null;
      latencyMs: number;
      status: number;
    }[];
  };
  /**
   * Chat requests per language among the region's (ISO 639; "other" when unclear), most asked
   * first: requests, tokens and the share a cloud provider answered (not local, not the cache).
   */
  languages: {
    language: string;
    requests: number;
    promptTokens: number;
    completionTokens: number;
    cloud: number;
    cloudShare: number;
  }[];
  /**
   * Users' ratings of answers given in the range (POST /v1/feedback), per model and where it ran,
   * most rated first: good, bad, the share rated good, and how many came with a correction.
   */
  feedback: {
    model: string;
    target: string;
    good: number;
    bad: number;
    goodShare: number;
    corrected: number;
  }[];
  privacy: {
    /**
     * Values found per type: `found` in every request, whatever its route; `sent`, `blocked`
     * and `keptLocal` in the requests bound for a cloud provider, by what became of them.
     */
    byType: {
      type: string;
      country: string;
      found: number;
      sent: number;
      blocked: number;
      keptLocal: number;
    }[];
    /** Requests with personal data (any route). */
    withPersonalData: number;
    /** Requests bound for the cloud: sent (masked as the policy says), blocked, kept local. */
    requests: { sent: number; blocked: number; keptLocal: number };
    /** Per bucket: values found in every request, and requests blocked on their way out. */
    series: { start: string; findings: number; blocked: number }[];
    bytesSent: number;
  };
}

const bucketMs: Record<Bucket, number> = { hour: 3_600_000, day: 86_400_000 };
/** Most buckets one report draws. */
const maxBuckets = 400;
const recentDecisions = 50;
const egressScanned = 10_000;

/**
 * What the dashboard (and `GET /admin/dashboard`) shows of a time range, from the usage records
 * and the egress audit: answers by source over time, spend against the all-cloud cost, the
 * router's reasons and escalations, and the personal data stopped or masked on the way out.
 */
export async function dashboardReport(
  store: Store,
  query: DashboardQuery,
  now: number,
): Promise<DashboardReport> {
  const bucket = query.bucket ?? (query.until - query.since <= 2 * 86_400_000 ? "hour" : "day");
  const size = bucketMs[bucket];
  const offsetMs = query.offsetMinutes * 60_000;
  const scope = query.tenantId === undefined ? {} : { tenantId: query.tenantId };
  const firstBucket = Math.floor((query.since + offsetMs) / size) * size - offsetMs;
  const midnight = Math.floor((now + offsetMs) / 86_400_000) * 86_400_000 - offsetMs;
  const [rows, todayRows, recent, egress, found, tenants, languages, feedback] = await Promise.all([
    store.usage.series({
      ...scope,
      since: firstBucket,
      until: query.until,
      bucketMs: size,
      offsetMs,
    }),
    store.usage.series({
      ...scope,
      since: midnight,
      until: now + 1,
      bucketMs: 86_400_000,
      offsetMs,
    }),
    store.usage.list({ ...scope, since: query.since, until: query.until, limit: recentDecisions }),
    store.egress.list({ ...scope, since: query.since, until: query.until, limit: egressScanned }),
    store.usage.findings({
      ...scope,
      since: query.since,
      until: query.until,
      limit: egressScanned,
    }),
    store.tenants.list(),
    store.usage.languages({ ...scope, since: query.since, until: query.until }),
    store.feedback.totals({ ...scope, since: query.since, until: query.until }),
  ]);
  const names = new Map(tenants.map((tenant) => [tenant.id, tenant.name]));

  const buckets: number[] = [];
  for (let start = firstBucket; start < query.until && buckets.length < maxBuckets; start += size) {
    buckets.push(start);
  }
  const series = buckets.map((start) => ({
    start: new Date(start).toISOString(),
    ...totalsOf(rows.filter((row) => row.start === start)),
  }));

  const reasons = new Map<
    string,
    { route: string; reason: string; requests: number; confidence: number; confident: number }
  >();
  for (const row of rows) {
    const route = row.route ?? row.target;
    const reason = row.reason ?? "";
    const key = `${route}\u0000${reason}`;
    const entry = reasons.get(key) ?? { route, reason, requests: 0, confidence: 0, confident: 0 };
    entry.requests += row.requests;
    entry.confidence += row.confidenceTotal;
    entry.confident += row.confident;
    reasons.set(key, entry);
  }

  return {
    range: {
      since: new Date(query.since).toISOString(),
      until: new Date(query.until).toISOString(),
      bucket,
      offsetMinutes: query.offsetMinutes,
    },
    totals: totalsOf(rows),
    today: totalsOf(todayRows),
    series,
    routing: {
      reasons: [...reasons.values()]
        .sort((a, b) => b.requests - a.requests)
        .map(({ route, reason, requests, confidence, confident }) => ({
          route,
          reason,
          requests,
          avgConfidence: confident === 0 ? null : confidence / confident,
        })),
      recent: recent.map((record) =>
        decisionOf(record, names.get(record.tenantId) ?? record.tenantId),
      ),
    },
    languages: languagesOf(languages),
    feedback: feedback
      .map((row) => ({ ...row, goodShare: row.good / (row.good + row.bad) }))
      .sort((a, b) => b.good + b.bad - (a.good + a.bad)),
    privacy: privacyOf(egress, found, buckets, size),
  };
}

function languagesOf(rows: readonly UsageLanguageRow[]): DashboardReport["languages"] {
  const byLanguage = new Map<string, DashboardReport["languages"][number]>();
  for (const row of rows) {
    const entry = byLanguage.get(row.language) ?? {
      language: row.language,
      requests: 0,
      promptTokens: 0,
      completionTokens: 0,
      cloud: 0,
      cloudShare: 0,
    };
    entry.requests += row.requests;
    entry.promptTokens += row.promptTokens;
    entry.completionTokens += row.completionTokens;
    if (row.target !== "local" && row.target !== "cache") entry.cloud += row.requests;
    byLanguage.set(row.language, entry);
  }
  return [...byLanguage.values()]
    .map((entry) => ({ ...entry, cloudShare: entry.cloud / entry.requests }))
    .sort((a, b) => b.requests - a.requests || (a.language < b.language ? -1 : 1));
}

function totalsOf(rows: readonly UsageSeriesRow[]): Totals {
  const totals: Totals = {
    requests: 0,
    local: 0,
    cloud: 0,
    cache: 0,
    errors: 0,
    costUsd: 0,
    referenceCostUsd: 0,
    savedUsd: 0,
    promptTokens: 0,
    completionTokens: 0,
    avgLatencyMs: null,
    escalations: 0,
    cascades: 0,
  };
  let latency = 0;
  for (const row of rows) {
    totals.requests += row.requests;
    if (row.target === "local") totals.local += row.requests;
    else if (row.target === "cache") totals.cache += row.requests;
    else totals.cloud += row.requests;
    totals.errors += row.unsuccessful;
    totals.costUsd += row.costUsd;
    totals.referenceCostUsd += row.referenceCostUsd;
    totals.promptTokens += row.promptTokens;
    totals.completionTokens += row.completionTokens;
    latency += row.latencyMsTotal;
    if (row.route?.startsWith("cascade") === true) totals.cascades += row.requests;
    if (row.route === "cascade-cloud") totals.escalations += row.requests;
  }
  totals.savedUsd = totals.referenceCostUsd - totals.costUsd;
  totals.avgLatencyMs = totals.requests === 0 ? null : latency / totals.requests;
  return totals;
}

function decisionOf(record: UsageRecord, tenant: string) {
  return {
    time: new Date(record.createdAt).toISOString(),
    tenant,
    model: record.model,
    target: record.target,
    route: record.route,
    reason: record.reason,
    confidence: record.confidence,
    latencyMs: record.latencyMs,
    status: record.status,
  };
}

function privacyOf(
  records: Awaited<ReturnType<Store["egress"]["list"]>>,
  found: Awaited<ReturnType<Store["usage"]["findings"]>>,
  buckets: readonly number[],
  size: number,
): DashboardReport["privacy"] {
  type TypeRow = DashboardReport["privacy"]["byType"][number];
  const byType = new Map<string, TypeRow>();
  const entryOf = (type: string) => {
    const entry = byType.get(type) ?? {
      type,
      country: countryOf(type),
      found: 0,
      sent: 0,
      blocked: 0,
      keptLocal: 0,
    };
    byType.set(type, entry);
    return entry;
  };
  const requests = { sent: 0, blocked: 0, keptLocal: 0 };
  const perBucket = new Map(buckets.map((start) => [start, { findings: 0, blocked: 0 }]));
  const pointAt = (time: number) => {
    const start = buckets.findLast((bucket) => bucket <= time);
    return start === undefined || time >= start + size ? undefined : perBucket.get(start);
  };
  for (const request of found) {
    const point = pointAt(request.createdAt);
    for (const [type, count] of Object.entries(request.findings)) {
      entryOf(type).found += count;
      if (point !== undefined) point.findings += count;
    }
  }
  let bytesSent = 0;
  for (const record of records) {
    const outcome = record.outcome === "kept-local" ? "keptLocal" : record.outcome;
    requests[outcome] += 1;
    bytesSent += record.bytesSent;
    const point = pointAt(record.createdAt);
    if (point !== undefined && outcome === "blocked") point.blocked += 1;
    for (const [type, count] of Object.entries(record.findings)) entryOf(type)[outcome] += count;
  }
  return {
    byType: [...byType.values()].sort(
      (a, b) =>
        Math.max(b.found, b.sent + b.blocked + b.keptLocal) -
        Math.max(a.found, a.sent + a.blocked + a.keptLocal),
    ),
    withPersonalData: found.length,
    requests,
    series: [...perBucket.entries()].map(([start, point]) => ({
      start: new Date(start).toISOString(),
      ...point,
    })),
    bytesSent,
  };
}

/** The country of an identifier type ("BR"), or "—" for e-mail, cards and other types without one. */
function countryOf(type: string): string {
  const info = (piiTypeInfo as Record<string, { country: string | null } | undefined>)[type];
  return info?.country ?? "—";
}
