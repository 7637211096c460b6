import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI, { toFile } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { makeDocx, makePdf, type Section } from "../support/knowledge-documents.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { openAIClientFor, startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * PDF and DOCX files through the Files API into a vector store, with the official `openai`
 * client as a user writes it (files.create with a read stream, then vectorStores.files), against
 * a real listening gateway. The documents are made here by pdfkit and a minimal DOCX writer
 * (test/support/knowledge-documents.ts), from text written for these tests.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true })));
});

const manual: Section[] = [
  {
    heading: "Cadena de frío",
    paragraphs: [
      "Las vacunas se guardan entre dos y ocho grados. Un termómetro registra la temperatura cada hora.",
    ],
  },
  {
    heading: "Devoluciones",
    paragraphs: ["Un medicamento vendido se devuelve dentro de los diez días con su boleta."],
  },
];

async function start(config: Record<string, unknown> = {}) {
  const gateway = await startTestGateway({
    config: { server: { auth: true, adminKey: "admin-key-0123456789abcdef" }, ...config },
  });
  gateways.push(gateway);
  const address = await gateway.server.listen();
  return { clientOf: (tenant: string) => openAIClientFor(gateway, address, tenant) };
}

/** `bytes` as a file on disk named `name`, read by the client as a stream (as users do). */
async function onDisk(name: string, bytes: Buffer) {
  const folder = await mkdtemp(join(tmpdir(), "colibri-documents-"));
  folders.push(folder);
  const path = join(folder, name);
  await writeFile(path, bytes);
  return createReadStream(path);
}

async function attach(client: OpenAI, storeId: string, fileId: string) {
  return client.vectorStores.files.createAndPoll(
    storeId,
    { file_id: fileId },
    { pollIntervalMs: 20 },
  );
}

describe("documents through the Files API", () => {
  it("indexes a PDF and a DOCX uploaded as files, keeps their bytes, and cites page and heading", async () => {
    const { clientOf } = await start();
    const client = await clientOf("acme");
    const beta = await clientOf("beta");
    const pdfBytes = await makePdf(manual);
    const pdf = await client.files.create({
      file: await onDisk("manual.pdf", pdfBytes),
      purpose: "assistants",
    });
    expect(pdf).toMatchObject({ filename: "manual.pdf", bytes: pdfBytes.length });
    // The bytes come back as they went, and never to another tenant.
    expect(Buffer.from(await (await client.files.content(pdf.id)).arrayBuffer())).toEqual(pdfBytes);
    await expect(beta.files.content(pdf.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);

    const docxBytes = makeDocx([
      {
        heading: "Horario de atención",
        paragraphs: ["La farmacia atiende de lunes a sábado, de nueve a veinte horas."],
      },
    ]);
    const docx = await client.files.create({
      file: await onDisk("horario.docx", docxBytes),
      purpose: "assistants",
    });
    const store = await client.vectorStores.create({ name: "farmacia" });
    expect(await attach(client, store.id, pdf.id)).toMatchObject({
      status: "completed",
      last_error: null,
      usage_bytes: pdfBytes.length,
    });
    expect((await attach(client, store.id, docx.id)).status).toBe("completed");

    const cold = await client.vectorStores.search(store.id, {
      query: "¿Entre cuántos grados se guardan las vacunas?",
    });
    expect(cold.data[0]).toMatchObject({
      file_id: pdf.id,
      filename: "manual.pdf",
      attributes: { heading: "Cadena de frío", page: 1 },
    });
    expect(cold.data[0]?.content[0]?.text).toContain("entre dos y ocho grados");
    const returns = await client.vectorStores.search(store.id, { query: "devolver medicamento" });
    expect(returns.data[0]?.attributes).toEqual({ heading: "Devoluciones", page: 2 });
    const hours = await client.vectorStores.search(store.id, { query: "horario sábado" });
    expect(hours.data[0]).toMatchObject({
      file_id: docx.id,
      attributes: { heading: "Horario de atención" },
    });

    // Another tenant's search never reaches these passages, even naming the store.
    await expect(beta.vectorStores.search(store.id, { query: "vacunas" })).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    );
    await expect(
      beta.vectorStores.files.create((await beta.vectorStores.create({ name: "farmacia" })).id, {
        file_id: pdf.id,
      }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("fails a damaged PDF, an encrypted PDF and a DOCX that is not a ZIP with a clear last_error, and goes on", async () => {
    const { clientOf } = await start();
    const client = await clientOf("acme");
    const store = await client.vectorStores.create({ name: "farmacia" });
    const good = await makePdf(manual);
    const cases = [
      {
        name: "cortado.pdf",
        bytes: good.subarray(0, Math.floor(good.length / 2)),
        error: /^cortado\.pdf: cannot be read as pdf \(.+\); the file is damaged or was cut short/,
      },
      {
        name: "secreto.pdf",
        bytes: await makePdf(manual, { userPassword: "clave" }),
        error: /^secreto\.pdf: the PDF is encrypted and needs a password to open/,
      },
      {
        name: "viejo.docx",
        bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]),
        error: /^viejo\.docx: is not a DOCX file/,
      },
    ];
    for (const { name, bytes, error } of cases) {
      const file = await client.files.create({
        file: await toFile(bytes, name),
        purpose: "assistants",
      });
      const attached = await attach(client, store.id, file.id);
      expect(attached.status).toBe("failed");
      expect(attached.last_error).toMatchObject({ code: "invalid_file" });
      expect(attached.last_error?.message).toMatch(error);
    }
    // The gateway is still up and reads the next document.
    const file = await client.files.create({
      file: await toFile(good, "manual.pdf"),
      purpose: "assistants",
    });
    expect((await attach(client, store.id, file.id)).status).toBe("completed");
    expect((await client.vectorStores.retrieve(store.id)).file_counts).toMatchObject({
      completed: 1,
      failed: 3,
    });
  });

  it("counts a document's bytes against the tenant's quota, and still refuses binary batch input", async () => {
    const pdfBytes = await makePdf(manual);
    const { clientOf } = await start({
      files: { quotaBytesPerTenant: Math.floor(pdfBytes.length * 1.5) },
    });
    const client = await clientOf("acme");
    await client.files.create({ file: await toFile(pdfBytes, "uno.pdf"), purpose: "assistants" });
    const over = await client.files
      .create({ file: await toFile(pdfBytes, "dos.pdf"), purpose: "assistants" })
      .catch((error: unknown) => error);
    expect(over).toMatchObject({ status: 413, error: { code: "storage_quota_exceeded" } });
    // Another tenant has its own quota.
    const beta = await clientOf("beta");
    await beta.files.create({ file: await toFile(pdfBytes, "uno.pdf"), purpose: "assistants" });

    const gamma = await clientOf("gamma");
    const batch = await gamma.files
      .create({ file: await toFile(pdfBytes, "preguntas.jsonl"), purpose: "batch" })
      .catch((error: unknown) => error);
    expect(batch).toBeInstanceOf(OpenAI.BadRequestError);
    expect((batch as Error).message).toMatch(/not UTF-8 text.+purpose "batch" must be/);
    expect((await gamma.files.list()).data).toEqual([]);
  });
});
