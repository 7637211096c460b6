import type { FastifyInstance } from "fastify";
import type { ChatBackend } from "../../core/chat.js";

/** `/health`: the process is alive. `/ready`: it can take work now (model loaded, not closing). */
export function registerHealth(
  app: FastifyInstance,
  options: { backend: ChatBackend; isClosing: () => boolean },
): void {
  app.get("/health", () => ({ status: "ok" }));

  app.get("/ready", (_request, reply) => {
    const engine = options.backend.status();
    const ready = !options.isClosing();
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "closing", engine });
  });
}
