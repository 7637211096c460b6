import OpenAI, { toFile } from "openai";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { sweepRetention } from "../../src/retention/retention-sweep.js";
import { refusedUrl } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * Deleting what is kept about requests (issue 16, section 4): a file takes with it what batches
 * hold of it, a batch can be deleted, a tenant's data purged, and what is older than the
 * retention periods swept. Over a real store, with the `openai` client.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

const adminKey = "admin-key-0123456789abcdef";
const day = 86_400_000;

/** A gateway whose only cloud provider refuses connections: cloud lines wait, local ones run. */
async function start() {
  const gateway = await startTestGateway({
    config: {
      server: { auth: true, adminKey },
      providers: [
        {
          name: "nube",
          baseUrl: await refusedUrl(),
          models: ["gpt-4o-mini"],
          timeouts: { connectMs: 200, firstByteMs: 1000, idleMs: 1000, totalMs: 2000 },
          retry: { maxRetries: 0 },
          breaker: { failureThreshold: 1, openMs: 100 },
        },
      ],
      router: { preRouter: { enabled: false } },
      queue: {
        pollMs: 20,
        leaseSeconds: 2,
        ratePerMinute: 60_000,
        probe: { intervalSeconds: 0.2, minBackoffSeconds: 0.05, maxBackoffSeconds: 0.2 },
      },
    },
  });
  gateways.push(gateway);
  const address = await gateway.server.listen();
  const clientOf = async (tenant: string) =>
    new OpenAI({
      baseURL: `${address}/v1`,
      apiKey: (await gateway.administration.createKey({ tenant })).key,
      maxRetries: 0,
    });
  const call = async (method: string, path: string, key: string | null) => {
    const response = await fetch(`${address}${path}`, {
      method,
      headers: { authorization: `Bearer ${key ?? ""}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { gateway, clientOf, call };
}

function line(customId: string, model: string, content: string) {
  return JSON.stringify({
    custom_id: customId,
    method: "POST",
    url: "/v1/chat/completions",
    body: { model, messages: [{ role: "user", content }], max_tokens: 16 },
  });
}

async function submit(client: OpenAI, lines: string[]) {
  const file = await client.files.create({
    file: await toFile(Buffer.from(`${lines.join("\n")}\n`), "lote.jsonl"),
    purpose: "batch",
  });
  return client.batches.create({
    input_file_id: file.id,
    endpoint: "/v1/chat/completions",
    completion_window: "24h",
  });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Not done after ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const prompt = "Resume la historia clínica de Juan Pérez, CPF 123.456.789-09";

/** A finished batch with one answered line and one failed line, and its three files. */
async function finishedBatch(client: OpenAI) {
  const batch = await submit(client, [
    line("respondida", "local", prompt),
    line("fallida", "no-existe", prompt),
  ]);
  return until(
    () => client.batches.retrieve(batch.id),
    (current) => current.status === "completed",
  );
}

describe("deleting a file deletes what was derived from it", () => {
  it("blanks a finished batch's prompts with its input file, its answers with its output and error files, keeping counts and status", async () => {
    const { gateway, clientOf } = await start();
    const client = await clientOf("clinica");
    const done = await finishedBatch(client);
    const linesOf = () => gateway.store.batches.requestsOf(done.id);
    expect((await linesOf()).every((entry) => entry.body.includes("Juan Pérez"))).toBe(true);

    await client.files.delete(done.input_file_id);
    expect((await linesOf()).map(({ body, state }) => ({ body, state }))).toEqual([
      { body: "", state: "completed" },
      { body: "", state: "failed" },
    ]);
    expect((await linesOf()).every((entry) => entry.result !== null)).toBe(true);

    await client.files.delete(done.output_file_id ?? "none");
    expect((await linesOf()).map(({ result }) => result === null)).toEqual([true, false]);
    await client.files.delete(done.error_file_id ?? "none");
    expect((await linesOf()).map(({ result }) => result)).toEqual([null, null]);

    const after = await client.batches.retrieve(done.id);
    expect(after.status).toBe("completed");
    expect(after.request_counts).toEqual({ total: 2, completed: 1, failed: 1 });
  });

  it("refuses (409) to delete the input of a batch still running, and deletes it once the batch is cancelled", async () => {
    const { clientOf } = await start();
    const client = await clientOf("clinica");
    const batch = await submit(client, [line("nube", "gpt-4o-mini", prompt)]);
    const refused = await client.files.delete(batch.input_file_id).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 409, code: "file_in_use" });
    expect((refused as Error).message).toMatch(
      new RegExp(`batch ${batch.id}, which is in_progress.*POST /v1/batches/${batch.id}/cancel`),
    );
    expect(await client.files.retrieve(batch.input_file_id)).toMatchObject({
      id: batch.input_file_id,
    });

    await client.batches.cancel(batch.id);
    await until(
      () => client.batches.retrieve(batch.id),
      (current) => current.status === "cancelled",
    );
    expect(await client.files.delete(batch.input_file_id)).toMatchObject({ deleted: true });
  });
});

describe("DELETE /v1/batches/{id}", () => {
  it("deletes a finished batch with its lines and files; another tenant's is a 404, a running one a 409", async () => {
    const { gateway, clientOf, call } = await start();
    const client = await clientOf("clinica");
    const other = await clientOf("escuela");
    const done = await finishedBatch(client);
    const running = await submit(client, [line("nube", "gpt-4o-mini", prompt)]);

    expect(await call("DELETE", `/v1/batches/${done.id}`, other.apiKey)).toMatchObject({
      status: 404,
      body: { error: { code: "batch_not_found" } },
    });
    expect(await call("DELETE", `/v1/batches/${running.id}`, client.apiKey)).toMatchObject({
      status: 409,
      body: { error: { code: "batch_not_finished" } },
    });

    expect(await call("DELETE", `/v1/batches/${done.id}`, client.apiKey)).toEqual({
      status: 200,
      body: { id: done.id, object: "batch", deleted: true },
    });
    await expect(client.batches.retrieve(done.id)).rejects.toMatchObject({ status: 404 });
    expect(await gateway.store.batches.requestsOf(done.id)).toEqual([]);
    // Its three files went with it; the running batch's input stays.
    expect((await client.files.list()).data.map((file) => file.id)).toEqual([
      running.input_file_id,
    ]);
    expect((await client.batches.list()).data.map((batch) => batch.id)).toEqual([running.id]);
  });
});

describe("DELETE /admin/tenants/{name}/data", () => {
  it("removes everything kept for one tenant's requests and says what, per table; other tenants keep theirs", async () => {
    const { gateway, clientOf, call } = await start();
    const client = await clientOf("clinica");
    const other = await clientOf("escuela");
    await finishedBatch(client);
    await finishedBatch(other);
    await client.chat.completions.create({
      model: "local",
      messages: [{ role: "user", content: prompt }],
    });
    // A training pair each, as kept with consent (the cloud here refuses connections).
    for (const name of ["clinica", "escuela"]) {
      const tenant = await gateway.store.tenants.findByName(name);
      await gateway.store.trainingPairs.record({
        id: randomUUID(),
        tenantId: tenant?.id ?? "",
        responseId: null,
        createdAt: Date.now(),
        provider: "nube",
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "¿Qué trámite necesita <CPF_1_k3f9q2>?" }],
        answer: "El formulario 12.",
        finishReason: "stop",
      });
    }

    expect(await call("DELETE", "/admin/tenants/clinica/data", client.apiKey)).toMatchObject({
      status: 403,
    });
    const purged = await call("DELETE", "/admin/tenants/clinica/data", adminKey);
    expect(purged.status).toBe(200);
    expect(purged.body).toMatchObject({
      object: "tenant.data.deleted",
      tenant: "clinica",
      account: false,
      removed: {
        files: 3,
        batches: 1,
        batch_requests: 2,
        // The answered batch line and the chat request.
        usage_records: 2,
        training_pairs: 1,
      },
    });
    expect(purged.body["removed"]).not.toHaveProperty("tenants");
    // The key still works, and finds nothing.
    expect((await client.files.list()).data).toEqual([]);
    expect((await client.batches.list()).data).toEqual([]);
    const clinica = await gateway.store.tenants.findByName("clinica");
    expect(
      await gateway.store.usage.list({ since: 0, limit: 10, tenantId: clinica?.id ?? "" }),
    ).toEqual([]);
    expect((await other.files.list()).data).toHaveLength(3);
    expect((await other.batches.list()).data).toHaveLength(1);
    const escuela = await gateway.store.tenants.findByName("escuela");
    expect(
      await gateway.store.trainingPairs.page({ tenantId: escuela?.id ?? "", limit: 10 }),
    ).toHaveLength(1);

    expect(
      await call("DELETE", "/admin/tenants/clinica/data?delete_tenant=true", adminKey),
    ).toMatchObject({ status: 200, body: { account: true, removed: { tenants: 1, api_keys: 1 } } });
    await expect(client.files.list()).rejects.toMatchObject({ status: 401 });
    expect(await call("DELETE", "/admin/tenants/nadie/data", adminKey)).toMatchObject({
      status: 404,
      body: { error: { code: "tenant_not_found" } },
    });
    expect(
      await call("DELETE", "/admin/tenants/default/data?delete_tenant=true", adminKey),
    ).toMatchObject({ status: 400, body: { error: { param: "tenant" } } });
  });
});

describe("the retention sweep", () => {
  it("deletes batch files and blanks batch bodies past their periods, and keeps what is younger or still needed", async () => {
    const { gateway, clientOf } = await start();
    const client = await clientOf("clinica");
    const done = await finishedBatch(client);
    const running = await submit(client, [line("nube", "gpt-4o-mini", prompt)]);
    const settings = parseConfig({ home: "/tmp/unused" }).retention;

    const now = Date.now();
    expect(await sweepRetention(gateway.store, settings, now)).toMatchObject({
      files: 0,
      batchBodies: 0,
    });
    const later = await sweepRetention(gateway.store, settings, now + 31 * day);
    expect(later).toMatchObject({ files: 3, batchBodies: 0, usageRecords: 0 });
    // The files took the bodies with them; the running batch's input stays until it ends.
    expect((await client.files.list()).data.map((file) => file.id)).toEqual([
      running.input_file_id,
    ]);
    const lines = await gateway.store.batches.requestsOf(done.id);
    expect(lines.map(({ body, result }) => ({ body, result }))).toEqual([
      { body: "", result: null },
      { body: "", result: null },
    ]);
    expect((await client.batches.retrieve(done.id)).request_counts).toMatchObject({ total: 2 });
    expect((await gateway.store.batches.requestsOf(running.id))[0]?.body).toContain("Juan");

    // Usage records go after usageDays (400 by default), not before. One: the answered line's
    // (the line waiting for the cloud has not written one yet, the unknown model's never runs).
    expect((await sweepRetention(gateway.store, settings, now + 399 * day)).usageRecords).toBe(0);
    expect((await sweepRetention(gateway.store, settings, now + 401 * day)).usageRecords).toBe(1);
  });

  it("runs hourly while the server runs", async () => {
    // Only the server's intervals are faked; requests and the store run in real time.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { gateway } = await start();
    const tenant = await gateway.store.tenants.ensure("clinica", Date.now());
    const old = Date.now() - 401 * day;
    await gateway.store.usage.insert({
      id: randomUUID(),
      createdAt: old,
      requestId: randomUUID(),
      tenantId: tenant.id,
      keyId: null,
      endpoint: "chat.completions",
      model: "local",
      target: "local",
      stream: false,
      promptTokens: 1,
      completionTokens: 1,
      costUsd: 0,
      referenceCostUsd: 0,
      latencyMs: 1,
      status: 200,
      outcome: "completed",
      route: null,
      reason: null,
      confidence: null,
      findings: null,
      language: null,
      responseId: null,
    });
    const count = async () => (await gateway.store.usage.list({ since: 0, limit: 10 })).length;
    vi.advanceTimersByTime(59 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count()).toBe(1);
    vi.advanceTimersByTime(60_000);
    await until(count, (records) => records === 0);
  });

  it("blanks bodies by batchBodiesDays even when the files are kept, and keeps everything with null periods", async () => {
    const { gateway, clientOf } = await start();
    const client = await clientOf("clinica");
    const done = await finishedBatch(client);
    const keepAll = {
      batchBodiesDays: null,
      batchFilesDays: null,
      cacheDays: null,
      usageDays: null,
      feedbackDays: null,
      trainingPairsDays: null,
      auditDays: null,
    };
    expect(await sweepRetention(gateway.store, keepAll, Date.now() + 1000 * day)).toEqual({
      files: 0,
      batchBodies: 0,
      cacheEntries: 0,
      usageRecords: 0,
      feedback: 0,
      trainingPairs: 0,
      egressRecords: 0,
      orphanChunks: 0,
    });
    const report = await sweepRetention(
      gateway.store,
      { ...keepAll, batchBodiesDays: 2 },
      Date.now() + 3 * day,
    );
    expect(report.batchBodies).toBe(2);
    expect((await gateway.store.batches.requestsOf(done.id)).map(({ body }) => body)).toEqual([
      "",
      "",
    ]);
    expect((await client.files.list()).data).toHaveLength(3);
  });
});
