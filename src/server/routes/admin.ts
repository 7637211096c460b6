import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Administration } from "../../tenancy/administration.js";
import type { EgressAudit } from "../../privacy/egress-audit.js";
import { parseWhen } from "../../core/report-time.js";
import { validateBody } from "../../openai/validate-body.js";

const usd = z.number().positive();
const perMinute = z.number().int().min(1);

const createKeyBody = z
  .object({
    tenant: z.string().optional(),
    name: z.string().max(200).optional(),
    kind: z.enum(["tenant", "admin"]).optional(),
    budgetUsdMonth: usd.optional(),
    budgetUsdDay: usd.optional(),
    requestsPerMinute: perMinute.optional(),
    tokensPerMinute: perMinute.optional(),
  })
  .strict();

/** null removes a limit; an absent field leaves it as it is. */
const tenantChangesBody = z
  .object({
    budgetUsdMonth: usd.nullable().optional(),
    budgetUsdDay: usd.nullable().optional(),
    requestsPerMinute: perMinute.nullable().optional(),
    tokensPerMinute: perMinute.nullable().optional(),
    /** The tenant's consent to keep its escalated requests, masked, as training pairs. */
    keepTrainingPairs: z.boolean().optional(),
  })
  .strict();

const keysQuery = z.object({
  tenant: z.string().optional(),
  includeRevoked: z.enum(["true", "false"]).optional(),
});

const usageQuery = z.object({
  since: z.string().default("30d"),
  until: z.string().optional(),
  tenant: z.string().optional(),
});

const auditQuery = z.object({
  since: z.string().default("24h"),
  until: z.string().optional(),
  tenant: z.string().optional(),
  limit: z
    .string()
    .regex(/^\d+$/, "expected a whole number of records")
    .transform(Number)
    .optional(),
});

/** The value is hashed and forgotten; it is never logged or stored. */
const auditCheckBody = z
  .object({ value: z.string().min(1).max(500), tenant: z.string().optional() })
  .strict();

/**
 * The admin API (admin key required, checked in auth.ts): what `colibri keys`, `colibri tenants`,
 * `colibri usage` and `colibri audit` do, over HTTP, with the same Administration and EgressAudit
 * operations and JSON shapes.
 */
export function registerAdmin(
  app: FastifyInstance,
  options: { administration: Administration; egressAudit: EgressAudit; now: () => number },
): void {
  const { administration, egressAudit } = options;

  app.get("/admin/tenants", { config: { access: "admin" } }, async () => ({
    object: "list",
    data: await administration.listTenants(),
  }));
  app.get<{ Params: { name: string } }>(
    "/admin/tenants/:name",
    { config: { access: "admin" } },
    async (request) => administration.showTenant(request.params.name),
  );
  app.patch<{ Params: { name: string } }>(
    "/admin/tenants/:name",
    { config: { access: "admin" } },
    async (request) => {
      const body = validateBody(tenantChangesBody, request.body);
      return administration.setTenant(request.params.name, withoutUndefined(body));
    },
  );

  app.get("/admin/keys", { config: { access: "admin" } }, async (request) => {
    const query = validateBody(keysQuery, request.query);
    const data = await administration.listKeys({
      tenant: query.tenant,
      includeRevoked: query.includeRevoked === "true",
    });
    return { object: "list", data };
  });
  app.post("/admin/keys", { config: { access: "admin" } }, async (request, reply) => {
    const { tenant, name, kind, ...limits } = validateBody(createKeyBody, request.body);
    const created = await administration.createKey({
      tenant,
      name,
      kind,
      limits: withoutUndefined(limits),
    });
    return reply.code(201).send(created);
  });
  app.delete<{ Params: { key: string } }>(
    "/admin/keys/:key",
    { config: { access: "admin" } },
    async (request) => administration.revokeKey(request.params.key),
  );

  app.get("/admin/usage", { config: { access: "admin" } }, async (request) => {
    const query = validateBody(usageQuery, request.query);
    const now = options.now();
    return administration.usageReport({
      since: parseWhen("since", query.since, now),
      until: query.until === undefined ? undefined : parseWhen("until", query.until, now),
      tenant: query.tenant,
    });
  });

  app.get("/admin/audit", { config: { access: "admin" } }, async (request) => {
    const query = validateBody(auditQuery, request.query);
    const now = options.now();
    const data = await egressAudit.list({
      since: parseWhen("since", query.since, now),
      until: query.until === undefined ? undefined : parseWhen("until", query.until, now),
      tenant: query.tenant,
      limit: query.limit,
    });
    return { object: "list", data };
  });
  app.post("/admin/audit/check", { config: { access: "admin" } }, async (request) => {
    const body = validateBody(auditCheckBody, request.body);
    return egressAudit.check({ value: body.value, tenant: body.tenant });
  });
}

/** Absent fields dropped (zod gives them as undefined), so they leave limits unchanged. */
function withoutUndefined<T extends object>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
