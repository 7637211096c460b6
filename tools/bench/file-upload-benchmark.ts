import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { createApiKey } from "../../src/tenancy/api-keys.js";
import { parseConfig } from "../../src/config/load.js";
import { buildGateway } from "../../src/gateway/build-gateway.js";
import { InstantBackend } from "./instant-backend.js";

export interface UploadStallOptions {
  databaseUrl: string;
  home: string;
  /** Size of the JSONL file uploaded, in bytes (about). */
  bytes: number;
  /** How often another client asks GET /health while the upload runs. */
  probeEveryMs?: number;
}

export interface UploadStallResult {
  dialect: "sqlite" | "postgres";
  bytes: number;
  status: number;
  /** From the first byte sent to the answer. */
  uploadMs: number;
  /** The event loop's delay while the upload ran (perf_hooks.monitorEventLoopDelay), ms. */
  loopDelay: { max: number; p99: number; mean: number };
  /** GET /health answered while the upload ran: how many, and the slowest, ms. */
  probes: { count: number; maxMs: number };
}

/**
 * How long one large POST /v1/files blocks everything else: a server over the given store
 * receives a JSONL file of `bytes` bytes (sent in 1 MB writes, as a client on a fast link would)
 * while another client asks GET /health every few milliseconds, and the event loop's delay is
 * sampled throughout. Everything runs in this process, so the figures are the server's stalls.
 */
export async function measureUploadStall(options: UploadStallOptions): Promise<UploadStallResult> {
  const config = parseConfig({
    home: options.home,
    database: options.databaseUrl,
    server: { host: "127.0.0.1", port: 0, auth: true },
    files: { maxBytes: options.bytes + 1024 * 1024, quotaBytesPerTenant: null },
    limits: { defaultTenant: `bench-upload-${randomBytes(4).toString("hex")}` },
  });
  // The Files API alone over an instant backend: no router, queue, cache or dashboard.
  const gateway = await buildGateway(config, {
    backend: new InstantBackend(),
    auditKey: "bench-audit-key-0123456789abcdef0123456789",
    defaultMaxTokens: 16,
    features: ["files"],
  });
  try {
    const { store, server } = gateway;
    const tenant = await store.tenants.ensure(`bench-upload-${randomBytes(4).toString("hex")}`, 0);
    const { key, record } = createApiKey({ kind: "tenant", tenantId: tenant.id, now: Date.now() });
    await store.keys.insert(record);
    const address = new URL(await server.listen());
    const body = multipartBody(jsonlOf(options.bytes));
    const loop = monitorEventLoopDelay({ resolution: 5 });
    const probing = { on: true };
    const probes = { count: 0, maxMs: 0 };
    const probe = (async () => {
      while (probing.on) {
        const started = performance.now();
        await fetch(new URL("/health", address));
        probes.count++;
        probes.maxMs = Math.max(probes.maxMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, options.probeEveryMs ?? 10));
      }
    })();
    loop.enable();
    const started = performance.now();
    const status = await post(address, key, body);
    const uploadMs = performance.now() - started;
    loop.disable();
    probing.on = false;
    await probe;
    return {
      dialect: store.dialect,
      bytes: body.content,
      status,
      uploadMs,
      loopDelay: {
        max: loop.max / 1e6,
        p99: loop.percentile(99) / 1e6,
        mean: loop.mean / 1e6,
      },
      probes,
    };
  } finally {
    await gateway.close();
  }
}

/** Batch lines with Spanish text, up to about `bytes`. */
function jsonlOf(bytes: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const line = `${JSON.stringify({
      custom_id: `linea-${index}`,
      method: "POST",
      url: "/v1/chat/completions",
      body: {
        model: "auto",
        messages: [
          {
            role: "user",
            content: `Resume la consulta ${index}: la paciente refiere dolor de cabeza y fiebre desde el martes; ¿qué exámenes pedimos?`,
          },
        ],
      },
    })}\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return Buffer.from(lines.join(""));
}

const boundary = "----colibri-upload-benchmark";

function multipartBody(content: Buffer): { parts: Buffer[]; content: number } {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lote.jsonl"\r\n` +
      "Content-Type: application/jsonl\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { parts: [head, content, tail], content: content.length };
}

/** POST the body in 1 MB writes, waiting for the socket to drain; resolves to the status. */
function post(address: URL, key: string, body: { parts: Buffer[] }): Promise<number> {
  const length = body.parts.reduce((sum, part) => sum + part.length, 0);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      new URL("/v1/files", address),
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(length),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          resolve(response.statusCode ?? 0);
        });
      },
    );
    outgoing.on("error", reject);
    void (async () => {
      const slice = 1024 * 1024;
      for (const part of body.parts) {
        for (let start = 0; start < part.length; start += slice) {
          if (!outgoing.write(part.subarray(start, start + slice))) {
            await new Promise((drained) => outgoing.once("drain", drained));
          }
        }
      }
      outgoing.end();
    })();
  });
}
