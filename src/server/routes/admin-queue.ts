import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { queueStates } from "../../queue/queue-administration.js";
import type { OfflineQueue } from "../../queue/offline-queue.js";
import { validateBody } from "../../openai/validate-body.js";

const queueQuery = z.object({
  /** Comma-separated states; default the open ones. */
  state: z
    .string()
    .transform((value) => value.split(",").map((state) => state.trim()))
    .pipe(z.array(z.enum(queueStates as [string, ...string[]])))
    .optional(),
  tenant: z.string().optional(),
  batch: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

/**
 * The queue for operators (admin key, checked in auth.ts), as `colibri queue` shows it: what
 * waits and why, the connectivity monitor's view of each link, and retry / cancel / delete.
 */
export function registerAdminQueue(app: FastifyInstance, queue: OfflineQueue): void {
  const { administration } = queue;

  app.get("/admin/queue", { config: { access: "admin" } }, async (request) => {
    const query = validateBody(queueQuery, request.query);
    const listing = await administration.list({
      states: query.state as (typeof queueStates)[number][] | undefined,
      tenant: query.tenant,
      batchId: query.batch,
      limit: query.limit,
    });
    return { ...listing, links: queue.monitor.states(), active: queue.worker.active };
  });

  app.post<{ Params: { id: string } }>(
    "/admin/queue/:id/retry",
    { config: { access: "admin" } },
    async (request) => ({
      id: request.params.id,
      retried: await administration.retry(request.params.id),
    }),
  );

  app.delete<{ Params: { id: string } }>(
    "/admin/queue/:id",
    { config: { access: "admin" } },
    async (request) => {
      await administration.delete(request.params.id);
      return { id: request.params.id, object: "batch", deleted: true };
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/queue/:id/cancel",
    { config: { access: "admin" } },
    async (request) => {
      const { cancelled, batch } = await administration.cancel(request.params.id);
      return { id: request.params.id, cancelled, ...(batch === undefined ? {} : { batch }) };
    },
  );
}
