import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { createBatchSchema, type BatchService } from "../../queue/batch-service.js";
import { principalOf } from "../request-state.js";
import { validateBody } from "../../openai/validate-body.js";

const listQuery = z.object({
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * The OpenAI Batch API for the caller's tenant: create a batch from an uploaded JSONL file,
 * retrieve, list, cancel and delete it; its results are files (GET /v1/files/{id}/content).
 */
export function registerBatches(app: FastifyInstance, batches: BatchService): void {
  app.post("/v1/batches", { config: { access: "tenant" } }, async (request) =>
    batches.create(principalOf(request), validateBody(createBatchSchema, request.body ?? {})),
  );

  app.get("/v1/batches", { config: { access: "tenant" } }, async (request) => {
    const { after, limit } = validateBody(listQuery, request.query);
    return batches.list(principalOf(request).tenant.id, { after, limit });
  });

  app.get<{ Params: { id: string } }>(
    "/v1/batches/:id",
    { config: { access: "tenant" } },
    async (request) => batches.get(request.params.id, principalOf(request).tenant.id),
  );

  // Not in OpenAI's API: removes an ended batch with its lines and files (see BatchService.delete).
  app.delete<{ Params: { id: string } }>(
    "/v1/batches/:id",
    { config: { access: "tenant" } },
    async (request) => batches.delete(request.params.id, principalOf(request).tenant.id),
  );

  app.post<{ Params: { id: string } }>(
    "/v1/batches/:id/cancel",
    { config: { access: "tenant" } },
    async (request) => batches.cancel(request.params.id, principalOf(request).tenant.id),
  );
}
