import { describe, expect, it } from "vitest";
import { floatToHalfBits, halfBitsToFloat, toQ8Bytes } from "./ggml-quantize.js";

describe("floatToHalfBits", () => {
  it("gives IEEE half-precision bits, rounding to nearest with ties to even", () => {
    expect(floatToHalfBits(1)).toBe(0x3c00);
    expect(floatToHalfBits(-2)).toBe(0xc000);
    expect(floatToHalfBits(65504)).toBe(0x7bff);
    expect(floatToHalfBits(1e6)).toBe(0x7c00); // beyond the range: infinity
    expect(floatToHalfBits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(floatToHalfBits(1e-9)).toBe(0);
    expect(floatToHalfBits(-0)).toBe(0x8000);
    // 1 + 2^-11 lies halfway between 1 and the next half (1 + 2^-10): ties go to the even one.
    expect(floatToHalfBits(1 + 2 ** -11)).toBe(0x3c00);
    expect(floatToHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(Number.isNaN(halfBitsToFloat(floatToHalfBits(Number.NaN)))).toBe(true);
  });

  it("round-trips every finite half value", () => {
    const wrong: number[] = [];
    for (let bits = 0; bits < 0x7c00; bits += 1) {
      if (floatToHalfBits(halfBitsToFloat(bits)) !== bits) wrong.push(bits);
    }
    expect(wrong).toEqual([]);
  });
});

describe("toQ8Bytes", () => {
  it("stores each block of 32 as an F16 scale (max |x| / 127) and bytes that dequantize within half a step", () => {
    const values = Float32Array.from(
      { length: 64 },
      (_, index) => Math.sin(index) * (index < 32 ? 3 : 0.01),
    );
    const bytes = Buffer.from(toQ8Bytes(values));
    expect(bytes.length).toBe(68);
    for (const block of [0, 1]) {
      const scale = halfBitsToFloat(bytes.readUInt16LE(block * 34));
      const largest = Math.max(...values.subarray(block * 32, block * 32 + 32).map(Math.abs));
      expect(scale).toBeCloseTo(largest / 127, 3);
      for (let index = 0; index < 32; index += 1) {
        const restored = bytes.readInt8(block * 34 + 2 + index) * scale;
        expect(Math.abs(restored - (values[block * 32 + index] ?? 0))).toBeLessThanOrEqual(
          scale * 0.51,
        );
      }
    }
  });

  it("stores a block of zeros as zeros", () => {
    expect([...toQ8Bytes(new Float32Array(32))]).toEqual(new Array(34).fill(0));
    expect(() => toQ8Bytes(new Float32Array(33))).toThrow(/multiple of 32/);
  });
});
