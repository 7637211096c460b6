import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** A DNS-rebinding page reaches 127.0.0.1 under its own name: the Host header gives it away. */
const adminKey = "admin-key-for-host-tests-0123";
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function gateway(server: Record<string, unknown> = {}) {
  const started = await startTestGateway({ config: { server: { adminKey, ...server } } });
  gateways.push(started);
  return started;
}

function request(started: TestGateway<ScriptedBackend>, url: string, host: string) {
  return started.app.inject({
    method: "GET",
    url,
    // The admin key where it is needed; /v1 with no key, as auth is off on loopback.
    headers: url.startsWith("/admin/") ? { host, authorization: `Bearer ${adminKey}` } : { host },
  });
}

describe("the Host allow-list", () => {
  it("refuses a foreign Host on the admin API, the dashboard and keyless /v1, naming the setting", async () => {
    const started = await gateway();
    for (const url of ["/admin/tenants", "/ui/", "/v1/models", "/ready", "/metrics", "/nowhere"]) {
      const response = await request(started, url, "rebind.evil.example:8080");
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error).toMatchObject({
        type: "permission_error",
        code: "permission_denied",
      });
      expect(response.json().error.message).toContain('host "rebind.evil.example:8080"');
      expect(response.json().error.message).toContain("server.allowedHosts");
    }
  });

  it("answers loopback names with any port, and /health for any host", async () => {
    const started = await gateway();
    for (const host of ["localhost:8080", "127.0.0.1", "[::1]:8080", "LOCALHOST"]) {
      expect((await request(started, "/admin/tenants", host)).statusCode, host).toBe(200);
    }
    expect((await request(started, "/health", "rebind.evil.example")).statusCode).toBe(200);
  });

  it('answers the names in server.allowedHosts, and any with "*"', async () => {
    const named = await gateway({ allowedHosts: ["gateway.example.com"] });
    expect((await request(named, "/v1/models", "gateway.example.com:443")).statusCode).toBe(200);
    expect((await request(named, "/v1/models", "other.example.com")).statusCode).toBe(403);
    const any = await gateway({ allowedHosts: ["*"] });
    expect((await request(any, "/v1/models", "other.example.com")).statusCode).toBe(200);
  });

  it("reads COLIBRI_ALLOWED_HOSTS as a comma-separated list", async () => {
    const config = await loadConfig({
      env: {
        COLIBRI_HOME: "/tmp/colibri-host-test-none",
        COLIBRI_ALLOWED_HOSTS: " a.example , b.example,",
      },
    });
    expect(config.server.allowedHosts).toEqual(["a.example", "b.example"]);
  });
});
