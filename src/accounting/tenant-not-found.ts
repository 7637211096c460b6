import { tenantNamePattern } from "../config/schema.js";
import { ColibriError } from "../core/errors.js";

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
