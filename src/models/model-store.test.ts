import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidRequestError, ModelNotFoundError } from "../core/errors.js";
import type { CatalogEntry } from "./catalog.js";
import { ModelStore } from "./model-store.js";
import { ggufHeaderBytes } from "../../test/support/gguf-bytes.js";

/** A file that starts like a GGUF model (pull checks the header), then random bytes. */
const content = Buffer.concat([ggufHeaderBytes(), randomBytes(64 * 1024)]);
const contentSha256 = createHash("sha256").update(content).digest("hex");
const clock = (): Date => new Date("2025-01-02T03:04:05.000Z");

let home: string;
let requests: IncomingMessage[];
let closeServer: (() => Promise<void>) | undefined;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-store-"));
  requests = [];
});
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
  await rm(home, { recursive: true, force: true });
});

/** A local stand-in for the Hugging Face Hub: serves `content` at any path. */
async function startHub(): Promise<string> {
  const server = createServer((request, response) => {
    requests.push(request);
    if (!request.url?.endsWith(".gguf")) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-length": content.length }).end(content);
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

function catalogWith(url: string): CatalogEntry[] {
  return [
    {
      name: "tiny-chat",
      checksum: "pinned",
      source: { kind: "url", url },
      fileName: "tiny-chat.Q8_0.gguf",
      sha256: contentSha256,
      sizeBytes: content.length,
      quantization: "Q8_0",
      parameterCount: 1000,
      languages: { strong: ["es"], weak: [] },
      licence: "mit",
      contextLength: 512,
      instructionTuned: true,
      description: "test model",
    },
  ];
}

describe("ModelStore", () => {
  it("pulls hf: sources from the injected endpoint with the token, then lists them", async () => {
    const endpoint = await startHub();
    const store = new ModelStore({
      home,
      huggingface: { endpoint, token: "secret-token" },
      clock,
    });

    const result = await store.pull("hf:someone/Tiny-GGUF/sub/tiny-Q4_K_M.gguf");

    expect(requests[0]?.url).toBe("/someone/Tiny-GGUF/resolve/main/sub/tiny-Q4_K_M.gguf");
    expect(requests[0]?.headers.authorization).toBe("Bearer secret-token");
    expect(result.alreadyInstalled).toBe(false);
    expect(result.path).toBe(join(home, "models", "tiny-Q4_K_M.gguf"));
    expect(result.manifest).toEqual({
      name: "tiny-Q4_K_M",
      file: "tiny-Q4_K_M.gguf",
      sha256: contentSha256,
      sizeBytes: content.length,
      source: "hf:someone/Tiny-GGUF/sub/tiny-Q4_K_M.gguf",
      installedAt: "2025-01-02T03:04:05.000Z",
      quantization: "Q4_K_M",
    });
    const listed = await store.list();
    expect(listed.map((model) => [model.name, model.present])).toEqual([["tiny-Q4_K_M", true]]);
  });

  it("pulls the default model when given no source, and does not fetch it twice", async () => {
    const endpoint = await startHub();
    const store = new ModelStore({
      home,
      catalog: catalogWith(`${endpoint}/tiny.gguf`),
      defaultModel: "tiny-chat",
    });

    const first = await store.pull();
    const second = await store.pull();

    expect(first.manifest.name).toBe("tiny-chat");
    expect(second.alreadyInstalled).toBe(true);
    expect(requests).toHaveLength(1);
    expect((await readFile(first.path)).equals(content)).toBe(true);
  });

  it("resolves installed names, .gguf paths in place, and says how to pull the rest", async () => {
    const endpoint = await startHub();
    const store = new ModelStore({ home, catalog: catalogWith(`${endpoint}/tiny.gguf`) });
    const loose = join(home, "elsewhere", "loose.gguf");
    await mkdir(join(home, "elsewhere"));
    await writeFile(loose, "GGUF");

    await expect(store.resolve("tiny-chat")).rejects.toThrow(
      /'tiny-chat' does not exist or is not installed\. Run: colibri pull tiny-chat/,
    );
    await expect(store.resolve("no-such-model")).rejects.toThrow(ModelNotFoundError);
    await expect(store.resolve(join(home, "missing.gguf"))).rejects.toThrow(/no file at/);
    expect(await store.resolve(loose)).toEqual({ name: "loose", path: loose });

    await store.pull("tiny-chat");
    const resolved = await store.resolve("tiny-chat");
    expect(resolved.path).toBe(join(home, "models", "tiny-chat.Q8_0.gguf"));
    expect(resolved.manifest?.sha256).toBe(contentSha256);
  });

  it("ensure() pulls a missing model once, then resolves it", async () => {
    const endpoint = await startHub();
    const store = new ModelStore({
      home,
      catalog: catalogWith(`${endpoint}/tiny.gguf`),
      defaultModel: "tiny-chat",
    });
    const statuses: string[] = [];

    const first = await store.ensure(undefined, { onStatus: (line) => statuses.push(line) });
    const second = await store.ensure();

    expect(first.path).toBe(second.path);
    expect(requests).toHaveLength(1);
    expect(statuses[0]).toMatch(/^Downloading http:\/\/127\.0\.0\.1:\d+\/tiny\.gguf$/);
  });

  it("removes a model's file and manifest, and refuses unknown names clearly", async () => {
    const endpoint = await startHub();
    const store = new ModelStore({ home, catalog: catalogWith(`${endpoint}/tiny.gguf`) });
    const { path } = await store.pull("tiny-chat");

    const removed = await store.remove("tiny-chat");

    expect(removed.name).toBe("tiny-chat");
    expect(existsSync(path)).toBe(false);
    expect(await store.list()).toEqual([]);
    expect(await readdir(join(home, "models"))).toEqual([]);
    await expect(store.remove("tiny-chat")).rejects.toThrow(
      /'tiny-chat' does not exist or is not installed/,
    );
  });

  it("installs a local file by link or copy, verified, under its file name", async () => {
    const store = new ModelStore({ home });
    const source = join(home, "my-model.F16.gguf");
    await writeFile(source, content);

    const result = await store.pull(source);

    expect(result.manifest).toMatchObject({
      name: "my-model.F16",
      sha256: contentSha256,
      source,
      quantization: "F16",
    });
    expect((await readFile(result.path)).equals(content)).toBe(true);
  });

  it("re-fetches a model whose file went missing, and refuses a name taken by another source", async () => {
    const endpoint = await startHub();
    const store = new ModelStore({ home, huggingface: { endpoint } });
    const { path } = await store.pull("hf:a/b/tiny.gguf");
    await rm(path);

    expect((await store.list())[0]?.present).toBe(false);
    await expect(store.resolve("tiny")).rejects.toThrow(/missing or incomplete/);
    const again = await store.pull("hf:a/b/tiny.gguf");
    expect(again.alreadyInstalled).toBe(false);
    await expect(store.pull("hf:c/d/tiny.gguf")).rejects.toThrow(InvalidRequestError);
    const second = await store.pull("hf:c/d/tiny.gguf", { name: "tiny-2" });
    expect(second.manifest).toMatchObject({ name: "tiny-2", file: "tiny-2.gguf" });
    expect((await store.resolve("tiny")).path).toBe(join(home, "models", "tiny.gguf"));
  });
});
