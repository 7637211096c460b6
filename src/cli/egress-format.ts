import type { EgressRecordView, EgressSummary } from "../privacy/egress-summary.js";
import type { ValueCheckReport, ValueFate, ValueSighting } from "../privacy/value-check-report.js";
import { formatTable } from "./format-table.js";
import { formatCount, formatTime } from "./tenancy-format.js";
import { plural } from "./plural.js";

/** Requests listed under a check; the rest are counted (--json lists them all). */
const sightingsShown = 20;

/** "BR_CPF×1, EMAIL×2", or "-" when nothing was found. */
export function formatFindings(findings: Readonly<Record<string, number>>): string {
  const entries = Object.entries(findings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? "-" : entries.map(([type, count]) => `${type}×${count}`).join(", ");
}

export function egressTable(records: readonly EgressRecordView[]): string {
  const rows = [
    [
      "TIME",
      "TENANT",
      "PROVIDER",
      "MODEL",
      "REGION",
      "BYTES",
      "OUTCOME",
      "ACTION",
      "FINDINGS",
      "REASON",
    ],
    ...records.map((record) => [
      formatTime(record.createdAt),
      record.tenant ?? record.tenantId,
      record.provider,
      record.model,
      record.region ?? "-",
      formatCount(record.bytesSent),
      record.outcome,
      record.action,
      formatFindings(record.findings),
      record.reason,
    ]),
  ];
  return formatTable(rows, [5]);
}

/** "3 records: 1 sent, 1 blocked, 1 kept local; 5,120 bytes sent; findings BR_CPF×2, EMAIL×1." */
export function describeEgressSummary(summary: EgressSummary): string {
  const records = plural(summary.records, "record", "records", formatCount);
  const outcomes = `${formatCount(summary.sent)} sent, ${formatCount(summary.blocked)} blocked, ${formatCount(summary.keptLocal)} kept local`;
  const bytes = `${plural(summary.bytesSent, "byte", "bytes", formatCount)} sent`;
  return `${records}: ${outcomes}; ${bytes}; findings ${formatFindings(summary.findings)}.`;
}

const fateLabels: Record<ValueFate, string> = {
  sentInClear: "sent in clear",
  pseudonymized: "pseudonymized before sending",
  redacted: "redacted before sending",
  blocked: "blocked",
  keptLocal: "kept local",
};

/** The answer to `colibri audit check`, for a person. */
export function describeValueCheck(report: ValueCheckReport): string {
  const scope = report.tenant === null ? "" : ` of tenant "${report.tenant}"`;
  if (!report.seen) {
    return `Never seen in any request${scope} that left this machine (nor in one stopped from leaving).\n`;
  }
  const others = (["pseudonymized", "redacted", "blocked", "keptLocal"] as const)
    .filter((fate) => report[fate] > 0)
    .map((fate) => `${formatCount(report[fate])} ${fateLabels[fate]}`);
  const counts = [`${formatCount(report.sentInClear)} sent in clear`, ...others].join(", ");
  const lines = [
    `Seen in ${plural(report.requests, "request", "requests", formatCount)}${scope}: ${counts}.`,
    `First seen ${formatTime(report.firstSeenAt ?? 0)}, last seen ${formatTime(report.lastSeenAt ?? 0)}; ${listed("tenant", report.tenants)}; ${listed("provider", report.providers)}; found as ${report.types.join(", ")}.`,
    "",
    sightingTable(report.sightings.slice(0, sightingsShown)),
  ];
  const hidden = report.sightings.length - sightingsShown;
  if (hidden > 0) {
    lines.push(
      `… and ${plural(hidden, "earlier request", "earlier requests", formatCount)} (--json lists all).`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function sightingTable(sightings: readonly ValueSighting[]): string {
  return formatTable([
    ["TIME", "TENANT", "PROVIDER", "MODEL", "FOUND AS", "WHAT HAPPENED", "REQUEST"],
    ...sightings.map((sighting) => [
      formatTime(sighting.createdAt),
      sighting.tenant ?? "-",
      sighting.provider,
      sighting.model,
      sighting.type,
      fateLabels[sighting.fate],
      sighting.requestId,
    ]),
  ]);
}

function listed(noun: string, names: readonly string[]): string {
  return `${names.length === 1 ? noun : `${noun}s`} ${names.join(", ")}`;
}
