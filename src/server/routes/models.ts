import type { FastifyInstance } from "fastify";
import type { ChatBackend } from "../../core/chat.js";
import { ModelNotFoundError } from "../../core/errors.js";
import { localAliases } from "../model-aliases.js";

export function registerModels(
  app: FastifyInstance,
  options: { backend: ChatBackend; startedAt: number },
): void {
  const created = Math.floor(options.startedAt / 1000);
  const models = [options.backend.model, ...localAliases].map((id) => ({
    id,
    object: "model" as const,
    created,
    owned_by: "colibri",
  }));

  app.get("/v1/models", () => ({ object: "list", data: models }));

  app.get<{ Params: { model: string } }>("/v1/models/:model", (request) => {
    const model = models.find((entry) => entry.id === request.params.model);
    if (!model) throw new ModelNotFoundError(request.params.model);
    return model;
  });
}
