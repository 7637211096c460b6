import { describe, expect, it } from "vitest";
import { estimateMemory, memoryFit } from "./memory-estimate.js";

const mebibyte = 1024 * 1024;

describe("estimateMemory", () => {
  // Gemma 3 270M: 18 layers, 640 wide, 4 heads, 1 KV head of 256 + 256, 262144 tokens.
  const gemma = {
    layers: 18,
    embeddingLength: 640,
    headCount: 4,
    headCountKv: 1,
    keyLength: 256,
    valueLength: 256,
    vocabularySize: 262_144,
  };

  it("adds weights, a KV cache that grows with context × sequences, and compute buffers", () => {
    const one = estimateMemory({
      fileSizeBytes: 253_113_024,
      shape: gemma,
      contextSize: 4096,
      sequences: 1,
    });
    const four = estimateMemory({
      fileSizeBytes: 253_113_024,
      shape: gemma,
      contextSize: 4096,
      sequences: 4,
    });

    expect(one.kvCacheBytes).toBe(18 * 512 * 2 * 4096); // 72 MiB
    expect(four.kvCacheBytes).toBe(4 * one.kvCacheBytes);
    expect(one.computeBytes).toBe(262_144 * 4 * 512 + 32 * mebibyte);
    expect(one.totalBytes).toBe(253_113_024 + one.kvCacheBytes + one.computeBytes);
  });

  it("defaults KV heads to the attention heads and widths to embedding ÷ heads", () => {
    const llama = { layers: 2, embeddingLength: 8, headCount: 2, vocabularySize: 10 };
    expect(
      estimateMemory({ fileSizeBytes: 0, shape: llama, contextSize: 100, sequences: 1 })
        .kvCacheBytes,
    ).toBe(2 * 2 * (4 + 4) * 2 * 100);
    const perLayer = { ...llama, headCountKv: [1, 2] };
    expect(
      estimateMemory({ fileSizeBytes: 0, shape: perLayer, contextSize: 100, sequences: 1 })
        .kvCacheBytes,
    ).toBe((1 + 2) * (4 + 4) * 2 * 100);
  });
});

describe("memoryFit", () => {
  it("compares against total and free memory", () => {
    const estimate = estimateMemory({
      fileSizeBytes: 100 * mebibyte,
      shape: undefined,
      contextSize: 1,
      sequences: 1,
    });
    expect(
      memoryFit(estimate, { totalMemoryBytes: 1024 * mebibyte, freeMemoryBytes: 64 * mebibyte }),
    ).toEqual({
      fitsInTotal: true,
      fitsInFree: false,
    });
  });
});
