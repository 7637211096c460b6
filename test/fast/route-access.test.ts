import { afterEach, describe, expect, it } from "vitest";
import type { RouteSummary } from "../../src/server/route-access.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * Who may call what, tried on every registered route with every kind of key and with the path
 * spelled the ways that have fooled URL-prefix checks before. The policy below is written out
 * here, independently of the routes' own declarations: a route it does not know fails the test.
 */
type Policy = "public" | "tenant" | "tenant-or-admin" | "admin" | "admin-when-auth-required";

function policyOf(url: string): Policy | undefined {
  if (["/", "/health", "/ready", "/ui", "/favicon.ico"].includes(url) || url.startsWith("/ui/")) {
    return "public";
  }
  if (url === "/metrics") return "admin-when-auth-required";
  if (url === "/v1/privacy/scan") return "tenant-or-admin";
  if (url.startsWith("/v1/")) return "tenant";
  if (url.startsWith("/admin/")) return "admin";
  return undefined;
}

type Caller = "none" | "placeholder" | "unknown" | "revoked" | "tenant" | "admin" | "revokedAdmin";
const callers: readonly Caller[] = [
  "none",
  "placeholder",
  "unknown",
  "revoked",
  "tenant",
  "admin",
  "revokedAdmin",
];

function allowed(policy: Policy, caller: Caller, authRequired: boolean): boolean {
  const tenant =
    caller === "tenant" || (!authRequired && (caller === "none" || caller === "placeholder"));
  switch (policy) {
    case "public":
      return true;
    case "tenant":
      return tenant;
    case "tenant-or-admin":
      return tenant || caller === "admin";
    case "admin":
      return caller === "admin";
    case "admin-when-auth-required":
      return !authRequired || caller === "admin";
  }
}

/** The path as a client might spell it to slip past a check on the URL's text. */
function spellings(path: string): string[] {
  const encodeLetter = (text: string, at: number) =>
    at >= text.length
      ? text
      : `${text.slice(0, at)}%${text.charCodeAt(at).toString(16)}${text.slice(at + 1)}`;
  const lastSlash = path.lastIndexOf("/");
  const variants = [
    path,
    encodeLetter(path, 1), // /%61dmin/keys, /%6detrics, /%761/models
    encodeLetter(path, path.length - 1),
    `/${path}`,
    path.replace(/\/([^/]*)$/, "//$1"),
    `/v1/..${path}`,
    `/admin/..${path}`,
    `${path}.`,
    `${path}/`,
    path.toUpperCase(),
    `${path}%zz`, // not valid percent-encoding at all
    path.slice(0, lastSlash + 1) +
      (path.at(lastSlash + 1)?.toUpperCase() ?? "") +
      path.slice(lastSlash + 2),
  ];
  return [...new Set(variants)];
}

const adminKey = "admin-key-for-route-tests-0123";
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function gatewayWithKeys(auth: boolean) {
  const started = await startTestGateway({ config: { server: { auth, adminKey } } });
  gateways.push(started);
  const { administration } = started;
  const tenant = await administration.createKey({ tenant: "acme" });
  const revoked = await administration.createKey({ tenant: "acme" });
  await administration.revokeKey(revoked.record.id);
  const revokedAdmin = await administration.createKey({ kind: "admin" });
  await administration.revokeKey(revokedAdmin.record.id);
  const keys: Record<Caller, string | undefined> = {
    none: undefined,
    placeholder: "local",
    unknown: "sk-col-this-key-was-never-issued",
    revoked: revoked.key,
    tenant: tenant.key,
    admin: adminKey,
    revokedAdmin: revokedAdmin.key,
  };
  // Which route's handler each request reached, if any: the matched route, not the URL text.
  const reached = new Map<string, string>();
  started.app.addHook("preHandler", (request, _reply, done) => {
    // The not-found handler runs hooks too; only a matched route's handler counts.
    if (!request.is404) reached.set(request.id, `${request.method} ${request.routeOptions.url}`);
    done();
  });
  return { started, keys, reached };
}

/** A concrete URL for a route pattern: parameters and wildcards filled in. */
function concrete(url: string): string {
  return url.replace(/:\w+/g, "x").replace(/\*$/, "index.html");
}

describe.each([true, false])("route access with auth %s", (authRequired) => {
  it("lets every route be reached only by the callers its access level names, however the path is spelled", async () => {
    const { started, keys, reached } = await gatewayWithKeys(authRequired);
    await started.app.ready();
    const routes: RouteSummary[] = started.server.routes();

    const expected = [
      "GET /v1/models",
      "POST /admin/keys",
      "PATCH /admin/tenants/:name",
      "GET /admin/audit",
      "POST /admin/audit/check",
      "GET /metrics",
      "POST /v1/privacy/scan",
      "GET /v1/dashboard",
      "GET /admin/dashboard",
      "POST /v1/files",
      "POST /v1/batches",
      "GET /admin/queue",
      "GET /ui/*",
    ];
    const registered = routes.map(({ method, url }) => `${method} ${url}`);
    expect(registered).toEqual(expect.arrayContaining(expected));
    for (const route of routes) {
      expect(policyOf(route.url), `${route.method} ${route.url} has no policy here`).toBeDefined();
      expect(route.access, `${route.method} ${route.url}`).toBe(policyOf(route.url));
    }

    const breaches: string[] = [];
    for (const route of routes) {
      for (const path of spellings(concrete(route.url))) {
        for (const caller of callers) {
          const key = keys[caller];
          const response = await started.app.inject({
            method: route.method as "GET",
            url: path,
            headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
            ...(route.method === "GET" || route.method === "HEAD" ? {} : { payload: {} }),
          });
          const requestId = String(response.headers["x-request-id"]);
          const matched = reached.get(requestId);
          const matchedUrl = matched?.slice(matched.indexOf(" ") + 1);
          const policy = matchedUrl === undefined ? undefined : policyOf(matchedUrl);
          const what = `${route.method} ${path} as ${caller} → ${response.statusCode}`;
          if (matchedUrl !== undefined && !allowed(policy ?? "admin", caller, authRequired)) {
            breaches.push(`${what}: reached ${matched}`);
          }
          if (path === concrete(route.url)) {
            const mayCall = allowed(policyOf(route.url) ?? "admin", caller, authRequired);
            const refused = [401, 403].includes(response.statusCode);
            if (mayCall === refused)
              breaches.push(`${what}: ${refused ? "refused" : "not refused"}`);
            if (mayCall && route.method === "GET" && matchedUrl === undefined) {
              breaches.push(`${what}: never reached its handler`);
            }
          }
          if (response.statusCode >= 400 && response.body !== "") {
            expect(response.json(), what).toHaveProperty("error.message");
          }
        }
      }
    }
    expect(breaches).toEqual([]);
  });
});

describe("minting an admin key through an encoded path", () => {
  it("is refused without a key, auth on or off", async () => {
    for (const auth of [true, false]) {
      const { started } = await gatewayWithKeys(auth);
      const response = await started.app.inject({
        method: "POST",
        url: "/%61dmin/keys",
        payload: { kind: "admin", name: "x" },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.type).toBe("authentication_error");
    }
  });
});

describe("a route that declares no access level", () => {
  it("stops the server from starting, naming the route", async () => {
    const started = await startTestGateway();
    gateways.push(started);
    started.app.get("/v1/forgotten", () => ({ secret: true }));
    await expect(started.app.ready()).rejects.toThrow(
      'Routes without an access level: GET /v1/forgotten, HEAD /v1/forgotten. Declare one in the route options, e.g. { config: { access: "tenant" } }',
    );
  });
});
