import { createHash } from "node:crypto";
import { open } from "node:fs/promises";

/**
 * A GGUF (version 3) file writer: header, metadata, tensor table, then each tensor's bytes at a
 * 32-byte aligned offset, as llama.cpp's gguf reader expects. Tensors are produced one at a time
 * by their `write` callbacks, so a model larger than memory streams through; the file's sha256 is
 * computed on the way.
 */

/** ggml tensor types written here (ggml.h `enum ggml_type`). */
export const GgmlType = { F32: 0, F16: 1, Q8_0: 8 } as const;
export type GgmlType = (typeof GgmlType)[keyof typeof GgmlType];

/** Q8_0: blocks of 32 values, each an f16 scale and 32 signed bytes. */
export const q8BlockValues = 32;
export const q8BlockBytes = 34;

/** A metadata value with its GGUF type. */
export type GgufValue =
  | { type: "uint32"; value: number }
  | { type: "int32"; value: number }
  | { type: "float32"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "string[]"; value: readonly string[] }
  | { type: "float32[]"; value: ArrayLike<number> }
  | { type: "int32[]"; value: ArrayLike<number> };

export interface GgufTensor {
  name: string;
  /** ggml order: the innermost (fastest-varying) dimension first, the reverse of PyTorch's shape. */
  dims: readonly number[];
  type: GgmlType;
  /** Writes exactly `ggmlTensorBytes(dims, type)` bytes through `emit`, in order. */
  write: (emit: (bytes: Uint8Array) => Promise<void>) => Promise<void>;
}

export interface GgufContent {
  metadata: ReadonlyArray<readonly [string, GgufValue]>;
  tensors: readonly GgufTensor[];
}

export interface WrittenGguf {
  sha256: string;
  sizeBytes: number;
}

const alignment = 32;

/** GGUF value type codes (gguf.h `enum gguf_type`). */
const valueType = {
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
} as const;

/** Bytes a tensor of these dimensions and type takes in the file (before alignment padding). */
export function ggmlTensorBytes(dims: readonly number[], type: GgmlType): number {
  const count = dims.reduce((product, dimension) => product * dimension, 1);
  switch (type) {
    case GgmlType.F32:
      return count * 4;
    case GgmlType.F16:
      return count * 2;
    case GgmlType.Q8_0:
      if ((dims[0] ?? 0) % q8BlockValues !== 0) {
        throw new RangeError(`Q8_0 needs rows of a multiple of 32 values, not ${dims[0]}`);
      }
      return (count / q8BlockValues) * q8BlockBytes;
  }
}

/**
 * Write `content` as a GGUF file at `path` (created or truncated) and return its sha256 and size.
 * `onProgress` gets the bytes written so far.
 */
export async function writeGguf(
  path: string,
  content: GgufContent,
  onProgress?: (bytesWritten: number) => void,
): Promise<WrittenGguf> {
  const handle = await open(path, "w");
  const hash = createHash("sha256");
  let written = 0;
  const emit = async (bytes: Uint8Array): Promise<void> => {
    if (bytes.byteLength === 0) return;
    hash.update(bytes);
    let done = 0;
    while (done < bytes.byteLength) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done);
      done += bytesWritten;
    }
    written += bytes.byteLength;
    onProgress?.(written);
  };
  try {
    const sizes = content.tensors.map((tensor) => ggmlTensorBytes(tensor.dims, tensor.type));
    const header = new ByteWriter();
    header.raw(Buffer.from("GGUF", "latin1"));
    header.uint32(3);
    header.uint64(content.tensors.length);
    header.uint64(content.metadata.length);
    for (const [key, value] of content.metadata) writeKeyValue(header, key, value);
    let offset = 0;
    content.tensors.forEach((tensor, index) => {
      header.string(tensor.name);
      header.uint32(tensor.dims.length);
      for (const dimension of tensor.dims) header.uint64(dimension);
      header.uint32(tensor.type);
      header.uint64(offset);
      offset += padded(sizes[index] ?? 0);
    });
    await emit(header.finish());
    await emit(new Uint8Array(padded(written) - written));
    for (const [index, tensor] of content.tensors.entries()) {
      const expected = sizes[index] ?? 0;
      const start = written;
      await tensor.write(emit);
      const actual = written - start;
      if (actual !== expected) {
        throw new Error(`${tensor.name}: wrote ${actual} bytes, expected ${expected}`);
      }
      await emit(new Uint8Array(padded(actual) - actual));
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest("hex"), sizeBytes: written };
}

function padded(bytes: number): number {
  return Math.ceil(bytes / alignment) * alignment;
}

function writeKeyValue(out: ByteWriter, key: string, value: GgufValue): void {
  out.string(key);
  switch (value.type) {
    case "uint32":
      out.uint32(valueType.uint32);
      out.uint32(value.value);
      return;
    case "int32":
      out.uint32(valueType.int32);
      out.int32(value.value);
      return;
    case "float32":
      out.uint32(valueType.float32);
      out.float32(value.value);
      return;
    case "bool":
      out.uint32(valueType.bool);
      out.raw(Uint8Array.of(value.value ? 1 : 0));
      return;
    case "string":
      out.uint32(valueType.string);
      out.string(value.value);
      return;
    case "string[]":
      writeArray(out, valueType.string, value.value, (item) => {
        out.string(item);
      });
      return;
    case "float32[]":
      writeArray(out, valueType.float32, value.value, (item) => {
        out.float32(item);
      });
      return;
    case "int32[]":
      writeArray(out, valueType.int32, value.value, (item) => {
        out.int32(item);
      });
      return;
  }
}

function writeArray<T>(
  out: ByteWriter,
  elementType: number,
  items: ArrayLike<T>,
  writeItem: (item: T) => void,
): void {
  out.uint32(valueType.array);
  out.uint32(elementType);
  out.uint64(items.length);
  for (let index = 0; index < items.length; index += 1) writeItem(items[index] as T);
}

/** Little-endian bytes appended to a list of chunks (the header of a large vocabulary is MBs). */
class ByteWriter {
  private readonly chunks: Buffer[] = [];
  private current = Buffer.alloc(64 * 1024);
  private used = 0;

  uint32(value: number): void {
    this.reserve(4).writeUInt32LE(value, this.used - 4);
  }
  int32(value: number): void {
    this.reserve(4).writeInt32LE(value, this.used - 4);
  }
  uint64(value: number): void {
    this.reserve(8).writeBigUInt64LE(BigInt(value), this.used - 8);
  }
  float32(value: number): void {
    this.reserve(4).writeFloatLE(value, this.used - 4);
  }
  string(value: string): void {
    const bytes = Buffer.from(value, "utf8");
    this.uint64(bytes.byteLength);
    this.raw(bytes);
  }
  raw(bytes: Uint8Array): void {
    this.reserve(bytes.byteLength).set(bytes, this.used - bytes.byteLength);
  }
  finish(): Buffer {
    this.chunks.push(this.current.subarray(0, this.used));
    return Buffer.concat(this.chunks);
  }

  /** Room for `length` more bytes in the current chunk; advances `used` past them. */
  private reserve(length: number): Buffer {
    if (this.used + length > this.current.byteLength) {
      this.chunks.push(this.current.subarray(0, this.used));
      this.current = Buffer.alloc(Math.max(64 * 1024, length));
      this.used = 0;
    }
    this.used += length;
    return this.current;
  }
}
