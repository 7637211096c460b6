import { isValidTenantName, normalizeTenantName } from "../core/tenant-name.js";
import { ColibriError } from "../core/errors.js";
import type { TenantRepository } from "../core/records/tenancy.js";

/** A 404 naming the tenant and how to see (or create) tenants. */
export function tenantNotFound(name: string): ColibriError {
  return new ColibriError(
    `No tenant is named "${name}". Run \`colibri tenants list\` to see the tenants; one is created with its first key (colibri keys create --tenant ${tenantNameSuggestion(name)}).`,
    { code: "tenant_not_found", status: 404, type: "not_found_error", param: "tenant" },
  );
}

function tenantNameSuggestion(name: string): string {
  if (!isValidTenantName(name)) return "NAME";
  const normalized = normalizeTenantName(name);
  return normalized.includes(" ") ? `"${normalized}"` : normalized;
}

/** The id of the tenant with this name (undefined for no name); a 404 for an unknown one. */
export async function tenantIdByName(
  tenants: Pick<TenantRepository, "findByName">,
  name: string | undefined,
): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const tenant = await tenants.findByName(normalizeTenantName(name));
  if (tenant === undefined) throw tenantNotFound(name);
  return tenant.id;
}
