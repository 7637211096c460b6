import { q8BlockBytes, q8BlockValues } from "./gguf-writer.js";

/**
 * Float32 values to the bytes of ggml's F16 and Q8_0 tensor types. Pure and deterministic: the
 * same input always gives the same bytes, so a converted model can be pinned by its sha256.
 */

const scratch = new DataView(new ArrayBuffer(4));

/** IEEE 754 half-precision bits of `value`, rounded to nearest, ties to even. */
export function floatToHalfBits(value: number): number {
  scratch.setFloat32(0, value);
  const bits = scratch.getUint32(0);
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200); // infinity, NaN
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00; // too large: infinity
  if (halfExponent <= 0) {
    if (halfExponent < -10) return sign; // too small: zero
    mantissa |= 0x800000; // the implicit leading one
    const shift = 14 - halfExponent;
    return sign | roundShift(mantissa, shift);
  }
  // A carry out of the mantissa correctly bumps the exponent (and to infinity at the top).
  return (sign | (halfExponent << 10)) + roundShift(mantissa, 13);
}

/** `value >> shift`, rounded to nearest with ties to even. */
function roundShift(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value - kept * 2 ** shift;
  const half = 2 ** (shift - 1);
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}

/** The value that half-precision bits stand for. */
export function halfBitsToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : Number.NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** ggml F16: two little-endian bytes per value. */
export function toF16Bytes(values: Float32Array): Uint8Array {
  const out = Buffer.alloc(values.length * 2);
  for (let index = 0; index < values.length; index += 1) {
    out.writeUInt16LE(floatToHalfBits(values[index] ?? 0), index * 2);
  }
  return out;
}

/** ggml F32: four little-endian bytes per value. */
export function toF32Bytes(values: Float32Array): Uint8Array {
  const out = Buffer.alloc(values.length * 4);
  for (let index = 0; index < values.length; index += 1) {
    out.writeFloatLE(values[index] ?? 0, index * 4);
  }
  return out;
}

/**
 * ggml Q8_0: for each block of 32 values, the scale d = max |x| / 127 as F16, then each value as
 * round(x / d) in a signed byte (half away from zero, as ggml's reference quantizer rounds).
 * `values.length` must be a multiple of 32.
 */
export function toQ8Bytes(values: Float32Array): Uint8Array {
  if (values.length % q8BlockValues !== 0) {
    throw new RangeError(`Q8_0 needs a multiple of 32 values, not ${values.length}`);
  }
  const blocks = values.length / q8BlockValues;
  const out = Buffer.alloc(blocks * q8BlockBytes);
  for (let block = 0; block < blocks; block += 1) {
    const first = block * q8BlockValues;
    let largest = 0;
    for (let index = first; index < first + q8BlockValues; index += 1) {
      largest = Math.max(largest, Math.abs(values[index] ?? 0));
    }
    const scale = Math.fround(largest / 127);
    const inverse = scale === 0 ? 0 : Math.fround(1 / scale);
    const at = block * q8BlockBytes;
    out.writeUInt16LE(floatToHalfBits(scale), at);
    for (let index = 0; index < q8BlockValues; index += 1) {
      const scaled = Math.fround((values[first + index] ?? 0) * inverse);
      const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
      out.writeInt8(Math.max(-127, Math.min(127, rounded)), at + 2 + index);
    }
  }
  return out;
}
