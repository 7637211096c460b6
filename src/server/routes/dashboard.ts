import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { dashboardReport } from "../../accounting/dashboard-report.js";
import { parseWhen } from "../../core/report-time.js";
import { tenantIdByName } from "../../tenancy/tenant-not-found.js";
import type { ChatBackend } from "../../core/chat.js";
import type { OfflineQueue } from "../../queue/offline-queue.js";
import type { HybridRouter } from "../../router/hybrid-router.js";
import type { Store } from "../../core/records/store.js";
import type { RolloutState } from "../../serving/model-rollout.js";
import { principalOf } from "../request-state.js";
import { grantAccess } from "../route-access.js";
import { validateBody } from "../../openai/validate-body.js";

/** The built dashboard: static files, no CDN, so it works with no internet at all. */
const uiFolder = fileURLToPath(new URL("../../../ui/", import.meta.url));

const dashboardQuery = z.object({
  since: z.string().default("7d"),
  until: z.string().optional(),
  /** Default: hours for ranges up to two days, else days. */
  bucket: z.enum(["hour", "day"]).optional(),
  /** The viewer's offset from UTC in minutes (UTC-3 is -180), so days start at local midnight. */
  tz: z.coerce.number().int().min(-840).max(840).default(0),
  tenant: z.string().optional(),
});

export interface DashboardOptions {
  store: Store;
  router: HybridRouter;
  backend: ChatBackend;
  queue: OfflineQueue | undefined;
  /** The installed local models (name, size), for the models view; default none known. */
  installedModels?: () => Promise<{ name: string; sizeBytes: number; present: boolean }[]>;
  /** The candidate model's last judgement (safe model updates); default none tried. */
  rollout?: () => RolloutState;
  now: () => number;
}

/**
 * The dashboard: its page at /ui (public: it holds no data, and asks for a key), the whole
 * picture for the admin key at GET /admin/dashboard, and one tenant's own at GET /v1/dashboard
 * with that tenant's key. Both answer the same JSON, which `curl` or the CLI can read too.
 */
export function registerDashboard(app: FastifyInstance, options: DashboardOptions): void {
  void app.register(async (ui) => {
    grantAccess(ui, "public");
    await ui.register(fastifyStatic, { root: uiFolder, prefix: "/ui/" });
  });
  // Browsers ask for /favicon.ico whatever the page says: answer with the dashboard's icon.
  app.get("/favicon.ico", { config: { access: "public" } }, async (_request, reply) =>
    reply
      .type("image/svg+xml")
      .header("cache-control", "public, max-age=86400")
      .send(await readFile(join(uiFolder, "favicon.svg"))),
  );
  for (const path of ["/", "/ui"]) {
    app.get(path, { config: { access: "public" } }, async (_request, reply) =>
      reply.redirect("/ui/"),
    );
  }

  app.get("/admin/dashboard", { config: { access: "admin" } }, async (request) => {
    const query = validateBody(dashboardQuery, request.query);
    const tenantId = await tenantIdByName(options.store.tenants, query.tenant);
    return snapshot(options, query, tenantId, { kind: "admin", tenant: query.tenant ?? null });
  });

  app.get("/v1/dashboard", { config: { access: "tenant" } }, async (request) => {
    const query = validateBody(dashboardQuery, request.query);
    const { tenant } = principalOf(request);
    return snapshot(options, query, tenant.id, { kind: "tenant", tenant: tenant.name });
  });
}

async function snapshot(
  options: DashboardOptions,
  query: z.infer<typeof dashboardQuery>,
  tenantId: string | undefined,
  viewer: { kind: "admin" | "tenant"; tenant: string | null },
) {
  const now = options.now();
  const since = parseWhen("since", query.since, now);
  const until = query.until === undefined ? now : parseWhen("until", query.until, now);
  const report = await dashboardReport(
    options.store,
    { since, until, bucket: query.bucket, offsetMinutes: query.tz, tenantId },
    now,
  );
  const { queue, router, backend } = options;
  const memory = process.memoryUsage();
  return {
    generatedAt: new Date(now).toISOString(),
    viewer,
    currency: "USD",
    ...report,
    router: router.settings(),
    providers: router.providerHealth(),
    queue:
      queue === undefined
        ? null
        : {
            ...(await queue.administration.list({
              limit: 20,
              ...(viewer.kind === "tenant" ? { tenant: viewer.tenant ?? undefined } : {}),
            })),
            links: queue.monitor.states(),
          },
    models: {
      loaded: backend.model,
      engine: backend.status(),
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      installed: viewer.kind === "admin" ? ((await options.installedModels?.()) ?? []) : [],
      // Which model serves whom, the candidate's measurements and every change of model: the
      // admin's alone (a tenant never sees what was measured on other tenants' traffic).
      updates: viewer.kind === "admin" ? await modelUpdates(options) : null,
    },
  };
}

async function modelUpdates(options: DashboardOptions) {
  const { store } = options;
  const state = options.rollout?.();
  return {
    serving: (await store.models.assignments()).filter((row) => row.role !== "retired"),
    candidate:
      state?.candidate === undefined
        ? null
        : {
            ...state.candidate,
            current: state.current ?? null,
            measured: state.measured ?? null,
            decision: state.decision ?? null,
          },
    events: await store.models.events({ limit: 10 }),
  };
}
