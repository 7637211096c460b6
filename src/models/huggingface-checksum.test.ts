import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChecksumMismatchError, DownloadError } from "../core/errors.js";
import { findCatalogEntry, type CatalogEntry } from "./catalog.js";
import { fetchPublishedChecksum, huggingfaceRequest } from "./huggingface.js";
import { ModelStore } from "./model-store.js";
import { ggufHeaderBytes } from "../../test/support/gguf-bytes.js";

const content = Buffer.concat([ggufHeaderBytes(), randomBytes(256 * 1024)]);
const contentSha256 = createHash("sha256").update(content).digest("hex");

interface HubBehaviour {
  /** The sha256 the resolve URL publishes in x-linked-etag; undefined publishes none. */
  published?: string | undefined;
  /** Drop the connection after this many bytes of the first full download. */
  dropAfter?: number;
}

let home: string;
let requests: IncomingMessage[];
let closeServer: (() => Promise<void>) | undefined;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-hf-"));
  requests = [];
});
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
  await rm(home, { recursive: true, force: true });
});

/**
 * A local stand-in for Hugging Face: `/{owner}/{repo}/resolve/main/{file}` answers 302 to a
 * storage URL, with the file's LFS object id in `x-linked-etag` and its size in `x-linked-size`
 * (as the Hub does for LFS files); the storage URL serves the bytes and honours Range.
 */
async function startHub(behaviour: HubBehaviour): Promise<string> {
  let dropped = false;
  const server = createServer((request, response) => {
    requests.push(request);
    const url = request.url ?? "";
    if (url.includes("/resolve/main/")) {
      const headers: Record<string, string> = {
        location: `/storage/${contentSha256}`,
        "x-linked-size": String(content.length),
        etag: '"0123abcd"',
      };
      if (behaviour.published !== undefined) {
        headers["x-linked-etag"] = `"${behaviour.published}"`;
      }
      response.writeHead(302, headers).end();
      return;
    }
    if (!url.startsWith("/storage/")) {
      response.writeHead(404).end();
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? "");
    const start = range === null ? 0 : Number(range[1]);
    const body = content.subarray(start);
    response.writeHead(
      range === null ? 200 : 206,
      range === null
        ? { "content-length": content.length }
        : {
            "content-length": body.length,
            "content-range": `bytes ${start}-${content.length - 1}/${content.length}`,
          },
    );
    if (behaviour.dropAfter !== undefined && !dropped && range === null) {
      dropped = true;
      response.write(body.subarray(0, behaviour.dropAfter), () => {
        response.destroy();
      });
      return;
    }
    response.end(body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  closeServer = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, "close");
  };
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const tinySource = {
  kind: "huggingface",
  owner: "someone",
  repository: "Tiny-GGUF",
  path: "tiny.gguf",
} as const;

const checkedEntry: CatalogEntry = {
  name: "tiny-hf",
  checksum: "huggingface",
  source: tinySource,
  fileName: "tiny.gguf",
  approximateSizeBytes: content.length,
  quantization: "Q4_K_M",
  parameterCount: 1000,
  languages: { strong: ["es"], weak: [] },
  licence: "apache-2.0",
  contextLength: 2048,
  instructionTuned: true,
  description: "test model",
};

function store(endpoint: string, entries: CatalogEntry[] = [checkedEntry]): ModelStore {
  return new ModelStore({
    home,
    catalog: entries,
    huggingface: { endpoint },
    sleep: () => Promise.resolve(),
  });
}

describe("fetchPublishedChecksum", () => {
  it("reads the LFS sha256 and size from the resolve URL without following the redirect", async () => {
    const endpoint = await startHub({ published: contentSha256 });
    const request = huggingfaceRequest(tinySource, { endpoint, token: "t" });

    const published = await fetchPublishedChecksum(request);

    expect(published).toEqual({ sha256: contentSha256, sizeBytes: content.length });
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "HEAD /someone/Tiny-GGUF/resolve/main/tiny.gguf",
    ]);
    expect(requests[0]?.headers.authorization).toBe("Bearer t");
  });

  it("is undefined when the file publishes no sha256 (an ETag that is not one)", async () => {
    const endpoint = await startHub({});
    const request = huggingfaceRequest(tinySource, { endpoint });
    expect(await fetchPublishedChecksum(request)).toBeUndefined();
  });

  it("says how to fix a missing file", async () => {
    const endpoint = await startHub({});
    const request = { url: `${endpoint}/nothing-here`, headers: {} };
    await expect(fetchPublishedChecksum(request)).rejects.toThrow(
      /answered HTTP 404\. Check the owner, repository and file name/,
    );
  });
});

describe("a catalog model checked against Hugging Face", () => {
  it("installs when the bytes match the published sha256, resuming a dropped connection", async () => {
    const endpoint = await startHub({ published: contentSha256, dropAfter: 100_000 });

    const result = await store(endpoint).pull("tiny-hf");

    expect(result.manifest.sha256).toBe(contentSha256);
    expect((await readFile(result.path)).equals(content)).toBe(true);
    const storage = requests.filter((request) => request.url?.startsWith("/storage/") === true);
    expect(storage.map((request) => request.headers.range)).toEqual([undefined, "bytes=100000-"]);
  });

  it("fails with a clear message and keeps nothing when the bytes do not match", async () => {
    const other = createHash("sha256").update("another file").digest("hex");
    const endpoint = await startHub({ published: other });

    const attempt = store(endpoint).pull("tiny-hf");

    await expect(attempt).rejects.toThrow(ChecksumMismatchError);
    await expect(attempt).rejects.toThrow(`expected ${other}, got ${contentSha256}`);
    expect(await readdir(join(home, "models"))).toEqual([]);
  });

  it("is refused, before any byte is fetched, when Hugging Face publishes no sha256", async () => {
    const endpoint = await startHub({});

    const attempt = store(endpoint).pull("tiny-hf");

    await expect(attempt).rejects.toThrow(DownloadError);
    await expect(attempt).rejects.toThrow(/published no sha256 .* cannot be verified/);
    expect(requests.every((request) => request.method === "HEAD")).toBe(true);
  });

  it("a pinned entry stays pinned: a different published sha256 is refused up front", async () => {
    const other = createHash("sha256").update("another file").digest("hex");
    const endpoint = await startHub({ published: other });
    const pinned: CatalogEntry = {
      ...checkedEntry,
      checksum: "pinned",
      sha256: contentSha256,
      sizeBytes: content.length,
    };

    await expect(store(endpoint, [pinned]).pull("tiny-hf")).rejects.toThrow(
      `expected ${contentSha256}, got ${other}`,
    );
    expect(requests.every((request) => request.method === "HEAD")).toBe(true);
  });

  it("pulls EmbeddingGemma's Hugging Face alternative from ggml-org's GGUF repository, verified", async () => {
    const endpoint = await startHub({ published: contentSha256 });
    const entry = findCatalogEntry("embeddinggemma-300m-hf");
    if (entry === undefined) throw new Error("embeddinggemma-300m-hf is not in the catalog");

    const result = await store(endpoint, [entry]).pull("embeddinggemma-300m-hf");

    expect(result.manifest).toMatchObject({
      name: "embeddinggemma-300m-hf",
      file: "embeddinggemma-300M-Q8_0.gguf",
      sha256: contentSha256,
      quantization: "Q8_0",
    });
    expect(requests.map((request) => `${request.method} ${request.url}`)).toContain(
      "GET /ggml-org/embeddinggemma-300M-GGUF/resolve/main/embeddinggemma-300M-Q8_0.gguf",
    );
  });

  it("an hf: pull outside the catalog is verified too when Hugging Face publishes a sha256", async () => {
    const other = createHash("sha256").update("another file").digest("hex");
    const endpoint = await startHub({ published: other });

    await expect(store(endpoint, []).pull("hf:someone/Tiny-GGUF/tiny.gguf")).rejects.toThrow(
      ChecksumMismatchError,
    );
  });
});
