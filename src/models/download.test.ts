import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChecksumMismatchError, DownloadError, InsufficientDiskError } from "../core/errors.js";
import { downloadFile } from "./download.js";

const content = randomBytes(256 * 1024);
const contentSha256 = sha256(content);
const noSleep = (): Promise<void> => Promise.resolve();

let directory: string;
let server: Awaited<ReturnType<typeof serve>> | undefined;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "colibri-download-"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(directory, { recursive: true, force: true });
});

describe("downloadFile", () => {
  it("resumes with a Range request after the connection drops half-way", async () => {
    server = await serve((request, response) => {
      const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? "");
      if (range === null) {
        response.writeHead(200, { "content-length": content.length, etag: '"v1"' });
        response.write(content.subarray(0, content.length / 2), () => {
          setTimeout(() => response.socket?.destroy(), 20);
        });
        return;
      }
      const start = Number(range[1]);
      response.writeHead(206, {
        "content-length": content.length - start,
        "content-range": `bytes ${start}-${content.length - 1}/${content.length}`,
      });
      response.end(content.subarray(start));
    });
    const destination = join(directory, "model.gguf");
    const progress: number[] = [];

    const result = await downloadFile({
      url: server.url,
      destination,
      expectedSha256: contentSha256,
      sleep: noSleep,
      onProgress: (received) => progress.push(received),
    });

    expect(server.requests).toHaveLength(2);
    const resumedFrom = Number(/^bytes=(\d+)-$/.exec(server.requests[1]?.range ?? "")?.[1]);
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThan(content.length);
    expect(server.requests[1]?.["if-range"]).toBe('"v1"');
    expect(result).toEqual({ path: destination, sha256: contentSha256, sizeBytes: content.length });
    expect(sha256(await readFile(destination))).toBe(contentSha256);
    expect(await readdir(directory)).toEqual(["model.gguf"]);
    expect(progress.at(-1)).toBe(content.length);
  });

  it("rejects a wrong file with ChecksumMismatchError and leaves nothing behind", async () => {
    const wrong = randomBytes(content.length);
    server = await serve((_request, response) => {
      response.writeHead(200, { "content-length": wrong.length });
      response.end(wrong);
    });
    const destination = join(directory, "model.gguf");

    await expect(
      downloadFile({ url: server.url, destination, expectedSha256: contentSha256 }),
    ).rejects.toThrow(ChecksumMismatchError);
    expect(await readdir(directory)).toEqual([]);
  });

  it("retries after a 500 with backoff, then succeeds", async () => {
    let calls = 0;
    server = await serve((_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(500).end("boom");
        return;
      }
      response.writeHead(200, { "content-length": content.length }).end(content);
    });
    const delays: number[] = [];

    const result = await downloadFile({
      url: server.url,
      destination: join(directory, "model.gguf"),
      expectedSha256: contentSha256,
      sleep: (milliseconds) => {
        delays.push(milliseconds);
        return Promise.resolve();
      },
      backoff: { baseMs: 1000, random: () => 0.5 },
    });

    expect(calls).toBe(2);
    expect(delays).toEqual([750]);
    expect(result.sha256).toBe(contentSha256);
  });

  it("gives up after maxRetries and says why", async () => {
    server = await serve((_request, response) => response.writeHead(503).end());
    const attempt = downloadFile({
      url: server.url,
      destination: join(directory, "model.gguf"),
      maxRetries: 2,
      sleep: noSleep,
    });
    await expect(attempt).rejects.toThrow(/failed after 3 attempts in a row: .*HTTP 503/);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a 404", async () => {
    server = await serve((_request, response) => response.writeHead(404).end());
    const attempt = downloadFile({
      url: server.url,
      destination: join(directory, "model.gguf"),
      sleep: noSleep,
    });
    await expect(attempt).rejects.toThrow(DownloadError);
    await expect(attempt).rejects.toThrow(/HTTP 404/);
    expect(server.requests).toHaveLength(1);
    expect(await readdir(directory)).toEqual([]);
  });

  it("checks free disk against the catalog size before any request", async () => {
    server = await serve((_request, response) => response.end(content));
    const attempt = downloadFile({
      url: server.url,
      destination: join(directory, "model.gguf"),
      expectedSizeBytes: content.length,
      statfs: () => Promise.resolve({ bavail: 10, bsize: 4096 }),
    });
    await expect(attempt).rejects.toThrow(InsufficientDiskError);
    await expect(attempt).rejects.toThrow(/need 0\.3 MiB, 0\.0 MiB free/);
    expect(server.requests).toHaveLength(0);
    expect(await readdir(directory)).toEqual([]);
  });

  it("checks free disk against Content-Length when the size is not known up front", async () => {
    server = await serve((_request, response) => {
      response.writeHead(200, { "content-length": content.length }).end(content);
    });
    const attempt = downloadFile({
      url: server.url,
      destination: join(directory, "model.gguf"),
      statfs: () => Promise.resolve({ bavail: 1, bsize: 4096 }),
    });
    await expect(attempt).rejects.toThrow(InsufficientDiskError);
    expect(await readdir(directory)).toEqual([]);
  });

  it("continues a .partial file left by an earlier run when the checksum is known", async () => {
    const destination = join(directory, "model.gguf");
    await writeFile(`${destination}.partial`, content.subarray(0, 1000));
    server = await serve((request, response) => {
      const start = Number(/^bytes=(\d+)-$/.exec(request.headers.range ?? "")?.[1] ?? 0);
      response.writeHead(start > 0 ? 206 : 200, {
        "content-range": `bytes ${start}-${content.length - 1}/${content.length}`,
      });
      response.end(content.subarray(start));
    });

    const result = await downloadFile({
      url: server.url,
      destination,
      expectedSha256: contentSha256,
    });

    expect(server.requests.map((headers) => headers.range)).toEqual(["bytes=1000-"]);
    expect(result.sha256).toBe(contentSha256);
  });

  it("restarts cleanly when the server ignores Range and answers 200", async () => {
    const destination = join(directory, "model.gguf");
    await writeFile(`${destination}.partial`, Buffer.from("stale bytes from another file"));
    server = await serve((_request, response) => {
      response.writeHead(200, { "content-length": content.length }).end(content);
    });

    const result = await downloadFile({
      url: server.url,
      destination,
      expectedSha256: contentSha256,
    });

    expect(server.requests[0]?.range).toBe("bytes=29-");
    expect(result.sha256).toBe(contentSha256);
    expect(existsSync(`${destination}.partial`)).toBe(false);
  });
});

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

async function serve(handler: RequestListener) {
  const requests: IncomingHttpHeaders[] = [];
  const httpServer = createServer((request, response) => {
    requests.push(request.headers);
    handler(request, response);
  });
  httpServer.listen(0, "127.0.0.1");
  await once(httpServer, "listening");
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/model.gguf`,
    requests,
    close: async (): Promise<void> => {
      httpServer.closeAllConnections();
      httpServer.close();
      await once(httpServer, "close");
    },
  };
}
