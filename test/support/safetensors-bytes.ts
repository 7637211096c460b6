/**
 * A safetensors file's bytes (8-byte header length, JSON header, raw little-endian data), for
 * tests that need model weights: float32 values stored as F32, F16 or BF16.
 */
export interface TestTensor {
  shape: number[];
  values: readonly number[];
  dtype?: "F32" | "F16" | "BF16";
}

export function safetensorsBytes(tensors: Record<string, TestTensor>): Buffer {
  const header: Record<string, unknown> = { __metadata__: { format: "pt" } };
  const data: Buffer[] = [];
  let offset = 0;
  for (const [name, tensor] of Object.entries(tensors)) {
    const dtype = tensor.dtype ?? "F32";
    const bytes = encode(tensor.values, dtype);
    header[name] = { dtype, shape: tensor.shape, data_offsets: [offset, offset + bytes.length] };
    data.push(bytes);
    offset += bytes.length;
  }
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([length, json, ...data]);
}

function encode(values: readonly number[], dtype: "F32" | "F16" | "BF16"): Buffer {
  const f32 = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => f32.writeFloatLE(value, index * 4));
  if (dtype === "F32") return f32;
  const out = Buffer.alloc(values.length * 2);
  values.forEach((value, index) => {
    const bits = f32.readUInt32LE(index * 4);
    // BF16 keeps the top half (truncation is exact for the test values); F16 is encoded by hand.
    out.writeUInt16LE(dtype === "BF16" ? bits >>> 16 : halfBits(value), index * 2);
  });
  return out;
}

/** Half-precision bits of values exactly representable in F16 (what the tests use). */
function halfBits(value: number): number {
  if (value === 0) return Object.is(value, -0) ? 0x8000 : 0;
  const sign = value < 0 ? 0x8000 : 0;
  const magnitude = Math.abs(value);
  const exponent = Math.floor(Math.log2(magnitude));
  const fraction = Math.round((magnitude / 2 ** exponent - 1) * 1024);
  return sign | ((exponent + 15) << 10) | fraction;
}
