import { once } from "node:events";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkPort } from "../../src/cli/doctor-checks.js";
import { colibri } from "../support/run-cli.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

let home: string;
let gateway: TestGateway<ScriptedBackend> | undefined;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-cli-doctor-"));
  process.env["COLIBRI_HOME"] = home;
});
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

describe("colibri doctor", () => {
  it("says a Colibrí server listens on the configured port instead of calling it not free, and counts 1 tenant", async () => {
    gateway = await startTestGateway({ backend: new ScriptedBackend("tiny") });
    const address = await gateway.server.listen();
    const port = Number(new URL(address).port);
    await writeFile(join(home, "config.json"), JSON.stringify({ server: { port } }));
    expect((await colibri("keys", "create", "--tenant", "acme")).code).toBe(0);

    const doctor = await colibri("doctor", "--json");

    const { checks } = JSON.parse(doctor.stdout) as {
      checks: { name: string; status: string; detail: string }[];
    };
    expect(checks.find((check) => check.name === "port")).toEqual({
      name: "port",
      status: "ok",
      detail: `a Colibrí server is already listening on 127.0.0.1:${port} (${address}, serving tiny); a second \`colibri serve\` needs another --port.`,
    });
    expect(checks.find((check) => check.name === "store")?.detail).toMatch(
      /\(up to date, 1 tenant\)$/,
    );
    const text = await colibri("doctor");
    expect(text.stdout).not.toMatch(/\b1 (tenants|threads|cores|sequences|tokens)\b/);
  }, 30_000);

  it("still warns when something other than Colibrí holds the port", async () => {
    const other = createServer((socket) => socket.end("HTTP/1.1 200 OK\r\n\r\nhello"));
    other.listen(0, "127.0.0.1");
    await once(other, "listening");
    const { port } = other.address() as AddressInfo;
    try {
      const result = await checkPort("127.0.0.1", port);
      expect(result.status).toBe("warn");
      expect(result.detail).toMatch(
        new RegExp(
          `^127\\.0\\.0\\.1:${port} is not free \\(EADDRINUSE\\) and what listens there is not Colibrí`,
        ),
      );
    } finally {
      other.close();
    }
  });
});
