import type { FastifyInstance } from "fastify";
import { PermissionDeniedError } from "../core/errors.js";
import { hostNameOf } from "./allowed-hosts.js";

/**
 * Answers only requests whose Host names this server (see allowed-hosts.ts). A web page on
 * evil.example can make its own name resolve to 127.0.0.1 (DNS rebinding) and then call this
 * gateway from the victim's browser as same-origin; the browser still sends `Host: evil.example`,
 * which is what this check refuses. It runs before auth on every route, matched or not, because
 * with auth off /v1 needs no key and the dashboard page is public. The one exception is /health
 * (`anyHost` in its route config): probes from load balancers and orchestrators often name the
 * server by an address or service name it cannot know, and the answer holds nothing but "ok".
 */
export function registerHostCheck(
  app: FastifyInstance,
  allowed: ReadonlySet<string> | "any",
): void {
  if (allowed === "any") return;
  app.addHook("onRequest", (request, _reply, done) => {
    const header = request.headers.host ?? "";
    if (request.routeOptions.config.anyHost === true || allowed.has(hostNameOf(header))) {
      done();
      return;
    }
    const error = new PermissionDeniedError(
      `This gateway does not answer requests for host "${header}" (it answers ${[...allowed].join(", ")}). If you reach it under that name on purpose, add it to server.allowedHosts in the config (or COLIBRI_ALLOWED_HOSTS, comma-separated), or "*" to answer any host.`,
    );
    done(error);
  });
}
