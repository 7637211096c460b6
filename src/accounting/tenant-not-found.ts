import { tenantNamePattern } from "../config/schema.js";
import { ColibriError } from "../core/errors.js";
import type { TenantRepository } from "../store/store.js";

/** A 404 naming the tenant and how to see (or create) tenants. */
export function tenantNotFound(name: string): ColibriError {
  return new ColibriError(
    `No tenant is named "${name}". Run \`colibri tenants list\` to see the tenants; one is created with its first key (colibri keys create --tenant ${tenantNameSuggestion(name)}).`,
    { code: "tenant_not_found", status: 404, type: "not_found_error", param: "tenant" },
  );
}

function tenantNameSuggestion(name: string): string {
  return tenantNamePattern.test(name) ? name : "NAME";
}

/** The id of the tenant with this name (undefined for no name); a 404 for an unknown one. */
export async function tenantIdByName(
  tenants: Pick<TenantRepository, "findByName">,
  name: string | undefined,
): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const tenant = await tenants.findByName(name);
  if (tenant === undefined) throw tenantNotFound(name);
  return tenant.id;
}
