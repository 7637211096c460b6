import type { FastifyInstance } from "fastify";
import { ModelNotFoundError } from "../../core/errors.js";
import type { HybridRouter } from "../../router/hybrid-router.js";

/** `/v1/models`: the local model, the router's names (`auto`, `local`) and every cloud model. */
export function registerModels(
  app: FastifyInstance,
  options: {
    router: HybridRouter;
    startedAt: number;
    /** Copilots, listed as models (`copilot:<name>`) with what they are for. */
    copilots?: { id: string; description: string | undefined }[];
  },
): void {
  const created = Math.floor(options.startedAt / 1000);
  const models = [
    ...options.router.models().map(({ id, ownedBy }) => ({
      id,
      object: "model" as const,
      created,
      owned_by: ownedBy,
    })),
    ...(options.copilots ?? []).map(({ id, description }) => ({
      id,
      object: "model" as const,
      created,
      owned_by: "colibri-copilot",
      ...(description === undefined ? {} : { description }),
    })),
  ];

  app.get("/v1/models", { config: { access: "tenant" } }, () => ({ object: "list", data: models }));

  app.get<{ Params: { model: string } }>(
    "/v1/models/:model",
    { config: { access: "tenant" } },
    (request) => {
      const model = models.find((entry) => entry.id === request.params.model);
      if (!model) throw new ModelNotFoundError(request.params.model);
      return model;
    },
  );
}
