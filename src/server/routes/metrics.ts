import type { FastifyInstance } from "fastify";
import type { GatewayMetrics } from "../metrics.js";

/** Prometheus scrape endpoint (admin key required when auth is on). */
export function registerMetrics(app: FastifyInstance, metrics: GatewayMetrics): void {
  app.get(
    "/metrics",
    { config: { access: "admin-when-auth-required" } },
    async (_request, reply) => {
      void reply.header("content-type", metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
