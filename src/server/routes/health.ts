import type { FastifyInstance } from "fastify";
import type { ChatBackend } from "../../core/chat.js";
import type { HybridRouter } from "../../router/hybrid-router.js";

/**
 * `/health`: the process is alive. `/ready`: it can take work now (model loaded, not closing),
 * with each cloud provider's circuit state; a cloud that is down does not make it unready, since
 * the local model still answers.
 */
export function registerHealth(
  app: FastifyInstance,
  options: { backend: ChatBackend; router: HybridRouter; isClosing: () => boolean },
): void {
  app.get("/health", { config: { access: "public", anyHost: true } }, () => ({ status: "ok" }));

  app.get("/ready", { config: { access: "public" } }, (_request, reply) => {
    const engine = options.backend.status();
    const ready = !options.isClosing();
    return reply.code(ready ? 200 : 503).send({
      status: ready ? "ready" : "closing",
      engine,
      providers: options.router.providerHealth(),
    });
  });
}
