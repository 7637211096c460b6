import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { DataRemoval } from "../../retention/data-removal.js";
import { validateBody } from "../../openai/validate-body.js";

const purgeQuery = z
  .object({
    /** "true": delete the tenant and its API keys too (default: they stay, with no data). */
    delete_tenant: z.enum(["true", "false"]).default("false"),
  })
  .strict();

/**
 * DELETE /admin/tenants/{name}/data: what `colibri purge --tenant NAME --yes` does — remove
 * everything stored for the tenant's requests and answer what went, per table.
 */
export function registerAdminTenantData(app: FastifyInstance, removal: DataRemoval): void {
  app.delete<{ Params: { name: string } }>(
    "/admin/tenants/:name/data",
    { config: { access: "admin" } },
    async (request) => {
      const { delete_tenant: deleteTenant } = validateBody(purgeQuery, request.query);
      const purge = await removal.purgeTenant(request.params.name, {
        account: deleteTenant === "true",
      });
      return { object: "tenant.data.deleted", ...purge };
    },
  );
}
