import { describe, expect, it } from "vitest";
import { estimateMemory, kvBytesPerToken, memoryFit, type ModelShape } from "./memory-estimate.js";

const mebibyte = 1024 * 1024;
// Gemma 3 270M: 18 layers, 640 wide, 4 heads, 1 KV head of 256 + 256, 262144 tokens.
const gemma: ModelShape = {
  layers: 18,
  embeddingLength: 640,
  headCount: 4,
  headCountKv: 1,
  keyLength: 256,
  valueLength: 256,
  vocabularySize: 262_144,
};

describe("kvBytesPerToken", () => {
  it("counts keys and values of every KV head in every layer, in f16", () => {
    expect(kvBytesPerToken(gemma)).toBe(18 * 1 * (256 + 256) * 2); // 18 KiB
  });

  it("defaults KV heads to the attention heads and widths to embedding ÷ heads", () => {
    const llama = { layers: 2, embeddingLength: 8, headCount: 2 };
    expect(kvBytesPerToken(llama)).toBe(2 * 2 * (4 + 4) * 2);
    expect(kvBytesPerToken({ ...llama, headCountKv: [1, 2] })).toBe((1 + 2) * (4 + 4) * 2);
  });

  it("takes per-layer head counts, and layers without heads keep no cache", () => {
    // Widths follow each layer's own head count: 8 ÷ 4 = 2 in layer 0, 8 ÷ 2 = 4 in layer 1.
    const hybrid = { layers: 3, embeddingLength: 8, headCount: [4, 2, 0], headCountKv: [2, 1, 0] };
    expect(kvBytesPerToken(hybrid)).toBe(2 * (2 + 2) * 2 + 1 * (4 + 4) * 2);
    expect(kvBytesPerToken({ ...hybrid, headCountKv: [1, 0, 1] })).toBe(1 * (2 + 2) * 2);
  });
});

describe("estimateMemory", () => {
  it("adds weights, KV for every sequence, the embedding context, logits and the runtime", () => {
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
    expect(four.kvCacheBytes).toBe(4 * one.kvCacheBytes); // 288 MiB
    // The embedding context, however many chat sequences: 512 tokens (the default longest input)
    // of KV (9 MiB) and of per-token logits (262144 × 8 bytes: 1 GiB).
    expect(four.embeddingContextSize).toBe(512);
    expect(four.embeddingContextBytes).toBe((18 * 1024 + 262_144 * 8) * 512); // 1033 MiB
    expect(four.embeddingContextBytes).toBe(one.embeddingContextBytes);
    // Logits for a 512-token batch (512 MiB for Gemma's 262144-token vocabulary) + 128 MiB.
    expect(four.computeBytes).toBe(262_144 * 4 * 512 + 128 * mebibyte);
    expect(four.totalBytes).toBe(253_113_024 + 288 * mebibyte + 1033 * mebibyte + 640 * mebibyte);
  });

  it("grows the embedding context with its configured size, never past the chat context by default", () => {
    const longInputs = estimateMemory({
      fileSizeBytes: 0,
      shape: gemma,
      contextSize: 4096,
      sequences: 1,
      embeddingContextSize: 2048,
    });
    expect(longInputs.embeddingContextBytes).toBe((18 * 1024 + 262_144 * 8) * 2048);
    const short = estimateMemory({
      fileSizeBytes: 0,
      shape: gemma,
      contextSize: 256,
      sequences: 1,
    });
    expect(short.embeddingContextSize).toBe(256);
  });

  it("sizes the logits by the batch when context × sequences is under 512 tokens", () => {
    const small = estimateMemory({ fileSizeBytes: 0, shape: gemma, contextSize: 64, sequences: 2 });
    expect(small.computeBytes).toBe(262_144 * 4 * 128 + 128 * mebibyte);
  });

  it("counts weights and runtime only when the GGUF has no shape", () => {
    const estimate = estimateMemory({
      fileSizeBytes: 100 * mebibyte,
      shape: undefined,
      contextSize: 4096,
      sequences: 4,
    });
    expect(estimate.totalBytes).toBe(228 * mebibyte);
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
      memoryFit(estimate, { totalMemoryBytes: 1024 * mebibyte, freeMemoryBytes: 200 * mebibyte }),
    ).toEqual({
      fitsInTotal: true,
      fitsInFree: false,
    });
  });
});
