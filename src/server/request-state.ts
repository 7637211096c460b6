import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Served } from "../chat/metering.js";
import type { Principal } from "../tenancy/gatekeeper.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller of a /v1 route, set by the auth hook. */
    principal: Principal | null;
    served: Served | null;
  }
}

export function decorateRequestState(app: FastifyInstance): void {
  app.decorateRequest("principal", null);
  app.decorateRequest("served", null);
}

/** The caller of an authenticated route (the auth hook ran, so there is one). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new Error(`${request.url} was not authenticated.`);
  return request.principal;
}
