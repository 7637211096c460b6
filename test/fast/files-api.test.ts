import OpenAI, { toFile } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** The OpenAI Files API with the `openai` client, per tenant, over a real store. */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

const batchLine = JSON.stringify({
  custom_id: "pregunta-1",
  method: "POST",
  url: "/v1/chat/completions",
  body: { model: "auto", messages: [{ role: "user", content: "¿Capital de Chile?" }] },
});

async function start(config: Record<string, unknown> = {}) {
  const gateway = await startTestGateway({
    config: { server: { auth: true, adminKey: "admin-key-0123456789abcdef" }, ...config },
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

describe("the Files API", () => {
  it("uploads, lists, retrieves, downloads and deletes a tenant's file", async () => {
    const { clientOf } = await start();
    const client = await clientOf("acme");
    const content = `${batchLine}\n${batchLine.replace("pregunta-1", "pregunta-2")}\n`;
    const created = await client.files.create({
      file: await toFile(Buffer.from(content), "preguntas.jsonl"),
      purpose: "batch",
    });
    expect(created).toMatchObject({
      object: "file",
      bytes: Buffer.byteLength(content),
      filename: "preguntas.jsonl",
      purpose: "batch",
      status: "processed",
    });
    expect(created.id).toMatch(/^file-[0-9a-f]{24}$/);

    const listed = await client.files.list();
    expect(listed.data.map((file) => file.id)).toEqual([created.id]);
    expect((await client.files.list({ purpose: "batch_output" })).data).toEqual([]);
    expect(await client.files.retrieve(created.id)).toEqual(created);
    expect(await (await client.files.content(created.id)).text()).toBe(content);

    expect(await client.files.delete(created.id)).toEqual({
      id: created.id,
      object: "file",
      deleted: true,
    });
    await expect(client.files.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("keeps tenants apart: another tenant's file is a 404", async () => {
    const { clientOf } = await start();
    const acme = await clientOf("acme");
    const beta = await clientOf("beta");
    const file = await acme.files.create({
      file: await toFile(Buffer.from(batchLine), "a.jsonl"),
      purpose: "batch",
    });
    await expect(beta.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(beta.files.content(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(beta.files.delete(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    expect((await beta.files.list()).data).toEqual([]);
    expect((await acme.files.list()).data).toHaveLength(1);
  });

  it("refuses a bad purpose, binary content, no file, a file over files.maxBytes and a body that is not multipart", async () => {
    const { clientOf, address } = await start({ files: { maxBytes: 64 } });
    const client = await clientOf("acme");
    const wrongPurpose = await client.files
      .create({ file: await toFile(Buffer.from("{}"), "a.jsonl"), purpose: "nonsense" as "batch" })
      .catch((error: unknown) => error);
    expect(wrongPurpose).toBeInstanceOf(OpenAI.BadRequestError);
    expect((wrongPurpose as Error).message).toMatch(/"purpose" must be one of batch/);

    const binary = await client.files
      .create({ file: await toFile(Buffer.from([0xff, 0xfe, 0x00]), "a.bin"), purpose: "batch" })
      .catch((error: unknown) => error);
    expect((binary as Error).message).toMatch(/not UTF-8 text/);

    const large = await client.files
      .create({ file: await toFile(Buffer.alloc(100, "a"), "big.jsonl"), purpose: "batch" })
      .catch((error: unknown) => error);
    expect((large as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
    expect((large as Error).message).toMatch(/files\.maxBytes/);

    const form = new FormData();
    form.append("purpose", "batch");
    const noFile = await fetch(`${address}/v1/files`, {
      method: "POST",
      headers: { authorization: `Bearer ${client.apiKey}` },
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { error: { message: string } }).error.message).toMatch(
      /"file" field is missing/,
    );

    const json = await fetch(`${address}/v1/files`, {
      method: "POST",
      headers: { authorization: `Bearer ${client.apiKey}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { message: string } }).error.message).toMatch(
      /multipart\/form-data/,
    );
  });
});
