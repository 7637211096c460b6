import OpenAI, { toFile } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { openAIClientFor, startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** OpenAI's vector stores API, driven by the official `openai` client against a real server. */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

const guide = `# Guía de la farmacia

## Dosis

El paracetamol se toma cada ocho horas y no se superan cuatro gramos al día.

## Horario

La farmacia abre de lunes a sábado, de nueve a veinte horas.
`;

async function start() {
  const gateway = await startTestGateway({
    config: { server: { auth: true, adminKey: "admin-key-0123456789abcdef" } },
  });
  gateways.push(gateway);
  const address = await gateway.server.listen();
  const clientOf = (tenant: string) => openAIClientFor(gateway, address, tenant);
  return { clientOf };
}

async function upload(client: OpenAI, name: string, content: string | Buffer) {
  return client.files.create({
    file: await toFile(Buffer.from(content), name),
    purpose: "assistants",
  });
}

describe("the vector stores API", () => {
  it("creates a store, ingests an uploaded file in the background and searches it", async () => {
    const { clientOf } = await start();
    const client = await clientOf("acme");
    const store = await client.vectorStores.create({
      name: "farmacia",
      metadata: { area: "salud" },
    });
    expect(store).toMatchObject({
      object: "vector_store",
      name: "farmacia",
      status: "completed",
      usage_bytes: 0,
      metadata: { area: "salud" },
      file_counts: { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 },
    });
    expect(store.id).toMatch(/^vs_[0-9a-f]{24}$/);

    const file = await upload(client, "guia.md", guide);
    const attached = await client.vectorStores.files.createAndPoll(
      store.id,
      { file_id: file.id },
      {
        pollIntervalMs: 20,
      },
    );
    expect(attached).toMatchObject({
      id: file.id,
      object: "vector_store.file",
      vector_store_id: store.id,
      status: "completed",
      last_error: null,
      usage_bytes: Buffer.byteLength(guide),
    });
    const broken = await upload(client, "precios.csv", 'nombre,precio\n"sin cerrar,3\n');
    const failed = await client.vectorStores.files.createAndPoll(
      store.id,
      { file_id: broken.id },
      {
        pollIntervalMs: 20,
      },
    );
    expect(failed.status).toBe("failed");
    expect(failed.last_error?.message).toMatch(/^precios\.csv: cannot be read as csv/);

    const page = await client.vectorStores.search(store.id, {
      query: "¿Cada cuántas horas se toma el paracetamol?",
      max_num_results: 2,
    });
    expect(page.data[0]).toMatchObject({
      file_id: file.id,
      filename: "guia.md",
      attributes: { heading: "Guía de la farmacia › Dosis" },
      content: [{ type: "text", text: expect.stringContaining("cada ocho horas") as unknown }],
    });
    expect(page.data[0]?.score).toBeGreaterThan(0);
    expect(page.data[0]?.score).toBeLessThan(1);

    const retrieved = await client.vectorStores.retrieve(store.id);
    expect(retrieved.file_counts).toEqual({
      in_progress: 0,
      completed: 1,
      failed: 1,
      cancelled: 0,
      total: 2,
    });
    const files = await client.vectorStores.files.list(store.id, { filter: "completed" });
    expect(files.data.map((entry) => entry.id)).toEqual([file.id]);
    expect(
      await client.vectorStores.files.retrieve(file.id, { vector_store_id: store.id }),
    ).toMatchObject({
      status: "completed",
    });

    const renamed = await client.vectorStores.update(store.id, { name: "farmacia central" });
    expect(renamed.name).toBe("farmacia central");
    expect((await client.vectorStores.list()).data.map((entry) => entry.id)).toEqual([store.id]);

    expect(await client.vectorStores.files.delete(file.id, { vector_store_id: store.id })).toEqual({
      id: file.id,
      object: "vector_store.file.deleted",
      deleted: true,
    });
    const empty = await client.vectorStores.search(store.id, { query: "paracetamol" });
    expect(empty.data).toEqual([]);
    expect(await client.vectorStores.delete(store.id)).toEqual({
      id: store.id,
      object: "vector_store.deleted",
      deleted: true,
    });
    await expect(client.vectorStores.retrieve(store.id)).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    );
  });

  it("keeps tenants apart: another tenant's store is a 404 and its passages never show", async () => {
    const { clientOf } = await start();
    const acme = await clientOf("acme");
    const beta = await clientOf("beta");
    const store = await acme.vectorStores.create({ name: "farmacia" });
    const file = await upload(acme, "guia.md", guide);
    await acme.vectorStores.files.createAndPoll(
      store.id,
      { file_id: file.id },
      { pollIntervalMs: 20 },
    );
    // Same name, same text, another tenant.
    const betaStore = await beta.vectorStores.create({ name: "farmacia" });
    const betaFile = await upload(beta, "guia.md", guide);
    await beta.vectorStores.files.createAndPoll(
      betaStore.id,
      { file_id: betaFile.id },
      {
        pollIntervalMs: 20,
      },
    );

    for (const call of [
      () => beta.vectorStores.retrieve(store.id),
      () => beta.vectorStores.update(store.id, { name: "mío" }),
      () => beta.vectorStores.search(store.id, { query: "paracetamol" }),
      () => beta.vectorStores.files.list(store.id),
      () => beta.vectorStores.files.retrieve(file.id, { vector_store_id: store.id }),
      () => beta.vectorStores.files.delete(file.id, { vector_store_id: store.id }),
      () => beta.vectorStores.delete(store.id),
      // Nor attach its own store to the other tenant's file.
      () => beta.vectorStores.files.create(betaStore.id, { file_id: file.id }),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    }
    const found = await beta.vectorStores.search(betaStore.id, { query: "paracetamol" });
    expect(found.data.map((result) => result.file_id)).toEqual([betaFile.id]);
    expect((await beta.vectorStores.list()).data.map((entry) => entry.id)).toEqual([betaStore.id]);
    expect((await acme.vectorStores.retrieve(store.id)).file_counts.completed).toBe(1);
  });

  it("answers bad requests in OpenAI's error shape", async () => {
    const { clientOf } = await start();
    const client = await clientOf("acme");
    const store = await client.vectorStores.create({ name: "farmacia" });
    await expect(client.vectorStores.create({ name: "farmacia" })).rejects.toMatchObject({
      status: 409,
      error: { code: "knowledge_base_exists", param: "name" },
    });
    await expect(
      client.vectorStores.search(store.id, { query: "x", max_num_results: 51 }),
    ).rejects.toMatchObject({ status: 400, error: { param: "max_num_results" } });
    await expect(
      client.vectorStores.search(store.id, {
        query: "x",
        filters: { type: "eq", key: "area", value: "salud" },
      }),
    ).rejects.toMatchObject({
      status: 400,
      error: { message: expect.stringContaining("filters are not supported") as unknown },
    });
    await expect(
      client.vectorStores.files.create(store.id, { file_id: "file-nope" }),
    ).rejects.toMatchObject({ status: 404, error: { code: "file_not_found" } });
  });
});
