import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { temporaryPostgresSchema, testPostgresUrl } from "../../tools/bench/temporary-database.js";
import { parseConfig } from "../../src/config/load.js";
import { colibri } from "../support/run-cli.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

const adminKey = "admin-key-for-tests-0123";
let home: string;
let gateway: TestGateway<ScriptedBackend> | undefined;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-tenant-names-"));
  process.env["COLIBRI_HOME"] = home;
  delete process.env["COLIBRI_DATABASE_URL"];
});
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

interface Backend {
  name: string;
  /** A fresh store's URL and how to drop it. */
  open(): Promise<{ url: string; remove(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: "SQLite",
    // The SQLite file in the fresh $COLIBRI_HOME; the home goes with the test.
    open: () =>
      Promise.resolve({
        url: `sqlite:${join(home, "colibri.db")}`,
        remove: () => Promise.resolve(),
      }),
  },
  {
    name: "PostgreSQL",
    open: () => temporaryPostgresSchema(testPostgresUrl(), "colibri_tenant_names"),
  },
];

describe.each(backends)("tenant names with accents and spaces on $name", (backend) => {
  it('"clínica sur" and "São Paulo" get keys, call /v1, and are listed by name', async () => {
    const database = await backend.open();
    try {
      const created = await colibri(
        "keys",
        "create",
        "--tenant",
        "clínica sur",
        "--database",
        database.url,
      );
      expect(created.code, created.stderr).toBe(0);
      expect(created.stderr).toContain('Created key for tenant "clínica sur"');
      const clinicKey = created.stdout.trim();

      gateway = await startTestGateway({
        config: { database: database.url, server: { auth: true, adminKey } },
      });
      // Over the admin API, written as a keyboard may send it: decomposed "ã", extra spaces.
      const viaAdmin = await gateway.app.inject({
        method: "POST",
        url: "/admin/keys",
        payload: { tenant: "  Sa\u0303o   Paulo " },
        headers: { authorization: `Bearer ${adminKey}` },
      });
      expect(viaAdmin.statusCode, viaAdmin.body).toBe(201);
      const saoPauloKey = viaAdmin.json<{ key: string }>().key;
      expect(viaAdmin.json<{ tenant: { name: string } }>().tenant.name).toBe("São Paulo");
      const limited = await gateway.app.inject({
        method: "PATCH",
        url: `/admin/tenants/${encodeURIComponent("São Paulo")}`,
        payload: { budgetUsdMonth: 50 },
        headers: { authorization: `Bearer ${adminKey}` },
      });
      expect(limited.statusCode, limited.body).toBe(200);

      for (const key of [clinicKey, saoPauloKey]) {
        const answer = await gateway.app.inject({
          method: "POST",
          url: "/v1/chat/completions",
          payload: { model: "local", messages: [{ role: "user", content: "Olá" }] },
          headers: { authorization: `Bearer ${key}` },
        });
        expect(answer.statusCode, answer.body).toBe(200);
      }

      const listed = await colibri("tenants", "list", "--database", database.url);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(/^clínica sur +1 +none/m);
      expect(listed.stdout).toMatch(/^São Paulo +1 +\$50\.00\/month/m);
      const usage = JSON.parse(
        (await colibri("usage", "--tenant", "São Paulo", "--json", "--database", database.url))
          .stdout,
      ) as { total: { requests: number } };
      expect(usage.total.requests).toBe(1);
      const shown = await colibri("tenants", "show", "clínica sur", "--database", database.url);
      expect(shown.code, shown.stderr).toBe(0);
    } finally {
      await gateway?.close();
      gateway = undefined;
      await database.remove();
    }
  });
});

describe("tenant name rule", () => {
  it("accepts accented names in the config and rejects what is not a name, in one line", async () => {
    const config = parseConfig({
      home,
      limits: { defaultTenant: "clínica sur" },
      privacy: { tenants: { "São Paulo": {} } },
      router: {
        rules: [{ name: "clinic-local", when: { tenant: "clínica sur" }, route: "local" }],
      },
    });
    expect(config.limits.defaultTenant).toBe("clínica sur");
    expect(Object.keys(config.privacy.tenants)).toEqual(["São Paulo"]);
    expect(() => parseConfig({ home, limits: { defaultTenant: "a/b" } })).toThrow(
      /limits\.defaultTenant: Invalid tenant name: use letters \(accents included\), digits, spaces/,
    );

    for (const bad of ["-acme", "acme/corp", "x".repeat(65), "emoji 🙂"]) {
      const result = await colibri("keys", "create", "--tenant", bad);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^colibri: Invalid tenant name/);
    }
  });
});
