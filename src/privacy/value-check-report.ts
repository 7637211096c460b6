import type { EgressMatch } from "../core/records/egress.js";

/** What became of a value in one request. */
export type ValueFate = "sentInClear" | "pseudonymized" | "redacted" | "blocked" | "keptLocal";

/** Most exposed first: a request holding the value twice counts by its worse fate. */
const fateOrder: readonly ValueFate[] = [
  "sentInClear",
  "pseudonymized",
  "redacted",
  "keptLocal",
  "blocked",
];

/** One request the value was found in. Holds no value and no hash. */
export interface ValueSighting {
  egressId: string;
  requestId: string;
  createdAt: number;
  tenant: string | null;
  provider: string;
  model: string;
  region: string | null;
  /** What became of the request. */
  outcome: EgressMatch["record"]["outcome"];
  /** The data type the guard took the value for. */
  type: string;
  /** The action applied to the value. */
  action: string;
  fate: ValueFate;
}

/** Whether a value was ever in an audited request, and what became of it. */
export interface ValueCheckReport {
  seen: boolean;
  /** The tenant the check was limited to, if any. */
  tenant: string | null;
  /** Requests the value was in; the five counts below add up to it. */
  requests: number;
  sentInClear: number;
  pseudonymized: number;
  redacted: number;
  blocked: number;
  keptLocal: number;
  firstSeenAt: number | null;
  lastSeenAt: number | null;
  tenants: string[];
  providers: string[];
  types: string[];
  /** Newest first, one per request. */
  sightings: ValueSighting[];
}

/** What happened to a matched value, from its request's outcome and the value's own action. */
export function valueFate(match: Pick<EgressMatch, "action" | "record">): ValueFate {
  if (match.record.outcome === "blocked") return "blocked";
  if (match.record.outcome === "kept-local") return "keptLocal";
  switch (match.action) {
    case "allow":
      return "sentInClear";
    case "pseudonymize":
      return "pseudonymized";
    case "redact":
      return "redacted";
    case "block":
      return "blocked";
    case "local-only":
      return "keptLocal";
    default:
      // An action this version does not know: assume the worst.
      return "sentInClear";
  }
}

/** The report from the stored values whose hash matched (newest first), one line per request. */
export function buildValueCheckReport(
  matches: readonly EgressMatch[],
  options: { tenantNames: ReadonlyMap<string, string>; tenant: string | null },
): ValueCheckReport {
  const byRequest = new Map<string, ValueSighting>();
  for (const match of matches) {
    const fate = valueFate(match);
    const earlier = byRequest.get(match.record.id);
    if (earlier !== undefined && fateOrder.indexOf(earlier.fate) <= fateOrder.indexOf(fate)) {
      continue;
    }
    const { record } = match;
    byRequest.set(record.id, {
      egressId: record.id,
      requestId: record.requestId,
      createdAt: record.createdAt,
      tenant: options.tenantNames.get(record.tenantId) ?? null,
      provider: record.provider,
      model: record.model,
      region: record.region,
      outcome: record.outcome,
      type: match.type,
      action: match.action,
      fate,
    });
  }
  const sightings = [...byRequest.values()].sort(
    (a, b) => b.createdAt - a.createdAt || (a.egressId < b.egressId ? 1 : -1),
  );
  const count = (fate: ValueFate) => sightings.filter((sighting) => sighting.fate === fate).length;
  const distinct = (values: (string | null)[]) =>
    [...new Set(values.filter((value) => value !== null))].sort();
  return {
    seen: sightings.length > 0,
    tenant: options.tenant,
    requests: sightings.length,
    sentInClear: count("sentInClear"),
    pseudonymized: count("pseudonymized"),
    redacted: count("redacted"),
    blocked: count("blocked"),
    keptLocal: count("keptLocal"),
    firstSeenAt: sightings.at(-1)?.createdAt ?? null,
    lastSeenAt: sightings[0]?.createdAt ?? null,
    tenants: distinct(sightings.map((sighting) => sighting.tenant)),
    providers: distinct(sightings.map((sighting) => sighting.provider)),
    types: distinct(sightings.map((sighting) => sighting.type)),
    sightings,
  };
}
