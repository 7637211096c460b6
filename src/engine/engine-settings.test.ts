import { describe, expect, it } from "vitest";
import { InsufficientMemoryError } from "../core/errors.js";
import { resolveEngineSettings } from "./engine-settings.js";
import { assertMemoryFits, estimateEngineMemory } from "./memory-estimate.js";
import { kvBytesPerToken, type ModelFootprint } from "./model-footprint.js";

const gibibyte = 1024 ** 3;
// SmolLM2-135M: 30 layers, 9 heads of 64 (576 wide), 3 KV heads → 23,040 bytes per token.
const smolKv = kvBytesPerToken({
  blockCount: 30,
  embeddingLength: 576,
  headCount: 9,
  headCountKv: 3,
});
const smol: ModelFootprint = {
  fileSizeBytes: 98_362_432,
  trainContextSize: 8192,
  kvBytesPerToken: smolKv,
};
const machine = (cores: number, freeGiB: number) => ({
  cores,
  totalMemoryBytes: 2 * freeGiB * gibibyte,
  freeMemoryBytes: freeGiB * gibibyte,
});

describe("kvBytesPerToken", () => {
  it("counts keys and values of every KV head in every layer, in f16", () => {
    expect(smolKv).toBe(30 * 3 * (64 + 64) * 2);
  });

  it("honours explicit key/value lengths and per-layer head counts", () => {
    expect(
      kvBytesPerToken({
        blockCount: 2,
        embeddingLength: 640,
        headCount: [4, 4],
        headCountKv: [1, 0],
        keyLength: 256,
        valueLength: 256,
      }),
    ).toBe(1 * 512 * 2);
  });
});

describe("resolveEngineSettings", () => {
  it("on a 2-core box with plenty of RAM: 2 threads, 4 sequences, 4096 tokens", () => {
    expect(resolveEngineSettings({ machine: machine(2, 20), model: smol })).toEqual({
      threads: 2,
      sequences: 4,
      contextSize: 4096,
    });
  });

  it("gives bigger machines more sequences, up to 32", () => {
    expect(resolveEngineSettings({ machine: machine(8, 64), model: smol }).sequences).toBe(16);
    expect(resolveEngineSettings({ machine: machine(64, 512), model: smol }).sequences).toBe(32);
  });

  it("uses the trained context when it is shorter than 4096", () => {
    const short = { ...smol, trainContextSize: 2048 };
    expect(resolveEngineSettings({ machine: machine(2, 20), model: short }).contextSize).toBe(2048);
  });

  it("bounds sequences by free RAM, then shrinks the context when even one does not fit", () => {
    const big: ModelFootprint = {
      fileSizeBytes: 2 * gibibyte,
      trainContextSize: 32_768,
      kvBytesPerToken: 131_072,
    };
    // 0.75 × 5 GiB − 2 GiB − 128 MiB ≈ 1.6 GiB of KV budget; 512 MiB per 4096-token context,
    // one of which is the embedding context.
    expect(resolveEngineSettings({ machine: machine(8, 5), model: big })).toEqual({
      threads: 8,
      sequences: 2,
      contextSize: 4096,
    });
    // ≈ 896 MiB: a sequence and the embedding context fit only at 2048 tokens (256 MiB each).
    expect(resolveEngineSettings({ machine: machine(8, 4), model: big })).toEqual({
      threads: 8,
      sequences: 2,
      contextSize: 2048,
    });
    // Too little for anything: still one sequence at the smallest context; the RAM check decides.
    expect(resolveEngineSettings({ machine: machine(8, 2), model: big })).toEqual({
      threads: 8,
      sequences: 1,
      contextSize: 512,
    });
  });

  it("keeps what the config asks for", () => {
    expect(
      resolveEngineSettings({
        machine: machine(2, 20),
        model: smol,
        requested: { threads: 1, sequences: 9, contextSize: 1024 },
      }),
    ).toEqual({ threads: 1, sequences: 9, contextSize: 1024 });
  });
});

describe("memory check", () => {
  it("adds weights, KV cache for every sequence and runtime overhead", () => {
    const estimate = estimateEngineMemory(smol, { sequences: 4, contextSize: 4096 });
    expect(estimate.kvCacheBytes).toBe(smolKv * 4096 * 4);
    expect(estimate.embeddingBytes).toBe(smolKv * 4096);
    expect(estimate.totalBytes).toBe(
      estimate.modelBytes +
        estimate.kvCacheBytes +
        estimate.embeddingBytes +
        estimate.overheadBytes,
    );
  });

  it("refuses with the numbers and the fix when the estimate exceeds free RAM", () => {
    const settings = { sequences: 4, contextSize: 4096 };
    const estimate = estimateEngineMemory(smol, settings);
    expect(() => {
      assertMemoryFits(estimate, settings, estimate.totalBytes, "smol");
    }).not.toThrow();
    let caught: unknown;
    try {
      assertMemoryFits(estimate, settings, 300 * 1024 * 1024, "smol");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InsufficientMemoryError);
    const message = (caught as Error).message;
    expect(message).toContain("smol");
    expect(message).toContain("300 MiB is free");
    expect(message).toContain("4 sequences × 4096 tokens");
    expect(message).toMatch(/engine\.contextSize or engine\.sequences/);
    expect(message).toContain("smaller model");
  });
});
