import OpenAI, { toFile } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { FakeCloud, refusedUrl } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * The OpenAI Batch API end to end with the `openai` client: lines that stay local run at once,
 * lines that need an unreachable cloud wait in the store and go out when the link is back.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
const clouds: FakeCloud[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
  await Promise.all(clouds.splice(0).map((cloud) => cloud.close()));
});

/** Polls, probes and leases in milliseconds, so a test sees the queue move in well under a second. */
const fastQueue = {
  pollMs: 20,
  leaseSeconds: 2,
  ratePerMinute: 60_000,
  probe: { intervalSeconds: 0.2, minBackoffSeconds: 0.05, maxBackoffSeconds: 0.2 },
};

async function start(baseUrl: string, queue: Record<string, unknown> = {}, now?: () => number) {
  const gateway = await startTestGateway({
    ...(now === undefined ? {} : { now }),
    config: {
      server: { auth: true, adminKey: "admin-key-0123456789abcdef" },
      providers: [
        {
          name: "nube",
          baseUrl,
          models: ["gpt-4o-mini"],
          timeouts: { connectMs: 200, firstByteMs: 1000, idleMs: 1000, totalMs: 2000 },
          retry: { maxRetries: 0 },
          breaker: { failureThreshold: 1, openMs: 100 },
        },
      ],
      router: { preRouter: { enabled: false } },
      queue: { ...fastQueue, ...queue },
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
  return { gateway, address, clientOf };
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
    metadata: { lote: "clinica-norte" },
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

interface OutputLine {
  id: string;
  custom_id: string;
  response: { status_code: number; request_id: string; body: Record<string, unknown> } | null;
  error: { code: string; message: string } | null;
}

async function linesOf(client: OpenAI, fileId: string | null | undefined): Promise<OutputLine[]> {
  if (fileId === null || fileId === undefined) return [];
  const text = await (await client.files.content(fileId)).text();
  return text
    .split("\n")
    .filter((row) => row !== "")
    .map((row) => JSON.parse(row) as OutputLine);
}

describe("the Batch API", () => {
  it("runs local lines at once, holds cloud lines while the link is down, and sends each once when it is back", async () => {
    const url = await refusedUrl();
    const { gateway, address, clientOf } = await start(url);
    const client = await clientOf("clinica");
    const batch = await submit(client, [
      line("local-1", "local", "¿Capital de Chile?"),
      line("nube-1", "gpt-4o-mini", "Resume este informe."),
      line("local-2", "local", "¿Capital de Perú?"),
      line("nube-2", "gpt-4o-mini", "Traduce al portugués."),
      line("nube-3", "gpt-4o-mini", "Explica la factura."),
    ]);
    expect(batch).toMatchObject({
      object: "batch",
      status: "in_progress",
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
      metadata: { lote: "clinica-norte" },
      request_counts: { total: 5, completed: 0, failed: 0 },
    });

    // Offline: the local lines are answered, the cloud lines wait (and say why).
    const offline = await until(
      () => client.batches.retrieve(batch.id),
      (current) => current.request_counts?.completed === 2,
    );
    expect(offline.status).toBe("in_progress");
    const waiting = await until(
      () => gateway.store.batches.requests({ batchId: batch.id, states: ["waiting"], limit: 10 }),
      (requests) => requests.length === 3,
    );
    expect(waiting.map((request) => request.customId).sort()).toEqual([
      "nube-1",
      "nube-2",
      "nube-3",
    ]);
    expect(waiting[0]?.provider).toBe("nube");
    expect(waiting[0]?.reason).toMatch(/nube/);
    const metrics = await fetch(`${address}/metrics`, {
      headers: { authorization: "Bearer admin-key-0123456789abcdef" },
    });
    expect(await metrics.text()).toContain('colibri_batch_requests{state="waiting"} 3');

    // The link comes back on the same address: the monitor's probe finds it and the lines go out.
    const cloud = await FakeCloud.start(Number(new URL(url).port));
    clouds.push(cloud);
    const done = await until(
      () => client.batches.retrieve(batch.id),
      (current) => current.status === "completed",
    );
    expect(done.request_counts).toEqual({ total: 5, completed: 5, failed: 0 });
    expect(done.completed_at).toBeGreaterThan(0);
    expect(done.error_file_id).toBeNull();

    const output = await linesOf(client, done.output_file_id);
    expect(output.map((entry) => entry.custom_id).sort()).toEqual([
      "local-1",
      "local-2",
      "nube-1",
      "nube-2",
      "nube-3",
    ]);
    for (const entry of output) {
      expect(entry.response?.status_code).toBe(200);
      expect(entry.response?.body).toMatchObject({ object: "chat.completion" });
      expect(entry.error).toBeNull();
    }
    // Each cloud line reached the provider once, under its own idempotency key.
    const cloudIds = output
      .filter((entry) => entry.custom_id.startsWith("nube"))
      .map((entry) => entry.id)
      .sort();
    expect(cloud.idempotencyKeys.sort()).toEqual(cloudIds);
    expect(
      cloud.requests.filter((request) => request.path.endsWith("/chat/completions")),
    ).toHaveLength(3);
    expect(cloud.probes).toBeGreaterThan(0);
    // Batch lines are accounted like live requests, under the tenant.
    const usage = await gateway.store.usage.list({ since: 0, limit: 100 });
    expect(
      usage.filter((record) => record.endpoint === "batch" && record.outcome === "completed"),
    ).toHaveLength(5);
    // Attempts that waited for the link wrote no record of their own: one record per line.
    expect(usage.filter((record) => record.endpoint === "batch")).toHaveLength(5);
  });

  it("writes lines that fail into the error file with their HTTP status, and counts them", async () => {
    const cloud = await FakeCloud.start();
    clouds.push(cloud);
    const { clientOf } = await start(cloud.url);
    const client = await clientOf("escuela");
    const batch = await submit(client, [
      line("bien", "local", "Hola"),
      line("modelo", "no-existe", "Hola"),
      JSON.stringify({
        custom_id: "sin-mensajes",
        method: "POST",
        url: "/v1/chat/completions",
        body: { model: "local" },
      }),
    ]);
    const done = await until(
      () => client.batches.retrieve(batch.id),
      (current) => current.status === "completed",
    );
    expect(done.request_counts).toEqual({ total: 3, completed: 1, failed: 2 });
    const errors = await linesOf(client, done.error_file_id);
    expect(errors.map((entry) => [entry.custom_id, entry.response?.status_code])).toEqual([
      ["modelo", 404],
      ["sin-mensajes", 400],
    ]);
    expect(errors[0]?.response?.body).toMatchObject({ error: { code: "model_not_found" } });
    expect((await linesOf(client, done.output_file_id)).map((entry) => entry.custom_id)).toEqual([
      "bien",
    ]);
  });

  it("refuses a malformed input file as OpenAI does: a failed batch that lists each bad line", async () => {
    const cloud = await FakeCloud.start();
    clouds.push(cloud);
    const { clientOf } = await start(cloud.url);
    const client = await clientOf("oficina");
    const batch = await submit(client, [
      line("uno", "local", "Hola"),
      "esto no es JSON",
      line("uno", "local", "repetido"),
      JSON.stringify({ custom_id: "dos", method: "POST", url: "/v1/embeddings", body: {} }),
    ]);
    expect(batch.status).toBe("failed");
    expect(batch.errors?.data?.map((error) => [error.line, error.code])).toEqual([
      [2, "invalid_json_line"],
      [3, "duplicate_custom_id"],
      [4, "mismatched_endpoint"],
    ]);
    expect(batch.request_counts).toEqual({ total: 0, completed: 0, failed: 0 });
  });

  it("answers bad requests with OpenAI errors: unknown file, wrong purpose, unknown endpoint, another tenant's batch", async () => {
    const cloud = await FakeCloud.start();
    clouds.push(cloud);
    const { clientOf } = await start(cloud.url);
    const client = await clientOf("acme");
    const other = await clientOf("beta");
    await expect(
      client.batches.create({
        input_file_id: "file-nope",
        endpoint: "/v1/chat/completions",
        completion_window: "24h",
      }),
    ).rejects.toMatchObject({ status: 404, code: "file_not_found" });
    const notes = await client.files.create({
      file: await toFile(Buffer.from("hola"), "notas.txt"),
      purpose: "user_data",
    });
    await expect(
      client.batches.create({
        input_file_id: notes.id,
        endpoint: "/v1/chat/completions",
        completion_window: "24h",
      }),
    ).rejects.toMatchObject({ status: 400, param: "input_file_id" });
    await expect(
      client.batches.create({
        input_file_id: notes.id,
        endpoint: "/v1/responses",
        completion_window: "24h",
      }),
    ).rejects.toMatchObject({ status: 400, param: "endpoint" });
    const batch = await submit(client, [line("uno", "local", "Hola")]);
    await expect(other.batches.retrieve(batch.id)).rejects.toMatchObject({
      status: 404,
      code: "batch_not_found",
    });
    await expect(other.batches.cancel(batch.id)).rejects.toMatchObject({ status: 404 });
    expect((await other.batches.list()).data).toEqual([]);
    expect((await client.batches.list()).data.map((entry) => entry.id)).toEqual([batch.id]);
  });

  it("cancels a batch: waiting lines are cancelled and listed in the error file, finished ones kept", async () => {
    const { clientOf } = await start(await refusedUrl());
    const client = await clientOf("clinica");
    const batch = await submit(client, [
      line("local", "local", "Hola"),
      line("nube", "gpt-4o-mini", "Resume"),
    ]);
    await until(
      () => client.batches.retrieve(batch.id),
      (current) => current.request_counts?.completed === 1,
    );
    const cancelling = await client.batches.cancel(batch.id);
    expect(["cancelling", "cancelled"]).toContain(cancelling.status);
    const cancelled = await until(
      () => client.batches.retrieve(batch.id),
      (current) => current.status === "cancelled",
    );
    expect(cancelled.cancelled_at).toBeGreaterThan(0);
    expect(
      (await linesOf(client, cancelled.output_file_id)).map((entry) => entry.custom_id),
    ).toEqual(["local"]);
    expect(await linesOf(client, cancelled.error_file_id)).toEqual([
      expect.objectContaining({
        custom_id: "nube",
        error: expect.objectContaining({ code: "batch_cancelled" }),
      }),
    ]);
    await expect(client.batches.cancel(batch.id)).rejects.toMatchObject({
      status: 409,
      code: "batch_not_cancellable",
    });
  });

  it("expires what the link did not allow before the completion window ended", async () => {
    let clock = Date.now();
    const { gateway, clientOf } = await start(await refusedUrl(), {}, () => clock);
    const client = await clientOf("escuela");
    const file = await client.files.create({
      file: await toFile(
        Buffer.from(
          `${line("local", "local", "Hola")}\n${line("nube", "gpt-4o-mini", "Resume")}\n`,
        ),
        "lote.jsonl",
      ),
      purpose: "batch",
    });
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "1h" as "24h",
    });
    expect(batch.expires_at).toBe(batch.created_at + 3600);
    await until(
      () => gateway.store.batches.requests({ batchId: batch.id, states: ["waiting"], limit: 5 }),
      (waiting) => waiting.length === 1,
    );
    clock += 3_600_000;
    const expired = await until(
      () => client.batches.retrieve(batch.id),
      (current) => current.status === "expired",
    );
    expect(expired.request_counts).toEqual({ total: 2, completed: 1, failed: 1 });
    expect(await linesOf(client, expired.error_file_id)).toEqual([
      expect.objectContaining({
        custom_id: "nube",
        error: expect.objectContaining({ code: "batch_expired" }),
      }),
    ]);
  });
});

describe("x-colibri-defer: allow", () => {
  it("answers locally now while the cloud is down, and gets the cloud's answer later in a batch", async () => {
    const url = await refusedUrl();
    const { gateway, address, clientOf } = await start(url);
    const client = await clientOf("clinica");
    const ask = (headers: Record<string, string>) =>
      client.chat.completions
        .create(
          { model: "gpt-4o-mini", messages: [{ role: "user", content: "Resume el informe." }] },
          { headers },
        )
        .withResponse();

    const plain = await ask({});
    expect(plain.response.headers.get("x-colibri-degraded")).toBe("cloud-unavailable");
    expect(plain.response.headers.get("x-colibri-deferred-batch")).toBeNull();

    const deferred = await ask({ "x-colibri-defer": "allow", "x-request-id": "consulta-42" });
    expect(deferred.response.headers.get("x-colibri-route")).toBe("local");
    expect(deferred.response.headers.get("x-colibri-degraded")).toBe("cloud-unavailable");
    expect(deferred.data.model).toBe(gateway.backend.model);
    const batchId = deferred.response.headers.get("x-colibri-deferred-batch");
    expect(batchId).toMatch(/^batch_[0-9a-f]{24}$/);

    const cloud = await FakeCloud.start(Number(new URL(url).port));
    clouds.push(cloud);
    const done = await until(
      () => client.batches.retrieve(batchId ?? ""),
      (current) => current.status === "completed",
    );
    expect(done.metadata).toEqual({ colibri_deferred: "consulta-42" });
    const [answer] = await linesOf(client, done.output_file_id);
    expect(answer).toMatchObject({
      custom_id: "consulta-42",
      response: { status_code: 200, body: { model: "gpt-4o-mini", object: "chat.completion" } },
    });
    expect(cloud.idempotencyKeys).toEqual([answer?.id]);
    // The deferred request's input is a batch file like any other.
    const input = await (
      await fetch(`${address}/v1/files/${done.input_file_id}/content`, {
        headers: { authorization: `Bearer ${client.apiKey}` },
      })
    ).text();
    expect(JSON.parse(input)).toMatchObject({
      custom_id: "consulta-42",
      url: "/v1/chat/completions",
    });
  });
});
