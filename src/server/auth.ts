import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Gatekeeper } from "../tenancy/gatekeeper.js";
import { AuthenticationError, PermissionDeniedError } from "../core/errors.js";

/**
 * Who may call what, decided from the route that matched (its `config.access`, see
 * route-access.ts), never from the URL text: `/%61dmin/keys` matches the /admin/keys route and
 * needs the admin key like it. A URL that matches no route reaches only the not-found handler.
 * Every route must declare its level: requireRouteAccess (route-access.ts) stops a server with
 * an undeclared route from starting.
 */
export function registerAuth(app: FastifyInstance, gatekeeper: Gatekeeper): void {
  app.addHook("onRequest", async (request, reply) => {
    if (request.is404) return;
    const { access } = request.routeOptions.config;
    switch (access) {
      case "public":
        return;
      case "admin-when-auth-required":
        if (gatekeeper.authRequired) await gatekeeper.authenticateAdmin(bearerToken(request));
        return;
      case "admin":
        await gatekeeper.authenticateAdmin(bearerToken(request));
        return;
      case "tenant-or-admin": {
        // e.g. the privacy scanner: it runs no model and bills nothing, so administrators may too.
        const token = bearerToken(request);
        if (token !== undefined && (await gatekeeper.isAdmin(token))) return;
        await authenticateTenant(request, reply, gatekeeper, token);
        return;
      }
      case "tenant":
        await authenticateTenant(request, reply, gatekeeper, bearerToken(request));
        return;
      case undefined:
        // requireRouteAccess stops such a server from starting; should one run anyway, deny.
        throw new PermissionDeniedError(
          `${request.method} ${request.routeOptions.url ?? request.url} declares no access level, so nobody may call it. This is a bug in Colibrí: please report it.`,
        );
    }
  });
}

async function authenticateTenant(
  request: FastifyRequest,
  reply: FastifyReply,
  gatekeeper: Gatekeeper,
  token: string | undefined,
): Promise<void> {
  const principal = await gatekeeper.authenticate(token);
  request.principal = principal;
  // The request's one log line ("request completed") is written through reply.log: tag both.
  request.log = reply.log = request.log.child({ tenant: principal.tenant.name });
}

/**
 * The key from `Authorization: Bearer <key>`, or from `x-api-key: <key>` (how Anthropic's clients
 * send it) when there is no Authorization header; undefined when there is none (no header, or
 * `Bearer` with nothing after it, as some clients send when they have no key). Anything else
 * is a mistake worth telling, whether auth is on or off.
 */
function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return apiKeyHeader(request);
  if (/^\s*(Bearer\s*)?$/i.test(header)) return undefined;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] !== undefined) return match[1];
  throw new AuthenticationError(
    "Malformed Authorization header: expected `Authorization: Bearer <key>`.",
  );
}

function apiKeyHeader(request: FastifyRequest): string | undefined {
  const header = request.headers["x-api-key"];
  if (header === undefined) return undefined;
  const key = (Array.isArray(header) ? header.join(",") : header).trim();
  if (key === "") return undefined;
  if (/\s|,/.test(key)) {
    throw new AuthenticationError(
      "Malformed x-api-key header: expected one key, `x-api-key: <key>`.",
    );
  }
  return key;
}
