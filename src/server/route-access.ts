import type { FastifyInstance, RouteOptions } from "fastify";

/**
 * Who may call a route. Every route declares one in its config (`config: { access: "tenant" }`);
 * the auth hook reads it from the route that matched, never from the URL text.
 * - `public`: anyone; keys are not looked at.
 * - `tenant`: a tenant key (with auth off, no key counts as the default tenant).
 * - `tenant-or-admin`: a tenant key as for `tenant`, or the admin key.
 * - `admin`: the admin key, whether auth is on or off.
 * - `admin-when-auth-required`: the admin key when auth is on; public when it is off (/metrics).
 */
export const routeAccessLevels = [
  "public",
  "tenant",
  "tenant-or-admin",
  "admin",
  "admin-when-auth-required",
] as const;

export type RouteAccess = (typeof routeAccessLevels)[number];

declare module "fastify" {
  interface FastifyContextConfig {
    /** Who may call this route; a route without it is closed to everyone. */
    access?: RouteAccess;
    /** Answer whatever Host the request names (see host-check.ts); default false. */
    anyHost?: boolean;
  }
}

/** A registered route and who may call it, as `routes()` on the server lists them. */
export interface RouteSummary {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/**
 * Keeps the table of every route registered after it (call it before any route), and fails
 * closed at start-up: a route without an access level makes `ready()` (and so `listen()` and
 * every test) fail, naming the route. Checked on ready rather than in `onRoute`, so that a
 * plugin's routes can get their level from `grantAccess` in the plugin's own context.
 */
export function requireRouteAccess(app: FastifyInstance): () => RouteSummary[] {
  const routes: RouteOptions[] = [];
  app.addHook("onRoute", (route) => {
    routes.push(route);
  });
  const table = () =>
    routes.flatMap(({ method, url, config }) =>
      [method].flat().map((one) => ({
        method: one,
        url,
        access: isRouteAccess(config?.access) ? config.access : undefined,
      })),
    );
  app.addHook("onReady", (done) => {
    const undeclared = table().filter(({ access }) => access === undefined);
    if (undeclared.length === 0) {
      done();
      return;
    }
    const names = undeclared.map(({ method, url }) => `${method} ${url}`).join(", ");
    const error = new Error(
      `Routes without an access level: ${names}. Declare one in the route options, e.g. { config: { access: "tenant" } } (levels: ${routeAccessLevels.join(", ")}).`,
    );
    done(error);
  });
  return table;
}

/**
 * Gives every route registered in this plugin context the access level `access`, for plugins
 * whose routes take no config of ours (@fastify/static). Call it inside an encapsulated plugin.
 */
export function grantAccess(context: FastifyInstance, access: RouteAccess): void {
  context.addHook("onRoute", (route) => {
    route.config = { ...route.config, access };
  });
}

export function isRouteAccess(value: unknown): value is RouteAccess {
  return routeAccessLevels.some((level) => level === value);
}
