import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Gatekeeper } from "../accounting/gatekeeper.js";
import { AuthenticationError } from "../core/errors.js";

/**
 * Who may call what: /v1 routes need a tenant key when auth is on (the key decides the tenant);
 * /admin routes always need the admin key, and so does /metrics when auth is on. The /v1/privacy
 * routes take either.
 */
export function registerAuth(app: FastifyInstance, gatekeeper: Gatekeeper): void {
  app.addHook("onRequest", async (request, reply) => {
    const path = request.url;
    if (path.startsWith("/v1/")) {
      // The privacy scanner runs no model and bills nothing: administrators may use it too.
      const token = bearerToken(request, gatekeeper);
      if (
        path.startsWith("/v1/privacy/") &&
        token !== undefined &&
        (await gatekeeper.isAdmin(token))
      ) {
        return;
      }
      const principal = await gatekeeper.authenticate(token);
      request.principal = principal;
      // The "request completed" line is written through reply.log: tag both with the tenant.
      request.log = reply.log = request.log.child({ tenant: principal.tenant.name });
    } else if (
      path.startsWith("/admin/") ||
      (gatekeeper.authRequired && (path === "/metrics" || path.startsWith("/metrics?")))
    ) {
      await gatekeeper.authenticateAdmin(bearerToken(request, gatekeeper, true));
    }
  });
}

/** The key from `Authorization: Bearer <key>`; undefined when there is none. */
function bearerToken(
  request: FastifyRequest,
  gatekeeper: Gatekeeper,
  required = gatekeeper.authRequired,
): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] !== undefined) return match[1];
  if (!required) return undefined;
  throw new AuthenticationError(
    "Malformed Authorization header: expected `Authorization: Bearer <key>`.",
  );
}
