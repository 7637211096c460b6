import type { EgressRecord } from "../core/records/egress.js";

/** An egress record as shown to an administrator: with its tenant's name. */
export interface EgressRecordView extends EgressRecord {
  /** Null when the tenant is gone from the store. */
  tenant: string | null;
}

/** Totals over a list of egress records. */
export interface EgressSummary {
  records: number;
  sent: number;
  blocked: number;
  keptLocal: number;
  bytesSent: number;
  /** Findings per data type over all the records, e.g. { BR_CPF: 3, EMAIL: 1 }. */
  findings: Record<string, number>;
}

export function summarizeEgress(records: readonly EgressRecord[]): EgressSummary {
  const summary: EgressSummary = {
    records: records.length,
    sent: 0,
    blocked: 0,
    keptLocal: 0,
    bytesSent: 0,
    findings: {},
  };
  for (const record of records) {
    if (record.outcome === "sent") summary.sent++;
    else if (record.outcome === "blocked") summary.blocked++;
    else summary.keptLocal++;
    summary.bytesSent += record.bytesSent;
    for (const [type, count] of Object.entries(record.findings)) {
      summary.findings[type] = (summary.findings[type] ?? 0) + count;
    }
  }
  return summary;
}
