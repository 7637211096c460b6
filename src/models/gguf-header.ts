import { open } from "node:fs/promises";
import { InvalidRequestError } from "../core/errors.js";

/** GGUF versions llama.cpp (and so node-llama-cpp) still reads; version 1 was dropped in 2023. */
export const supportedGgufVersions: readonly number[] = [2, 3];

/** Far above any real model (a 400B model has a few thousand tensors); more means a damaged file. */
const maxTensors = 1_000_000;
const maxMetadataEntries = 1_000_000;

/** magic (4) + version (uint32) + tensor count (uint64) + metadata entry count (uint64). */
const headerBytes = 24;

const whatGgufIs =
  'A GGUF file is a llama.cpp model: one file that starts with the bytes "GGUF" (on Hugging Face, the files ending in .gguf, e.g. …Q4_K_M.gguf).';

/**
 * Check that `path` starts like a GGUF model llama.cpp can read: the magic `GGUF`, a supported
 * version, and sane tensor and metadata counts. Reads 24 bytes, so it is cheap on any size of file.
 * Throws a one-line InvalidRequestError naming `label` (what the user passed), what the file is,
 * and what a GGUF file is.
 */
export async function assertGgufHeader(path: string, label: string): Promise<void> {
  const header = await readStart(path, headerBytes);
  const problem = ggufHeaderProblem(header);
  if (problem !== undefined) {
    throw new InvalidRequestError(
      `${label} is not a GGUF model: ${problem}. ${whatGgufIs} Nothing was installed.`,
      "model",
    );
  }
}

/** What is wrong with a file that starts with `header`, or undefined for a usable GGUF header. */
export function ggufHeaderProblem(header: Buffer): string | undefined {
  if (header.subarray(0, 4).toString("latin1") !== "GGUF") return describeOther(header);
  if (header.length < headerBytes) {
    return `its GGUF header is cut off after ${header.length} bytes (the file is incomplete)`;
  }
  const version = header.readUInt32LE(4);
  if (!supportedGgufVersions.includes(version)) {
    return `it is GGUF version ${version}, which llama.cpp does not read (it reads versions ${supportedGgufVersions.join(" and ")})`;
  }
  const tensors = header.readBigUInt64LE(8);
  const entries = header.readBigUInt64LE(16);
  if (tensors > BigInt(maxTensors) || entries > BigInt(maxMetadataEntries)) {
    return `its header claims ${tensors} tensors and ${entries} metadata entries, more than any model has (the file is damaged)`;
  }
  return undefined;
}

function describeOther(start: Buffer): string {
  if (start.length === 0) return "the file is empty";
  const text = start.toString("utf8");
  if (/^version https:\/\/git-lfs/.test(text)) {
    return "it is a Git LFS pointer, not the model's bytes (download the file itself)";
  }
  if (/^\s*<(!doctype|html|\?xml)/i.test(text)) return "it is a web page (HTML), not a model";
  if (/^\s*[{[]/.test(text)) return "it is JSON text, not a model";
  // eslint-disable-next-line no-control-regex -- printable text is what is being detected
  if (/^[^\u0000-\u0008\u000e-\u001f]*$/.test(text)) {
    return `it is text starting with ${JSON.stringify(text.replace(/\s+/g, " ").slice(0, 16))}`;
  }
  const bytes = [...start.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, "0"));
  return `it starts with the bytes ${bytes.join(" ")} instead of "GGUF"`;
}

async function readStart(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
