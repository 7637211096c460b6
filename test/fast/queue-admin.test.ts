import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI, { toFile } from "openai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refusedUrl } from "../support/fake-cloud.js";
import { colibri } from "../support/run-cli.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** `colibri queue` and GET /admin/queue over the store of a server whose cloud link is down. */
const adminKey = "admin-key-0123456789abcdef";
let home: string;
let gateway: TestGateway<ScriptedBackend> | undefined;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-queue-"));
  process.env["COLIBRI_HOME"] = home;
  delete process.env["COLIBRI_DATABASE_URL"];
});

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

async function serverWithWaitingWork() {
  gateway = await startTestGateway({
    config: {
      home,
      database: `sqlite:${join(home, "colibri.db")}`,
      server: { auth: true, adminKey },
      providers: [
        {
          name: "nube",
          baseUrl: await refusedUrl(),
          models: ["gpt-4o-mini"],
          timeouts: { connectMs: 200, firstByteMs: 500, idleMs: 500, totalMs: 1000 },
          retry: { maxRetries: 0 },
          breaker: { failureThreshold: 1, openMs: 60_000 },
        },
      ],
      router: { preRouter: { enabled: false } },
      queue: { pollMs: 20, probe: { minBackoffSeconds: 0.05, maxBackoffSeconds: 0.1 } },
    },
  });
  const address = await gateway.server.listen();
  const client = new OpenAI({
    baseURL: `${address}/v1`,
    apiKey: (await gateway.administration.createKey({ tenant: "clinica" })).key,
    maxRetries: 0,
  });
  const lines = ["nube-1", "nube-2", "local-1"].map((customId) =>
    JSON.stringify({
      custom_id: customId,
      method: "POST",
      url: "/v1/chat/completions",
      body: {
        model: customId.startsWith("nube") ? "gpt-4o-mini" : "local",
        messages: [{ role: "user", content: "Resume el informe del paciente." }],
      },
    }),
  );
  const file = await client.files.create({
    file: await toFile(Buffer.from(lines.join("\n")), "lote.jsonl"),
    purpose: "batch",
  });
  const batch = await client.batches.create({
    input_file_id: file.id,
    endpoint: "/v1/chat/completions",
    completion_window: "24h",
  });
  const store = gateway.store;
  for (let tries = 0; ; tries++) {
    const waiting = await store.batches.requests({ states: ["waiting"], limit: 10 });
    const done = await store.batches.requests({ states: ["completed"], limit: 10 });
    if (waiting.length === 2 && done.length === 1) break;
    if (tries > 250) throw new Error("the cloud lines never started waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const admin = (path: string, method = "GET") =>
    fetch(`${address}${path}`, { method, headers: { authorization: `Bearer ${adminKey}` } });
  return { batch, admin, client, store };
}

describe("colibri queue", () => {
  it("lists what waits, for which provider and why; --json gives the admin API's listing", async () => {
    const { batch } = await serverWithWaitingWork();
    const listed = await colibri("queue");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("waiting for nube");
    expect(listed.stdout).toContain(batch.id);
    expect(listed.stdout).toContain("clinica");
    expect(listed.stdout).toContain("Open: 2 waiting (2 for nube), 0 pending, 0 running.");
    expect(listed.stdout).not.toContain("local-1"); // finished: shown with --all only
    expect((await colibri("queue", "--all")).stdout).toContain("local-1");

    const json = await colibri("queue", "--json", "--tenant", "clinica");
    const parsed = JSON.parse(json.stdout) as {
      entries: { customId: string; state: string; model: string }[];
    };
    expect(parsed.entries.map((entry) => [entry.customId, entry.state, entry.model])).toEqual([
      ["nube-1", "waiting", "gpt-4o-mini"],
      ["nube-2", "waiting", "gpt-4o-mini"],
    ]);
    expect(JSON.stringify(parsed)).not.toContain("Resume el informe"); // never the messages
  });

  it("cancels one request or a whole batch, and retries what waits", async () => {
    const { batch, store, client } = await serverWithWaitingWork();
    const [first] = await store.batches.requests({ states: ["waiting"], limit: 1 });
    const cancelled = await colibri("queue", "cancel", first?.id ?? "");
    expect(cancelled).toMatchObject({ code: 0, stdout: `Cancelled ${first?.id}.\n` });
    expect((await store.batches.request(first?.id ?? ""))?.state).toBe("cancelled");

    const retried = await colibri("queue", "retry", batch.id);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain("1 request goes out");

    const again = await colibri("queue", "cancel", first?.id ?? "");
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/is cancelled and cannot be cancelled/);

    const whole = await colibri("queue", "cancel", batch.id);
    expect(whole.code).toBe(0);
    for (let tries = 0; (await client.batches.retrieve(batch.id)).status !== "cancelled"; tries++) {
      if (tries > 250) throw new Error("the batch was never cancelled");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it("deletes a batch once it has ended, with its lines and files, and refuses one still running", async () => {
    const { batch, store, client, admin } = await serverWithWaitingWork();
    const running = await colibri("queue", "delete", batch.id);
    expect(running.code).toBe(1);
    expect(running.stderr).toMatch(/is in_progress; only a batch that has ended can be deleted/);
    expect((await admin(`/admin/queue/${batch.id}`, "DELETE")).status).toBe(409);

    await colibri("queue", "cancel", batch.id);
    for (let tries = 0; (await client.batches.retrieve(batch.id)).status !== "cancelled"; tries++) {
      if (tries > 250) throw new Error("the batch was never cancelled");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const deleted = await colibri("queue", "delete", batch.id);
    expect(deleted).toMatchObject({
      code: 0,
      stdout: `Deleted batch ${batch.id} with its lines and files.\n`,
    });
    expect(await store.batches.requestsOf(batch.id)).toEqual([]);
    expect((await client.files.list()).data).toEqual([]);
    const gone = await admin(`/admin/queue/${batch.id}`, "DELETE");
    expect(gone.status).toBe(404);
  });

  it("says in one line what is wrong with bad input", async () => {
    await serverWithWaitingWork();
    const unknown = await colibri("queue", "retry", "batch_req_nope");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Nothing in the queue is called "batch_req_nope"/);
    const state = await colibri("queue", "--state", "stuck");
    expect(state.code).not.toBe(0);
    expect(state.stderr).toMatch(/Unknown state "stuck"/);
    const tenant = await colibri("queue", "--tenant", "nadie");
    expect(tenant.stderr).toMatch(/No tenant is named "nadie"/);
  });
});

describe("GET /admin/queue", () => {
  it("shows the waiting work and the monitor's view of each link, and retries and cancels", async () => {
    const { admin, store } = await serverWithWaitingWork();
    const response = await admin("/admin/queue");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      open: { waiting: number; waitingFor: Record<string, number> };
      links: { provider: string; up: boolean | null; consecutiveFailures: number }[];
      entries: { id: string; reason: string }[];
    };
    expect(body.open).toMatchObject({ waiting: 2, waitingFor: { nube: 2 } });
    expect(body.links).toEqual([expect.objectContaining({ provider: "nube", up: false })]);
    expect(body.entries[0]?.reason).toMatch(/nube/);

    const [first] = await store.batches.requests({ states: ["waiting"], limit: 1 });
    const retried = await admin(`/admin/queue/${first?.id}/retry`, "POST");
    expect(await retried.json()).toEqual({ id: first?.id, retried: 1 });
    const cancelled = await admin("/admin/queue/batch_req_nope/cancel", "POST");
    expect(cancelled.status).toBe(404);
    expect(await cancelled.json()).toMatchObject({ error: { code: "queue_entry_not_found" } });
    const badState = await admin("/admin/queue?state=stuck");
    expect(badState.status).toBe(400);
    const noKey = await fetch(response.url);
    expect(noKey.status).toBe(401);
  });
});
