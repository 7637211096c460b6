import OpenAI, { toFile } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { startWithinOneMinute } from "../support/minute-window.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * POST /v1/files and POST /v1/privacy/scan run no model, but each is a request (issue 16,
 * section 3): they take a slot of the caller's requests-per-minute limit, and a tenant's files
 * stay within files.quotaBytesPerTenant. Uploads are stored as they arrive, in chunks.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

const adminKey = "admin-key-0123456789abcdef";

async function start(config: Record<string, unknown> = {}) {
  const gateway = await startTestGateway({
    config: { server: { auth: true, adminKey }, ...config },
  });
  gateways.push(gateway);
  const address = await gateway.server.listen();
  const keyOf = async (tenant: string, requestsPerMinute?: number) =>
    (
      await gateway.administration.createKey({
        tenant,
        ...(requestsPerMinute === undefined ? {} : { limits: { requestsPerMinute } }),
      })
    ).key;
  const clientOf = (key: string) =>
    new OpenAI({ baseURL: `${address}/v1`, apiKey: key, maxRetries: 0 });
  const scan = async (key: string) => {
    const response = await fetch(`${address}/v1/privacy/scan`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ text: "CPF 123.456.789-09" }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      body: (await response.json()) as { error?: { code: string; message: string } },
    };
  };
  return { gateway, keyOf, clientOf, scan };
}

const upload = async (client: OpenAI, content: string | Buffer, name = "lote.jsonl") =>
  client.files
    .create({ file: await toFile(Buffer.from(content), name), purpose: "batch" })
    .catch((error: unknown) => error as InstanceType<typeof OpenAI.APIError>);

describe("requests per minute", () => {
  it("counts privacy scans against the key's limit; an administrator's scans are not limited", async () => {
    const { keyOf, scan } = await start();
    const key = await keyOf("acme", 2);
    await startWithinOneMinute(5_000);
    expect((await scan(key)).status).toBe(200);
    expect((await scan(key)).status).toBe(200);
    const third = await scan(key);
    expect(third.status).toBe(429);
    expect(third.body.error?.code).toBe("rate_limit_exceeded");
    expect(third.body.error?.message).toMatch(/requests per minute/i);
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
    for (let index = 0; index < 5; index++) expect((await scan(adminKey)).status).toBe(200);
  });

  it("counts uploads against the key's limit, before reading the file", async () => {
    const { keyOf, clientOf, gateway } = await start();
    const client = clientOf(await keyOf("acme", 1));
    await startWithinOneMinute(5_000);
    expect(await upload(client, "uno\n")).toMatchObject({ object: "file" });
    const refused = await upload(client, "dos\n");
    expect(refused).toMatchObject({ status: 429 });
    const acme = await gateway.store.tenants.findByName("acme");
    expect(await gateway.store.files.list(acme?.id ?? "", { limit: 10 })).toHaveLength(1);
  });
});

describe("files.quotaBytesPerTenant", () => {
  it("refuses (413) an upload that would pass the tenant's quota, naming what is used, the quota and how to free space", async () => {
    const { keyOf, clientOf, gateway } = await start({ files: { quotaBytesPerTenant: 1000 } });
    const client = clientOf(await keyOf("acme"));
    const other = clientOf(await keyOf("beta"));
    const first = await upload(client, "a".repeat(600));
    expect(first).toMatchObject({ bytes: 600 });

    const refused = await upload(client, "b".repeat(500));
    expect(refused).toMatchObject({ status: 413, code: "storage_quota_exceeded" });
    const message = (refused as Error).message;
    expect(message).toMatch(/take 600 bytes .* of its 1000-byte quota/);
    expect(message).toMatch(/DELETE \/v1\/files\/\{id\}/);
    expect(message).toMatch(/files\.quotaBytesPerTenant/);
    // Nothing of the refused upload is left behind, and other tenants have their own quota.
    expect(await gateway.store.retention.deleteOrphanChunks(Date.now() + 1)).toBe(0);
    expect(await upload(other, "c".repeat(900))).toMatchObject({ bytes: 900 });

    // Up to the quota exactly; then nothing more fits.
    expect(await upload(other, "d".repeat(100))).toMatchObject({ bytes: 100 });
    const full = await upload(other, "e");
    expect(full).toMatchObject({ status: 413, code: "storage_quota_exceeded" });
    expect((full as Error).message).toMatch(/take 1000 bytes .* so no upload fits/);
    // Deleting a file frees its bytes.
    await client.files.delete((first as { id: string }).id);
    expect(await upload(client, "b".repeat(500))).toMatchObject({ bytes: 500 });
  });
});

describe("uploads stored as they arrive", () => {
  it("keeps a multi-megabyte upload with characters of every width whole, and refuses bad UTF-8 leaving nothing behind", async () => {
    const { keyOf, clientOf, gateway } = await start();
    const client = clientOf(await keyOf("acme"));
    // About 3.5 MB: several chunks, with 2-, 3- and 4-byte characters across every boundary.
    const line = `${JSON.stringify({ custom_id: "x", body: { text: "ñandú — 中文 🙂 São Paulo" } })}\n`;
    const content = line.repeat(Math.ceil(3_500_000 / Buffer.byteLength(line)));
    const stored = await upload(client, content);
    expect(stored).toMatchObject({ bytes: Buffer.byteLength(content) });
    const id = (stored as { id: string }).id;
    expect(await (await client.files.content(id)).text()).toBe(content);
    const acme = await gateway.store.tenants.findByName("acme");
    expect(await gateway.store.files.content(id, acme?.id ?? "")).toBe(content);

    const broken = Buffer.concat([Buffer.from(content.slice(0, 2_000_000)), Buffer.from([0xc3])]);
    const refused = await upload(client, broken);
    expect(refused).toMatchObject({ status: 400 });
    expect((refused as Error).message).toMatch(/not UTF-8 text/);
    expect(await gateway.store.retention.deleteOrphanChunks(Date.now() + 1)).toBe(0);
    expect((await client.files.list()).data).toHaveLength(1);
  });
});
