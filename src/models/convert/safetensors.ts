import { open, type FileHandle } from "node:fs/promises";
import { endianness } from "node:os";
import { z } from "zod";
import { InvalidRequestError } from "../../core/errors.js";
import { halfBitsToFloat } from "./ggml-quantize.js";

/**
 * A safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and byte range, then the raw little-endian tensor bytes. Only what a conversion
 * needs is read: the header, and float32 values of one tensor at a time.
 */
export interface SafetensorsTensor {
  name: string;
  dtype: string;
  /** Row-major, outermost first (as PyTorch gives it). */
  shape: number[];
  /** Absolute byte offsets in the file. */
  start: number;
  end: number;
}

export interface SafetensorsHeader {
  tensors: Map<string, SafetensorsTensor>;
  metadata: Record<string, string>;
}

/** Larger headers are not real model files (a 1 B model's header is about 100 KB). */
const maxHeaderBytes = 100 * 1024 * 1024;

const littleEndianHost = endianness() === "LE";

const dtypeBytes: Record<string, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

const tensorEntrySchema = z.object({
  dtype: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  data_offsets: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
});

/** Read and check the header of the safetensors file at `path`. */
export async function readSafetensorsHeader(path: string): Promise<SafetensorsHeader> {
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    const lengthBytes = await readExactly(handle, 0, 8, path);
    const headerLength = Number(lengthBytes.readBigUInt64LE(0));
    if (headerLength > maxHeaderBytes || 8 + headerLength > size) {
      throw notSafetensors(path, `its header claims ${headerLength} bytes in a ${size}-byte file`);
    }
    const text = (await readExactly(handle, 8, headerLength, path)).toString("utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw notSafetensors(path, "its header is not JSON", error);
    }
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      throw notSafetensors(path, "its header is not a JSON object");
    }
    const dataStart = 8 + headerLength;
    const tensors = new Map<string, SafetensorsTensor>();
    let metadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(json)) {
      if (name === "__metadata__") {
        metadata = z.record(z.string(), z.string()).parse(value);
        continue;
      }
      const parsed = tensorEntrySchema.safeParse(value);
      if (!parsed.success) {
        throw notSafetensors(path, `tensor ${name}: ${z.prettifyError(parsed.error)}`);
      }
      const { dtype, shape, data_offsets: offsets } = parsed.data;
      const width = dtypeBytes[dtype];
      if (width === undefined) throw notSafetensors(path, `tensor ${name} has dtype ${dtype}`);
      const expected = shape.reduce((product, dimension) => product * dimension, 1) * width;
      const start = dataStart + offsets[0];
      const end = dataStart + offsets[1];
      if (offsets[1] - offsets[0] !== expected || end > size) {
        throw notSafetensors(
          path,
          `tensor ${name} (${dtype} ${JSON.stringify(shape)}) spans bytes ${offsets[0]}–${offsets[1]} of a ${size - dataStart}-byte data section`,
        );
      }
      tensors.set(name, { name, dtype, shape, start, end });
    }
    return { tensors, metadata };
  } finally {
    await handle.close();
  }
}

/** Number of values in a tensor. */
export function elementCount(tensor: Pick<SafetensorsTensor, "shape">): number {
  return tensor.shape.reduce((product, dimension) => product * dimension, 1);
}

/**
 * `count` float32 values of a tensor starting at value `first`, as a Float32Array (F32 is read as
 * is; F16 and BF16 are widened). The file must be open for reading.
 */
export async function readTensorValues(
  handle: FileHandle,
  tensor: SafetensorsTensor,
  first: number,
  count: number,
): Promise<Float32Array> {
  const width = dtypeBytes[tensor.dtype] ?? 0;
  if (first + count > elementCount(tensor)) {
    throw new RangeError(`${tensor.name} has ${elementCount(tensor)} values, not ${first + count}`);
  }
  const bytes = await readExactly(handle, tensor.start + first * width, count * width, tensor.name);
  switch (tensor.dtype) {
    case "F32": {
      // Buffer.alloc gives a buffer of its own at offset 0; safetensors and x64/arm64 are little-endian.
      if (littleEndianHost) return new Float32Array(bytes.buffer, bytes.byteOffset, count);
      const values = new Float32Array(count);
      for (let index = 0; index < count; index += 1) values[index] = bytes.readFloatLE(index * 4);
      return values;
    }
    case "BF16": {
      const words = new Uint32Array(count);
      for (let index = 0; index < count; index += 1) {
        words[index] = bytes.readUInt16LE(index * 2) << 16;
      }
      return new Float32Array(words.buffer);
    }
    case "F16": {
      const values = new Float32Array(count);
      for (let index = 0; index < count; index += 1) {
        values[index] = halfBitsToFloat(bytes.readUInt16LE(index * 2));
      }
      return values;
    }
    default:
      throw new InvalidRequestError(
        `${tensor.name} is ${tensor.dtype}; only F32, F16 and BF16 tensors can be converted.`,
      );
  }
}

async function readExactly(
  handle: FileHandle,
  position: number,
  length: number,
  label: string,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) {
      throw notSafetensors(label, `it ends before byte ${position + length}`);
    }
    done += bytesRead;
  }
  return buffer;
}

function notSafetensors(path: string, reason: string, cause?: unknown): InvalidRequestError {
  return new InvalidRequestError(
    `${path} is not a usable safetensors file: ${reason}.`,
    null,
    cause,
  );
}
