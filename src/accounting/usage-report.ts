import type { UsageTotals } from "../core/records/usage.js";

/** Totals of a set of usage records, with the saving against the all-cloud cost. */
export interface UsageFigures extends Omit<UsageTotals, "tenantId" | "tenantName" | "target"> {
  savingUsd: number;
  /** Saving as a percentage of the all-cloud cost; null when that cost is zero. */
  savingPercent: number | null;
}

export interface TargetUsage extends UsageFigures {
  /** "local" or a cloud provider. */
  target: string;
}

export interface TenantUsage extends UsageFigures {
  tenantId: string;
  tenant: string;
  targets: TargetUsage[];
}

export interface UsageReport {
  since: number;
  until: number;
  referenceModel: string | null;
  tenants: TenantUsage[];
  total: UsageFigures & { targets: TargetUsage[] };
}

/**
 * A usage report from the store's per-tenant, per-target totals: spend against the all-cloud
 * cost, and the saving, per tenant and in total. Plain arithmetic.
 */
export function buildUsageReport(
  rows: readonly UsageTotals[],
  range: { since: number; until: number; referenceModel: string | null },
): UsageReport {
  const byTenant = new Map<string, UsageTotals[]>();
  for (const row of rows) byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row]);
  const tenants = [...byTenant.values()]
    .map((tenantRows): TenantUsage => {
      const first = tenantRows[0];
      return {
        tenantId: first?.tenantId ?? "",
        tenant: first?.tenantName ?? "",
        ...figures(tenantRows),
        targets: targetsOf(tenantRows),
      };
    })
    .sort((a, b) => a.tenant.localeCompare(b.tenant));
  return { ...range, tenants, total: { ...figures(rows), targets: targetsOf(rows) } };
}

function figures(rows: readonly UsageTotals[]): UsageFigures {
  const sum = (field: keyof Omit<UsageTotals, "tenantId" | "tenantName" | "target">) =>
    rows.reduce((total, row) => total + row[field], 0);
  const costUsd = sum("costUsd");
  const referenceCostUsd = sum("referenceCostUsd");
  const savingUsd = referenceCostUsd - costUsd;
  return {
    requests: sum("requests"),
    unsuccessful: sum("unsuccessful"),
    promptTokens: sum("promptTokens"),
    completionTokens: sum("completionTokens"),
    costUsd,
    referenceCostUsd,
    savingUsd,
    savingPercent: referenceCostUsd > 0 ? (savingUsd / referenceCostUsd) * 100 : null,
  };
}

/** Figures per target, "local" first and then the cloud providers by name. */
function targetsOf(rows: readonly UsageTotals[]): TargetUsage[] {
  const byTarget = new Map<string, UsageTotals[]>();
  for (const row of rows) byTarget.set(row.target, [...(byTarget.get(row.target) ?? []), row]);
  return [...byTarget.entries()]
    .map(([target, targetRows]) => ({ target, ...figures(targetRows) }))
    .sort((a, b) =>
      a.target === "local" ? -1 : b.target === "local" ? 1 : a.target.localeCompare(b.target),
    );
}
